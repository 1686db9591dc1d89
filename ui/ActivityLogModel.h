#pragma once

#include "sync/SyncEvents.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace twinbox {

// What every pair's engine said, newest last, bounded so that a pair watched for weeks does
// not grow the window's memory. Protocol lines (debug) are kept only when asked for.
class ActivityLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Pair, Level, Where, Text, Count };
    static constexpr int SeverityRole = Qt::UserRole + 1;
    static constexpr int PairRole = Qt::UserRole + 2;

    explicit ActivityLogModel(int capacity = 5000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void append(const QString &pair, const sync::SyncMessage &message);

private:
    struct Entry
    {
        QDateTime time;
        QString pair;
        sync::SyncMessage message;
    };
    QList<Entry> m_entries;
    int m_capacity;
};

} // namespace twinbox
