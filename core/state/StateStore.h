#pragma once

#include "StateDatabase.h"
#include "StateError.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>

#include <array>
#include <cstdint>
#include <exception>
#include <optional>

namespace twinbox::state {

enum class Side { Local = 0, Remote = 1 };

// What the database remembers of a mailbox on one server (DESIGN.md: every message with
// UID < uidNext has been replicated, every change with MODSEQ <= highestModSeq propagated).
struct SideState
{
    std::uint32_t uidValidity = 0;
    std::uint32_t uidNext = 0;
    std::uint64_t highestModSeq = 0;
    bool operator==(const SideState &) const = default;
};

// A message the other side refused (quota, size, a NO): skipped, retried on later runs.
struct RefusedMessage
{
    Side source = Side::Local;
    std::uint32_t sourceUid = 0;
    QString reason;
    int attempts = 0;
};

// A row of issue_log: a conflict the engine settled, a message a server refused, a decision
// waiting for the user (kind "mailbox-gone"). A value for the window's issue list.
struct IssueRecord
{
    qint64 id = 0;
    QDateTime time;
    QByteArray mailbox; // internal name
    QString kind;
    std::optional<std::uint32_t> localUid;
    std::optional<std::uint32_t> remoteUid;
    QString detail;
    QString subject; // of the message concerned, when known
    QString sender;
    QString date;
    bool acknowledged = false;
};

// Subject, sender and date of a message, to name it in an issue.
struct MessageHeadline
{
    QString subject;
    QString sender;
    QString date;
};

struct MappedMessage
{
    std::uint32_t localUid = 0;
    std::uint32_t remoteUid = 0;
    // The flags both sides agreed on, or are being brought to; nullopt: not known.
    std::optional<QByteArrayList> flags;
    // By side (Side as index): while a flag update is under way, what that side held before
    // it, until its STORE is confirmed; nullopt: the side holds `flags`.
    std::array<std::optional<QByteArrayList>, 2> base;

    // The flags `side` held when `flags` was decided: its three-way base.
    std::optional<QByteArrayList> baseOn(Side side) const
    {
        return base[std::size_t(side)] ? base[std::size_t(side)] : flags;
    }
};

// A message about to be appended to the other side (the duplicate guard, DESIGN.md "No
// duplicates, ever").
struct PendingAppend
{
    Side source = Side::Local;
    std::uint32_t sourceUid = 0;
    QByteArray messageId;
    qint64 size = 0;
    QDateTime internalDate;
    std::uint32_t targetUidNext = 0; // the copy, if it landed, has a UID at or above this
};

// What a server announced before the login (its capabilities), and the address it was
// reached at: kept from one run to the next (GreetingMemory).
struct AnnouncedCapabilities
{
    QString address;
    QByteArrayList capabilities;
    // It refused a login sent before its greeting that these capabilities offered.
    bool earlyRefused = false;
};

// The sync engine's reads and writes of the state database, one method per statement.
// Every failure throws StateError; transactions are the caller's (state::Transaction), so a
// caller decides what commits together.
class StateStore
{
    Q_DECLARE_TR_FUNCTIONS(StateStore)

public:
    explicit StateStore(StateDatabase &database);

    std::optional<qint64> mailboxId(const QByteArray &internalName) const;
    qint64 addMailbox(const QByteArray &internalName, bool subscribed);
    int mailboxCount() const;
    QList<std::pair<qint64, QByteArray>> mailboxes() const; // id and internal name
    // Deletes a mailbox with its state, mapping, journal and refusals (foreign keys cascade).
    void removeMailbox(qint64 mailbox);
    // Renames `from` and every mailbox below it (`from` NUL ...) to `to`; returns how many.
    int renameMailboxes(const QByteArray &from, const QByteArray &to);
    bool isSubscribed(qint64 mailbox) const;
    void setSubscribed(qint64 mailbox, bool subscribed);

    std::optional<SideState> sideState(qint64 mailbox, Side side) const;
    void setSideState(qint64 mailbox, Side side, const SideState &state);

    QList<MappedMessage> mapping(qint64 mailbox) const;
    void addMapping(qint64 mailbox, const MappedMessage &message);
    void removeMapping(qint64 mailbox, std::uint32_t localUid);
    // Forgets every message of the mailbox (mapping, journal, refusals): its UIDs mean nothing
    // any more after a UIDVALIDITY change.
    void forgetMessages(qint64 mailbox);
    // The message's target flags and each side's base (MappedMessage::base).
    void setFlags(qint64 mailbox, const MappedMessage &message);

    QList<PendingAppend> pendingAppends(qint64 mailbox) const;
    void addPendingAppend(qint64 mailbox, const PendingAppend &pending);
    void clearPendingAppend(qint64 mailbox, Side source, std::uint32_t sourceUid);

    QList<RefusedMessage> refusedMessages(qint64 mailbox) const;
    void recordRefusal(qint64 mailbox, Side source, std::uint32_t sourceUid, const QString &reason);
    void clearRefusal(qint64 mailbox, Side source, std::uint32_t sourceUid);
    int refusedCount() const;

    void logIssue(const QByteArray &internalName, const QString &kind, const QString &detail,
                  std::optional<std::uint32_t> localUid = {},
                  std::optional<std::uint32_t> remoteUid = {},
                  const MessageHeadline &headline = {});
    int issueCount() const;
    // The newest issues first, at most `limit`.
    QList<IssueRecord> issues(int limit = 1000) const;
    // The user has seen it (a conflict) or answered it some other way.
    void acknowledgeIssue(qint64 issueId);
    qint64 lastIssueId() const;
    // Whether an issue of this kind about this mailbox waits for the user (not acknowledged):
    // a decision the GUI shows once, not once per run.
    bool hasOpenIssue(const QByteArray &internalName, const QString &kind) const;

    std::optional<AnnouncedCapabilities> announcedCapabilities(Side side) const;
    void setAnnouncedCapabilities(Side side, const AnnouncedCapabilities &announced);
    void forgetAnnouncedCapabilities(Side side);

private:
    class Query;

    StateDatabase &m_database;
};

} // namespace twinbox::state

Q_DECLARE_METATYPE(twinbox::state::IssueRecord)
