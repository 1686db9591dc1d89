#include "MailboxProgressModel.h"

#include "TimeText.h"

#include <QLocale>

namespace twinbox {

using sync::SyncProgress;

int MailboxProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MailboxProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

namespace {

QString phaseText(const std::optional<SyncProgress::Phase> &phase, bool done, bool failed,
                  bool waiting, bool stopped)
{
    if (failed)
        return MailboxProgressModel::tr("Failed");
    if (done)
        return MailboxProgressModel::tr("Done");
    if (stopped)
        return MailboxProgressModel::tr("Not synced this time");
    if (waiting)
        return MailboxProgressModel::tr("Waiting");
    if (!phase)
        return MailboxProgressModel::tr("Up to date");
    switch (*phase) {
    case SyncProgress::Phase::Selecting:
        return MailboxProgressModel::tr("Opening");
    case SyncProgress::Phase::Changes:
        return MailboxProgressModel::tr("Applying changes");
    case SyncProgress::Phase::Copying:
        return MailboxProgressModel::tr("Copying messages");
    case SyncProgress::Phase::Checking:
        return MailboxProgressModel::tr("Checking");
    case SyncProgress::Phase::Done:
        return MailboxProgressModel::tr("Done");
    }
    return {};
}

} // namespace

QVariant MailboxProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const bool waiting = m_running && !row.phase && !row.skipped && !row.done;
    const bool finished = row.done || !row.error.isEmpty() || (!row.phase && !waiting);
    const double fraction =
        finished ? 1.0
        : row.totalBytes > 0
            ? double(row.doneBytes) / double(row.totalBytes)
            : (row.totalMessages > 0 ? double(row.doneMessages) / double(row.totalMessages) : 0.0);
    if (role == FractionRole && index.column() == Progress)
        return fraction;
    if (role == Qt::ToolTipRole && index.column() == Mailbox)
        return row.name;
    if (role == Qt::AccessibleTextRole && index.column() == Progress)
        return tr("%1 percent").arg(int(fraction * 100));
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Mailbox:
        // The tree of mailboxes as an indented list: the order is the engine's (sorted).
        return QString(QString(row.depth * 4, u' ') + row.label);
    case Phase:
        return phaseText(row.phase, row.done, !row.error.isEmpty(), waiting, row.stopped);
    case Progress:
        if (row.totalMessages == 0)
            return QString();
        return tr("%1/%2 · %3")
            .arg(row.doneMessages)
            .arg(row.totalMessages)
            .arg(locale.formattedDataSize(row.totalBytes, 1));
    case New:
        return row.outcome.messagesCopied;
    case FlagChanges:
        return row.outcome.flagUpdates;
    case Expunges:
        return row.outcome.expunges;
    case LastSynced:
        return shortTime(row.lastSynced);
    case Error:
        return row.error;
    }
    return {};
}

QVariant MailboxProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Mailbox:
        return tr("Mailbox");
    case Phase:
        return tr("Phase");
    case Progress:
        return tr("Progress");
    case New:
        return tr("New");
    case FlagChanges:
        return tr("Flag changes");
    case Expunges:
        return tr("Expunged");
    case LastSynced:
        return tr("Last synced");
    case Error:
        return tr("Error");
    }
    return {};
}

void MailboxProgressModel::syncStarted()
{
    m_running = true;
    m_clock.start();
    beginResetModel();
    for (Row &row : m_rows) {
        const QDateTime lastSynced = row.lastSynced;
        Row fresh;
        fresh.name = row.name;
        fresh.label = row.label;
        fresh.depth = row.depth;
        fresh.lastSynced = lastSynced;
        row = fresh;
    }
    endResetModel();
    Q_EMIT overallChanged();
}

void MailboxProgressModel::mailboxList(const sync::MailboxListing &listing)
{
    QHash<QString, QDateTime> lastSynced;
    for (const Row &row : std::as_const(m_rows))
        lastSynced.insert(row.name, row.lastSynced);
    beginResetModel();
    m_rows.clear();
    for (const QString &name : listing.names) {
        Row row;
        row.name = name;
        const QStringList levels = name.split(listing.delimiter);
        row.label = levels.last();
        row.depth = int(levels.size()) - 1;
        row.lastSynced = lastSynced.value(name);
        m_rows.append(row);
    }
    endResetModel();
    Q_EMIT overallChanged();
}

int MailboxProgressModel::rowOf(const QString &mailbox)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name == mailbox)
            return int(i);
    }
    return -1;
}

void MailboxProgressModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, Count - 1));
    Q_EMIT overallChanged();
}

void MailboxProgressModel::progress(const sync::SyncProgress &progress)
{
    const int row = rowOf(progress.mailbox);
    if (row < 0)
        return;
    // The engine takes the mailboxes in the listed order: those before this one that it did
    // not open had nothing to do.
    for (int before = 0; before < row; ++before) {
        Row &earlier = m_rows[before];
        if (!earlier.phase && !earlier.done && !earlier.skipped) {
            earlier.skipped = true;
            earlier.lastSynced = QDateTime::currentDateTime();
            changed(before);
        }
    }
    Row &entry = m_rows[row];
    entry.phase = progress.phase;
    if (progress.phase == SyncProgress::Phase::Copying || progress.totalMessages > 0) {
        // New mail may go both ways: the row shows both directions together.
        entry.copies.insert(progress.target, progress);
        entry.doneMessages = entry.totalMessages = entry.doneBytes = entry.totalBytes = 0;
        for (const SyncProgress &direction : std::as_const(entry.copies)) {
            entry.doneMessages += direction.doneMessages;
            entry.totalMessages += direction.totalMessages;
            entry.doneBytes += direction.doneBytes;
            entry.totalBytes += direction.totalBytes;
        }
    }
    changed(row);
}

void MailboxProgressModel::mailboxDone(const sync::MailboxOutcome &outcome)
{
    const int row = rowOf(outcome.mailbox);
    if (row < 0)
        return;
    Row &entry = m_rows[row];
    entry.done = true;
    entry.outcome = outcome;
    entry.lastSynced = QDateTime::currentDateTime();
    entry.doneMessages = entry.totalMessages;
    entry.doneBytes = entry.totalBytes;
    changed(row);
}

void MailboxProgressModel::message(const sync::SyncMessage &message)
{
    if (message.severity != sync::SyncMessage::Severity::Error || message.mailbox.isEmpty())
        return;
    const int row = rowOf(message.mailbox);
    if (row < 0)
        return;
    m_rows[row].error = message.component.isEmpty()
                            ? message.text
                            : message.component + QStringLiteral(": ") + message.text;
    changed(row);
}

void MailboxProgressModel::syncFinished(const sync::SyncTotals &totals)
{
    m_running = false;
    // Mailboxes with nothing to do were not opened: they are up to date as of now. Unless
    // the sync was cut short: then those it did not reach are simply not synced this time.
    const QDateTime now = QDateTime::currentDateTime();
    for (Row &row : m_rows) {
        // A mailbox taken to be selected ahead (SelectAhead) and then left when the run
        // stopped shows its first phase only: it was not reached either.
        const bool onlyTaken =
            row.phase == sync::SyncProgress::Phase::Selecting && row.error.isEmpty() && !row.done;
        const bool reached = (row.phase && !onlyTaken) || row.done || row.skipped;
        if (totals.interrupted && !reached) {
            row.stopped = true;
            continue;
        }
        if (row.error.isEmpty() && (row.done || row.skipped || !row.phase))
            row.lastSynced = now;
        row.skipped = row.skipped || (!row.phase && !row.done);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, Count - 1));
    Q_EMIT overallChanged();
}

double MailboxProgressModel::overallFraction() const
{
    if (!m_running) {
        // All of it, but for the mailboxes a cut-short sync did not reach.
        const auto stopped = std::count_if(m_rows.cbegin(), m_rows.cend(),
                                           [](const Row &row) { return row.stopped; });
        return m_rows.isEmpty() ? 0.0 : 1.0 - double(stopped) / double(m_rows.size());
    }
    if (m_rows.isEmpty())
        return 0.0;
    // Each mailbox weighs as much as its bytes to copy, and at least as one empty mailbox; one
    // not reached yet weighs as much as the average of those whose size is known.
    double known = 0;
    int sized = 0;
    for (const Row &row : m_rows) {
        if (row.totalBytes > 0) {
            known += 1.0 + double(row.totalBytes) / 65536.0;
            ++sized;
        }
    }
    const double unknownWeight = sized > 0 ? known / sized : 1.0;
    double done = 0;
    double total = 0;
    for (const Row &row : m_rows) {
        const bool reached = row.phase || row.done || row.skipped || !row.error.isEmpty();
        const double weight = reached ? 1.0 + double(row.totalBytes) / 65536.0 : unknownWeight;
        const bool finished = row.done || row.skipped || !row.error.isEmpty();
        const double fraction = finished ? 1.0
                                : row.totalBytes > 0
                                    ? double(row.doneBytes) / double(row.totalBytes)
                                    : 0.0;
        done += weight * fraction;
        total += weight;
    }
    return done / total;
}

std::optional<qint64> MailboxProgressModel::secondsLeft() const
{
    const double fraction = overallFraction();
    if (!m_running || fraction <= 0.02 || fraction >= 1.0 || m_clock.elapsed() < 2000)
        return std::nullopt;
    const double elapsed = double(m_clock.elapsed()) / 1000.0;
    return qint64(elapsed / fraction * (1.0 - fraction));
}

} // namespace twinbox
