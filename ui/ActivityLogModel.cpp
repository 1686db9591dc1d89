#include "ActivityLogModel.h"

#include <QLocale>

namespace twinbox {

using sync::SyncMessage;

ActivityLogModel::ActivityLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

namespace {

QString levelText(SyncMessage::Severity severity)
{
    switch (severity) {
    case SyncMessage::Severity::Debug:
        return ActivityLogModel::tr("Protocol");
    case SyncMessage::Severity::Info:
        return ActivityLogModel::tr("Information");
    case SyncMessage::Severity::Warning:
        return ActivityLogModel::tr("Warning");
    case SyncMessage::Severity::Error:
        return ActivityLogModel::tr("Error");
    }
    return {};
}

} // namespace

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (role == SeverityRole)
        return int(entry.message.severity);
    if (role == PairRole)
        return entry.pair;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QLocale().toString(entry.time.time(), QLocale::LongFormat);
    case Pair:
        return entry.pair;
    case Level:
        return levelText(entry.message.severity);
    case Where: {
        const QString &server = entry.message.component;
        const QString &mailbox = entry.message.mailbox;
        if (server.isEmpty() || mailbox.isEmpty())
            return QString(server + mailbox);
        return QString(server + u'(' + mailbox + u')');
    }
    case Text:
        return entry.message.text;
    }
    return {};
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Pair:
        return tr("Pair");
    case Level:
        return tr("Level");
    case Where:
        return tr("Where");
    case Text:
        return tr("Message");
    }
    return {};
}

void ActivityLogModel::append(const QString &pair, const SyncMessage &message)
{
    if (m_entries.size() >= m_capacity) {
        const int drop = std::max(1, m_capacity / 10); // in chunks: cheap for the views
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({QDateTime::currentDateTime(), pair, message});
    endInsertRows();
}

} // namespace twinbox
