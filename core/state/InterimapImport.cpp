#include "InterimapImport.h"

#include "StateStore.h"
#include "Transaction.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace twinbox::state {

namespace {

// A read-only connection of its own, removed when done.
class ReadOnlyConnection
{
public:
    explicit ReadOnlyConnection(const QString &path)
        : m_name(QStringLiteral("interimap-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        m_open = db.open();
    }
    ~ReadOnlyConnection() { QSqlDatabase::removeDatabase(m_name); }
    bool isOpen() const { return m_open; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

} // namespace

std::optional<InterimapImport::Summary>
InterimapImport::adopt(const QString &interimapPath, StateDatabase &target, QString *error)
{
    const auto fail = [&](const QString &cause) {
        *error = tr("database: %1: %2").arg(interimapPath, cause);
        return std::nullopt;
    };
    if (!QFile::exists(interimapPath))
        return fail(tr("no such file"));
    ReadOnlyConnection source(interimapPath);
    if (!source.isOpen())
        return fail(source.database().lastError().text());
    QSqlQuery query(source.database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next() ||
        query.value(0).toInt() != 1)
        return fail(tr("not an interimap database of schema version 1"));
    // interimap's tables: mailboxes(idx, mailbox, subscribed), local and remote(idx,
    // UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ), mapping(idx, lUID, rUID).
    struct Mailbox
    {
        qint64 idx;
        QByteArray name;
        bool subscribed;
    };
    QList<Mailbox> mailboxes;
    if (!query.exec(QStringLiteral("SELECT idx, mailbox, subscribed FROM mailboxes ORDER BY idx")))
        return fail(query.lastError().text());
    while (query.next())
        mailboxes.append({query.value(0).toLongLong(), query.value(1).toByteArray(),
                          query.value(2).toInt() != 0});

    StateStore store(target);
    Summary summary;
    try {
        Transaction transaction(target.connection());
        for (const Mailbox &mailbox : mailboxes) {
            const qint64 id = store.addMailbox(mailbox.name, mailbox.subscribed);
            for (const auto &[table, side] : {std::pair{QStringLiteral("local"), Side::Local},
                                              std::pair{QStringLiteral("remote"), Side::Remote}}) {
                QSqlQuery state(source.database());
                state.prepare(QStringLiteral("SELECT UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ FROM %1 "
                                             "WHERE idx = ?")
                                  .arg(table));
                state.addBindValue(mailbox.idx);
                if (!state.exec())
                    return fail(state.lastError().text());
                if (state.next())
                    store.setSideState(id, side,
                                       {std::uint32_t(state.value(0).toLongLong()),
                                        std::uint32_t(state.value(1).toLongLong()),
                                        StateDatabase::fromStored(state.value(2).toLongLong())});
            }
            QSqlQuery mapping(source.database());
            mapping.prepare(QStringLiteral("SELECT lUID, rUID FROM mapping WHERE idx = ?"));
            mapping.addBindValue(mailbox.idx);
            if (!mapping.exec())
                return fail(mapping.lastError().text());
            while (mapping.next()) {
                store.addMapping(id, {std::uint32_t(mapping.value(0).toLongLong()),
                                      std::uint32_t(mapping.value(1).toLongLong()),
                                      std::nullopt,
                                      {}});
                ++summary.messages;
            }
            ++summary.mailboxes;
        }
        if (!transaction.commit())
            return fail(tr("could not commit the adopted state"));
    } catch (const StateError &e) {
        *error = e.message();
        return std::nullopt;
    }
    return summary;
}

bool InterimapImport::isInterimapDatabase(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // The file header (https://sqlite.org/fileformat2.html §1.3) answers for every database
    // but a new one, without opening a connection: SQLite's magic string, then at offset 68
    // the application_id, which interimap never sets. A file whose header holds one is not
    // interimap's; an id still in the write-ahead log only makes the reading below decide.
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() == 100 && header.startsWith(QByteArrayLiteral("SQLite format 3\0")) &&
        header.mid(68, 4) != QByteArray(4, '\0'))
        return false;
    ReadOnlyConnection source(path);
    if (!source.isOpen())
        return false;
    QSqlQuery query(source.database());
    const auto number = [&query](const QString &sql) {
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    };
    // interimap sets no application_id; its four tables (reference §2.2).
    return number(QStringLiteral("PRAGMA user_version")) == 1 &&
           number(QStringLiteral("PRAGMA application_id")) == 0 &&
           number(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                 "name IN ('mailboxes', 'local', 'remote', 'mapping')")) == 4;
}

std::optional<InterimapImport::Summary>
InterimapImport::migrateInPlace(const QString &path, QString *backupPath, QString *error)
{
    QString backup = path + QStringLiteral(".interimap");
    if (QFile::exists(backup))
        backup += u'-' + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    {
        // VACUUM INTO (SQLite 3.27) copies one consistent state under a read lock: an
        // interimap that is writing at that moment makes it fail, never half copied.
        ReadOnlyConnection source(path);
        QSqlQuery copy(source.database());
        if (!source.isOpen() || !copy.prepare(QStringLiteral("VACUUM INTO ?"))) {
            *error = tr("database: %1: cannot keep a copy as %2").arg(path, backup);
            return std::nullopt;
        }
        copy.addBindValue(backup);
        if (!copy.exec()) {
            *error = tr("database: %1: cannot keep a copy as %2").arg(path, backup) +
                     QStringLiteral(" (%1)").arg(copy.lastError().text());
            return std::nullopt;
        }
    }
    *backupPath = backup;
    const QString fresh = path + QStringLiteral(".migrating");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(fresh + suffix); // what an interrupted migration left
    std::optional<Summary> summary;
    {
        StateDatabase target;
        if (!target.open(fresh, error))
            return std::nullopt;
        summary = adopt(backup, target, error);
        target.close(); // checkpointed: the new file holds everything
    }
    if (!summary)
        return std::nullopt;
    // rename(2) replaces the old file atomically.
    if (::rename(QFile::encodeName(fresh).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = tr("database: %1: cannot replace it with the migrated state: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    return summary;
}

} // namespace twinbox::state
