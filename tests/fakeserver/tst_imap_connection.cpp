// ImapConnection against scripted conversations: exact bytes on the wire, pipelining,
// literals, continuations, routing of untagged data, and every way a connection can fail.
#include "AwaitInTest.h"
#include "FakeImapServer.h"
#include "imap/ImapConnection.h"

#include <QCoroTask>
#include <QSignalSpy>
#include <QTest>

using namespace twinbox::imap;
using twinbox::test::await;
using twinbox::test::FakeImapServer;

namespace {

struct Harness
{
    explicit Harness(QByteArrayList script)
        : server(std::move(script))
        , connection(QStringLiteral("remote"), server.takeClientDevice())
    {}
    FakeImapServer server;
    ImapConnection connection;
};

template <typename T>
ImapError awaitError(QCoro::Task<T> &&task)
{
    return twinbox::test::awaitError<ImapError>(std::move(task));
}

} // namespace

class TestImapConnection : public QObject
{
    Q_OBJECT

private slots:
    void greetingAndSimpleCommand();
    void everyResponseTypeOverTheWire();
    void pipelinesAndRoutesByTag();
    void synchronizingLiteralWaitsForContinuation();
    void literalPlusSendsAtOnce();
    void nothingPipelinedPastAContinuation();
    void unsolicitedDataIsReported();
    void saslContinuations();
    void refusedCommandNamesServerAndMailbox();
    void serverClosesMidCommand();
    void malformedResponseEndsConnection();
    void expungeRightAfterEnabledQresyncEndsConnection();
    void unknownTagEndsConnection();
    void timeoutWhenServerIsSilent();
    void noTimeoutWhileReadingIsPaused();
    void startTlsDiscardsInjectedResponses();
    void nothingIsSentBetweenStartTlsAndTheHandshake();
    void deletingTheConnectionFromItsSignalsIsSafe();
    void nothingIsBelievedAfterAProtocolError();
    void compressedBodiesStreamInBoundedPieces();
    void greetingBufferedBeforeTheConnectionExisted();
    void compressionBothWays();
    void protocolLogRedactsSecrets();
};

void TestImapConnection::greetingAndSimpleCommand()
{
    Harness h({"S: * OK [CAPABILITY IMAP4rev1 LITERAL+] ready", "C: T1 CAPABILITY",
               "S: * CAPABILITY IMAP4rev1 LITERAL+ QRESYNC", "S: T1 OK done"});
    const auto greeting = await(h.connection.greeting());
    QCOMPARE(greeting.code->kind, ResponseCode::Kind::Capability);
    const auto result = await(h.connection.execute(Command("CAPABILITY")));
    QVERIFY(result.ok());
    QCOMPARE(result.untagged.size(), 1);
    QCOMPARE(std::get<CapabilityData>(result.untagged[0]).capabilities.last(),
             QByteArray("QRESYNC"));
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
    QVERIFY(h.server.isDone());
}

void TestImapConnection::everyResponseTypeOverTheWire()
{
    Harness h({"S: * OK ready",
               "C: T1 NOOP",
               "S: * CAPABILITY IMAP4rev1",
               "S: * ENABLED CONDSTORE",
               "S: * LIST (\\HasNoChildren) \"/\" {5}",
               "S: Inbox",
               "S: * LSUB () \".\" Sent",
               "S: * STATUS INBOX (UIDNEXT 5 HIGHESTMODSEQ 9)",
               "S: * FLAGS (\\Seen)",
               "S: * 4 EXISTS",
               "S: * 0 RECENT",
               "S: * 2 EXPUNGE",
               "S: * VANISHED (EARLIER) 1:3",
               "S: * 1 FETCH (UID 7 BODY[HEADER.FIELDS (SUBJECT)] {12}",
               "S: Subject: x",
               "S: )",
               "S: * SEARCH 1 2",
               "S: * ESEARCH (TAG \"T1\") UID COUNT 2",
               "S: * NAMESPACE ((\"\" \"/\")) NIL NIL",
               "S: * ID NIL",
               "S: * X-UNKNOWN whatever",
               "S: T1 OK [HIGHESTMODSEQ 9] done"});
    await(h.connection.greeting());
    const auto result = await(h.connection.execute(Command("NOOP")));
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
    QList<std::size_t> kinds;
    for (const Response &response : result.untagged)
        kinds.append(response.index());
    const QList<std::size_t> expected = {
        Response(CapabilityData{}).index(), Response(EnabledData{}).index(),
        Response(ListData{}).index(),       Response(ListData{}).index(),
        Response(StatusData{}).index(),     Response(FlagsData{}).index(),
        Response(ExistsData{}).index(),     Response(RecentData{}).index(),
        Response(ExpungeData{}).index(),    Response(VanishedData{}).index(),
        Response(FetchData{}).index(),      Response(SearchData{}).index(),
        Response(ESearchData{}).index(),    Response(NamespaceData{}).index(),
        Response(IdData{}).index(),         Response(UnknownData{}).index()};
    QCOMPARE(kinds, expected);
    QCOMPARE(std::get<ListData>(result.untagged[2]).mailbox, QByteArray("Inbox"));
    QCOMPARE(*std::get<FetchData>(result.untagged[10]).sections.value(0).content,
             QByteArray("Subject: x\r\n"));
    QCOMPARE(result.status.code->number, 9u);
}

void TestImapConnection::pipelinesAndRoutesByTag()
{
    // All three commands reach the server before it answers any: they are pipelined.
    Harness h({"S: * OK ready", "C: T1 SELECT INBOX", "C: T2 UID FETCH 1:* (FLAGS)", "C: T3 NOOP",
               "S: * 3 EXISTS", "S: T1 OK [READ-WRITE] selected",
               "S: * 1 FETCH (UID 4 FLAGS (\\Seen))", "S: T3 OK noop", "S: T2 OK fetched"});
    await(h.connection.greeting());
    auto select = h.connection.execute(Command("SELECT").astring("INBOX"));
    auto fetch =
        h.connection.execute(Command("UID FETCH").atom("1:*").open().atom("FLAGS").close());
    auto noop = h.connection.execute(Command("NOOP"));
    const auto selected = await(std::move(select));
    const auto fetched = await(std::move(fetch));
    const auto nooped = await(std::move(noop));
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
    QCOMPARE(selected.status.code->kind, ResponseCode::Kind::ReadWrite);
    QVERIFY(std::holds_alternative<ExistsData>(selected.untagged.value(0)));
    QVERIFY(fetched.ok());
    QVERIFY(nooped.ok());
    // Untagged data goes to the oldest command still running (T2 after T1 completed).
    QCOMPARE(fetched.untagged.size(), 1);
    QCOMPARE(std::get<FetchData>(fetched.untagged[0]).uid, 4u);
}

void TestImapConnection::synchronizingLiteralWaitsForContinuation()
{
    Harness h({"S: * OK ready", "C: T1 LOGIN alice {6}", "S: + go ahead", "C: p\xc3\xa4ss!",
               "S: T1 OK logged in"});
    await(h.connection.greeting());
    const auto result =
        await(h.connection.execute(Command("LOGIN").astring("alice").astring("p\xc3\xa4ss!")));
    QVERIFY(result.ok());
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
}

void TestImapConnection::literalPlusSendsAtOnce()
{
    Harness h({"S: * OK ready", "C: T1 APPEND INBOX {5+}", "C: hello", "C: T2 NOOP",
               "S: T1 OK [APPENDUID 7 12] appended", "S: T2 OK"});
    h.connection.setLiteralMode(LiteralMode::LiteralPlus);
    await(h.connection.greeting());
    auto append = h.connection.execute(Command("APPEND").astring("INBOX").literal("hello"));
    auto noop = h.connection.execute(Command("NOOP"));
    const auto appended = await(std::move(append));
    QCOMPARE(appended.status.code->uids.toList(), QList<std::uint32_t>{12});
    QVERIFY(await(std::move(noop)).ok());
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
}

void TestImapConnection::nothingPipelinedPastAContinuation()
{
    // T2 must not be sent while T1 waits for "+": the server would read it as literal data.
    Harness h({"S: * OK ready", "C: T1 APPEND INBOX {3}", "S: + ok", "C: abc", "C: T2 NOOP",
               "S: T1 OK", "S: T2 OK"});
    await(h.connection.greeting());
    auto append = h.connection.execute(Command("APPEND").astring("INBOX").literal("abc"));
    auto noop = h.connection.execute(Command("NOOP"));
    QVERIFY(await(std::move(append)).ok());
    QVERIFY(await(std::move(noop)).ok());
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
    QCOMPARE(h.server.receivedLines(), (QByteArrayList{"T1 APPEND INBOX {3}", "abc", "T2 NOOP"}));
}

void TestImapConnection::unsolicitedDataIsReported()
{
    Harness h({"S: * OK ready", "C: T1 NOOP", "S: T1 OK", "S: * 4 EXISTS", "S: * VANISHED 3",
               "C: T2 NOOP", "S: T2 OK"});
    QSignalSpy spy(&h.connection, &ImapConnection::untaggedReceived);
    await(h.connection.greeting());
    QVERIFY(await(h.connection.execute(Command("NOOP"))).ok());
    QTRY_COMPARE(spy.size(), 2);
    QVERIFY(std::holds_alternative<ExistsData>(spy[0][0].value<Response>()));
    QCOMPARE(std::get<VanishedData>(spy[1][0].value<Response>()).uids.toList(),
             QList<std::uint32_t>{3});
    QVERIFY(await(h.connection.execute(Command("NOOP"))).ok());
}

void TestImapConnection::saslContinuations()
{
    Harness h({"S: * OK ready", "C: T1 AUTHENTICATE X-TEST",
               "S: + Y2hhbGxlbmdlMQ==", "C: YW5zd2VyMQ==", "S: + Y2hhbGxlbmdlMg==",
               "C: YW5zd2VyMg==", "S: T1 OK authenticated"});
    await(h.connection.greeting());
    QByteArrayList challenges;
    const auto result = await(h.connection.execute(
        Command("AUTHENTICATE").atom("X-TEST"), [&](const QByteArray &challenge) {
            challenges.append(QByteArray::fromBase64(challenge));
            return QByteArray("answer" + QByteArray::number(challenges.size())).toBase64();
        }));
    QVERIFY(result.ok());
    QCOMPARE(challenges, (QByteArrayList{"challenge1", "challenge2"}));
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
}

void TestImapConnection::refusedCommandNamesServerAndMailbox()
{
    Harness h(
        {"S: * OK ready", "C: T1 SELECT Archive", "S: T1 NO [NONEXISTENT] Mailbox doesn't exist"});
    await(h.connection.greeting());
    const auto error = awaitError(
        h.connection.executeOk(Command("SELECT").astring("Archive"), QStringLiteral("Archive")));
    QCOMPARE(error.kind(), ImapError::Kind::Refused);
    QCOMPARE(error.describe(),
             QStringLiteral("remote: Archive: SELECT refused: NO Mailbox doesn't exist"));
    QVERIFY(h.connection.isOpen()); // a NO does not end the connection
}

void TestImapConnection::serverClosesMidCommand()
{
    Harness h({"S: * OK ready", "C: T1 UID FETCH 1:* (FLAGS)", "S: * BYE going away", "X"});
    await(h.connection.greeting());
    const auto error = awaitError(
        h.connection.execute(Command("UID FETCH").atom("1:*").open().atom("FLAGS").close()));
    QCOMPARE(error.kind(), ImapError::Kind::Connection);
    QVERIFY2(
        error.describe().startsWith(QStringLiteral("remote: the server closed the connection")),
        qPrintable(error.describe()));
    QVERIFY(error.describe().contains(QStringLiteral("going away")));
    const auto later = awaitError(h.connection.execute(Command("NOOP")));
    QCOMPARE(later.kind(), ImapError::Kind::Connection);
}

void TestImapConnection::malformedResponseEndsConnection()
{
    Harness h({"S: * OK ready", "C: T1 NOOP", "S: * 1 FETCH (UID 0)"});
    await(h.connection.greeting());
    const auto error = awaitError(h.connection.execute(Command("NOOP")));
    QCOMPARE(error.kind(), ImapError::Kind::Protocol);
    QVERIFY2(error.describe().startsWith(QStringLiteral("remote: ")), qPrintable(error.describe()));
    QVERIFY2(error.describe().contains(QStringLiteral("UID 0")), qPrintable(error.describe()));
    QVERIFY(!h.connection.isOpen());
}

void TestImapConnection::expungeRightAfterEnabledQresyncEndsConnection()
{
    // ENABLE and SELECT pipelined (ImapSession::select), both answers in one read: the
    // EXPUNGE (RFC 7162 §3.2.10 forbids it once QRESYNC is on) is refused although the
    // ENABLE's caller has not resumed yet, and the error names the mailbox.
    Harness h({"S: * OK ready", "C: T1 ENABLE QRESYNC", "C: T2 SELECT Archive",
               "S: * ENABLED QRESYNC", "S: T1 OK enabled", "S: * 1 EXPUNGE",
               "S: T2 OK [READ-WRITE] selected"});
    await(h.connection.greeting());
    auto enabling = h.connection.executeOk(Command("ENABLE").atom("QRESYNC"));
    const auto error = awaitError(
        h.connection.executeOk(Command("SELECT").astring("Archive"), QStringLiteral("Archive")));
    QCOMPARE(error.kind(), ImapError::Kind::Protocol);
    QVERIFY2(
        error.describe().startsWith(QStringLiteral("remote: Archive: the server sent EXPUNGE")),
        qPrintable(error.describe()));
    QVERIFY(!h.connection.isOpen());
    QVERIFY(await(std::move(enabling)).ok());
}

void TestImapConnection::unknownTagEndsConnection()
{
    Harness h({"S: * OK ready", "C: T1 NOOP", "S: X99 OK forged"});
    await(h.connection.greeting());
    const auto error = awaitError(h.connection.execute(Command("NOOP")));
    QVERIFY2(error.describe().contains(QStringLiteral("X99")), qPrintable(error.describe()));
}

void TestImapConnection::timeoutWhenServerIsSilent()
{
    Harness h({"S: * OK ready", "C: T1 NOOP"});
    h.connection.setTimeout(std::chrono::milliseconds(200));
    await(h.connection.greeting());
    const auto error = awaitError(h.connection.execute(Command("NOOP")));
    QCOMPARE(error.kind(), ImapError::Kind::Connection);
    QVERIFY2(error.describe().contains(QStringLiteral("no answer")), qPrintable(error.describe()));
}

void TestImapConnection::noTimeoutWhileReadingIsPaused()
{
    // Reading pauses while the other server is slow to take what is copied (back-pressure);
    // the silence that follows is ours, not the server's.
    Harness h({"S: * OK ready", "C: T1 NOOP", "S: T1 OK done"});
    h.connection.setTimeout(std::chrono::milliseconds(200));
    await(h.connection.greeting());
    h.connection.setReadingPaused(true);
    auto noop = h.connection.execute(Command("NOOP"));
    QTest::qWait(600);
    QVERIFY(h.connection.isOpen());
    h.connection.setReadingPaused(false);
    QVERIFY(await(std::move(noop)).ok());
}

void TestImapConnection::startTlsDiscardsInjectedResponses()
{
    // A man in the middle appends a response after the OK; it must never be believed.
    Harness h({"S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready", "C: T1 STARTTLS",
               "S: T1 OK Begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN"});
    QSignalSpy spy(&h.connection, &ImapConnection::untaggedReceived);
    await(h.connection.greeting());
    QVERIFY(await(h.connection.startTls()).ok());
    QTest::qWait(50);
    QCOMPARE(spy.size(), 0);
}

void TestImapConnection::nothingIsSentBetweenStartTlsAndTheHandshake()
{
    Harness h({"S: * OK [CAPABILITY IMAP4rev1 STARTTLS] ready", "C: T1 STARTTLS",
               "S: T1 OK Begin TLS", "C: T2 NOOP", "S: T2 OK"});
    QSignalSpy spy(&h.connection, &ImapConnection::untaggedReceived);
    await(h.connection.greeting());
    QVERIFY(await(h.connection.startTls()).ok());
    auto noop = h.connection.execute(Command("NOOP")); // queued during the switch
    h.server.sendNow("* 9 EXISTS\r\n");                // injected, in a read of its own
    QTest::qWait(100);
    QCOMPARE(h.server.receivedLines(), QByteArrayList{"T1 STARTTLS"}); // nothing in plaintext
    h.connection.resumeAfterTls(); // as after a completed handshake
    QVERIFY(await(std::move(noop)).ok());
    QTest::qWait(20);
    QCOMPARE(spy.size(), 0); // the injected EXISTS was never believed
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
}

void TestImapConnection::deletingTheConnectionFromItsSignalsIsSafe()
{
    FakeImapServer server(
        {"S: * OK ready", "C: T1 NOOP", "S: * 3 EXISTS\r\n* 1 FETCH (UID 0)\r\n* 4 EXISTS"});
    auto *connection = new ImapConnection(QStringLiteral("remote"), server.takeClientDevice());
    bool deleted = false;
    QObject::connect(connection, &ImapConnection::closed, connection, [&] {
        delete connection; // the obvious thing for an owner to do
        deleted = true;
    });
    await(connection->greeting());
    auto noop = connection->execute(Command("NOOP"));
    QTRY_VERIFY(deleted);
    QCOMPARE(twinbox::test::awaitError<ImapError>(std::move(noop)).kind(),
             ImapError::Kind::Protocol);
}

void TestImapConnection::nothingIsBelievedAfterAProtocolError()
{
    Harness h({"S: * OK ready", "C: T1 NOOP", "S: * 0 FETCH (UID 1)\r\n* 5 EXPUNGE\r\nT1 OK"});
    QSignalSpy spy(&h.connection, &ImapConnection::untaggedReceived);
    await(h.connection.greeting());
    QCOMPARE(awaitError(h.connection.execute(Command("NOOP"))).kind(), ImapError::Kind::Protocol);
    QTest::qWait(20);
    QCOMPARE(spy.size(), 0);
}

void TestImapConnection::compressedBodiesStreamInBoundedPieces()
{
    // 20 MB that compress to a few kilobytes: one read must not become one 20 MB buffer.
    const QByteArray body(20'000'000, 'A');
    struct Sink : BodySink
    {
        qint64 total = 0;
        qsizetype largest = 0;
        void bodyBegin(const ResponseFrame &, qint64) override {}
        void bodyData(QByteArrayView chunk) override
        {
            total += chunk.size();
            largest = std::max(largest, chunk.size());
        }
        void bodyEnd() override {}
    } sink;
    Harness h({"S: * OK ready", "C: T1 COMPRESS DEFLATE", "S: T1 OK", "Z",
               "C: T2 UID FETCH 1 BODY[]",
               "S: * 1 FETCH (UID 1 BODY[] {20000002}\r\n" + body + "\r\n)", "S: T2 OK"});
    h.connection.setBodySink(&sink);
    await(h.connection.greeting());
    QVERIFY(await(h.connection.compress()).ok());
    QVERIFY(await(h.connection.execute(Command("UID FETCH").atom("1").atom("BODY[]"))).ok());
    QCOMPARE(sink.total, 20'000'002);
    QVERIFY2(sink.largest <= 64 * 1024, qPrintable(QString::number(sink.largest)));
}

void TestImapConnection::greetingBufferedBeforeTheConnectionExisted()
{
    FakeImapServer server({"S: * OK ready"});
    auto device = server.takeClientDevice();
    // Let the greeting arrive and be read into the device's buffer: its readyRead is emitted
    // now, with nobody listening.
    QTRY_VERIFY(device->bytesAvailable() > 0);
    ImapConnection connection(QStringLiteral("remote"), std::move(device));
    connection.setTimeout(std::chrono::seconds(5));
    QCOMPARE(await(connection.greeting()).text, QByteArray("ready"));
}

void TestImapConnection::compressionBothWays()
{
    Harness h({"S: * OK ready", "C: T1 COMPRESS DEFLATE", "S: T1 OK DEFLATE active", "Z",
               "C: T2 NOOP", "S: * 7 EXISTS", "S: T2 OK noop"});
    await(h.connection.greeting());
    QVERIFY(await(h.connection.compress()).ok());
    QVERIFY(h.connection.isCompressed());
    const auto result = await(h.connection.execute(Command("NOOP")));
    QVERIFY(result.ok());
    QCOMPARE(std::get<ExistsData>(result.untagged.value(0)).count, 7u);
    QVERIFY2(h.server.failure().isEmpty(), qPrintable(h.server.failure()));
}

void TestImapConnection::protocolLogRedactsSecrets()
{
    for (const int level : {1, 2}) {
        Harness h({"S: * OK ready", "C: T1 LOGIN alice hunter2", "S: T1 OK",
                   "C: T2 APPEND INBOX {4+}", "C: body", "S: T2 OK"});
        h.connection.setLiteralMode(LiteralMode::LiteralPlus);
        QStringList log;
        h.connection.setProtocolLog(level, [&](const QString &line) { log.append(line); });
        await(h.connection.greeting());
        QVERIFY(await(h.connection.execute(
                          Command("LOGIN").astring("alice").astring("hunter2").sensitive()))
                    .ok());
        QVERIFY(
            await(h.connection.execute(Command("APPEND").astring("INBOX").literal("body"))).ok());
        const QString all = log.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("C: T1 LOGIN")), qPrintable(all));
        QCOMPARE(all.contains(QStringLiteral("hunter2")), level == 2);
        QVERIFY(!all.contains(QStringLiteral("body"))); // literal contents are never logged
        QVERIFY(all.contains(QStringLiteral("S: T2 OK")));
    }
}

QTEST_GUILESS_MAIN(TestImapConnection)
#include "tst_imap_connection.moc"
