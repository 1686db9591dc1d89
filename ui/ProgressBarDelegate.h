#pragma once

#include <QStyledItemDelegate>

namespace twinbox {

// Draws a cell as a progress bar: the fraction under `fractionRole`, the cell's text on it.
class ProgressBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    ProgressBarDelegate(int fractionRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_fractionRole;
};

} // namespace twinbox
