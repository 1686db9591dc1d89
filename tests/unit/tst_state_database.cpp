// The state database: created private, WAL with foreign keys, schema by numbered
// migrations, unsigned 64-bit values intact, newer or broken files refused, a file that
// passed the integrity check not checked again while it stays the same.
#include "state/StateDatabase.h"
#include "state/Transaction.h"
#include "state/VerifiedFingerprint.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>
#include <sys/stat.h>

using twinbox::state::StateDatabase;
using twinbox::state::Transaction;
using twinbox::state::VerifiedFingerprint;

namespace {

// An older database: a current one taken back to the version-1 mapping (a table with a rowid,
// without the side bases), then `statements`.
bool makeOldDatabase(const QString &path, const QList<const char *> &statements, QString *error)
{
    StateDatabase db;
    if (!db.open(path, error))
        return false;
    QSqlQuery back(db.connection());
    const QList<const char *> version1 = {
        "DROP TABLE server_greeting", // migration 4's
        "DROP TABLE mapping",
        "CREATE TABLE mapping ("
        " idx INTEGER NOT NULL REFERENCES mailboxes(idx) ON DELETE CASCADE,"
        " local_uid INTEGER NOT NULL CHECK (local_uid > 0),"
        " remote_uid INTEGER NOT NULL CHECK (remote_uid > 0),"
        " flags TEXT, PRIMARY KEY (idx, local_uid), UNIQUE (idx, remote_uid))"};
    for (const char *statement : version1 + statements) {
        if (!back.exec(QString::fromLatin1(statement))) {
            *error = QString::fromLatin1(statement) + u": " + back.lastError().text();
            return false;
        }
    }
    return true;
}

// Opens the database at `path` and tells whether that open ran the integrity check, after
// `then` had the open database.
bool checkedOnOpen(const QString &path, const std::function<void(StateDatabase &)> &then = {})
{
    StateDatabase db;
    QString error;
    if (!db.open(path, &error)) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return false;
    }
    if (then)
        then(db);
    return db.integrityChecked();
}

// The two ways to name a database: its file, or a symbolic link to it (SQLite keeps the
// journal and the write-ahead log beside the file the link leads to).
void addDirectOrLinkedRows()
{
    QTest::addColumn<bool>("throughLink");
    QTest::newRow("the file") << false;
    QTest::newRow("a symbolic link to it") << true;
}

// Copies the database file at `path` to `copy`, named `opened` (the copy itself, or a symbolic
// link to it), and records the copy's file alone as having passed the check.
void copyRecordedAsChecked(const QString &path, const QString &copy, const QString &opened)
{
    QVERIFY(QFile::copy(path, copy));
    if (opened != copy)
        QVERIFY(QFile::link(copy, opened));
    const std::optional<VerifiedFingerprint> file = VerifiedFingerprint::of(opened);
    QVERIFY(file);
    file->record(opened);
}

// Some pages of rows, so that one in the middle holds data.
void addMailboxes(StateDatabase &db)
{
    QSqlQuery insert(db.connection());
    for (int i = 0; i < 100; ++i)
        QVERIFY(insert.exec(QStringLiteral(
            "INSERT INTO mailboxes (mailbox) VALUES (CAST(randomblob(400) AS BLOB))")));
}

} // namespace

class TestStateDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateFileWithCurrentSchema();
    void reopeningKeepsData();
    void migratesAVersion1Database();
    void migratesAVersion2Database();
    void unsigned64BitValuesRoundTrip();
    void foreignKeysAreEnforced();
    void transactionRollsBackUnlessCommitted();
    void preparedStatementsAreReusedAndNestable();
    void refusesNewerSchema();
    void refusesGarbage();
    void refusesAnInterimapDatabaseUntouched();
    void hotJournalOfAKilledRunIsRolledBack_data();
    void hotJournalOfAKilledRunIsRolledBack();
    void aFileThatPassedTheCheckIsNotCheckedAgain();
    void aVerifiedFileDamagedSinceIsRefused();
    void pagesInTheWriteAheadLogAreChecked_data();
    void pagesInTheWriteAheadLogAreChecked();

private:
    QTemporaryDir m_dir;
};

void TestStateDatabase::createsPrivateFileWithCurrentSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("new.db"));
    const mode_t old = ::umask(0); // even a permissive umask must not make it readable by others
    StateDatabase db;
    QString error;
    const bool opened = db.open(path, &error);
    ::umask(old);
    QVERIFY2(opened, qPrintable(error));
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
    QCOMPARE(db.userVersion(), StateDatabase::schemaVersion);
    QCOMPARE(db.journalMode(), QStringLiteral("wal"));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    for (const char *table : {"mailboxes", "mailbox_state", "mapping", "pending_append",
                              "refused_message", "issue_log"})
        QVERIFY2(tables.contains(QString::fromLatin1(table)), table);
}

void TestStateDatabase::reopeningKeepsData()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.db"));
    QString error;
    {
        StateDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QSqlQuery insert(db.connection());
        QVERIFY(insert.exec(
            QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES (x'41726368697665')")));
    }
    StateDatabase again;
    QVERIFY2(again.open(path, &error), qPrintable(error)); // no migration runs twice
    QSqlQuery count(again.connection());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM mailboxes")) && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TestStateDatabase::migratesAVersion1Database()
{
    // A database as version 1 left it: mapping without the side bases of migration 2.
    const QString path = m_dir.filePath(QStringLiteral("version1.db"));
    QString error;
    QVERIFY2(makeOldDatabase(path,
                             {"PRAGMA user_version = 1",
                              "INSERT INTO mailboxes (mailbox) VALUES (x'494e424f58')",
                              "INSERT INTO mapping (idx, local_uid, remote_uid, flags) VALUES "
                              "(1, 4, 7, '\\Seen')"},
                             &error),
             qPrintable(error));
    StateDatabase again;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    QCOMPARE(again.userVersion(), StateDatabase::schemaVersion);
    QSqlQuery row(again.connection());
    QVERIFY(row.exec(QStringLiteral(
                "SELECT local_uid, remote_uid, flags, local_base, remote_base FROM mapping")) &&
            row.next());
    QCOMPARE(row.value(0).toInt(), 4);
    QCOMPARE(row.value(1).toInt(), 7);
    QCOMPARE(row.value(2).toString(), QStringLiteral("\\Seen"));
    QVERIFY(row.value(3).isNull()); // no update under way
    QVERIFY(row.value(4).isNull());
    QSqlQuery greetings(again.connection()); // migration 4's table, empty
    QVERIFY(greetings.exec(QStringLiteral("SELECT count(*) FROM server_greeting")) &&
            greetings.next());
    QCOMPARE(greetings.value(0).toInt(), 0);
}

void TestStateDatabase::migratesAVersion2Database()
{
    // A database as version 2 left it: the mapping a table with a rowid. Migration 3 keys it by
    // (idx, local_uid) alone, with every row, value and constraint kept.
    const QString path = m_dir.filePath(QStringLiteral("version2.db"));
    QString error;
    QVERIFY2(makeOldDatabase(path,
                             {"ALTER TABLE mapping ADD COLUMN local_base TEXT",
                              "ALTER TABLE mapping ADD COLUMN remote_base TEXT",
                              "PRAGMA user_version = 2",
                              "INSERT INTO mailboxes (mailbox) VALUES (x'494e424f58')",
                              "INSERT INTO mailboxes (mailbox) VALUES (x'41726368697665')",
                              "INSERT INTO mapping VALUES (1, 4, 7, '\\Seen', NULL, '')",
                              "INSERT INTO mapping VALUES (1, 2, 9, NULL, NULL, NULL)",
                              "INSERT INTO mapping VALUES (2, 4, 7, '', '$Label', NULL)"},
                             &error),
             qPrintable(error));
    StateDatabase again;
    QVERIFY2(again.open(path, &error), qPrintable(error));
    QCOMPARE(again.userVersion(), StateDatabase::schemaVersion);
    QSqlQuery query(again.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'mapping'")) &&
            query.next());
    QVERIFY2(query.value(0).toString().endsWith(QStringLiteral("WITHOUT ROWID")),
             qPrintable(query.value(0).toString()));
    QVERIFY(query.exec(QStringLiteral(
        "SELECT idx, local_uid, remote_uid, quote(flags), quote(local_base), quote(remote_base) "
        "FROM mapping ORDER BY idx, local_uid")));
    QStringList rows;
    while (query.next()) {
        QStringList columns;
        for (int column = 0; column < 6; ++column)
            columns.append(query.value(column).toString());
        rows.append(columns.join(u' '));
    }
    QCOMPARE(rows, (QStringList{QStringLiteral("1 2 9 NULL NULL NULL"),
                                QStringLiteral("1 4 7 '\\Seen' NULL ''"),
                                QStringLiteral("2 4 7 '' '$Label' NULL")}));
    // The constraints came along: a remote UID taken, a missing mailbox, the cascade.
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO mapping VALUES (1, 5, 7, NULL, NULL, NULL)")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO mapping VALUES (9, 5, 8, NULL, NULL, NULL)")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO mapping VALUES (1, 0, 8, NULL, NULL, NULL)")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO mapping VALUES (1, 5, 0, NULL, NULL, NULL)")));
    QVERIFY(
        !query.exec(QStringLiteral("INSERT INTO mapping VALUES (1, 5, NULL, NULL, NULL, NULL)")));
    QVERIFY(query.exec(QStringLiteral("DELETE FROM mailboxes WHERE idx = 1")));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM mapping")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestStateDatabase::preparedStatementsAreReusedAndNestable()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_dir.filePath(QStringLiteral("prepared.db")), &error), qPrintable(error));
    const QString insert =
        QStringLiteral("INSERT INTO mailboxes (mailbox, subscribed) VALUES (?, 0)");
    const QString select = QStringLiteral("SELECT mailbox FROM mailboxes WHERE mailbox >= ? "
                                          "ORDER BY mailbox");
    const QSqlResult *kept = nullptr;
    for (const char *name : {"a", "b", "c"}) {
        bool ok = false;
        QSqlQuery query = db.takePrepared(insert, &ok);
        QVERIFY(ok);
        if (kept) // the one given back, not a new one prepared again
            QCOMPARE(query.result(), kept);
        kept = query.result();
        query.bindValue(0, QString::fromLatin1(name)); // a reused query, new values
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        db.release(insert, std::move(query));
    }
    // The same statement twice at once: the second is a query of its own, not the first.
    bool ok = false;
    QSqlQuery outer = db.takePrepared(select, &ok);
    QVERIFY(ok);
    outer.bindValue(0, QStringLiteral("a"));
    QVERIFY(outer.exec());
    QStringList pairs;
    while (outer.next()) {
        QSqlQuery inner = db.takePrepared(select, &ok);
        QVERIFY(ok);
        QVERIFY(inner.result() != outer.result());
        inner.bindValue(0, outer.value(0).toString());
        QVERIFY(inner.exec());
        int following = 0;
        while (inner.next())
            ++following;
        pairs.append(outer.value(0).toString() + QString::number(following));
        db.release(select, std::move(inner));
    }
    db.release(select, std::move(outer));
    QCOMPARE(pairs,
             (QStringList{QStringLiteral("a3"), QStringLiteral("b2"), QStringLiteral("c1")}));
    // A statement SQLite cannot prepare is reported, not kept.
    const QString wrong = QStringLiteral("SELECT FROM nowhere");
    QSqlQuery broken = db.takePrepared(wrong, &ok);
    QVERIFY(!ok);
    db.release(wrong, std::move(broken));
    QSqlQuery again = db.takePrepared(wrong, &ok);
    QVERIFY(!ok);
}

void TestStateDatabase::unsigned64BitValuesRoundTrip()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_dir.filePath(QStringLiteral("u64.db")), &error), qPrintable(error));
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('INBOX')")));
    const std::uint64_t values[] = {0, 1, (std::uint64_t(1) << 63) - 1, std::uint64_t(1) << 63,
                                    UINT64_MAX};
    for (const std::uint64_t value : values) {
        QVERIFY(query.prepare(
            QStringLiteral("INSERT OR REPLACE INTO mailbox_state (idx, side, uidvalidity, uidnext, "
                           "highestmodseq) VALUES (1, 0, 4294967295, 4294967295, ?)")));
        query.addBindValue(StateDatabase::toStored(value));
        QVERIFY(query.exec());
        QVERIFY(
            query.exec(QStringLiteral("SELECT highestmodseq, uidvalidity FROM mailbox_state")) &&
            query.next());
        QCOMPARE(StateDatabase::fromStored(query.value(0).toLongLong()), value);
        QCOMPARE(query.value(1).toLongLong(), 4294967295LL);
    }
}

void TestStateDatabase::foreignKeysAreEnforced()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_dir.filePath(QStringLiteral("fk.db")), &error), qPrintable(error));
    QSqlQuery query(db.connection());
    QVERIFY(!query.exec(
        QStringLiteral("INSERT INTO mapping (idx, local_uid, remote_uid) VALUES (42, 1, 1)")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('')"))); // CHECK
    QVERIFY(query.exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('INBOX')")));
    QVERIFY(query.exec(
        QStringLiteral("INSERT INTO mapping (idx, local_uid, remote_uid) VALUES (1, 1, 1)")));
    QVERIFY(!query.exec(QStringLiteral(
        "INSERT INTO mapping (idx, local_uid, remote_uid) VALUES (1, 2, 1)"))); // UNIQUE
    QVERIFY(query.exec(QStringLiteral("DELETE FROM mailboxes WHERE idx = 1")));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM mapping")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0); // cascaded
}

void TestStateDatabase::transactionRollsBackUnlessCommitted()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_dir.filePath(QStringLiteral("tx.db")), &error), qPrintable(error));
    {
        Transaction transaction(db.connection());
        QVERIFY(transaction.isActive());
        QSqlQuery(db.connection())
            .exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('A')"));
    } // no commit
    {
        Transaction transaction(db.connection());
        QSqlQuery(db.connection())
            .exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('B')"));
        QVERIFY(transaction.commit());
    }
    QSqlQuery query(db.connection());
    QVERIFY(
        query.exec(QStringLiteral("SELECT group_concat(CAST(mailbox AS TEXT)) FROM mailboxes")) &&
        query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("B"));
    // A transaction that cannot begin (one is open already) says so instead of letting the
    // statements commit one by one.
    Transaction outer(db.connection());
    QVERIFY_THROWS_EXCEPTION(twinbox::state::StateError, Transaction inner(db.connection()));
}

void TestStateDatabase::refusesNewerSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("future.db"));
    QString error;
    {
        StateDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    StateDatabase db;
    QVERIFY(!db.open(path, &error));
    QVERIFY2(error.contains(QStringLiteral("newer Twinbox")), qPrintable(error));
    QVERIFY(error.startsWith(QStringLiteral("database: ") + path));
}

void TestStateDatabase::refusesGarbage()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    StateDatabase db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("database: ") + path), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), 4096); // untouched
}

void TestStateDatabase::refusesAnInterimapDatabaseUntouched()
{
    // interimap's schema is also "version 1": application_id tells them apart.
    const QString path = m_dir.filePath(QStringLiteral("interimap.db"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("interimap"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE mailboxes (idx INTEGER PRIMARY KEY, mailbox BLOB, subscribed BOOLEAN)")));
        QVERIFY(query.exec(
            QStringLiteral("CREATE TABLE mapping (idx INTEGER, lUID INTEGER, rUID INTEGER)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("interimap"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    StateDatabase db;
    QString error;
    QVERIFY(!db.open(path, &error));
    QVERIFY2(error.contains(QStringLiteral("not a Twinbox state database")), qPrintable(error));
    db.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before); // not even switched to WAL
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestStateDatabase::hotJournalOfAKilledRunIsRolledBack_data()
{
    addDirectOrLinkedRows();
}

void TestStateDatabase::hotJournalOfAKilledRunIsRolledBack()
{
    // A run killed in mid-transaction while the database is in DELETE journal mode (being
    // created, or where WAL is not available) leaves a hot journal. Made here without a kill:
    // the files are copied while a transaction that spilled pages into the database is open,
    // as a crash would leave them. The next open rolls it back instead of failing with
    // "attempt to write a readonly database", and finds the data as it was before.
    QFETCH(bool, throughLink);
    const QString tag = throughLink ? QStringLiteral("-linked") : QString();
    const QString path = m_dir.filePath(QStringLiteral("crashed%1.db").arg(tag));
    const QString copy = m_dir.filePath(QStringLiteral("hot%1.db").arg(tag));
    const QString opened = throughLink ? m_dir.filePath(QStringLiteral("hot-link.db")) : copy;
    QString error;
    {
        StateDatabase db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QSqlQuery setup(db.connection());
        QVERIFY(setup.exec(QStringLiteral("PRAGMA journal_mode=DELETE")) && setup.next());
        QCOMPARE(setup.value(0).toString(), QStringLiteral("delete"));
        setup.finish();
        QVERIFY(setup.exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('Kept')")));
        QVERIFY(setup.exec(QStringLiteral("PRAGMA cache_size=1"))); // spills before COMMIT
        QVERIFY(setup.exec(QStringLiteral("BEGIN IMMEDIATE")));
        for (int i = 0; i < 300; ++i)
            QVERIFY(setup.exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES "
                                              "(CAST(randomblob(400) AS BLOB))")));
        QVERIFY(QFileInfo(path + QStringLiteral("-journal")).size() > 0);
        // Even with a record that names the file itself, the journal's pages are checked.
        copyRecordedAsChecked(path, copy, opened);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFile::copy(path + QStringLiteral("-journal"), copy + QStringLiteral("-journal")));
        QVERIFY(setup.exec(QStringLiteral("ROLLBACK")));
    }
    StateDatabase reopened;
    QVERIFY2(reopened.open(opened, &error), qPrintable(error));
    QVERIFY(reopened.integrityChecked());
    QSqlQuery count(reopened.connection());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*), min(mailbox) FROM mailboxes")) &&
            count.next());
    QCOMPARE(count.value(0).toInt(), 1);
    QCOMPARE(count.value(1).toByteArray(), QByteArray("Kept"));
    QVERIFY(!QFile::exists(copy + QStringLiteral("-journal")));
}

void TestStateDatabase::aFileThatPassedTheCheckIsNotCheckedAgain()
{
    // The check runs once per content: a run that writes nothing leaves the file byte for
    // byte as it was, and the next open skips it. A write brings it back, and so does a
    // record that does not name the file as it is.
    const QString path = m_dir.filePath(QStringLiteral("verified.db"));
    const QString record = VerifiedFingerprint::recordPathFor(path);
    QVERIFY(!checkedOnOpen(path, addMailboxes)); // created: nothing to check yet
    QVERIFY(!QFile::exists(record));
    QVERIFY(checkedOnOpen(path));
    QVERIFY(QFile::exists(record));
    QCOMPARE(QFileInfo(record).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());
    QVERIFY(!checkedOnOpen(path));
    QVERIFY(!checkedOnOpen(path, addMailboxes)); // unchanged when opened; written since
    QVERIFY(checkedOnOpen(path));
    QVERIFY(!checkedOnOpen(path));
    QFile torn(record);
    QVERIFY(torn.open(QIODevice::ReadWrite));
    const QByteArray text = torn.readAll();
    QVERIFY(torn.resize(text.size() - 3));
    torn.close();
    QVERIFY(checkedOnOpen(path));
    QVERIFY(!checkedOnOpen(path));
}

void TestStateDatabase::aVerifiedFileDamagedSinceIsRefused()
{
    // What the record vouches for is the file's bytes: a page damaged after the check passed
    // (the file's size unchanged) is found by the check, which runs again.
    const QString path = m_dir.filePath(QStringLiteral("damaged-since.db"));
    QVERIFY(!checkedOnOpen(path, addMailboxes));
    QVERIFY(checkedOnOpen(path));
    QVERIFY(!checkedOnOpen(path));
    QFile file(path);
    const qint64 size = file.size();
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek((size / 2) & ~qint64(4095)));
    file.write(QByteArray(4096, '\x5a'));
    file.close();
    QCOMPARE(file.size(), size);
    QFile before(VerifiedFingerprint::recordPathFor(path));
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray record = before.readAll();
    before.close();
    for (int attempt = 0; attempt < 2; ++attempt) { // a failed check records nothing
        StateDatabase db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QVERIFY(db.integrityChecked());
    }
    QFile after(VerifiedFingerprint::recordPathFor(path));
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), record);
}

void TestStateDatabase::pagesInTheWriteAheadLogAreChecked_data()
{
    addDirectOrLinkedRows();
}

void TestStateDatabase::pagesInTheWriteAheadLogAreChecked()
{
    // A run killed before its pages reached the file leaves them in the write-ahead log. The
    // record may still name the file itself, but the database is more than the file now.
    QFETCH(bool, throughLink);
    const QString tag = throughLink ? QStringLiteral("-linked") : QString();
    const QString path = m_dir.filePath(QStringLiteral("logged%1.db").arg(tag));
    const QString copy = m_dir.filePath(QStringLiteral("logged%1-copy.db").arg(tag));
    const QString opened = throughLink ? m_dir.filePath(QStringLiteral("link.db")) : copy;
    QVERIFY(!checkedOnOpen(path, addMailboxes));
    QVERIFY(checkedOnOpen(path));
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("logged"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery write(raw);
        QVERIFY(write.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(write.exec(QStringLiteral("INSERT INTO mailboxes (mailbox) VALUES ('Logged')")));
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        copyRecordedAsChecked(path, copy, opened); // the file alone passed
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        write.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("logged"));
    QVERIFY(!VerifiedFingerprint::of(opened));
    QVERIFY(checkedOnOpen(opened, [](StateDatabase &db) {
        QSqlQuery find(db.connection());
        QVERIFY(find.exec(QStringLiteral("SELECT count(*) FROM mailboxes WHERE mailbox = "
                                         "'Logged'")) &&
                find.next());
        QCOMPARE(find.value(0).toInt(), 1);
    }));
}

QTEST_GUILESS_MAIN(TestStateDatabase)
#include "tst_state_database.moc"
