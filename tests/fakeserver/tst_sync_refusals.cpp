// What the algorithm cannot work with is refused with an error that names the server and
// the mailbox: no LIST-STATUS, NOMODSEQ, UIDNOTSTICKY, EXPUNGE under QRESYNC.
#include "AwaitInTest.h"
#include "FakeImapServer.h"
#include "sync/MailboxLister.h"
#include "sync/QresyncSelect.h"

#include <QTest>

using namespace twinbox;
using twinbox::test::await;
using twinbox::test::FakeImapServer;

namespace {

std::unique_ptr<imap::ImapSession> openPreauth(FakeImapServer &server)
{
    imap::ConnectionSettings settings;
    settings.name = QStringLiteral("remote");
    settings.type = imap::ConnectionSettings::Type::Imap;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.port();
    settings.startTls = false;
    settings.timeout = std::chrono::seconds(10);
    return await(imap::ImapSession::open(settings));
}

imap::ImapError selectError(FakeImapServer &server)
{
    auto session = openPreauth(server);
    return test::awaitError<imap::ImapError>(
        sync::QresyncSelect::select(*session, "Lists", std::nullopt, QStringLiteral("Lists")));
}

} // namespace

class TestSyncRefusals : public QObject
{
    Q_OBJECT

private slots:
    void serverWithoutListStatus();
    void mailboxWithoutModSeq();
    void mailboxWithoutStickyUids();
    void expungeUnderQresync();
    void selectWithKnownStateAsksForChanges();
};

void TestSyncRefusals::serverWithoutListStatus()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1 LIST-EXTENDED] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = openPreauth(server);
    const auto error = test::awaitError<imap::ImapError>(sync::MailboxLister::list(*session, {}));
    QCOMPARE(error.kind(), imap::ImapError::Kind::Capability);
    QCOMPARE(
        error.describe(),
        QStringLiteral("remote: the server does not support LIST-STATUS, which Twinbox needs"));
}

void TestSyncRefusals::mailboxWithoutModSeq()
{
    FakeImapServer server(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 SELECT Lists (CONDSTORE)",
         "S: * 3 EXISTS", "S: * OK [UIDVALIDITY 5] ok", "S: * OK [UIDNEXT 9] ok",
         "S: * OK [NOMODSEQ] no mod-sequences here", "S: T1 OK [READ-WRITE] done"},
        FakeImapServer::Mode::LoopbackTcp);
    const auto error = selectError(server);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: Lists: ")),
             qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("NOMODSEQ")));
}

void TestSyncRefusals::mailboxWithoutStickyUids()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] hi",
                           "C: T1 SELECT Lists (CONDSTORE)",
                           "S: * OK [UIDNOTSTICKY] UIDs are not kept", "S: T1 OK done"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = selectError(server);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: Lists: ")),
             qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("UIDNOTSTICKY")));
}

void TestSyncRefusals::expungeUnderQresync()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] hi",
                           "C: T1 SELECT Lists (CONDSTORE)", "S: * OK [UIDVALIDITY 5] ok",
                           "S: * OK [UIDNEXT 9] ok", "S: * OK [HIGHESTMODSEQ 7] ok",
                           "S: * 2 EXPUNGE", "S: T1 OK done"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = selectError(server);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: Lists: ")),
             qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("EXPUNGE")));
}

void TestSyncRefusals::selectWithKnownStateAsksForChanges()
{
    FakeImapServer server(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi",
         "C: T1 SELECT Lists (QRESYNC (5 18446744073709551615))", "S: * OK [UIDVALIDITY 5] ok",
         "S: * OK [UIDNEXT 9] ok", "S: * OK [HIGHESTMODSEQ 20] ok", "S: * VANISHED (EARLIER) 2:3",
         "S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (19))", "S: T1 OK [READ-WRITE] done"},
        FakeImapServer::Mode::LoopbackTcp);
    auto session = openPreauth(server);
    // A stored HIGHESTMODSEQ of 2^64-1 must reach the wire unchanged.
    const auto selected = await(sync::QresyncSelect::select(
        *session, "Lists", state::SideState{5, 9, UINT64_MAX}, QStringLiteral("Lists")));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(selected.vanished.toByteArray(), QByteArray("2:3"));
    QCOMPARE(selected.changed.size(), 1);
    QCOMPARE(selected.highestModSeq, 20u);
}

QTEST_GUILESS_MAIN(TestSyncRefusals)
#include "tst_sync_refusals.moc"
