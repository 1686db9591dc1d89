#include "ActivityLogFilter.h"

#include "ActivityLogModel.h"

namespace twinbox {

using sync::SyncMessage;

void ActivityLogFilter::setPair(const QString &pair)
{
    m_pair = pair;
    invalidateFilter();
}

void ActivityLogFilter::setMinimumSeverity(SyncMessage::Severity severity)
{
    m_minimum = severity;
    invalidateFilter();
}

bool ActivityLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(ActivityLogModel::SeverityRole).toInt() < int(m_minimum))
        return false;
    return m_pair.isEmpty() || index.data(ActivityLogModel::PairRole).toString() == m_pair;
}

} // namespace twinbox
