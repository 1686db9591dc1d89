#pragma once

#include "sync/SyncEvents.h"

#include <QSortFilterProxyModel>

namespace twinbox {

// The log as the user filters it: one pair or all, a lowest level, protocol lines or not.
class ActivityLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setPair(const QString &pair); // empty: every pair
    void setMinimumSeverity(sync::SyncMessage::Severity severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_pair;
    sync::SyncMessage::Severity m_minimum = sync::SyncMessage::Severity::Info;
};

} // namespace twinbox
