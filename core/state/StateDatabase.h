#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <cstdint>
#include <map>

namespace twinbox::state {

// The SQLite file that holds one account pair's sync state (QtSql). Opening it creates it
// with mode 0600 when missing, switches to WAL (DELETE where WAL cannot work, e.g. on some
// network file systems), turns foreign keys on, and brings the schema to the current
// version: numbered migrations, each in one transaction, recorded in PRAGMA user_version.
// A database written by a newer Twinbox is refused rather than misread.
//
// The connection belongs to the thread that opened it (a QSqlDatabase rule): the sync
// engine opens its own on its worker thread.
class StateDatabase
{
    Q_DECLARE_TR_FUNCTIONS(StateDatabase)

public:
    static constexpr int schemaVersion = 4;
    static constexpr qint64 twinboxApplicationId = 0x54574258; // "TWBX"

    StateDatabase();
    ~StateDatabase();
    StateDatabase(const StateDatabase &) = delete;
    StateDatabase &operator=(const StateDatabase &) = delete;

    // False with *error ("database: <path>: <cause>") on failure.
    bool open(const QString &path, QString *error);
    void close();

    QSqlDatabase &connection() { return m_db; }
    // A forward-only query prepared for `statement`: one kept from an earlier use when there
    // is one (SQLite then skips parsing and planning it again), else a new one. Given back
    // with release() once finished, for the next use.
    QSqlQuery takePrepared(const QString &statement, bool *ok);
    void release(const QString &statement, QSqlQuery query);
    const QString &path() const { return m_path; }
    QString journalMode() const { return m_journalMode; }
    int userVersion() const;
    // Whether the last open() ran SQLite's integrity check. It does not when the file has the
    // fingerprint of one that passed it before (VerifiedFingerprint), nor when it is new.
    bool integrityChecked() const { return m_integrityChecked; }

    // Where SQLite keeps the "-wal" or "-journal" (`suffix`) of the database at `path`:
    // beside the file a symbolic link leads to, not beside the link.
    static QString companionPath(const QString &path, const QString &suffix);

    // SQLite stores signed 64-bit integers; HIGHESTMODSEQ is unsigned 64-bit. The bit
    // pattern is kept, so every value survives the round trip.
    static qint64 toStored(std::uint64_t value) { return static_cast<qint64>(value); }
    static std::uint64_t fromStored(qint64 value) { return static_cast<std::uint64_t>(value); }

private:
    bool migrate(QString *error);
    // Rolls back the hot rollback journal of the database at `path` (a read-write connection
    // of its own, which does it on its first read).
    void rollBackHotJournal(const QString &path) const;
    int tableCount() const;
    bool exec(const QString &statement, QString *error);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    QString m_journalMode;
    bool m_integrityChecked = false;
    std::map<QString, QSqlQuery> m_prepared; // idle prepared statements, by text (move-only)
};

} // namespace twinbox::state
