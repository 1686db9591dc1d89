// ConnectionProbe against scripted servers: what a server that lacks the extensions two-way
// sync needs is told in plain words, the mailbox list decoded for the wizard's tree, and a
// refused login explained without the password.
#include "AwaitInTest.h"
#include "FakeImapServer.h"
#include "imap/Capabilities.h"
#include "sync/ConnectionProbe.h"

#include <QTest>

using namespace twinbox;
using imap::ConnectionSettings;
using sync::ConnectionProbe;
using test::await;
using test::FakeImapServer;

namespace {

ConnectionSettings plainImap(quint16 port)
{
    ConnectionSettings settings;
    settings.name = QStringLiteral("remote");
    settings.type = ConnectionSettings::Type::Imap;
    settings.startTls = false; // loopback: credentials may go in plaintext
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.username = QStringLiteral("alice");
    settings.password = QStringLiteral("secret");
    settings.auth = {"LOGIN"};
    settings.timeout = std::chrono::seconds(10);
    return settings;
}

} // namespace

class TestConnectionProbe : public QObject
{
    Q_OBJECT

private slots:
    void serverWithoutQresync();
    void everythingOffered();
    void refusedLogin();
    void unreachable();
};

void TestConnectionProbe::serverWithoutQresync()
{
    // Like a big provider: CONDSTORE and IDLE, no QRESYNC, no LIST-STATUS.
    FakeImapServer server(
        {"S: * OK [CAPABILITY IMAP4rev1 CONDSTORE ENABLE UIDPLUS LIST-EXTENDED IDLE] hi",
         "C: T1 LOGIN alice secret", "S: T1 OK logged in", "C: T2 CAPABILITY",
         "S: * CAPABILITY IMAP4rev1 CONDSTORE ENABLE UIDPLUS LIST-EXTENDED IDLE", "S: T2 OK",
         "C: T3 LIST \"\" \"*\"", "S: * LIST (\\HasNoChildren) \".\" INBOX",
         "S: * LIST (\\Noselect \\HasChildren) \".\" \"[Gmail]\"",
         "S: * LIST (\\HasNoChildren) \".\" \"[Gmail].Tr&AOk-sor\"",
         "S: * LIST (\\HasNoChildren) \".\" \"a/b\"", "S: T3 OK", "C: T4 LOGOUT", "S: * BYE",
         "S: T4 OK"},
        FakeImapServer::Mode::LoopbackTcp);
    const auto report = await(ConnectionProbe::run(plainImap(server.port())));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY2(report.loggedIn, qPrintable(report.error));
    QVERIFY(!report.usable());
    QCOMPARE(report.missing, (QByteArrayList{"QRESYNC", "LIST-STATUS"}));
    QVERIFY2(report.findings.first().startsWith(
                 QStringLiteral("This server does not support QRESYNC, which two-way sync needs")),
             qPrintable(report.findings.join(u'\n')));
    const QString all = report.findings.join(u'\n');
    QVERIFY(all.contains(QStringLiteral("does not support LIST-STATUS")));
    QVERIFY(!all.contains(QStringLiteral("supports everything")));
    QVERIFY(all.contains(QStringLiteral("(IDLE)")));
    QVERIFY(all.contains(QStringLiteral("no MULTIAPPEND")));
    QVERIFY(all.contains(QStringLiteral("no LITERAL+")));
    QVERIFY(all.contains(QStringLiteral("no COMPRESS")));
    QVERIFY(report.canPush);
    QVERIFY(report.capabilities.contains("CONDSTORE"));
    // Decoded, levels joined by '/' whatever the server's delimiter; \Noselect left out.
    QCOMPARE(report.mailboxes,
             (QStringList{QStringLiteral("INBOX"), QStringLiteral("[Gmail]/Trésor"),
                          QStringLiteral("a/b")}));
}

void TestConnectionProbe::everythingOffered()
{
    imap::Capabilities capabilities({"IMAP4rev1", "QRESYNC", "CONDSTORE", "ENABLE", "UIDPLUS",
                                     "LIST-EXTENDED", "LIST-STATUS", "NOTIFY", "IDLE",
                                     "MULTIAPPEND", "LITERAL+", "COMPRESS=DEFLATE"});
    QByteArrayList missing{"stale"};
    const QStringList findings = ConnectionProbe::findings(capabilities, &missing);
    QVERIFY(missing.isEmpty());
    QCOMPARE(findings.first(),
             QStringLiteral("This server supports everything two-way sync needs."));
    const QString all = findings.join(u'\n');
    QVERIFY(all.contains(QStringLiteral("(NOTIFY)")));
    QVERIFY(all.contains(QStringLiteral("(COMPRESS)")));
    QVERIFY(!all.contains(QStringLiteral("no ")));

    QVERIFY(ConnectionProbe::findings(imap::Capabilities({"IMAP4rev1"}), &missing)
                .join(u'\n')
                .contains(QStringLiteral("cannot announce changes")));
    QCOMPARE(missing.size(), 5);
}

void TestConnectionProbe::refusedLogin()
{
    FakeImapServer server({"S: * OK [CAPABILITY IMAP4rev1] hi", "C: T1 LOGIN alice secret",
                           "S: T1 NO [AUTHENTICATIONFAILED] Authentication failed."},
                          FakeImapServer::Mode::LoopbackTcp);
    const auto report = await(ConnectionProbe::run(plainImap(server.port())));
    QVERIFY(!report.loggedIn);
    QCOMPARE(report.errorKind, imap::ImapError::Kind::Authentication);
    QVERIFY2(report.error.startsWith(QStringLiteral("The server refused to log in: check the "
                                                    "user name and the password")),
             qPrintable(report.error));
    QVERIFY(report.error.contains(QStringLiteral("Authentication failed.")));
    QVERIFY(!report.error.contains(QStringLiteral("secret")));
    QVERIFY(report.findings.isEmpty());
    QVERIFY(!report.certificate);
}

void TestConnectionProbe::unreachable()
{
    quint16 port;
    {
        FakeImapServer server({}, FakeImapServer::Mode::LoopbackTcp);
        port = server.port();
    } // closed: nothing listens there any more
    const auto report = await(ConnectionProbe::run(plainImap(port)));
    QVERIFY(!report.loggedIn);
    QCOMPARE(report.errorKind, imap::ImapError::Kind::Connection);
    QVERIFY2(report.error.startsWith(QStringLiteral("Could not reach the server")),
             qPrintable(report.error));
}

QTEST_MAIN(TestConnectionProbe)
#include "tst_connection_probe.moc"
