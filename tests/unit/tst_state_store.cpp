// The sync engine's state: mailboxes, per-side state, the UID mapping with agreed flags,
// the pending-append journal and the issue log, each surviving a reopen.
#include "state/StateStore.h"
#include "state/Transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace twinbox::state;

class TestStateStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void mailboxesAndSideState();
    void mappingWithAgreedFlags();
    void mappingOfAWholeMailboxInItsTransaction();
    void flagUpdatesStoredAsText();
    void pendingAppendJournal();
    void errorsNameTheDatabase();
    void uncommittedWorkIsRolledBack();

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

void TestStateStore::init()
{
    m_path = m_dir.filePath(QStringLiteral("store%1.db").arg(++m_counter));
}

void TestStateStore::mailboxesAndSideState()
{
    const QByteArray name("Archive\0"
                          "2026",
                          12);
    {
        StateDatabase db;
        QString error;
        QVERIFY2(db.open(m_path, &error), qPrintable(error));
        StateStore store(db);
        QVERIFY(!store.mailboxId(name));
        const qint64 id = store.addMailbox(name, true);
        QCOMPARE(store.mailboxId(name), id);
        QVERIFY(!store.sideState(id, Side::Local));
        store.setSideState(id, Side::Local, {4294967295u, 17, UINT64_MAX});
        store.setSideState(id, Side::Remote, {1, 2, 3});
        store.setSideState(id, Side::Remote, {1, 5, 9}); // an update, not a second row
    }
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    const qint64 id = *store.mailboxId(name);
    QCOMPARE(store.sideState(id, Side::Local),
             std::optional<SideState>(SideState{4294967295u, 17, UINT64_MAX}));
    QCOMPARE(store.sideState(id, Side::Remote), std::optional<SideState>(SideState{1, 5, 9}));
}

void TestStateStore::mappingWithAgreedFlags()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    const qint64 id = store.addMailbox("INBOX", false);
    store.addMapping(id, {3, 30, QByteArrayList{"\\Seen", "$Label"}, {}});
    store.addMapping(id, {1, 10, std::nullopt, {}});
    store.addMapping(id, {2, 20, QByteArrayList{}, {}});
    auto mapping = store.mapping(id);
    QCOMPARE(mapping.size(), 3);
    QCOMPARE(mapping[0].localUid, 1u);
    QVERIFY(!mapping[0].flags);                                                  // unknown
    QCOMPARE(mapping[1].flags, std::optional<QByteArrayList>(QByteArrayList{})); // known: none
    QCOMPARE(*mapping[2].flags, (QByteArrayList{"\\Seen", "$Label"}));
    // A flag update under way: the target, and the remote's flags before its STORE.
    store.setFlags(id, {1, 10, QByteArrayList{"\\Flagged"}, {std::nullopt, QByteArrayList{}}});
    store.setFlags(id, {3, 30, QByteArrayList{"$Label"}, {QByteArrayList{"\\Seen"}, std::nullopt}});
    store.removeMapping(id, 2);
    mapping = store.mapping(id);
    QCOMPARE(mapping.size(), 2);
    QCOMPARE(*mapping[0].flags, QByteArrayList{"\\Flagged"});
    QVERIFY(!mapping[0].base[0]);
    QCOMPARE(mapping[0].base[1], std::optional<QByteArrayList>(QByteArrayList{}));
    QCOMPARE(*mapping[0].baseOn(Side::Local), QByteArrayList{"\\Flagged"});
    QCOMPARE(*mapping[0].baseOn(Side::Remote), QByteArrayList{});
    QCOMPARE(*mapping[1].baseOn(Side::Local), QByteArrayList{"\\Seen"});
    QVERIFY(!mapping[1].base[1]);
    // Its STOREs confirmed: both sides hold the target.
    store.setFlags(id, {3, 30, QByteArrayList{"$Label"}, {}});
    QVERIFY(!store.mapping(id)[1].base[0]);
    bool rejected = false;
    try {
        store.addMapping(id, {4, 30, std::nullopt, {}}); // remote UID 30 is taken
    } catch (const StateError &) {
        rejected = true;
    }
    QVERIFY(rejected);
}

void TestStateStore::mappingOfAWholeMailboxInItsTransaction()
{
    // MappingReader reads through SQLite's C API on QtSql's connection: it sees the rows of
    // the transaction under way, and the flag lists it shares between rows with the same text
    // stay right after the row they were read from is gone (the text is copied, not kept).
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    const qint64 id = store.addMailbox("INBOX", false);
    const QList<std::optional<QByteArrayList>> kinds = {QByteArrayList{"\\Seen"}, std::nullopt,
                                                        QByteArrayList{"\\Answered", "$Label1"},
                                                        QByteArrayList{}};
    Transaction transaction(db.connection());
    for (std::uint32_t uid = 1; uid <= 400; ++uid)
        store.addMapping(
            id, {uid, uid + 1000, kinds.at(uid % 4), {std::nullopt, kinds.at((uid + 1) % 4)}});
    const QList<MappedMessage> mapping = store.mapping(id); // before the commit
    QCOMPARE(mapping.size(), 400);
    for (const MappedMessage &message : mapping) {
        QCOMPARE(message.remoteUid, message.localUid + 1000);
        QCOMPARE(message.flags, kinds.at(message.localUid % 4));
        QVERIFY(!message.base[0]);
        QCOMPARE(message.base[1], kinds.at((message.localUid + 1) % 4));
    }
    QVERIFY(store.mapping(id + 1).isEmpty());
}

void TestStateStore::flagUpdatesStoredAsText()
{
    // setFlags binds through SQLite's C API on a statement kept between rows (FlagsWriter):
    // every row gets its own values, stored as text ('' for none, NULL for unknown) as QtSql
    // stored them, and a rolled-back transaction takes its updates with it.
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    const qint64 id = store.addMailbox("INBOX", false);
    for (std::uint32_t uid = 1; uid <= 3; ++uid)
        store.addMapping(id, {uid, uid + 10, std::nullopt, {}});
    for (int round = 0; round < 40; ++round) {
        for (std::uint32_t uid = 1; uid <= 3; ++uid) {
            const QByteArray flag = "$F" + QByteArray::number(round * 10 + uid);
            store.setFlags(id, {uid,
                                uid + 10,
                                QByteArrayList{"\\Seen", flag},
                                {uid == 2 ? std::optional(QByteArrayList{}) : std::nullopt,
                                 uid == 3 ? std::optional(QByteArrayList{flag}) : std::nullopt}});
        }
    }
    const QList<MappedMessage> mapping = store.mapping(id);
    QCOMPARE(mapping.size(), 3);
    QCOMPARE(*mapping[0].flags, (QByteArrayList{"\\Seen", "$F391"}));
    QCOMPARE(*mapping[1].flags, (QByteArrayList{"\\Seen", "$F392"}));
    QCOMPARE(mapping[1].base[0], std::optional<QByteArrayList>(QByteArrayList{}));
    QCOMPARE(mapping[2].base[1], std::optional<QByteArrayList>(QByteArrayList{"$F393"}));
    QSqlQuery types(db.connection());
    QVERIFY(types.exec(QStringLiteral("SELECT typeof(flags), typeof(local_base), "
                                      "typeof(remote_base), local_base FROM mapping "
                                      "ORDER BY local_uid")));
    QStringList seen;
    while (types.next())
        seen << types.value(0).toString() + u' ' + types.value(1).toString() + u' ' +
                    types.value(2).toString() + u' ' + types.value(3).toString();
    QCOMPARE(seen,
             (QStringList{QStringLiteral("text null null "), QStringLiteral("text text null "),
                          QStringLiteral("text null text ")}));
    {
        Transaction transaction(db.connection());
        store.setFlags(id, {1, 11, QByteArrayList{"\\Deleted"}, {}});
        QCOMPARE(*store.mapping(id)[0].flags, QByteArrayList{"\\Deleted"});
    } // not committed: rolled back
    QCOMPARE(*store.mapping(id)[0].flags, (QByteArrayList{"\\Seen", "$F391"}));
    // A refused update names the database and SQLite's cause, and leaves the kept statement
    // fit for the next row.
    QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA query_only = ON")));
    try {
        store.setFlags(id, {2, 12, QByteArrayList{"\\Answered"}, {}});
        QFAIL("a read-only database took the update");
    } catch (const StateError &e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("database: ") + m_path) &&
                     e.message().contains(QStringLiteral("readonly")),
                 qPrintable(e.message()));
    }
    QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA query_only = OFF")));
    store.setFlags(id, {2, 12, QByteArrayList{"\\Answered"}, {}});
    QCOMPARE(*store.mapping(id)[1].flags, QByteArrayList{"\\Answered"});
}

void TestStateStore::pendingAppendJournal()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    const qint64 id = store.addMailbox("INBOX", false);
    const QDateTime when(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC);
    store.addPendingAppend(id, {Side::Remote, 7, "<a@b>", 1234, when, 100});
    store.addPendingAppend(id, {Side::Local, 9, QByteArray(), 10, when, 50});
    auto pending = store.pendingAppends(id);
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending[0].source, Side::Local);
    QCOMPARE(pending[1].messageId, QByteArray("<a@b>"));
    QCOMPARE(pending[1].internalDate, when);
    QCOMPARE(pending[1].targetUidNext, 100u);
    store.clearPendingAppend(id, Side::Remote, 7);
    QCOMPARE(store.pendingAppends(id).size(), 1);
    store.logIssue("INBOX", QStringLiteral("conflict"), QStringLiteral("flags differed"), 3, 30);
    QCOMPARE(store.issueCount(), 1);
}

void TestStateStore::errorsNameTheDatabase()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    try {
        store.addMapping(999, {1, 1, std::nullopt, {}}); // no such mailbox: foreign key
        QFAIL("no error");
    } catch (const StateError &e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("database: ") + m_path),
                 qPrintable(e.message()));
    }
}

void TestStateStore::uncommittedWorkIsRolledBack()
{
    StateDatabase db;
    QString error;
    QVERIFY2(db.open(m_path, &error), qPrintable(error));
    StateStore store(db);
    const qint64 id = store.addMailbox("INBOX", false);
    {
        Transaction transaction(db.connection());
        store.addMapping(id, {1, 1, std::nullopt, {}});
        store.setSideState(id, Side::Local, {1, 2, 3});
    }
    QVERIFY(store.mapping(id).isEmpty());
    QVERIFY(!store.sideState(id, Side::Local));
}

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_state_store.moc"
