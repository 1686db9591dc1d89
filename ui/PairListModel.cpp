#include "PairListModel.h"

#include "TimeText.h"
#include "TrayIcon.h"

#include <QLocale>

namespace twinbox {

using Activity = sync::PairState::Activity;

int PairListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_controllers.size());
}

int PairListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

QString PairListModel::activityText(const sync::PairState &state)
{
    switch (state.activity) {
    case Activity::Idle:
        return tr("Idle");
    case Activity::Syncing:
        return tr("Syncing");
    case Activity::Paused:
        return tr("Paused");
    case Activity::Error:
        return tr("Error");
    case Activity::NeedsAttention:
        return tr("Needs attention");
    }
    return {};
}

QVariant PairListModel::data(const QModelIndex &index, int role) const
{
    const PairController *controller = m_controllers.value(index.row());
    if (!index.isValid() || !controller)
        return {};
    const sync::PairState &state = controller->state();
    if (role == ActivityRole)
        return int(state.activity);
    if (role == Qt::DecorationRole && index.column() == Name)
        return TrayIcon::iconFor(state.activity);
    if (role == Qt::ToolTipRole)
        return state.error.isEmpty() ? activityText(state) : state.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return controller->name();
    case State:
        return activityText(state);
    case LastSync:
        return state.lastSync.isValid() ? shortTime(state.lastSync) : tr("Never");
    case NextSync:
        return shortTime(state.nextSync);
    }
    return {};
}

QVariant PairListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Account pair");
    case State:
        return tr("State");
    case LastSync:
        return tr("Last sync");
    case NextSync:
        return tr("Next sync");
    }
    return {};
}

void PairListModel::add(PairController *controller)
{
    const int row = int(m_controllers.size());
    beginInsertRows({}, row, row);
    m_controllers.append(controller);
    endInsertRows();
    connect(controller, &PairController::stateChanged, this, [this, controller] {
        const int at = int(m_controllers.indexOf(controller));
        if (at >= 0)
            Q_EMIT dataChanged(index(at, 0), index(at, Count - 1));
    });
}

void PairListModel::remove(PairController *controller)
{
    const int row = int(m_controllers.indexOf(controller));
    if (row < 0)
        return;
    disconnect(controller, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_controllers.removeAt(row);
    endRemoveRows();
}

int PairListModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_controllers.size(); ++i) {
        if (m_controllers[i]->name() == name)
            return int(i);
    }
    return -1;
}

} // namespace twinbox
