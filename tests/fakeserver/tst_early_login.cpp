// The login sent with the connection, before the greeting, when an earlier run's greeting
// said which one the server takes (ImapSession::open, GreetingMemory; issue #8): scripted
// servers that greet only once the login has arrived, the ways back when the server changed
// (SASL-IR or the mechanism gone, PREAUTH, BYE), a refusal never sent twice, and what the
// state database keeps between runs.
#include "AwaitInTest.h"
#include "FakeImapServer.h"
#include "Socks5Proxy.h"
#include "imap/ImapSession.h"
#include "state/StateDatabase.h"
#include "state/StateStore.h"
#include "sync/GreetingMemory.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace twinbox::imap;
using twinbox::state::Side;
using twinbox::sync::GreetingMemory;
using twinbox::test::await;
using twinbox::test::FakeImapServer;

namespace {

// alice on loopback without STARTTLS (credentials may go as they are), remembering that the
// server announced `remembered` before the login on the last run (nullopt: nothing kept).
ConnectionSettings remembering(quint16 port, const std::optional<QByteArrayList> &remembered)
{
    ConnectionSettings settings;
    settings.name = QStringLiteral("remote");
    settings.type = ConnectionSettings::Type::Imap;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.startTls = false;
    settings.username = QStringLiteral("alice");
    settings.password = QStringLiteral("secret");
    settings.timeout = std::chrono::seconds(10);
    if (remembered)
        settings.rememberedCapabilities =
            std::make_shared<const std::optional<QByteArrayList>>(remembered);
    return settings;
}

// A new state database in a directory of its own.
struct FreshDatabase
{
    QTemporaryDir dir;
    twinbox::state::StateDatabase database;
    QString error;

    bool open() { return database.open(dir.filePath(QStringLiteral("state.db")), &error); }
};

const QByteArray aliceCredentials = QByteArray("\0alice\0secret", 13).toBase64(); // RFC 4616
const QByteArrayList plainWithIr = {"IMAP4rev1", "SASL-IR", "AUTH=PLAIN"};
// Script lines: the greeting that offers plainWithIr, alice's PLAIN login and its OK.
const QByteArray plainGreeting = "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi";
const QByteArray plainLogin = "C: T1 AUTHENTICATE PLAIN " + aliceCredentials;
const QByteArray loggedIn = "S: T1 OK [CAPABILITY IMAP4rev1] logged in";
const Command list = Command("LIST").string("").string("*");

qint64 totalChanges(twinbox::state::StateDatabase &database)
{
    QSqlQuery query(database.connection());
    return query.exec(QStringLiteral("SELECT total_changes()")) && query.next()
               ? query.value(0).toLongLong()
               : -1;
}

} // namespace

class TestEarlyLogin : public QObject
{
    Q_OBJECT

private slots:
    void loginGoesBeforeTheGreeting();
    void serverWithoutSaslIrAnyMoreGetsTheLoginItAsksFor();
    void mechanismGoneFallsBackToTheOneOffered();
    void refusedLoginIsNotSentTwice();
    void preauthAnswersTheEarlyLoginBad();
    void byeGreetingEndsTheEarlyLogin();
    void badWithTheSameCapabilitiesGetsTheLoginAfterTheGreeting();
    void greetingWithoutCapabilities();
    void refusalAfterAGreetingWithoutCapabilities();
    void neverBeforeStartTls();
    void neverInPlaintextThroughAProxy();
    void notWithoutSaslIr();
    void memoryAppliesAtItsAddressOnly();
    void memoryWritesOnlyWhatChanged();
    void preauthServerIsForgotten();
    void refusedEarlyLoginIsRemembered();
    void droppedEarlyLoginIsReported();
};

void TestEarlyLogin::loginGoesBeforeTheGreeting()
{
    // The server greets only once the login and the LIST behind it have arrived: a client
    // that waits for the greeting first stalls until its 10 s timeout.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "C: T2 LIST \"\" \"*\"",
                           "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "S: T1 OK [CAPABILITY IMAP4rev1 QRESYNC] logged in",
                           "S: * LIST () \"/\" INBOX", "S: T2 OK listed"},
                          FakeImapServer::Mode::LoopbackTcp);
    QElapsedTimer elapsed;
    elapsed.start();
    auto session = await(ImapSession::open(remembering(server.port(), plainWithIr), {}, {}, list));
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(session->loggedInEarly());
    QCOMPARE(session->authMechanism(), QByteArray("PLAIN"));
    QVERIFY(session->capabilities().has("QRESYNC")); // from the login's OK
    QCOMPARE(session->announcedBeforeLogin(),
             std::optional<QByteArrayList>({"IMAP4REV1", "SASL-IR", "AUTH=PLAIN"}));
    QCOMPARE(await(session->executeOk(list)).untagged.size(), 1);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestEarlyLogin::serverWithoutSaslIrAnyMoreGetsTheLoginItAsksFor()
{
    // The early line is refused (BAD: no initial response allowed), and the LIST behind it
    // with it. The login the greeting asks for follows, without a second LIST behind it: the
    // LIST is sent again once the login is answered.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "C: T2 LIST \"\" \"*\"",
                           "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi",
                           "S: T1 BAD unexpected argument", "S: T2 BAD not logged in",
                           "C: T3 AUTHENTICATE PLAIN", "S: + ", "C: " + aliceCredentials,
                           "S: T3 OK [CAPABILITY IMAP4rev1] logged in", "C: T4 LIST \"\" \"*\"",
                           "S: * LIST () \"/\" INBOX", "S: T4 OK listed"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = await(ImapSession::open(remembering(server.port(), plainWithIr), {}, {}, list));
    QVERIFY(!session->loggedInEarly());
    QCOMPARE(session->authMechanism(), QByteArray("PLAIN"));
    QCOMPARE(session->announcedBeforeLogin(),
             std::optional<QByteArrayList>({"IMAP4REV1", "AUTH=PLAIN"}));
    QCOMPARE(await(session->executeOk(list)).untagged.size(), 1);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestEarlyLogin::mechanismGoneFallsBackToTheOneOffered()
{
    // SCRAM was offered last time, PLAIN only now: "NO" to the SCRAM line, then PLAIN, with
    // the LIST behind it as usual (none went behind the SCRAM line: SCRAM releases it only
    // once the server has proved itself).
    FakeImapServer server({"C^ T1 AUTHENTICATE SCRAM-SHA-256 ",
                           "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "S: T1 NO unsupported authentication mechanism",
                           "C: T2 AUTHENTICATE PLAIN " + aliceCredentials, "C: T3 LIST \"\" \"*\"",
                           "S: T2 OK [CAPABILITY IMAP4rev1] logged in", "S: * LIST () \"/\" INBOX",
                           "S: T3 OK listed"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = await(ImapSession::open(
        remembering(server.port(),
                    QByteArrayList{"IMAP4rev1", "SASL-IR", "AUTH=SCRAM-SHA-256", "AUTH=PLAIN"}),
        {}, {}, list));
    QCOMPARE(session->authMechanism(), QByteArray("PLAIN"));
    QCOMPARE(await(session->executeOk(list)).untagged.size(), 1);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestEarlyLogin::refusedLoginIsNotSentTwice()
{
    // The server offers what it offered last time: the NO is its answer to the very login
    // the greeting would have led to (a wrong password), and it is not tried again.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "S: T1 NO [AUTHENTICATIONFAILED] wrong password"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = twinbox::test::awaitError<ImapError>(
        ImapSession::open(remembering(server.port(), plainWithIr)));
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY2(error.describe().contains(QStringLiteral("wrong password")),
             qPrintable(error.describe()));
    QTest::qWait(200); // a second login would reach the server meanwhile
    QCOMPARE(server.receivedLines().size(), 1);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestEarlyLogin::preauthAnswersTheEarlyLoginBad()
{
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: * PREAUTH [CAPABILITY IMAP4rev1] welcome",
                           "S: T1 BAD already authenticated", "C: T2 NOOP", "S: T2 OK"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = await(ImapSession::open(remembering(server.port(), plainWithIr)));
    QCOMPARE(session->authMechanism(), QByteArray("PREAUTH"));
    QVERIFY(!session->loggedInEarly());
    QVERIFY(!session->announcedBeforeLogin()); // nothing to log in with next time
    await(session->executeOk(Command("NOOP")));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestEarlyLogin::byeGreetingEndsTheEarlyLogin()
{
    FakeImapServer server(
        {"C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "S: * BYE too many connections"},
        FakeImapServer::Mode::LoopbackTcp);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto error = twinbox::test::awaitError<ImapError>(
        ImapSession::open(remembering(server.port(), plainWithIr)));
    QCOMPARE(error.kind(), ImapError::Kind::Connection);
    QVERIFY2(error.describe().contains(QStringLiteral("too many connections")),
             qPrintable(error.describe()));
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
}

void TestEarlyLogin::badWithTheSameCapabilitiesGetsTheLoginAfterTheGreeting()
{
    // BAD: the server did not run a login sent before its greeting (RFC 3501 §6.2.2), though
    // it offers that very login: it follows the greeting, once, and the session says so.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "S: T1 BAD too early", "C: T2 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: T2 OK [CAPABILITY IMAP4rev1] logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = await(ImapSession::open(remembering(server.port(), plainWithIr)));
    QCOMPARE(session->authMechanism(), QByteArray("PLAIN"));
    QVERIFY(!session->loggedInEarly());
    QVERIFY(session->earlyLoginRefused());
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestEarlyLogin::greetingWithoutCapabilities()
{
    // No CAPABILITY in the greeting: none is asked for behind the login (it would be answered
    // after it), and what the memory holds stays the best knowledge there is.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "S: * OK hi",
                           "S: T1 OK [CAPABILITY IMAP4rev1 QRESYNC] logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = await(ImapSession::open(remembering(server.port(), plainWithIr)));
    QVERIFY(session->loggedInEarly());
    QVERIFY(!session->announcedBeforeLogin());
    QVERIFY(session->capabilities().has("QRESYNC"));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());

    FreshDatabase fresh;
    QVERIFY2(fresh.open(), qPrintable(fresh.error));
    twinbox::state::StateStore store(fresh.database);
    const ConnectionSettings settings = remembering(server.port(), plainWithIr);
    store.setAnnouncedCapabilities(Side::Local, {GreetingMemory::address(settings), plainWithIr});
    QCOMPARE(GreetingMemory::update(store, Side::Local, settings, *session),
             std::optional<QByteArrayList>(plainWithIr));
}

void TestEarlyLogin::refusalAfterAGreetingWithoutCapabilities()
{
    // Refused, and the greeting said nothing: the capabilities are asked for, and as they
    // offer the same login, the NO is final.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "S: * OK hi",
                           "S: T1 NO [AUTHENTICATIONFAILED] wrong password", "C: T2 CAPABILITY",
                           "S: * CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN", "S: T2 OK"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = twinbox::test::awaitError<ImapError>(
        ImapSession::open(remembering(server.port(), plainWithIr)));
    QVERIFY2(error.describe().contains(QStringLiteral("wrong password")),
             qPrintable(error.describe()));
    QTest::qWait(200); // a second login would reach the server meanwhile
    QCOMPARE(server.receivedLines().size(), 2);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestEarlyLogin::neverBeforeStartTls()
{
    // A connection that STARTTLS is to upgrade carries no credentials before it: the client
    // waits for the greeting, which lacks STARTTLS here, and gives up without a byte sent.
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = remembering(server.port(), plainWithIr);
    settings.startTls = true;
    const auto error = twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
    QCOMPARE(error.kind(), ImapError::Kind::Tls);
    QTest::qWait(200); // an early login would reach the server meanwhile
    QVERIFY(server.receivedLines().isEmpty());
}

void TestEarlyLogin::neverInPlaintextThroughAProxy()
{
    // Loopback behind a proxy is the proxy's loopback: no credentials in plaintext, early or
    // not.
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    twinbox::test::Socks5Proxy proxy;
    ConnectionSettings settings = remembering(server.port(), plainWithIr);
    settings.proxy = QStringLiteral("socks5://127.0.0.1:%1").arg(proxy.port());
    const auto error = twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY2(error.describe().contains(QStringLiteral("unencrypted")),
             qPrintable(error.describe()));
    QTest::qWait(200);
    QVERIFY(server.receivedLines().isEmpty());
}

void TestEarlyLogin::notWithoutSaslIr()
{
    // Without SASL-IR the login needs the server's "+" first: nothing goes early, and the
    // login is the one the greeting leads to.
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi",
                           "C: T1 AUTHENTICATE PLAIN", "S: + ", "C: " + aliceCredentials,
                           "S: T1 OK [CAPABILITY IMAP4rev1] logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    auto session = await(
        ImapSession::open(remembering(server.port(), QByteArrayList{"IMAP4rev1", "AUTH=PLAIN"})));
    QVERIFY(!session->loggedInEarly());
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestEarlyLogin::memoryAppliesAtItsAddressOnly()
{
    FreshDatabase fresh;
    QVERIFY2(fresh.open(), qPrintable(fresh.error));
    twinbox::state::StateStore store(fresh.database);

    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: T1 OK [CAPABILITY IMAP4rev1] logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = remembering(server.port(), {});
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, settings));
    auto session = await(ImapSession::open(settings));
    GreetingMemory::update(store, Side::Remote, settings, *session);

    QCOMPARE(GreetingMemory::recall(store, Side::Remote, settings),
             std::optional<QByteArrayList>({"IMAP4REV1", "SASL-IR", "AUTH=PLAIN"}));
    QVERIFY(!GreetingMemory::recall(store, Side::Local, settings)); // the other server's
    ConnectionSettings elsewhere = settings;
    elsewhere.port = quint16(settings.port + 1);
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, elsewhere));
    elsewhere = settings;
    elsewhere.host = QStringLiteral("localhost");
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, elsewhere));
    elsewhere = settings;
    elsewhere.type = ConnectionSettings::Type::Imaps;
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, elsewhere));
}

void TestEarlyLogin::memoryWritesOnlyWhatChanged()
{
    FreshDatabase fresh;
    QVERIFY2(fresh.open(), qPrintable(fresh.error));
    twinbox::state::StateStore store(fresh.database);

    FakeImapServer first({plainGreeting, plainLogin, loggedIn}, FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = remembering(first.port(), {});
    GreetingMemory::update(store, Side::Local, settings, *await(ImapSession::open(settings)));
    const qint64 written = totalChanges(fresh.database);
    QCOMPARE(written, 1);

    // The same greeting at the same address (the memory's own run, logged in early): no write.
    FakeImapServer second({plainLogin, plainGreeting, loggedIn}, FakeImapServer::Mode::LoopbackTcp);
    settings = remembering(second.port(), plainWithIr);
    auto session = await(ImapSession::open(settings));
    QVERIFY(session->loggedInEarly());
    GreetingMemory::update(store, Side::Local, remembering(first.port(), {}), *session);
    QCOMPARE(totalChanges(fresh.database), written);

    // The same capabilities in another order (a server farm's other back end): no write.
    FakeImapServer reordered(
        {"S: * OK [CAPABILITY AUTH=PLAIN IMAP4rev1 SASL-IR] hi", plainLogin, loggedIn},
        FakeImapServer::Mode::LoopbackTcp);
    settings = remembering(reordered.port(), {});
    session = await(ImapSession::open(settings));
    GreetingMemory::update(store, Side::Local, remembering(first.port(), {}), *session);
    QCOMPARE(totalChanges(fresh.database), written);

    // Something else announced: replaced.
    FakeImapServer third({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=SCRAM-SHA-256 AUTH=PLAIN] "
                          "hi",
                          plainLogin, loggedIn},
                         FakeImapServer::Mode::LoopbackTcp);
    settings = remembering(third.port(), {});
    settings.auth = {"PLAIN"};
    GreetingMemory::update(store, Side::Local, settings, *await(ImapSession::open(settings)));
    QCOMPARE(totalChanges(fresh.database), written + 1);
    QCOMPARE(GreetingMemory::recall(store, Side::Local, settings),
             std::optional<QByteArrayList>(
                 {"IMAP4REV1", "SASL-IR", "AUTH=SCRAM-SHA-256", "AUTH=PLAIN"}));
}

void TestEarlyLogin::preauthServerIsForgotten()
{
    FreshDatabase fresh;
    QVERIFY2(fresh.open(), qPrintable(fresh.error));
    twinbox::state::StateStore store(fresh.database);
    FakeImapServer server({plainLogin, "S: * PREAUTH [CAPABILITY IMAP4rev1] welcome",
                           "S: T1 BAD already authenticated"},
                          FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings settings = remembering(server.port(), plainWithIr);
    store.setAnnouncedCapabilities(Side::Remote, {GreetingMemory::address(settings), plainWithIr});
    QVERIFY(GreetingMemory::recall(store, Side::Remote, settings));
    GreetingMemory::update(store, Side::Remote, settings, *await(ImapSession::open(settings)));
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, settings));
}

void TestEarlyLogin::refusedEarlyLoginIsRemembered()
{
    // A server that answered BAD to a login before its greeting gets none early any more,
    // until it announces something else; so does a connection dropped with one on its way.
    FreshDatabase fresh;
    QVERIFY2(fresh.open(), qPrintable(fresh.error));
    twinbox::state::StateStore store(fresh.database);
    FakeImapServer server({plainLogin, plainGreeting, "S: T1 BAD too early",
                           "C: T2 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: T2 OK [CAPABILITY IMAP4rev1] logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings settings = remembering(server.port(), plainWithIr);
    // As a run keeps them: upper-cased (Capabilities).
    const QByteArrayList kept = {"IMAP4REV1", "SASL-IR", "AUTH=PLAIN"};
    store.setAnnouncedCapabilities(Side::Remote, {GreetingMemory::address(settings), kept});
    const qint64 before = totalChanges(fresh.database);
    QVERIFY(!GreetingMemory::update(store, Side::Remote, settings,
                                    *await(ImapSession::open(settings))));
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, settings));

    // The next run logs in after the greeting, which announces the same: still none early.
    FakeImapServer next({plainGreeting, plainLogin, loggedIn}, FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings nextSettings = remembering(next.port(), std::nullopt);
    auto session = await(ImapSession::open(nextSettings));
    QVERIFY(!GreetingMemory::update(store, Side::Remote, settings, *session));
    QVERIFY(store.announcedCapabilities(Side::Remote)->earlyRefused);
    QCOMPARE(store.announcedCapabilities(Side::Remote)->capabilities, kept);
    QCOMPARE(totalChanges(fresh.database), before + 1); // the refusal, once

    // Something else announced: the memory starts afresh.
    FakeImapServer changed({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN ID] hi",
                            "C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                            "S: T1 OK [CAPABILITY IMAP4rev1] logged in"},
                           FakeImapServer::Mode::LoopbackTcp);
    session = await(ImapSession::open(remembering(changed.port(), std::nullopt)));
    QVERIFY(GreetingMemory::update(store, Side::Remote, settings, *session));

    // A connection that failed with the early login on its way: refused as well.
    GreetingMemory::refuse(store, Side::Remote);
    QVERIFY(store.announcedCapabilities(Side::Remote)->earlyRefused);
    QVERIFY(!GreetingMemory::recall(store, Side::Remote, settings));
}

void TestEarlyLogin::droppedEarlyLoginIsReported()
{
    // The server closes the connection when the login comes before its greeting: the caller
    // learns that the early login went down with it. A server that was never reached (no
    // early login sent) leaves the flag alone.
    FakeImapServer server({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "X"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = remembering(server.port(), plainWithIr);
    settings.earlyLoginFailed = std::make_shared<bool>(false);
    const auto error = twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
    QCOMPARE(error.kind(), ImapError::Kind::Connection);
    QVERIFY(*settings.earlyLoginFailed);

    // A wrong password (NO to an unchanged offer) is the login's answer, not a refusal.
    FakeImapServer refusing({"C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                             "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                             "S: T1 NO [AUTHENTICATIONFAILED] wrong password"},
                            FakeImapServer::Mode::LoopbackTcp);
    settings = remembering(refusing.port(), plainWithIr);
    settings.earlyLoginFailed = std::make_shared<bool>(false);
    twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
    QVERIFY(!*settings.earlyLoginFailed);

    QTcpServer closed; // a port nobody listens on any more
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    settings = remembering(closed.serverPort(), plainWithIr);
    closed.close();
    settings.earlyLoginFailed = std::make_shared<bool>(false);
    twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
    QVERIFY(!*settings.earlyLoginFailed);
}

QTEST_GUILESS_MAIN(TestEarlyLogin)
#include "tst_early_login.moc"
