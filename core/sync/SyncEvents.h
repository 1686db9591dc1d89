#pragma once

#include <QByteArrayList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <cstdint>

namespace twinbox::sync {

// What the engine tells the people watching it: small values, so that they cross threads
// as queued signals (the GUI) or become log lines (twinbox-cli).

// A log line: `component` is "local", "remote", "database" or empty; `mailbox` is the
// display name or empty. The CLI formats both with log-prefix.
struct SyncMessage
{
    enum class Severity { Debug, Info, Warning, Error };
    Severity severity = Severity::Info;
    QString component;
    QString mailbox;
    QString text;
};

struct SyncProgress
{
    enum class Phase { Selecting, Changes, Copying, Checking, Done };
    QString mailbox;
    Phase phase = Phase::Selecting;
    qint64 doneMessages = 0;
    qint64 totalMessages = 0;
    qint64 doneBytes = 0;
    qint64 totalBytes = 0;
    QString target; // Copying: the server written to ("local", "remote")
};

// A message whose flags changed differently on both sides (both got `merged`), or that was
// expunged on one side while its flags changed on the other (`expunged` set).
struct ConflictRecord
{
    QString mailbox;
    std::uint32_t localUid = 0;
    std::uint32_t remoteUid = 0;
    QByteArrayList localFlags;
    QByteArrayList remoteFlags;
    QByteArrayList merged;
    bool expunged = false;
};

// The mailboxes a run looks at, in the order it syncs them (display names).
struct MailboxListing
{
    QStringList names;
    QChar delimiter = u'/';
};

// What the sync of one mailbox did.
struct MailboxOutcome
{
    QString mailbox;
    qint64 messagesCopied = 0;
    qint64 flagUpdates = 0;
    qint64 expunges = 0;
    int conflicts = 0;
};

// What one run did, for the summary line and the exit status.
struct SyncTotals
{
    int mailboxesSynced = 0;
    qint64 messagesCopied = 0;
    qint64 bytesCopied = 0;
    qint64 flagUpdates = 0;
    qint64 expunges = 0;
    int conflicts = 0;
    int refused = 0;      // messages a server refused (each also logged as an error)
    QStringList failures; // mailboxes that failed: "remote: Archive: the server closed ..."
    // Stopped before every mailbox was looked at (a stop request, a lost connection): the
    // mailboxes not reached are not known to be up to date.
    bool interrupted = false;

    // Adds what another run (or mailbox) did; whether it was interrupted is the caller's.
    SyncTotals &operator+=(const SyncTotals &other)
    {
        mailboxesSynced += other.mailboxesSynced;
        messagesCopied += other.messagesCopied;
        bytesCopied += other.bytesCopied;
        flagUpdates += other.flagUpdates;
        expunges += other.expunges;
        conflicts += other.conflicts;
        refused += other.refused;
        failures += other.failures;
        return *this;
    }
};

class SyncEvents : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void info(const QString &component, const QString &mailbox, const QString &text)
    {
        Q_EMIT message({SyncMessage::Severity::Info, component, mailbox, text});
    }
    void warning(const QString &component, const QString &mailbox, const QString &text)
    {
        Q_EMIT message({SyncMessage::Severity::Warning, component, mailbox, text});
    }
    void error(const QString &component, const QString &mailbox, const QString &text)
    {
        Q_EMIT message({SyncMessage::Severity::Error, component, mailbox, text});
    }
    void debug(const QString &component, const QString &mailbox, const QString &text)
    {
        Q_EMIT message({SyncMessage::Severity::Debug, component, mailbox, text});
    }

Q_SIGNALS:
    void message(const twinbox::sync::SyncMessage &message);
    void progress(const twinbox::sync::SyncProgress &progress);
    void conflict(const twinbox::sync::ConflictRecord &conflict);
    void mailboxList(const twinbox::sync::MailboxListing &listing);
    void mailboxDone(const twinbox::sync::MailboxOutcome &outcome);
};

} // namespace twinbox::sync

Q_DECLARE_METATYPE(twinbox::sync::SyncMessage)
Q_DECLARE_METATYPE(twinbox::sync::SyncProgress)
Q_DECLARE_METATYPE(twinbox::sync::ConflictRecord)
Q_DECLARE_METATYPE(twinbox::sync::MailboxListing)
Q_DECLARE_METATYPE(twinbox::sync::MailboxOutcome)
Q_DECLARE_METATYPE(twinbox::sync::SyncTotals)
