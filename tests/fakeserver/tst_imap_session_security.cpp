// ImapSession against scripted servers on a loopback port: the security rules of the
// connection set-up (STARTTLS required and never skipped, PREAUTH on plaintext refused,
// LOGINDISABLED respected, SASL-IR used when offered), the SOCKS5 proxy, and the end of a
// session (LOGOUT sent, then closed without waiting for the answer).
#include "AwaitInTest.h"
#include "FakeImapServer.h"
#include "Socks5Proxy.h"
#include "imap/ImapSession.h"

#include <QElapsedTimer>
#include <QTest>

using namespace twinbox::imap;
using twinbox::test::await;
using twinbox::test::FakeImapServer;

namespace {

ConnectionSettings plainImap(quint16 port)
{
    ConnectionSettings settings;
    settings.name = QStringLiteral("local");
    settings.type = ConnectionSettings::Type::Imap;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.username = QStringLiteral("alice");
    settings.password = QStringLiteral("secret");
    settings.timeout = std::chrono::seconds(10);
    return settings;
}

// alice's PLAIN credentials (RFC 4616) as plainImap() sets them, base64 as on the wire.
const QByteArray aliceCredentials = QByteArray("\0alice\0secret", 13).toBase64();

// plainImap() on loopback without STARTTLS and COMPRESS: the first command may go early.
ConnectionSettings loopbackPlain(quint16 port)
{
    ConnectionSettings settings = plainImap(port);
    settings.startTls = false;
    settings.compress = false;
    return settings;
}

ImapError openError(const ConnectionSettings &settings)
{
    return twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
}

} // namespace

class TestImapSessionSecurity : public QObject
{
    Q_OBJECT

private slots:
    void refusesWhenStartTlsIsNotOffered();
    void refusesPreauthOnPlaintext();
    void acceptsPreauthWhenStartTlsIsOff();
    void byeGreeting();
    void logoutClosesWithoutWaitingForTheAnswer();
    void notAnImapServer();
    void respectsLoginDisabled();
    void plainWithInitialResponse();
    void plainWithoutInitialResponse();
    void firstCommandGoesBehindTheLogin();
    void firstCommandAfterARefusedLogin();
    void firstCommandRunBeforeTheLoginIsSentAgain();
    void noFirstCommandAfterACancelledScram();
    void noCommonMechanism();
    void throughSocks5Proxy();
    void noPlaintextCredentialsThroughAProxy();
};

void TestImapSessionSecurity::refusesWhenStartTlsIsNotOffered()
{
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = openError(plainImap(server.port()));
    QCOMPARE(error.kind(), ImapError::Kind::Tls);
    QVERIFY2(
        error.describe().startsWith(QStringLiteral("local: the server does not offer STARTTLS")),
        qPrintable(error.describe()));
    QVERIFY(server.receivedLines().isEmpty()); // not a single byte of credentials
}

void TestImapSessionSecurity::refusesPreauthOnPlaintext()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome"},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto error = openError(plainImap(server.port()));
    QVERIFY2(error.describe().contains(QStringLiteral("PREAUTH")), qPrintable(error.describe()));
}

void TestImapSessionSecurity::acceptsPreauthWhenStartTlsIsOff()
{
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] welcome"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    auto session = await(ImapSession::open(settings));
    QCOMPARE(session->authMechanism(), QByteArray("PREAUTH"));
}

void TestImapSessionSecurity::logoutClosesWithoutWaitingForTheAnswer()
{
    // The server answers nothing until the client has closed: a client that waits for the
    // LOGOUT's OK waits for its 10 s timeout (it did, a round trip per run before this).
    FakeImapServer server({"S: * PREAUTH [CAPABILITY IMAP4rev1] welcome", "C: T1 LOGOUT", "E"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    auto session = await(ImapSession::open(settings));
    QElapsedTimer elapsed;
    elapsed.start();
    await(session->logout());
    QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QTRY_VERIFY_WITH_TIMEOUT(server.isDone(), 2000); // the close reached the server
}

void TestImapSessionSecurity::byeGreeting()
{
    FakeImapServer server({"S: * BYE too many connections"}, FakeImapServer::Mode::LoopbackTcp);
    const auto error = openError(plainImap(server.port()));
    QCOMPARE(error.kind(), ImapError::Kind::Connection);
    QVERIFY2(error.describe().contains(QStringLiteral("too many connections")),
             qPrintable(error.describe()));
}

void TestImapSessionSecurity::notAnImapServer()
{
    FakeImapServer server({"S: * OK [CAPABILITY POP3ISH] hello"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    QCOMPARE(openError(settings).kind(), ImapError::Kind::Capability);
}

void TestImapSessionSecurity::respectsLoginDisabled()
{
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 LOGINDISABLED] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    const auto error = openError(settings);
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY(error.describe().contains(QStringLiteral("LOGINDISABLED")));
    QVERIFY(server.receivedLines().isEmpty());
}

void TestImapSessionSecurity::plainWithInitialResponse()
{
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN LITERAL+] hi",
                           "C: T1 AUTHENTICATE PLAIN " + aliceCredentials,
                           "S: T1 OK [CAPABILITY IMAP4rev1 QRESYNC LITERAL+] logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false; // loopback: credentials may go in plaintext
    auto session = await(ImapSession::open(settings));
    QCOMPARE(session->authMechanism(), QByteArray("PLAIN"));
    QVERIFY(session->capabilities().has("QRESYNC")); // taken from the OK, no second CAPABILITY
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestImapSessionSecurity::plainWithoutInitialResponse()
{
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi",
                           "C: T1 AUTHENTICATE PLAIN", "S: + ", "C: " + aliceCredentials,
                           "S: T1 OK logged in", "C: T2 CAPABILITY",
                           "S: * CAPABILITY IMAP4rev1 QRESYNC", "S: T2 OK"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    auto session = await(ImapSession::open(settings));
    QVERIFY(session->capabilities().has("QRESYNC"));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestImapSessionSecurity::firstCommandGoesBehindTheLogin()
{
    // The server answers nothing until both the AUTHENTICATE and the LIST arrived: an open()
    // that waits for the login's OK before sending the LIST stalls (10 s timeout).
    const Command list = Command("LIST").string("").string("*");
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "C: T2 LIST \"\" \"*\"",
                           "S: T1 OK [CAPABILITY IMAP4rev1 QRESYNC] logged in",
                           "S: * LIST () \"/\" INBOX", "S: T2 OK listed", "C: T3 NOOP", "S: T3 OK"},
                          FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings settings = loopbackPlain(server.port());
    QElapsedTimer elapsed;
    elapsed.start();
    auto session = await(ImapSession::open(settings, {}, {}, list));
    QVERIFY(session->capabilities().has("QRESYNC"));
    // The same command takes the answer already there; another one goes on the wire.
    const auto listed = await(session->executeOk(list));
    QCOMPARE(listed.untagged.size(), 1);
    await(session->executeOk(Command("NOOP")));
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestImapSessionSecurity::firstCommandAfterARefusedLogin()
{
    // The LIST left behind a failed login is answered BAD: the error is the login's.
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "C: T2 LIST \"\" \"*\"",
                           "S: T1 NO [AUTHENTICATIONFAILED] wrong password",
                           "S: T2 BAD not logged in"},
                          FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings settings = loopbackPlain(server.port());
    const auto error = twinbox::test::awaitError<ImapError>(
        ImapSession::open(settings, {}, {}, Command("LIST").string("").string("*")));
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY2(error.describe().contains(QStringLiteral("wrong password")),
             qPrintable(error.describe()));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestImapSessionSecurity::firstCommandRunBeforeTheLoginIsSentAgain()
{
    // A server that answers the early LIST before the login took effect: it is sent again.
    const Command list = Command("LIST").string("").string("*");
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi",
                           "C: T1 AUTHENTICATE PLAIN " + aliceCredentials, "C: T2 LIST \"\" \"*\"",
                           "S: T2 BAD not authenticated yet",
                           "S: T1 OK [CAPABILITY IMAP4rev1] logged in", "C: T3 LIST \"\" \"*\"",
                           "S: * LIST () \"/\" INBOX", "S: T3 OK listed"},
                          FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings settings = loopbackPlain(server.port());
    auto session = await(ImapSession::open(settings, {}, {}, list));
    const auto listed = await(session->executeOk(list));
    QCOMPARE(listed.untagged.size(), 1);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestImapSessionSecurity::noFirstCommandAfterACancelledScram()
{
    // A server-first message without the client's nonce: the client cancels the exchange
    // ("*", RFC 3501 §6.2.2). The LIST follows a SCRAM login only once the server proved
    // that it knows the password: a client line after the cancel fails the script (a LIST
    // released with an earlier step would be one).
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=SCRAM-SHA-256] hi",
                           "C^ T1 AUTHENTICATE SCRAM-SHA-256 ",
                           "S: + " + QByteArray("r=foreign,s=QSXCR+Q6sek8bf92,i=4096").toBase64(),
                           "C: *", "S: T1 BAD authentication cancelled"},
                          FakeImapServer::Mode::LoopbackTcp);
    const ConnectionSettings settings = loopbackPlain(server.port());
    const auto error = twinbox::test::awaitError<ImapError>(
        ImapSession::open(settings, {}, {}, Command("LIST").string("").string("*")));
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QTest::qWait(200); // a LIST sent after the BAD would reach the server meanwhile
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(server.isDone());
}

void TestImapSessionSecurity::noCommonMechanism()
{
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 AUTH=GSSAPI] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    settings.auth = {"PLAIN"};
    const auto error = openError(settings);
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY2(error.describe().contains(QStringLiteral("GSSAPI")), qPrintable(error.describe()));
}

void TestImapSessionSecurity::throughSocks5Proxy()
{
    FakeImapServer server(
        {"S: * PREAUTH [CAPABILITY IMAP4rev1] via proxy", "C: T1 NOOP", "S: T1 OK"},
        FakeImapServer::Mode::LoopbackTcp);
    twinbox::test::Socks5Proxy proxy;
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    settings.proxy = QStringLiteral("socks5h://bob:pw@127.0.0.1:%1").arg(proxy.port());
    auto session = await(ImapSession::open(settings));
    await(session->connection().executeOk(Command("NOOP")));
    QCOMPARE(proxy.requestedHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(proxy.requestedPort(), server.port());
    QCOMPARE(proxy.username(), QStringLiteral("bob"));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestImapSessionSecurity::noPlaintextCredentialsThroughAProxy()
{
    // "localhost" behind a proxy is the proxy's localhost: the credentials would cross the
    // network in plaintext.
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi"},
                          FakeImapServer::Mode::LoopbackTcp);
    twinbox::test::Socks5Proxy proxy;
    ConnectionSettings settings = plainImap(server.port());
    settings.startTls = false;
    settings.proxy = QStringLiteral("socks5://127.0.0.1:%1").arg(proxy.port());
    const auto error = openError(settings);
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY2(error.describe().contains(QStringLiteral("unencrypted")),
             qPrintable(error.describe()));
    QVERIFY(server.receivedLines().isEmpty());
}

QTEST_GUILESS_MAIN(TestImapSessionSecurity)
#include "tst_imap_session_security.moc"
