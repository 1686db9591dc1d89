// The real twinbox-cli against two scripted servers when a conditional STORE meets [MODIFIED]
// (RFC 7162 §3.1.3): another client changed the message between the SELECT and the STORE.
// The user's change lives on in the stored target, the other client's change joins it, and a
// mailbox whose check shows that work left is selected again even when the next mailbox's
// SELECT went ahead (SelectAhead).
#include "CliRun.h"
#include "CliScripts.h"
#include "FakeImapServer.h"
#include "state/StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using twinbox::test::CliRun;
using twinbox::test::FakeImapServer;
using twinbox::test::readState;
using twinbox::test::StateRows;
using twinbox::test::storeSyncedInbox;
using namespace twinbox::test::cli_scripts;

namespace {

// Message 1 of INBOX as the database holds it after the run.
struct StoredMessage
{
    QString error;
    QString flags;                 // the target
    bool noUpdateUnderWay = false; // no side's base left
    QStringList issues;            // "kind local N remote M"
};

StoredMessage storedMessage1(const QString &path)
{
    StoredMessage stored;
    twinbox::state::StateDatabase database;
    if (!database.open(path, &stored.error))
        return stored;
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT flags, local_base IS NULL AND remote_base IS NULL "
                                   "FROM mapping WHERE local_uid = 1")) ||
        !query.next()) {
        stored.error = query.lastError().text();
        return stored;
    }
    stored.flags = query.value(0).toString();
    stored.noUpdateUnderWay = query.value(1).toBool();
    if (!query.exec(QStringLiteral("SELECT kind, local_uid, remote_uid FROM issue_log"))) {
        stored.error = query.lastError().text();
        return stored;
    }
    while (query.next())
        stored.issues.append(QStringLiteral("%1 local %2 remote %3")
                                 .arg(query.value(0).toString())
                                 .arg(query.value(1).toLongLong())
                                 .arg(query.value(2).toLongLong()));
    return stored;
}

} // namespace

class TestCliModifiedStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void modifiedStoreKeepsTheOtherSidesChange();
    void mailboxSelectedAgainWhenItsCheckShowsMoreWork();

private:
    CliRun runCli(const FakeImapServer &local, const FakeImapServer &remote)
    {
        return m_home.run(local, remote);
    }
    QString databasePath() const { return m_home.databasePath(); }

    twinbox::test::CliHome m_home;
};

void TestCliModifiedStore::init()
{
    QVERIFY(m_home.renew());
}

void TestCliModifiedStore::cleanup()
{
    m_home.clear();
}

void TestCliModifiedStore::modifiedStoreKeepsTheOtherSidesChange()
{
    // INBOX was synced before (both sides at HIGHESTMODSEQ 5, message 1 mapped with no flags).
    // The user marked it read locally; the UID STORE that writes \Seen to the remote meets
    // [MODIFIED] (RFC 7162 §3.1.3), because another client set $Other there just after the
    // SELECT. The check reports only the remote's change, not the local one again (its
    // MODSEQ is below what is confirmed). The local \Seen lives on in the stored target, with
    // the remote's base ('') kept because its STORE did not land: the next pass adds the
    // remote's own change, $Other, and both sides get ($Other \Seen). No conflict: nothing
    // was decided for the user. An engine that drops the target writes ($Other) to the local
    // server and loses the user's change.
    QVERIFY(storeSyncedInbox(databasePath()));

    // The remote's LIST-STATUS is what was stored (the other client comes later); the local
    // one shows the change, so INBOX is selected on both.
    const Inbox localInbox{localUidValidity, 1, 2, 10};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 5};
    FakeImapServer local(
        opening(localInbox) +
            resyncSelect("INBOX", localInbox, 5, 3,
                         {"S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (10))"}) +
            check(4, 10, {}) +
            Script{"C: T5 UID STORE 1 (UNCHANGEDSINCE 10) FLAGS.SILENT ($Other \\Seen)",
                   "S: T5 OK stored"} +
            check(6, 10, {"S: * 1 FETCH (UID 1 FLAGS ($Other \\Seen) MODSEQ (11))"}) + logout(7),
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        opening(remoteInbox) + resyncSelect("INBOX", remoteInbox, 5) +
            Script{"C: T4 UID STORE 1 (UNCHANGEDSINCE 5) FLAGS.SILENT (\\Seen)",
                   "S: T4 OK [MODIFIED 1] Conditional STORE failed"} +
            check(5, 5, {"S: * 1 FETCH (UID 1 FLAGS ($Other) MODSEQ (7))"}) +
            Script{"C: T6 UID STORE 1 (UNCHANGEDSINCE 7) FLAGS.SILENT ($Other \\Seen)",
                   "S: T6 OK stored"} +
            check(7, 7, {"S: * 1 FETCH (UID 1 FLAGS ($Other \\Seen) MODSEQ (8))"}) + logout(8),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_RUN_SUCCEEDED(run, local, remote);
    QVERIFY2(!run.output.contains(QStringLiteral("Conflicting flag update")),
             qPrintable(run.output));

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.pending, QStringList());
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 11"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 8")}));

    const StoredMessage stored = storedMessage1(databasePath());
    QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
    QCOMPARE(stored.flags, QStringLiteral("$Other \\Seen"));
    QVERIFY(stored.noUpdateUnderWay); // both STOREs confirmed
    QCOMPARE(stored.issues, QStringList());
}

void TestCliModifiedStore::mailboxSelectedAgainWhenItsCheckShowsMoreWork()
{
    // modifiedStoreKeepsTheOtherSidesChange with a second mailbox, Work, to sync after INBOX:
    // Work's SELECT goes out behind INBOX's check (SelectAhead). That check shows the remote's
    // $Other, which INBOX still has to carry over, so INBOX is selected again (QRESYNC from
    // what its check confirmed), its STOREs and check follow, and Work is selected ahead once
    // more behind that check; Work then syncs from that answer. The second SELECT of INBOX
    // shows a local change made meanwhile ($Mine): it meets the remote's $Other in a
    // three-way merge (a conflict, whose message is named first), and the STOREs are
    // conditional on that SELECT's HIGHESTMODSEQ (12), not on the older check's (10). Both
    // mailboxes end stored and every script runs to its end: nothing is written to Work for
    // INBOX.
    QVERIFY(storeSyncedInbox(databasePath(), std::pair{twinbox::state::SideState{33, 1, 3},
                                                       twinbox::state::SideState{44, 1, 3}}));
    const Inbox localInbox{localUidValidity, 1, 2, 10};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 5};
    const Inbox localWork{33, 0, 1, 4}; // another client's change: Work is selected
    const Inbox remoteWork{44, 0, 1, 3};
    FakeImapServer local(
        openingWith(localInbox, localWork) +
            resyncSelect("INBOX", localInbox, 5, 3,
                         {"S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (10))"}) +
            check(4, 10, {}) + resyncSelect("Work", localWork, 3, 5) +
            resyncSelect("INBOX", Inbox{localUidValidity, 1, 2, 12}, 10, 6,
                         {"S: * 1 FETCH (UID 1 FLAGS ($Mine \\Seen) MODSEQ (12))"}) +
            Script{"C: T7 UID FETCH 1 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT FROM DATE)])",
                   "S: T7 OK fetched",
                   "C: T8 UID STORE 1 (UNCHANGEDSINCE 12) FLAGS.SILENT ($Mine $Other \\Seen)",
                   "S: T8 OK stored"} +
            check(9, 12, {"S: * 1 FETCH (UID 1 FLAGS ($Mine $Other \\Seen) MODSEQ (13))"}) +
            resyncSelect("Work", localWork, 3, 10) + logout(11),
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        openingWith(remoteInbox, remoteWork) + resyncSelect("INBOX", remoteInbox, 5, 3) +
            Script{"C: T4 UID STORE 1 (UNCHANGEDSINCE 5) FLAGS.SILENT (\\Seen)",
                   "S: T4 OK [MODIFIED 1] Conditional STORE failed"} +
            check(5, 5, {"S: * 1 FETCH (UID 1 FLAGS ($Other) MODSEQ (7))"}) +
            resyncSelect("Work", remoteWork, 3, 6) +
            resyncSelect("INBOX", Inbox{remoteUidValidity, 1, 2, 7}, 7, 7) +
            Script{"C: T8 UID STORE 1 (UNCHANGEDSINCE 7) FLAGS.SILENT ($Mine $Other \\Seen)",
                   "S: T8 OK stored"} +
            check(9, 7, {"S: * 1 FETCH (UID 1 FLAGS ($Mine $Other \\Seen) MODSEQ (8))"}) +
            resyncSelect("Work", remoteWork, 3, 10) + logout(11),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_RUN_SUCCEEDED(run, local, remote);
    QVERIFY2(run.output.contains(QStringLiteral("Conflicting flag update in INBOX for local UID 1 "
                                                "($Mine \\Seen) and remote UID 1 ($Other)")),
             qPrintable(run.output));

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 13"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 8"),
                                       QStringLiteral("local 33 uidnext 1 highestmodseq 4"),
                                       QStringLiteral("remote 44 uidnext 1 highestmodseq 3")}));
    const StoredMessage stored = storedMessage1(databasePath());
    QVERIFY2(stored.error.isEmpty(), qPrintable(stored.error));
    QCOMPARE(stored.flags, QStringLiteral("$Mine $Other \\Seen"));
    QVERIFY(stored.noUpdateUnderWay);
}

QTEST_GUILESS_MAIN(TestCliModifiedStore)
#include "tst_cli_modified_store.moc"
