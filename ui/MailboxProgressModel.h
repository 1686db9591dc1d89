#pragma once

#include "sync/SyncEvents.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

namespace twinbox {

// The per-mailbox table of the selected pair, fed by the engine's events (values that came
// through a queued connection): one row per mailbox of the last listing, in the engine's
// order, with its phase, progress, what it changed, when it was last synced and its error.
class MailboxProgressModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Mailbox, Phase, Progress, New, FlagChanges, Expunges, LastSynced, Error, Count };
    // Progress: the fraction done (0..1) under this role, for the progress bar delegate.
    static constexpr int FractionRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The whole run: messages and bytes of the mailboxes listed, and an estimate of the time
    // left from the rate so far (nullopt before there is one).
    double overallFraction() const;
    std::optional<qint64> secondsLeft() const;
    bool running() const { return m_running; }

public Q_SLOTS:
    void syncStarted();
    void mailboxList(const twinbox::sync::MailboxListing &listing);
    void progress(const twinbox::sync::SyncProgress &progress);
    void mailboxDone(const twinbox::sync::MailboxOutcome &outcome);
    void message(const twinbox::sync::SyncMessage &message);
    void syncFinished(const twinbox::sync::SyncTotals &totals);

Q_SIGNALS:
    void overallChanged();

private:
    struct Row
    {
        QString name;  // display name
        QString label; // its last level
        int depth = 0;
        std::optional<sync::SyncProgress::Phase> phase;
        qint64 doneMessages = 0;
        qint64 totalMessages = 0;
        qint64 doneBytes = 0;
        qint64 totalBytes = 0;
        QHash<QString, sync::SyncProgress> copies; // by target server
        bool done = false;
        bool skipped = false; // passed over by the engine: nothing to do
        bool stopped = false; // not reached by a sync that was cut short
        sync::MailboxOutcome outcome;
        QDateTime lastSynced;
        QString error;
    };
    int rowOf(const QString &mailbox);
    void changed(int row);

    QList<Row> m_rows;
    QElapsedTimer m_clock;
    bool m_running = false;
};

} // namespace twinbox
