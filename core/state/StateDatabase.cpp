#include "StateDatabase.h"

#include "Transaction.h"
#include "VerifiedFingerprint.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace twinbox::state {

namespace {

// Migration n brings user_version from n - 1 to n. Append, never edit: a released
// migration is history that existing databases have already lived through.
const QList<QStringList> migrations = {
    // 1: the first schema. Internal mailbox names are the wire form (modified UTF-7) with
    // the hierarchy delimiter replaced by NUL, so servers with different delimiters agree.
    {
        // "TWBX": tells a Twinbox database from another SQLite file, interimap's included
        // (its schema is also version 1).
        QStringLiteral("PRAGMA application_id = 1415004760"),
        QStringLiteral("CREATE TABLE mailboxes ("
                       " idx INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " mailbox BLOB NOT NULL UNIQUE CHECK (mailbox != ''),"
                       " subscribed INTEGER NOT NULL DEFAULT 0 CHECK (subscribed IN (0, 1)))"),
        // One row per mailbox and side (0 local, 1 remote). highestmodseq holds an unsigned
        // 64-bit value as its signed bit pattern.
        QStringLiteral(
            "CREATE TABLE mailbox_state ("
            " idx INTEGER NOT NULL REFERENCES mailboxes(idx) ON DELETE CASCADE,"
            " side INTEGER NOT NULL CHECK (side IN (0, 1)),"
            " uidvalidity INTEGER NOT NULL CHECK (uidvalidity > 0 AND uidvalidity <= 4294967295),"
            " uidnext INTEGER NOT NULL DEFAULT 0 CHECK (uidnext >= 0 AND uidnext <= 4294967295),"
            " highestmodseq INTEGER NOT NULL DEFAULT 0,"
            " PRIMARY KEY (idx, side))"),
        // The UID pairs, with the flags both sides last agreed on (the three-way base that
        // tells a real conflict from a change seen twice; NULL: not known yet).
        QStringLiteral("CREATE TABLE mapping ("
                       " idx INTEGER NOT NULL REFERENCES mailboxes(idx) ON DELETE CASCADE,"
                       " local_uid INTEGER NOT NULL CHECK (local_uid > 0),"
                       " remote_uid INTEGER NOT NULL CHECK (remote_uid > 0),"
                       " flags TEXT,"
                       " PRIMARY KEY (idx, local_uid),"
                       " UNIQUE (idx, remote_uid))"),
        // Messages about to be appended: written and committed before the APPEND, cleared
        // with the mapping after it. What a crash leaves here is looked up on the target
        // (Message-ID, size, INTERNALDATE above target_uidnext) instead of appended again.
        QStringLiteral("CREATE TABLE pending_append ("
                       " idx INTEGER NOT NULL REFERENCES mailboxes(idx) ON DELETE CASCADE,"
                       " source_side INTEGER NOT NULL CHECK (source_side IN (0, 1)),"
                       " source_uid INTEGER NOT NULL CHECK (source_uid > 0),"
                       " message_id BLOB,"
                       " size INTEGER NOT NULL,"
                       " internal_date INTEGER NOT NULL,"
                       " target_uidnext INTEGER NOT NULL,"
                       " PRIMARY KEY (idx, source_side, source_uid))"),
        // Messages a target refused (TOOBIG, OVERQUOTA, NO): skipped now, retried later.
        QStringLiteral("CREATE TABLE refused_message ("
                       " idx INTEGER NOT NULL REFERENCES mailboxes(idx) ON DELETE CASCADE,"
                       " source_side INTEGER NOT NULL CHECK (source_side IN (0, 1)),"
                       " source_uid INTEGER NOT NULL CHECK (source_uid > 0),"
                       " reason TEXT NOT NULL,"
                       " attempts INTEGER NOT NULL DEFAULT 1,"
                       " last_attempt INTEGER NOT NULL,"
                       " PRIMARY KEY (idx, source_side, source_uid))"),
        // What the user should know about: conflicts resolved, messages refused, mailboxes
        // that need a decision. The GUI shows it; the message's subject, sender and date
        // make an entry recognisable.
        QStringLiteral("CREATE TABLE issue_log ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " time INTEGER NOT NULL,"
                       " mailbox BLOB,"
                       " kind TEXT NOT NULL,"
                       " local_uid INTEGER,"
                       " remote_uid INTEGER,"
                       " detail TEXT NOT NULL,"
                       " subject TEXT,"
                       " sender TEXT,"
                       " date TEXT,"
                       " acknowledged INTEGER NOT NULL DEFAULT 0)"),
    },
    // 2: each side's base while a flag update is under way. `flags` becomes the target of
    // the update (committed before the STOREs); local_base / remote_base hold what that side
    // held before, until its STORE is confirmed (NULL: it holds `flags`). A run cut between
    // the two sides' STOREs then tells its own write from the user's change.
    {
        QStringLiteral("ALTER TABLE mapping ADD COLUMN local_base TEXT"),
        QStringLiteral("ALTER TABLE mapping ADD COLUMN remote_base TEXT"),
    },
    // 3: the mapping keyed by its primary key alone (WITHOUT ROWID). Every sync reads a
    // mailbox's pairs in local UID order and updates them by (idx, local_uid): with a rowid
    // each row was found in the key's index and then again in the table (1 830 instructions a
    // row read, callgrind), and the three B-trees made the file half as large again, which
    // the integrity check at every run reads whole. The same rows, columns and constraints.
    {
        QStringLiteral("CREATE TABLE mapping_by_uid ("
                       " idx INTEGER NOT NULL REFERENCES mailboxes(idx) ON DELETE CASCADE,"
                       " local_uid INTEGER NOT NULL CHECK (local_uid > 0),"
                       " remote_uid INTEGER NOT NULL CHECK (remote_uid > 0),"
                       " flags TEXT,"
                       " local_base TEXT,"
                       " remote_base TEXT,"
                       " PRIMARY KEY (idx, local_uid),"
                       " UNIQUE (idx, remote_uid)) WITHOUT ROWID"),
        QStringLiteral(
            "INSERT INTO mapping_by_uid (idx, local_uid, remote_uid, flags, local_base,"
            " remote_base) SELECT idx, local_uid, remote_uid, flags, local_base,"
            " remote_base FROM mapping ORDER BY idx, local_uid"), // key order: full pages
        QStringLiteral("DROP TABLE mapping"),
        QStringLiteral("ALTER TABLE mapping_by_uid RENAME TO mapping"),
    },
    // 4: what each server announced before the login on the last run, and the address it was
    // reached at: the next run at that address sends its login with the connection, before
    // the greeting (ImapSession::open, GreetingMemory). Capabilities, space-separated;
    // early_refused: the server refused a login sent before its greeting although it offered
    // that login, so none is sent early until what it announces changes.
    {
        QStringLiteral(
            "CREATE TABLE server_greeting ("
            " side INTEGER PRIMARY KEY CHECK (side IN (0, 1)),"
            " address TEXT NOT NULL,"
            " capabilities TEXT NOT NULL,"
            " early_refused INTEGER NOT NULL DEFAULT 0 CHECK (early_refused IN (0, 1)))"),
    },
};

} // namespace

StateDatabase::StateDatabase()
    : m_connectionName(QStringLiteral("twinbox-state-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

StateDatabase::~StateDatabase()
{
    close();
}

QSqlQuery StateDatabase::takePrepared(const QString &statement, bool *ok)
{
    if (auto it = m_prepared.find(statement); it != m_prepared.end()) {
        QSqlQuery query = std::move(it->second);
        m_prepared.erase(it);
        *ok = true;
        return query;
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true); // rows are read once: no copy of the result in memory
    *ok = query.prepare(statement);
    return query;
}

void StateDatabase::release(const QString &statement, QSqlQuery query)
{
    // Kept only when it did not fail (a statement that could not be prepared, or one whose
    // last run failed, is prepared afresh next time); a nested twin is dropped.
    const bool healthy = !query.lastError().isValid();
    query.finish(); // resets the statement: no read lock held, ready to run again
    if (m_db.isValid() && healthy)
        m_prepared.try_emplace(statement, std::move(query));
}

void StateDatabase::close()
{
    m_prepared.clear(); // statements first: the connection cannot go while they exist
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool StateDatabase::exec(const QString &statement, QString *error)
{
    if (FaultInjection::failThisStatement()) {
        *error = tr("database: %1: %2").arg(m_path, FaultInjection::message());
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.exec(statement)) {
        *error = tr("database: %1: %2").arg(m_path, sqlErrorText(query.lastError()));
        return false;
    }
    return true;
}

int StateDatabase::tableCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

int StateDatabase::userVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString StateDatabase::companionPath(const QString &path, const QString &suffix)
{
    const QString real = QFileInfo(path).canonicalFilePath();
    return (real.isEmpty() ? path : real) + suffix;
}

void StateDatabase::rollBackHotJournal(const QString &path) const
{
    const QString name = m_connectionName + QStringLiteral("-recovery");
    {
        QSqlDatabase recovery = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        recovery.setDatabaseName(path);
        recovery.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (recovery.open()) {
            QSqlQuery read(recovery);
            read.exec(QStringLiteral("PRAGMA user_version")); // what it says, the checks read
        }
        recovery.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool StateDatabase::open(const QString &path, QString *error)
{
    close();
    m_path = path;
    m_integrityChecked = false;
    // Created here, with O_EXCL and mode 0600, so that the file is never readable by others,
    // not even for a moment; SQLite would create it with the umask's permissions.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
    } else if (errno != EEXIST) {
        *error = tr("database: %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }

    // What the file holds before any connection reads it; summed again after a check, so
    // that a record vouches only for bytes that were checked (another process, the window's,
    // may be writing meanwhile).
    const std::optional<VerifiedFingerprint> fingerprint = VerifiedFingerprint::of(path);

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    // First read-only, for the checks below: a file that fails them is left exactly as it is
    // (a read-write connection would fold a write-ahead log into it when it closes).
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    if (!m_db.open()) {
        *error = tr("database: %1: %2").arg(path, sqlErrorText(m_db.lastError()));
        return false;
    }
    // Reading proves it is a database at all (a corrupt or foreign file fails here).
    int version = userVersion();
    if (version < 0 && QFileInfo(companionPath(path, QStringLiteral("-journal"))).size() > 0) {
        // A rollback journal left by a run killed in mid-transaction (the database in DELETE
        // journal mode: while it is created, or where WAL is not available) is "hot": a
        // read-only connection cannot roll it back and fails with SQLITE_READONLY, run after
        // run. A read-write one rolls it back on its first read, as any reader must before it
        // trusts the file (SQLite's "Atomic Commit", §4.2); then the checks run as usual.
        m_db.close();
        rollBackHotJournal(path);
        if (m_db.open())
            version = userVersion();
    }
    if (version < 0) {
        QSqlQuery probe(m_db);
        probe.exec(QStringLiteral("PRAGMA user_version"));
        *error = tr("database: %1: not a usable SQLite database (%2)")
                     .arg(path, sqlErrorText(probe.lastError()));
        return false;
    }
    // Before anything changes the file: a database of another program is left alone.
    QSqlQuery identity(m_db);
    const qint64 applicationId =
        identity.exec(QStringLiteral("PRAGMA application_id")) && identity.next()
            ? identity.value(0).toLongLong()
            : -1;
    identity.finish();
    const bool empty = version == 0 && applicationId == 0 && tableCount() == 0;
    if (!empty && applicationId != twinboxApplicationId) {
        *error = tr("database: %1: not a Twinbox state database (nor an interimap one, which "
                    "would be migrated); refusing to touch it")
                     .arg(path);
        return false;
    }
    if (version > schemaVersion) {
        *error =
            tr("database: %1: written by a newer Twinbox (schema %2, this one knows up to %3); "
               "refusing to touch it")
                .arg(path)
                .arg(version)
                .arg(schemaVersion);
        return false;
    }

    // A damaged file is refused before anything writes to it: it may hold the only record
    // of which messages are paired. quick_check reads every page once (milliseconds for a
    // mailbox of tens of thousands of messages) and finds what a sync might never touch.
    // A file with the fingerprint of one that passed it needs no second one: a sync that
    // finds nothing to do writes nothing, and the next run skips the check.
    if (!empty && !(fingerprint && fingerprint->isRecorded(path))) {
        m_integrityChecked = true;
        QSqlQuery check(m_db);
        const bool read = check.exec(QStringLiteral("PRAGMA quick_check(1)")) && check.next();
        const QString verdict = (read ? check.value(0).toString() : sqlErrorText(check.lastError()))
                                    .simplified(); // one line: quick_check lists by line
        check.finish();
        if (verdict != QStringLiteral("ok")) {
            *error = tr("database: %1: damaged (%2); refusing to touch it. Move it away to start "
                        "afresh: what both sides already hold is then paired again, not copied")
                         .arg(path, verdict);
            return false;
        }
        if (fingerprint && fingerprint == VerifiedFingerprint::of(path))
            fingerprint->record(path);
    }

    m_db.close();
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!m_db.open()) {
        *error = tr("database: %1: %2").arg(path, sqlErrorText(m_db.lastError()));
        return false;
    }

    QSqlQuery mode(m_db);
    if (mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && mode.next())
        m_journalMode = mode.value(0).toString().toLower();
    if (m_journalMode != QStringLiteral("wal")) {
        // WAL needs shared memory, which some file systems lack; DELETE works everywhere.
        if (mode.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) && mode.next())
            m_journalMode = mode.value(0).toString().toLower();
    }
    mode.finish();
    // NORMAL is durable under WAL across application crashes (the case that matters: kill -9);
    // FULL where the rollback journal is used.
    if (!exec(m_journalMode == QStringLiteral("wal") ? QStringLiteral("PRAGMA synchronous=NORMAL")
                                                     : QStringLiteral("PRAGMA synchronous=FULL"),
              error) ||
        !exec(QStringLiteral("PRAGMA foreign_keys=ON"), error))
        return false;
    return migrate(error);
}

bool StateDatabase::migrate(QString *error)
{
    for (int version = userVersion(); version < schemaVersion; ++version) {
        std::optional<Transaction> began;
        try {
            began.emplace(m_db);
        } catch (const StateError &e) {
            *error = e.message();
            return false;
        }
        Transaction &transaction = *began;
        for (const QString &statement : migrations.at(version)) {
            if (!exec(statement, error))
                return false;
        }
        // PRAGMA takes no bound parameters; the number is ours.
        if (!exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1), error))
            return false;
        QSqlQuery check(m_db);
        const bool broken = !check.exec(QStringLiteral("PRAGMA foreign_key_check")) || check.next();
        check.finish(); // an open statement would keep COMMIT from succeeding
        if (broken) {
            *error = tr("database: %1: broken references after migration %2; nothing was changed")
                         .arg(m_path)
                         .arg(version + 1);
            return false;
        }
        if (!transaction.commit()) {
            *error = tr("database: %1: %2").arg(m_path, transaction.error());
            return false;
        }
    }
    return true;
}

} // namespace twinbox::state
