#pragma once

#include "PairController.h"

#include <QAbstractTableModel>

namespace twinbox {

// The account pairs in the window's list: name, state, last and next sync. It holds no
// state of its own: each row reads its controller, which is told by its worker.
class PairListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, State, LastSync, NextSync, Count };
    static constexpr int ActivityRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The model does not own the controllers.
    void add(PairController *controller);
    void remove(PairController *controller);
    PairController *controller(int row) const { return m_controllers.value(row); }
    int rowOf(const QString &name) const;
    const QList<PairController *> &controllers() const { return m_controllers; }

    static QString activityText(const sync::PairState &state);

private:
    QList<PairController *> m_controllers;
};

} // namespace twinbox
