// What goes out behind a SELECT, and when it may not: the real twinbox-cli against two
// scripted servers, whose scripts pin the order of every command.
//
// Where LIST-STATUS shows new mail, the summary FETCH of the new messages (MessageSummary)
// goes out right behind the mailbox's SELECT, before its answer (QresyncSelect), whether the
// mailbox selects itself or was selected ahead behind the mailbox before (SelectAhead): the
// servers wait for that FETCH before they answer, so a client that waited would stall.
//
// The next mailbox's SELECT may not go out behind a mailbox's check (SelectAhead) when it
// would either run a command meant for INBOX in Work (RFC 3501 §6.3.1: a SELECT ends the
// selection before it) or select Work from a state that its new UIDVALIDITY made void, and
// so need a second SELECT that these scripts do not allow.
#include "CliRun.h"
#include "CliScripts.h"
#include "FakeImapServer.h"

#include <QTest>

using twinbox::test::CliRun;
using twinbox::test::FakeImapServer;
using twinbox::test::readState;
using twinbox::test::StateRows;
using twinbox::test::storeSyncedInbox;
using namespace twinbox::test::cli_scripts;

namespace {

// A run in which INBOX carries a local \Seen on message 1 to the remote (both stored at
// HIGHESTMODSEQ 5, storeSyncedInbox; the local server is at 10 now), Work listed after it as
// `work`: each server's script up to INBOX's check.
const Inbox seenLocalInbox{localUidValidity, 1, 2, 10};
const Inbox seenRemoteInbox{remoteUidValidity, 1, 2, 5};

Script localUpToCheck(const Inbox &work)
{
    return openingWith(seenLocalInbox, work) +
           resyncSelect("INBOX", seenLocalInbox, 5, 3,
                        {"S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (10))"});
}

Script remoteUpToCheck(const Inbox &work)
{
    return openingWith(seenRemoteInbox, work) + resyncSelect("INBOX", seenRemoteInbox, 5) +
           Script{"C: T4 UID STORE 1 (UNCHANGEDSINCE 5) FLAGS.SILENT (\\Seen)", "S: T4 OK stored"};
}

// The remote's check of INBOX, which shows the STORE (after `first`).
Script remoteInboxCheck(const Script &first)
{
    return check(5, 5, first + Script{"S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (6))"});
}

} // namespace

class TestCliSelectAhead : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_home.renew()); }
    void cleanup() { m_home.clear(); }

    void nextSelectWaitsForTheListingWithoutEsearch_data();
    void nextSelectWaitsForTheListingWithoutEsearch();
    void nextSelectWaitsForANewUidValidity();
    void summaryGoesOutBehindTheSelect_data();
    void summaryGoesOutBehindTheSelect();
    void summaryGoesOutBehindTheSelectAhead();

private:
    // INBOX synced before (storeSyncedInbox), and Work too, empty then: UIDVALIDITY 33 and
    // 44, UIDNEXT 1, HIGHESTMODSEQ 3.
    bool storeInboxAndWork() const
    {
        return storeSyncedInbox(
            m_home.databasePath(),
            std::pair{twinbox::state::SideState{33, 1, 3}, twinbox::state::SideState{44, 1, 3}});
    }

    twinbox::test::CliHome m_home;
};

void TestCliSelectAhead::nextSelectWaitsForTheListingWithoutEsearch_data()
{
    QTest::addColumn<bool>("toLocal");
    QTest::newRow("appended to the local server") << true;
    QTest::newRow("appended to the remote server") << false;
}

void TestCliSelectAhead::nextSelectWaitsForTheListingWithoutEsearch()
{
    // A first sync: one side's message in INBOX is appended to the other server, which has no
    // ESEARCH (RFC 4731). After the check, the UIDs from the first appended one on are listed
    // with a plain `UID FETCH … (UID)` that can only go out once the check is answered
    // (MailboxSync: a message another client stored among ours must not hide below UIDNEXT).
    // Work's SELECT must wait for that listing, on both servers: sent ahead, it would have
    // the listing run in Work. Each server pauses before answering the check, and a command
    // that arrives meanwhile fails its script.
    QFETCH(bool, toLocal);
    const quint32 targetValidity = toLocal ? localUidValidity : remoteUidValidity;
    const quint32 sourceValidity = toLocal ? remoteUidValidity : localUidValidity;
    const Inbox targetInbox{targetValidity, 0, 1, 1};
    const Inbox sourceInbox{sourceValidity, 1, 2, 3};
    const Inbox targetWork{toLocal ? 33u : 44u, 0, 1, 1};
    const Inbox sourceWork{toLocal ? 44u : 33u, 0, 1, 1};
    const auto selectWork = [](const Inbox &work) {
        return firstSelect(work, {}, "SELECT Work (CONDSTORE)", 7, false);
    };
    const Script target =
        openingWith(targetInbox, targetWork) + firstSelect(targetInbox) + appendOfOneMessage(4) +
        Script{"S: T4 OK [APPENDUID " + number(targetValidity) + " 1] appended"} +
        check(5, 1, {"P: 200", "S: * 1 FETCH (UID 1 MODSEQ (2) FLAGS (\\Seen))"}) +
        Script{"C: T6 UID FETCH 1:4294967295 (UID)", "S: * 1 FETCH (UID 1)", "S: T6 OK fetched"} +
        selectWork(targetWork) + logout(8);
    const Script source = openingWith(sourceInbox, sourceWork) + firstSelect(sourceInbox) +
                          summaryOfOneMessage(4) + bodyOfOneMessage(5) + check(6, 3, {"P: 200"}) +
                          selectWork(sourceWork) + logout(8);
    FakeImapServer local(toLocal ? target : source, FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(toLocal ? source : target, FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = m_home.run(local, remote);
    VERIFY_RUN_SUCCEEDED(run, local, remote);
    const StateRows state = readState(m_home.databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.pending, QStringList());
    // The target's HIGHESTMODSEQ is what its check confirmed (2), the source's what it listed.
    const QString localSide =
        QStringLiteral("local 11 uidnext 2 highestmodseq %1").arg(toLocal ? 2 : 3);
    const QString remoteSide =
        QStringLiteral("remote 22 uidnext 2 highestmodseq %1").arg(toLocal ? 3 : 2);
    QCOMPARE(state.sides, (QStringList{localSide, remoteSide,
                                       QStringLiteral("local 33 uidnext 1 highestmodseq 1"),
                                       QStringLiteral("remote 44 uidnext 1 highestmodseq 1")}));
}

void TestCliSelectAhead::nextSelectWaitsForANewUidValidity()
{
    // INBOX was synced before and carries a local \Seen to the remote; Work was synced too,
    // but the local server renumbered it (UIDVALIDITY 33 on record, 34 listed: RFC 3501
    // §2.3.1.1). Work's stored state is void: it is matched again as a first sync, so its
    // SELECT asks with CONDSTORE, not QRESYNC from the old state. It does not go out behind
    // INBOX's check (each server pauses before answering it, and a command that arrives
    // meanwhile fails its script), and Work is selected once on each server.
    QVERIFY(storeInboxAndWork());
    const Inbox localWork{34, 0, 1, 1};
    const Inbox remoteWork{44, 0, 1, 3};
    const auto selectWork = [](const Inbox &work, int tag) {
        return firstSelect(work, {}, "SELECT Work (CONDSTORE)", tag, false);
    };
    FakeImapServer local(localUpToCheck(localWork) + check(4, 10, {"P: 200"}) +
                             selectWork(localWork, 5) + logout(6),
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(remoteUpToCheck(remoteWork) + remoteInboxCheck({"P: 200"}) +
                              selectWork(remoteWork, 6) + logout(7),
                          FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = m_home.run(local, remote);
    VERIFY_RUN_SUCCEEDED(run, local, remote);
    QVERIFY2(run.output.contains(QStringLiteral("UIDVALIDITY changed from 33 to 34")),
             qPrintable(run.output));
    const StateRows state = readState(m_home.databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 10"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 6"),
                                       QStringLiteral("local 34 uidnext 1 highestmodseq 1"),
                                       QStringLiteral("remote 44 uidnext 1 highestmodseq 3")}));
}

void TestCliSelectAhead::summaryGoesOutBehindTheSelect_data()
{
    QTest::addColumn<bool>("refused");
    QTest::newRow("answered") << false;
    QTest::newRow("refused, then asked by the copy") << true;
}

void TestCliSelectAhead::summaryGoesOutBehindTheSelect()
{
    // INBOX was synced up to UID 1 on both sides (UIDNEXT 2 stored); the remote server's
    // LIST-STATUS shows UIDNEXT 3, so its SELECT is followed at once by the summary of
    // `2:*`. The local server, with nothing new, gets no such FETCH. The message is copied,
    // and both sides' state moves past it. A summary the server refuses there is no failure:
    // the copy asks for it itself.
    QFETCH(bool, refused);
    QVERIFY(storeSyncedInbox(m_home.databasePath()));
    const Inbox localInbox{localUidValidity, 1, 2, 5};
    const Inbox remoteInbox{remoteUidValidity, 2, 3, 6};
    const Script selected = resyncSelect("INBOX", remoteInbox, 5, 3,
                                         {"S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))"});
    const Script copied =
        refused ? pipelined(selected, {summaryOfOneMessage(4, 2).first(), "S: T4 NO not now"}) +
                      summaryOfOneMessage(5, 2)
                : pipelined(selected, summaryOfOneMessage(4, 2));
    const int next = refused ? 6 : 5;
    FakeImapServer remote(opening(remoteInbox) + copied + bodyOfOneMessage(next, 2) +
                              check(next + 1, 6) + logout(next + 2),
                          FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer local(
        opening(localInbox) + resyncSelect("INBOX", localInbox, 5) + appendOfOneMessage(4) +
            Script{"S: T4 OK [APPENDUID " + number(localUidValidity) + " 2] appended"} +
            check(5, 5, {"S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))"}) +
            Script{"C: T6 UID FETCH 2:4294967295 (UID)", "S: * 2 FETCH (UID 2)",
                   "S: T6 OK fetched"} +
            logout(7),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = m_home.run(local, remote);
    VERIFY_RUN_SUCCEEDED(run, local, remote);
    const StateRows state = readState(m_home.databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping,
             (QStringList{QStringLiteral("local 1 remote 1"), QStringLiteral("local 2 remote 2")}));
    QCOMPARE(state.pending, QStringList());
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 3 highestmodseq 6"),
                                       QStringLiteral("remote 22 uidnext 3 highestmodseq 6")}));
}

void TestCliSelectAhead::summaryGoesOutBehindTheSelectAhead()
{
    // INBOX carries a local \Seen to the remote; Work (empty when last synced) has a new
    // message on the remote, UID 3 there (two others came and went). Work's SELECT goes out behind
    // INBOX's check on both servers (SelectAhead), and on the remote its summary of `1:*` right
    // behind that: both servers wait for all of it before they answer the check.
    QVERIFY(storeInboxAndWork());
    const Inbox localWork{33, 0, 1, 3};
    const Inbox remoteWork{44, 1, 4, 4};
    const QByteArray appended = "S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (4))";
    FakeImapServer local(
        localUpToCheck(localWork) + pipelined(check(4, 10), resyncSelect("Work", localWork, 3, 5)) +
            appendOfOneMessage(6, "Work") + Script{"S: T6 OK [APPENDUID 33 1] appended"} +
            check(7, 3, {appended}) +
            Script{"C: T8 UID FETCH 1:4294967295 (UID)", "S: * 1 FETCH (UID 1)",
                   "S: T8 OK fetched"} +
            logout(9),
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        remoteUpToCheck(remoteWork) +
            pipelined(pipelined(remoteInboxCheck({}),
                                resyncSelect("Work", remoteWork, 3, 6,
                                             {"S: * 1 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (4))"})),
                      summaryOfOneMessage(7, 3, 1)) +
            bodyOfOneMessage(8, 3) + check(9, 4) + logout(10),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = m_home.run(local, remote);
    VERIFY_RUN_SUCCEEDED(run, local, remote);
    const StateRows state = readState(m_home.databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping,
             (QStringList{QStringLiteral("local 1 remote 1"), QStringLiteral("local 1 remote 3")}));
    QCOMPARE(state.pending, QStringList());
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 10"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 6"),
                                       QStringLiteral("local 33 uidnext 2 highestmodseq 4"),
                                       QStringLiteral("remote 44 uidnext 4 highestmodseq 4")}));
}

QTEST_GUILESS_MAIN(TestCliSelectAhead)
#include "tst_cli_select_ahead.moc"
