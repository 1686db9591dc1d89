#include "ProgressBarDelegate.h"

#include <QApplication>
#include <QStyleOptionProgressBar>

namespace twinbox {

ProgressBarDelegate::ProgressBarDelegate(int fractionRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_fractionRole(fractionRole)
{}

void ProgressBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(1, 1, -1, -1);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = int(index.data(m_fractionRole).toDouble() * 1000);
    bar.text = index.data().toString();
    bar.textVisible = !bar.text.isEmpty();
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

} // namespace twinbox
