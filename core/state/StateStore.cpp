#include "StateStore.h"

#include "FaultInjection.h"
#ifdef TWINBOX_SQLITE_C_API
#include "FlagsWriter.h"
#include "MappingReader.h"
#endif

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace twinbox::state {

// A prepared statement that throws StateError instead of returning false.
class StateStore::Query
{
public:
    Query(StateDatabase &database, const QString &statement)
        : m_database(database)
        , m_statement(statement)
    {
        bool prepared = false;
        m_query = database.takePrepared(statement, &prepared);
        if (!prepared)
            fail();
    }
    ~Query() { m_database.release(m_statement, std::move(m_query)); }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    Query &bind(const QVariant &value)
    {
        m_query.bindValue(m_bound++, value); // by position: a reused query keeps old values
        return *this;
    }
    Query &exec()
    {
        if (FaultInjection::failThisStatement())
            throw StateError(StateStore::tr("database: %1: %2")
                                 .arg(m_database.path(), FaultInjection::message()));
        if (!m_query.exec())
            fail();
        return *this;
    }
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }

private:
    [[noreturn]] void fail() const
    {
        throw StateError(StateStore::tr("database: %1: %2")
                             .arg(m_database.path(), sqlErrorText(m_query.lastError())));
    }

    StateDatabase &m_database;
    QString m_statement;
    QSqlQuery m_query;
    int m_bound = 0;
};

namespace {

// No flags is stored as '' (known to be none), unknown as NULL.
QString joinFlags(const QByteArrayList &flags)
{
    return flags.isEmpty() ? QStringLiteral("") : QString::fromUtf8(flags.join(' '));
}

QVariant flagsValue(const std::optional<QByteArrayList> &flags)
{
    return flags ? QVariant(joinFlags(*flags)) : QVariant();
}

#ifndef TWINBOX_SQLITE_C_API
std::optional<QByteArrayList> splitFlags(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    QByteArrayList flags = value.toString().toUtf8().split(' ');
    flags.removeAll(QByteArray());
    return flags;
}
#endif

} // namespace

StateStore::StateStore(StateDatabase &database)
    : m_database(database)
{}

std::optional<qint64> StateStore::mailboxId(const QByteArray &internalName) const
{
    Query query(m_database, QStringLiteral("SELECT idx FROM mailboxes WHERE mailbox = ?"));
    if (!query.bind(internalName).exec().next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

qint64 StateStore::addMailbox(const QByteArray &internalName, bool subscribed)
{
    Query query(m_database,
                QStringLiteral("INSERT INTO mailboxes (mailbox, subscribed) VALUES (?, ?)"));
    return query.bind(internalName).bind(subscribed ? 1 : 0).exec().lastInsertId().toLongLong();
}

int StateStore::mailboxCount() const
{
    Query query(m_database, QStringLiteral("SELECT count(*) FROM mailboxes"));
    query.exec().next();
    return query.value(0).toInt();
}

QList<std::pair<qint64, QByteArray>> StateStore::mailboxes() const
{
    Query query(m_database, QStringLiteral("SELECT idx, mailbox FROM mailboxes ORDER BY mailbox"));
    query.exec();
    QList<std::pair<qint64, QByteArray>> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toByteArray()});
    return result;
}

void StateStore::removeMailbox(qint64 mailbox)
{
    // The question "gone on one side: what now?" is answered once the mailbox is forgotten
    // (one statement each, so a caller's transaction covers both).
    Query(m_database, QStringLiteral("UPDATE issue_log SET acknowledged = 1 WHERE kind = "
                                     "'mailbox-gone' AND mailbox = (SELECT mailbox FROM "
                                     "mailboxes WHERE idx = ?)"))
        .bind(mailbox)
        .exec();
    Query(m_database, QStringLiteral("DELETE FROM mailboxes WHERE idx = ?")).bind(mailbox).exec();
}

int StateStore::renameMailboxes(const QByteArray &from, const QByteArray &to)
{
    // Children: the names that start with `from` and a NUL (the hierarchy delimiter).
    QByteArray prefix = from;
    prefix.append('\0');
    Query query(m_database,
                QStringLiteral("UPDATE mailboxes SET mailbox = CAST(? || substr(mailbox, ?) AS "
                               "BLOB) WHERE mailbox = ? OR substr(mailbox, 1, ?) = ?"));
    query.bind(to).bind(from.size() + 1).bind(from).bind(prefix.size()).bind(prefix).exec();
    return query.numRowsAffected();
}

bool StateStore::isSubscribed(qint64 mailbox) const
{
    Query query(m_database, QStringLiteral("SELECT subscribed FROM mailboxes WHERE idx = ?"));
    return query.bind(mailbox).exec().next() && query.value(0).toInt() != 0;
}

void StateStore::setSubscribed(qint64 mailbox, bool subscribed)
{
    Query(m_database, QStringLiteral("UPDATE mailboxes SET subscribed = ? WHERE idx = ?"))
        .bind(subscribed ? 1 : 0)
        .bind(mailbox)
        .exec();
}

std::optional<SideState> StateStore::sideState(qint64 mailbox, Side side) const
{
    Query query(m_database,
                QStringLiteral("SELECT uidvalidity, uidnext, highestmodseq FROM mailbox_state "
                               "WHERE idx = ? AND side = ?"));
    if (!query.bind(mailbox).bind(int(side)).exec().next())
        return std::nullopt;
    return SideState{std::uint32_t(query.value(0).toLongLong()),
                     std::uint32_t(query.value(1).toLongLong()),
                     StateDatabase::fromStored(query.value(2).toLongLong())};
}

void StateStore::setSideState(qint64 mailbox, Side side, const SideState &state)
{
    Query(
        m_database,
        QStringLiteral("INSERT INTO mailbox_state (idx, side, uidvalidity, uidnext, highestmodseq) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (idx, side) DO UPDATE SET "
                       "uidvalidity = excluded.uidvalidity, uidnext = excluded.uidnext, "
                       "highestmodseq = excluded.highestmodseq"))
        .bind(mailbox)
        .bind(int(side))
        .bind(qint64(state.uidValidity))
        .bind(qint64(state.uidNext))
        .bind(StateDatabase::toStored(state.highestModSeq))
        .exec();
}

QList<MappedMessage> StateStore::mapping(qint64 mailbox) const
{
#ifdef TWINBOX_SQLITE_C_API
    return MappingReader::read(m_database, mailbox);
#else
    // Where Qt's SQLite driver may carry a copy of SQLite of its own (core/state/CMakeLists.txt).
    Query query(
        m_database,
        QStringLiteral("SELECT local_uid, remote_uid, flags, local_base, remote_base FROM mapping "
                       "WHERE idx = ? ORDER BY local_uid"));
    query.bind(mailbox).exec();
    QList<MappedMessage> messages;
    while (query.next())
        messages.append({std::uint32_t(query.value(0).toLongLong()),
                         std::uint32_t(query.value(1).toLongLong()),
                         splitFlags(query.value(2)),
                         {splitFlags(query.value(3)), splitFlags(query.value(4))}});
    return messages;
#endif
}

void StateStore::addMapping(qint64 mailbox, const MappedMessage &message)
{
    Query(m_database,
          QStringLiteral(
              "INSERT INTO mapping (idx, local_uid, remote_uid, flags, local_base, remote_base) "
              "VALUES (?, ?, ?, ?, ?, ?)"))
        .bind(mailbox)
        .bind(qint64(message.localUid))
        .bind(qint64(message.remoteUid))
        .bind(flagsValue(message.flags))
        .bind(flagsValue(message.base[0]))
        .bind(flagsValue(message.base[1]))
        .exec();
}

void StateStore::removeMapping(qint64 mailbox, std::uint32_t localUid)
{
    Query(m_database, QStringLiteral("DELETE FROM mapping WHERE idx = ? AND local_uid = ?"))
        .bind(mailbox)
        .bind(qint64(localUid))
        .exec();
}

void StateStore::forgetMessages(qint64 mailbox)
{
    for (const QString &table : {QStringLiteral("mapping"), QStringLiteral("pending_append"),
                                 QStringLiteral("refused_message")})
        Query(m_database, QStringLiteral("DELETE FROM %1 WHERE idx = ?").arg(table))
            .bind(mailbox)
            .exec();
}

void StateStore::setFlags(qint64 mailbox, const MappedMessage &message)
{
#ifdef TWINBOX_SQLITE_C_API
    FlagsWriter::setFlags(m_database, mailbox, message);
#else
    Query(m_database,
          QStringLiteral("UPDATE mapping SET flags = ?, local_base = ?, remote_base = ? "
                         "WHERE idx = ? AND local_uid = ?"))
        .bind(flagsValue(message.flags))
        .bind(flagsValue(message.base[0]))
        .bind(flagsValue(message.base[1]))
        .bind(mailbox)
        .bind(qint64(message.localUid))
        .exec();
#endif
}

QList<PendingAppend> StateStore::pendingAppends(qint64 mailbox) const
{
    Query query(m_database,
                QStringLiteral("SELECT source_side, source_uid, message_id, size, internal_date, "
                               "target_uidnext FROM pending_append WHERE idx = ? "
                               "ORDER BY source_side, source_uid"));
    query.bind(mailbox).exec();
    QList<PendingAppend> pending;
    while (query.next())
        pending.append({Side(query.value(0).toInt()), std::uint32_t(query.value(1).toLongLong()),
                        query.value(2).toByteArray(), query.value(3).toLongLong(),
                        QDateTime::fromSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC),
                        std::uint32_t(query.value(5).toLongLong())});
    return pending;
}

void StateStore::addPendingAppend(qint64 mailbox, const PendingAppend &pending)
{
    Query(m_database,
          QStringLiteral(
              "INSERT OR REPLACE INTO pending_append (idx, source_side, source_uid, "
              "message_id, size, internal_date, target_uidnext) VALUES (?, ?, ?, ?, ?, ?, ?)"))
        .bind(mailbox)
        .bind(int(pending.source))
        .bind(qint64(pending.sourceUid))
        .bind(pending.messageId)
        .bind(pending.size)
        .bind(pending.internalDate.toSecsSinceEpoch())
        .bind(qint64(pending.targetUidNext))
        .exec();
}

void StateStore::clearPendingAppend(qint64 mailbox, Side source, std::uint32_t sourceUid)
{
    Query(m_database,
          QStringLiteral(
              "DELETE FROM pending_append WHERE idx = ? AND source_side = ? AND source_uid = ?"))
        .bind(mailbox)
        .bind(int(source))
        .bind(qint64(sourceUid))
        .exec();
}

QList<RefusedMessage> StateStore::refusedMessages(qint64 mailbox) const
{
    Query query(m_database,
                QStringLiteral("SELECT source_side, source_uid, reason, attempts FROM "
                               "refused_message WHERE idx = ? ORDER BY source_side, source_uid"));
    query.bind(mailbox).exec();
    QList<RefusedMessage> refused;
    while (query.next())
        refused.append({Side(query.value(0).toInt()), std::uint32_t(query.value(1).toLongLong()),
                        query.value(2).toString(), query.value(3).toInt()});
    return refused;
}

void StateStore::recordRefusal(qint64 mailbox, Side source, std::uint32_t sourceUid,
                               const QString &reason)
{
    Query(m_database,
          QStringLiteral("INSERT INTO refused_message (idx, source_side, source_uid, reason, "
                         "last_attempt) VALUES (?, ?, ?, ?, ?) ON CONFLICT (idx, source_side, "
                         "source_uid) DO UPDATE SET reason = excluded.reason, attempts = "
                         "attempts + 1, last_attempt = excluded.last_attempt"))
        .bind(mailbox)
        .bind(int(source))
        .bind(qint64(sourceUid))
        .bind(reason)
        .bind(QDateTime::currentSecsSinceEpoch())
        .exec();
}

void StateStore::clearRefusal(qint64 mailbox, Side source, std::uint32_t sourceUid)
{
    Query(m_database,
          QStringLiteral(
              "DELETE FROM refused_message WHERE idx = ? AND source_side = ? AND source_uid = ?"))
        .bind(mailbox)
        .bind(int(source))
        .bind(qint64(sourceUid))
        .exec();
}

int StateStore::refusedCount() const
{
    Query query(m_database, QStringLiteral("SELECT count(*) FROM refused_message"));
    query.exec().next();
    return query.value(0).toInt();
}

void StateStore::logIssue(const QByteArray &internalName, const QString &kind,
                          const QString &detail, std::optional<std::uint32_t> localUid,
                          std::optional<std::uint32_t> remoteUid, const MessageHeadline &headline)
{
    Query(m_database,
          QStringLiteral("INSERT INTO issue_log (time, mailbox, kind, local_uid, remote_uid, "
                         "detail, subject, sender, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(QDateTime::currentSecsSinceEpoch())
        .bind(internalName)
        .bind(kind)
        .bind(localUid ? QVariant(qint64(*localUid)) : QVariant())
        .bind(remoteUid ? QVariant(qint64(*remoteUid)) : QVariant())
        .bind(detail)
        .bind(headline.subject)
        .bind(headline.sender)
        .bind(headline.date)
        .exec();
}

int StateStore::issueCount() const
{
    Query query(m_database, QStringLiteral("SELECT count(*) FROM issue_log"));
    query.exec().next();
    return query.value(0).toInt();
}

QList<IssueRecord> StateStore::issues(int limit) const
{
    Query query(m_database,
                QStringLiteral("SELECT id, time, mailbox, kind, local_uid, remote_uid, detail, "
                               "subject, sender, date, acknowledged FROM issue_log "
                               "ORDER BY id DESC LIMIT ?"));
    query.bind(limit).exec();
    QList<IssueRecord> issues;
    auto uid = [](const QVariant &value) {
        return value.isNull() ? std::nullopt : std::optional(std::uint32_t(value.toLongLong()));
    };
    while (query.next()) {
        IssueRecord issue;
        issue.id = query.value(0).toLongLong();
        issue.time = QDateTime::fromSecsSinceEpoch(query.value(1).toLongLong());
        issue.mailbox = query.value(2).toByteArray();
        issue.kind = query.value(3).toString();
        issue.localUid = uid(query.value(4));
        issue.remoteUid = uid(query.value(5));
        issue.detail = query.value(6).toString();
        issue.subject = query.value(7).toString();
        issue.sender = query.value(8).toString();
        issue.date = query.value(9).toString();
        issue.acknowledged = query.value(10).toInt() != 0;
        issues.append(issue);
    }
    return issues;
}

void StateStore::acknowledgeIssue(qint64 issueId)
{
    Query(m_database, QStringLiteral("UPDATE issue_log SET acknowledged = 1 WHERE id = ?"))
        .bind(issueId)
        .exec();
}

qint64 StateStore::lastIssueId() const
{
    Query query(m_database, QStringLiteral("SELECT coalesce(max(id), 0) FROM issue_log"));
    query.exec().next();
    return query.value(0).toLongLong();
}

bool StateStore::hasOpenIssue(const QByteArray &internalName, const QString &kind) const
{
    Query query(m_database, QStringLiteral("SELECT count(*) FROM issue_log WHERE mailbox = ? AND "
                                           "kind = ? AND acknowledged = 0"));
    query.bind(internalName).bind(kind).exec().next();
    return query.value(0).toInt() > 0;
}

std::optional<AnnouncedCapabilities> StateStore::announcedCapabilities(Side side) const
{
    Query query(m_database, QStringLiteral("SELECT address, capabilities, early_refused FROM "
                                           "server_greeting WHERE side = ?"));
    if (!query.bind(int(side)).exec().next())
        return std::nullopt;
    return AnnouncedCapabilities{query.value(0).toString(), query.value(1).toByteArray().split(' '),
                                 query.value(2).toInt() != 0};
}

void StateStore::setAnnouncedCapabilities(Side side, const AnnouncedCapabilities &announced)
{
    Query(m_database, QStringLiteral("INSERT OR REPLACE INTO server_greeting (side, address, "
                                     "capabilities, early_refused) VALUES (?, ?, ?, ?)"))
        .bind(int(side))
        .bind(announced.address)
        .bind(QString::fromLatin1(announced.capabilities.join(' ')))
        .bind(announced.earlyRefused ? 1 : 0)
        .exec();
}

void StateStore::forgetAnnouncedCapabilities(Side side)
{
    Query(m_database, QStringLiteral("DELETE FROM server_greeting WHERE side = ?"))
        .bind(int(side))
        .exec();
}

} // namespace twinbox::state
