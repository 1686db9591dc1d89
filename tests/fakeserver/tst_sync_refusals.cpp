// What the algorithm cannot work with is refused with an error that names the server and
// the mailbox: no LIST-STATUS, NOMODSEQ, UIDNOTSTICKY, EXPUNGE under QRESYNC.
#include "AwaitInTest.h"
#include "FakeImapServer.h"
#include "sync/ChangeWriter.h"
#include "sync/MailboxLister.h"
#include "sync/MessageCopier.h"
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
    void expungeWaitsForItsDeletedFlag();
    void mailboxWithoutModSeq();
    void mailboxWithoutStickyUids();
    void expungeUnderQresync();
    void selectWithKnownStateAsksForChanges();
    void dataOfThePreviousMailboxIsNotCredited();
    void uidValidityChangeIsReported();
    void partialCopyKeepsWhatLanded();
    void literalRefusedBeforeItsBodyDoesNotStallTheSource();
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

void TestSyncRefusals::expungeWaitsForItsDeletedFlag()
{
    // The server takes its time over the STORE of \Deleted: a UID EXPUNGE that arrives before
    // its answer fails the script (RFC 3501 §5.5: its result depends on the STORE).
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS] hi",
                           "C: T1 UID STORE 4:5 +FLAGS.SILENT (\\Deleted)", "P: 300",
                           "S: T1 OK stored", "C: T2 UID EXPUNGE 4:5",
                           "S: T2 OK [HIGHESTMODSEQ 42] expunged"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = openPreauth(server);
    const std::uint64_t modSeq = await(sync::ChangeWriter::expunge(
        *session, imap::SequenceSet::fromRange(4, 5), QStringLiteral("INBOX")));
    QCOMPARE(modSeq, std::uint64_t(42));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestSyncRefusals::mailboxWithoutModSeq()
{
    FakeImapServer server(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 ENABLE QRESYNC", "S: * ENABLED QRESYNC",
         "S: T1 OK enabled", "C: T2 SELECT Lists (CONDSTORE)", "S: * 3 EXISTS",
         "S: * OK [UIDVALIDITY 5] ok", "S: * OK [UIDNEXT 9] ok",
         "S: * OK [NOMODSEQ] no mod-sequences here", "S: T2 OK [READ-WRITE] done"},
        FakeImapServer::Mode::LoopbackTcp);
    const auto error = selectError(server);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: Lists: ")),
             qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("NOMODSEQ")));
}

void TestSyncRefusals::mailboxWithoutStickyUids()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 ENABLE QRESYNC",
                           "S: * ENABLED QRESYNC", "S: T1 OK enabled",
                           "C: T2 SELECT Lists (CONDSTORE)",
                           "S: * OK [UIDNOTSTICKY] UIDs are not kept", "S: T2 OK done"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = selectError(server);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: Lists: ")),
             qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("UIDNOTSTICKY")));
}

void TestSyncRefusals::expungeUnderQresync()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 ENABLE QRESYNC",
                           "S: * ENABLED QRESYNC", "S: T1 OK enabled",
                           "C: T2 SELECT Lists (CONDSTORE)", "S: * OK [UIDVALIDITY 5] ok",
                           "S: * OK [UIDNEXT 9] ok", "S: * OK [HIGHESTMODSEQ 7] ok",
                           "S: * 2 EXPUNGE", "S: T2 OK done"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = selectError(server);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: Lists: ")),
             qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("EXPUNGE")));
}

void TestSyncRefusals::selectWithKnownStateAsksForChanges()
{
    FakeImapServer server(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 ENABLE QRESYNC", "S: * ENABLED QRESYNC",
         "S: T1 OK enabled", "C: T2 SELECT Lists (QRESYNC (5 9223372036854775807))",
         "S: * OK [UIDVALIDITY 5] ok", "S: * OK [UIDNEXT 9] ok", "S: * OK [HIGHESTMODSEQ 20] ok",
         "S: * VANISHED (EARLIER) 2:3", "S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (19))",
         "S: T2 OK [READ-WRITE] done"},
        FakeImapServer::Mode::LoopbackTcp);
    auto session = openPreauth(server);
    // The largest HIGHESTMODSEQ RFC 7162 allows (63 bits) reaches the wire unchanged.
    const auto selected = await(sync::QresyncSelect::select(
        *session, "Lists", state::SideState{5, 9, INT64_MAX}, QStringLiteral("Lists")));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(selected.vanished.toByteArray(), QByteArray("2:3"));
    QCOMPARE(selected.changed.size(), 1);
    QCOMPARE(selected.highestModSeq, 20u);
}

void TestSyncRefusals::dataOfThePreviousMailboxIsNotCredited()
{
    // RFC 7162 §3.2.11: before [CLOSED], untagged data is about the mailbox selected before.
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 ENABLE QRESYNC",
                           "S: * ENABLED QRESYNC", "S: T1 OK enabled",
                           "C: T2 SELECT Lists (CONDSTORE)", "S: * VANISHED 3",
                           "S: * 4 FETCH (UID 4 FLAGS () MODSEQ (9))", "S: * OK [CLOSED] previous",
                           "S: * 1 EXISTS", "S: * OK [UIDVALIDITY 5] ok", "S: * OK [UIDNEXT 9] ok",
                           "S: * OK [HIGHESTMODSEQ 7] ok", "S: T2 OK [READ-WRITE] done"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = openPreauth(server);
    const auto selected = await(
        sync::QresyncSelect::select(*session, "Lists", std::nullopt, QStringLiteral("Lists")));
    QVERIFY(selected.vanished.isEmpty());
    QVERIFY(selected.changed.isEmpty());
    QCOMPARE(selected.exists, 1u);
    QCOMPARE(selected.uidNext, 9u);
}

void TestSyncRefusals::uidValidityChangeIsReported()
{
    FakeImapServer server(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi", "C: T1 ENABLE QRESYNC", "S: * ENABLED QRESYNC",
         "S: T1 OK enabled", "C: T2 SELECT Lists (QRESYNC (5 7))", "S: * OK [UIDVALIDITY 6] new",
         "S: * OK [UIDNEXT 1] ok", "S: * OK [HIGHESTMODSEQ 1] ok", "S: T2 OK done"},
        FakeImapServer::Mode::LoopbackTcp);
    auto session = openPreauth(server);
    const auto error = test::awaitError<imap::ImapError>(sync::QresyncSelect::select(
        *session, "Lists", state::SideState{5, 9, 7}, QStringLiteral("Lists")));
    QVERIFY2(error.describe().startsWith(
                 QStringLiteral("remote: Lists: UIDVALIDITY changed from 5 to 6")),
             qPrintable(error.describe()));
}

void TestSyncRefusals::partialCopyKeepsWhatLanded()
{
    // The source refuses the FETCH after two messages (one was expunged meanwhile): the two
    // that landed on the target must come back with their new UIDs, or the next run would
    // copy them a second time.
    FakeImapServer source(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi",
         "C: T1 UID FETCH 1:3 (UID FLAGS INTERNALDATE BODY.PEEK[])",
         "S: * 1 FETCH (UID 1 FLAGS (\\Seen) INTERNALDATE \"02-Nov-2026 10:00:00 +0000\" BODY[] "
         "{5}",
         "S: hello)",
         "S: * 2 FETCH (UID 2 FLAGS () INTERNALDATE \"02-Nov-2026 10:00:00 +0000\" BODY[] {5}",
         "S: world)", "S: T1 NO [EXPUNGEISSUED] some messages were expunged"},
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer target({"S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+ UIDPLUS] hi",
                           "C: T1 APPEND Box (\\Seen) \"02-Nov-2026 10:00:00 +0000\" {5+}",
                           "C: hello", "S: T1 OK [APPENDUID 7 10] done",
                           "C: T2 APPEND Box () \"02-Nov-2026 10:00:00 +0000\" {5+}", "C: world",
                           "S: T2 OK [APPENDUID 7 11] done"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto from = openPreauth(source);
    auto to = openPreauth(target);
    const auto result = await(sync::MessageCopier::copy(*from, imap::SequenceSet::fromRange(1, 3),
                                                        *to, "Box", QStringLiteral("Box"), {}));
    QVERIFY2(target.failure().isEmpty(), qPrintable(target.failure()));
    QCOMPARE(result.copied.size(), 2);
    QCOMPARE(result.copied[0].sourceUid, 1u);
    QCOMPARE(result.copied[0].targetUid, 10u);
    QCOMPARE(result.copied[1].targetUid, 11u);
    QVERIFY(result.failure);
    QVERIFY2(result.failure->describe().contains(QStringLiteral("UID FETCH refused")),
             qPrintable(result.failure->describe()));
}

void TestSyncRefusals::literalRefusedBeforeItsBodyDoesNotStallTheSource()
{
    // No LITERAL+ on the target: the body waits for "+" and, past pauseAbove, the source
    // stops reading. The target refuses the literal instead (RFC 3501 §7.5): what waited is
    // dropped unwritten, and reading must resume or the FETCH would never end.
    const QByteArray body(199998, 'x');
    FakeImapServer source(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] hi",
         "C: T1 UID FETCH 1 (UID FLAGS INTERNALDATE BODY.PEEK[])",
         "S: * 1 FETCH (UID 1 FLAGS () INTERNALDATE \"02-Nov-2026 10:00:00 +0000\" "
         "BODY[] {200000}",
         "S: " + body, "S: )", "S: T1 OK done"},
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer target({"S: * PREAUTH [CAPABILITY IMAP4rev1 UIDPLUS] hi",
                           "C: T1 APPEND Box () \"02-Nov-2026 10:00:00 +0000\" {200000}",
                           "S: T1 NO [TOOBIG] too big"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto from = openPreauth(source);
    auto to = openPreauth(target);
    sync::MessageCopier::Options options;
    options.pauseAbove = 1024;
    options.resumeBelow = 512;
    const auto result = await(sync::MessageCopier::copy(
        *from, imap::SequenceSet::fromRange(1, 1), *to, "Box", QStringLiteral("Box"), options));
    QVERIFY2(source.failure().isEmpty(), qPrintable(source.failure()));
    QVERIFY2(target.failure().isEmpty(), qPrintable(target.failure()));
    QVERIFY(!result.failure);
    QCOMPARE(result.copied.size(), 0);
    QCOMPARE(result.refused.size(), 1);
    QCOMPARE(result.refused[0].sourceUid, 1u);
    QVERIFY(result.refused[0].reason.contains(QStringLiteral("too big")));
}

QTEST_GUILESS_MAIN(TestSyncRefusals)
#include "tst_sync_refusals.moc"
