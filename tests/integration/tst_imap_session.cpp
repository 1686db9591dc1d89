// The protocol layer against real Dovecot servers: every way in (imaps, STARTTLS, tunnel),
// every login (PLAIN, LOGIN, SCRAM-SHA-256), certificate checks and pins, compression, and a
// 30 MB message streamed through FETCH in far less memory than its size.
#include "AwaitInTest.h"
#include "DovecotServer.h"
#include "LoopbackProxy.h"
#include "SecretForms.h"
#include "imap/ImapSession.h"
#include "imap/ResponseParser.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace twinbox::imap;
using twinbox::test::await;
using twinbox::test::DovecotConfig;
using twinbox::test::DovecotServer;

namespace {

ImapError openError(const ConnectionSettings &settings)
{
    return twinbox::test::awaitError<ImapError>(ImapSession::open(settings));
}

qint64 statusKilobytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// A test's rows, one per login mechanism, in the column "mechanism".
void mechanismRows(const QByteArrayList &mechanisms)
{
    QTest::addColumn<QByteArray>("mechanism");
    for (const QByteArray &mechanism : mechanisms)
        QTest::newRow(mechanism.constData()) << mechanism;
}

const QByteArrayList everyMechanism = {"PLAIN", "LOGIN", "SCRAM-SHA-256"};

} // namespace

class TestImapSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginMechanisms_data();
    void loginMechanisms();
    void startTlsUpgradesTheConnection();
    void tunnelIsPreauthenticated();
    void untrustedCertificateIsRejected();
    void wrongHostNameIsRejected();
    void emptyHostNameVerifiesTheHost();
    void expiredCertificateIsRejected();
    void pinnedKeyIsAccepted();
    void wrongPinIsRejected();
    void wrongPasswordIsRejected();
    void compressionOnAndOff();
    void firstCommandGoesBehindTheLogin_data();
    void firstCommandGoesBehindTheLogin();
    void loginGoesBeforeTheGreeting_data();
    void loginGoesBeforeTheGreeting();
    void earlyLoginWithAWrongPasswordIsSentOnce();
    void earlyLoginSavesAClientTurn();
    void debugLogHasNoPassword_data();
    void debugLogHasNoPassword();
    void largeMessageIsStreamed();

private:
    ConnectionSettings imaps() const;
    // imaps() logging in with `mechanism`, its protocol logged.
    ConnectionSettings loggedImaps(const QByteArray &mechanism) const;

    std::unique_ptr<DovecotServer> m_server;
};

void TestImapSession::initTestCase()
{
    m_server = std::make_unique<DovecotServer>(DovecotConfig::named(QStringLiteral("remote")));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestImapSession::cleanupTestCase()
{
    m_server.reset();
}

ConnectionSettings TestImapSession::imaps() const
{
    ConnectionSettings settings;
    settings.name = QStringLiteral("remote");
    settings.type = ConnectionSettings::Type::Imaps;
    settings.host = m_server->host();
    settings.port = m_server->imapsPort();
    settings.username = m_server->user();
    settings.password = m_server->password();
    settings.sslCaFile = m_server->certificatePath();
    settings.timeout = std::chrono::seconds(20);
    return settings;
}

ConnectionSettings TestImapSession::loggedImaps(const QByteArray &mechanism) const
{
    ConnectionSettings settings = imaps();
    settings.auth = {mechanism};
    settings.debugLevel = 1;
    return settings;
}

void TestImapSession::loginMechanisms_data()
{
    mechanismRows(everyMechanism);
    QTest::newRow("default prefers SCRAM") << QByteArray();
}

void TestImapSession::loginMechanisms()
{
    QFETCH(QByteArray, mechanism);
    ConnectionSettings settings = imaps();
    if (!mechanism.isEmpty())
        settings.auth = {mechanism};
    auto session = await(ImapSession::open(settings));
    QVERIFY(session->isEncrypted());
    QCOMPARE(session->authMechanism(),
             mechanism.isEmpty() ? QByteArray("SCRAM-SHA-256") : mechanism);
    QVERIFY(session->capabilities().has("QRESYNC"));
    await(session->enable({"QRESYNC"}));
    const auto status = await(session->connection().executeOk(
        Command("STATUS").astring("INBOX").open().atom("UIDNEXT").close()));
    QVERIFY(std::holds_alternative<StatusData>(status.untagged.value(0)));
    await(session->logout());
}

void TestImapSession::startTlsUpgradesTheConnection()
{
    ConnectionSettings settings = imaps();
    settings.type = ConnectionSettings::Type::Imap;
    settings.port = m_server->imapPort();
    QStringList log;
    settings.debugLevel = 1;
    auto session =
        await(ImapSession::open(settings, {}, [&](const QString &line) { log.append(line); }));
    QVERIFY(session->isEncrypted());
    QVERIFY(log.join(u'\n').contains(QStringLiteral("STARTTLS")));
    // Dovecot offers AUTH= mechanisms only once the connection is encrypted.
    QVERIFY(session->capabilities().has("QRESYNC"));
}

void TestImapSession::tunnelIsPreauthenticated()
{
    ConnectionSettings settings;
    settings.name = QStringLiteral("local");
    settings.type = ConnectionSettings::Type::Tunnel;
    settings.command = m_server->tunnelCommandLine();
    auto session = await(ImapSession::open(settings));
    QCOMPARE(session->authMechanism(), QByteArray("PREAUTH"));
    QVERIFY(!session->isEncrypted());
    await(session->enable({"QRESYNC"}));
    await(session->logout());

    settings.command = QStringLiteral("/nonexistent/imap-tunnel");
    const auto error = openError(settings);
    QVERIFY2(error.describe().startsWith(QStringLiteral("local: ")), qPrintable(error.describe()));
}

void TestImapSession::untrustedCertificateIsRejected()
{
    ConnectionSettings settings = imaps();
    settings.sslCaFile.clear(); // the system's CAs do not know the fixture's certificate
    const auto error = openError(settings);
    QCOMPARE(error.kind(), ImapError::Kind::Tls);
    const QString message = error.describe();
    QVERIFY2(message.startsWith(QStringLiteral("remote: TLS certificate rejected")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("self-signed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("sha256$") + m_server->spkiSha256Hex()),
             qPrintable(message));
}

void TestImapSession::wrongHostNameIsRejected()
{
    // A certificate the CA file vouches for, but for another name than the one asked for
    // (SSL_hostname: what a man in the middle with a valid certificate of his own looks like).
    ConnectionSettings settings = imaps();
    settings.sslHostname = QStringLiteral("mail.example.org");
    const auto error = openError(settings);
    QCOMPARE(error.kind(), ImapError::Kind::Tls);
    const QString message = error.describe();
    QVERIFY2(message.startsWith(QStringLiteral("remote: TLS certificate rejected")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("mail.example.org")), qPrintable(message));
}

void TestImapSession::emptyHostNameVerifiesTheHost()
{
    // `SSL_hostname =` (empty): the certificate is still checked against the host, also
    // when the TLS socket took over a connection made without it (Transport::connectFirst).
    ConnectionSettings settings = imaps();
    settings.sslHostname = QString();
    auto session = await(ImapSession::open(settings));
    QVERIFY(session->isEncrypted());
    await(session->logout());
}

void TestImapSession::expiredCertificateIsRejected()
{
    // A certificate from a CA the client trusts, for the right address, that expired in
    // 2020, served by openssl s_server: refused in the handshake, before any IMAP (so before
    // any credential). openssl ca is the one tool of OpenSSL 3.0 that signs with past dates.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto run = [&](std::initializer_list<const char *> words) {
        QStringList arguments;
        for (const char *word : words)
            arguments.append(QString::fromLatin1(word));
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"), arguments);
        return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
    };
    QFile config(dir.filePath(QStringLiteral("ca.cnf")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[ca]\ndefault_ca = ca\n[ca]\ndir = .\ndatabase = index.txt\n"
                 "new_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = any\n"
                 "copy_extensions = none\n[any]\ncommonName = supplied\n"
                 "[server]\nsubjectAltName = IP:127.0.0.1\n");
    config.close();
    QFile(dir.filePath(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
    QFile serial(dir.filePath(QStringLiteral("serial")));
    QVERIFY(serial.open(QIODevice::WriteOnly));
    serial.write("01\n");
    serial.close();
    QVERIFY(run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                 "ca.pem", "-days", "3650", "-subj", "/CN=Twinbox test CA"}));
    QVERIFY(run({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
                 "server.csr", "-subj", "/CN=127.0.0.1"}));
    QVERIFY(run({"ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
                 "-in", "server.csr", "-out", "server.pem", "-extensions", "server", "-notext",
                 "-startdate", "20200101000000Z", "-enddate", "20200102000000Z"}));

    // A port that was free a moment ago (openssl s_server does not tell the one it took).
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess server;
    server.setWorkingDirectory(dir.path());
    server.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_server"), QStringLiteral("-quiet"), QStringLiteral("-accept"),
                  QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
                  QStringLiteral("server.pem"), QStringLiteral("-key"),
                  QStringLiteral("server.key")});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        [port] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            return socket.waitForConnected(200);
        }(),
        15000); // listening (a connection that closes at once costs s_server nothing)

    ConnectionSettings settings = imaps();
    settings.port = port;
    settings.sslCaFile = dir.filePath(QStringLiteral("ca.pem"));
    const auto error = openError(settings);
    const QByteArray heard = server.readAllStandardOutput();
    server.kill();
    server.waitForFinished();
    QCOMPARE(error.kind(), ImapError::Kind::Tls);
    const QString message = error.describe();
    QVERIFY2(message.startsWith(QStringLiteral("remote: TLS certificate rejected")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("expired")), qPrintable(message));
    QVERIFY2(heard.isEmpty(), heard.constData()); // not a byte of IMAP, let alone a password
}

void TestImapSession::pinnedKeyIsAccepted()
{
    ConnectionSettings settings = imaps();
    settings.sslCaFile.clear();
    settings.sslVerify = false;
    settings.sslFingerprints = {QStringLiteral("sha256$") + m_server->spkiSha256Hex()};
    auto session = await(ImapSession::open(settings));
    QVERIFY(session->isEncrypted());

    // Verified and pinned at once, with a second pin for key roll-over, ":" separated.
    settings = imaps();
    QString withColons;
    for (qsizetype i = 0; i < m_server->spkiSha256Hex().size(); i += 2)
        withColons +=
            (i ? QStringLiteral(":") : QString()) + m_server->spkiSha256Hex().mid(i, 2).toUpper();
    settings.sslFingerprints = {QStringLiteral("sha256$") + QString(64, u'0'), withColons};
    QVERIFY(await(ImapSession::open(settings))->isEncrypted());
}

void TestImapSession::wrongPinIsRejected()
{
    ConnectionSettings settings = imaps();
    settings.sslVerify = false;
    settings.sslFingerprints = {QStringLiteral("sha256$") + QString(64, u'a')};
    const auto error = openError(settings);
    QCOMPARE(error.kind(), ImapError::Kind::Tls);
    QVERIFY2(error.describe().contains(QStringLiteral("matches no SSL_fingerprint")),
             qPrintable(error.describe()));

    settings.sslFingerprints = {QStringLiteral("md5$abcd")};
    QCOMPARE(openError(settings).kind(), ImapError::Kind::Configuration);
}

void TestImapSession::wrongPasswordIsRejected()
{
    for (const QByteArray &mechanism :
         {QByteArray("SCRAM-SHA-256"), QByteArray("PLAIN"), QByteArray("LOGIN")}) {
        ConnectionSettings settings = imaps();
        settings.auth = {mechanism};
        settings.password += QStringLiteral("x");
        const auto error = openError(settings);
        QCOMPARE(error.kind(), ImapError::Kind::Authentication);
        QVERIFY2(error.describe().startsWith(QStringLiteral("remote: ")),
                 qPrintable(error.describe()));
    }
}

void TestImapSession::compressionOnAndOff()
{
    for (const bool compress : {true, false}) {
        ConnectionSettings settings = imaps();
        settings.compress = compress;
        auto session = await(ImapSession::open(settings));
        QCOMPARE(session->connection().isCompressed(), compress);
        const auto list =
            await(session->connection().executeOk(Command("LIST").string("").string("*")));
        QVERIFY(std::holds_alternative<ListData>(list.untagged.value(0)));
        await(session->logout());
    }
}

void TestImapSession::firstCommandGoesBehindTheLogin_data()
{
    mechanismRows(everyMechanism);
}

void TestImapSession::firstCommandGoesBehindTheLogin()
{
    // The protocol log is in wire order: the LIST leaves before the login's OK arrives (one
    // round trip less per run), and Dovecot answers it once logged in.
    QFETCH(QByteArray, mechanism);
    ConnectionSettings settings = loggedImaps(mechanism);
    settings.compress = false;
    QStringList log;
    const Command list = Command("LIST").string("").string("INBOX");
    auto session = await(ImapSession::open(
        settings, {}, [&](const QString &line) { log.append(line); }, list));
    const auto firstLine = [&log](const QString &start) {
        for (qsizetype i = 0; i < log.size(); ++i)
            if (log.at(i).startsWith(start))
                return i;
        return qsizetype(-1);
    };
    const qsizetype listSent = firstLine(QStringLiteral("C: T2 LIST "));
    const qsizetype loggedIn = firstLine(QStringLiteral("S: T1 OK "));
    QVERIFY2(listSent >= 0 && loggedIn >= 0 && listSent < loggedIn, qPrintable(log.join(u'\n')));
    const auto listed = await(session->executeOk(list));
    QCOMPARE(listed.untagged.size(), 1);
    QVERIFY(std::holds_alternative<ListData>(listed.untagged.first()));
    QCOMPARE(log.filter(QStringLiteral("C: T")).filter(QStringLiteral(" LIST ")).size(), 1);
}

void TestImapSession::loginGoesBeforeTheGreeting_data()
{
    mechanismRows({"SCRAM-SHA-256", "PLAIN"}); // LOGIN has no initial response to go early
}

void TestImapSession::loginGoesBeforeTheGreeting()
{
    // With what a first session saw before its login, a second one sends its AUTHENTICATE
    // with the TLS handshake's end, before Dovecot's greeting: one round trip less.
    QFETCH(QByteArray, mechanism);
    ConnectionSettings settings = loggedImaps(mechanism);
    QStringList log;
    const auto logLine = [&log](const QString &line) { log.append(line); };
    auto first = await(ImapSession::open(settings, {}, logLine));
    QVERIFY(!first->loggedInEarly());
    QVERIFY(first->announcedBeforeLogin());
    QVERIFY(first->announcedBeforeLogin()->contains("AUTH=" + mechanism));
    await(first->logout());

    log.clear();
    settings.rememberedCapabilities =
        std::make_shared<const std::optional<QByteArrayList>>(*first->announcedBeforeLogin());
    auto second = await(ImapSession::open(settings, {}, logLine));
    QVERIFY(second->loggedInEarly());
    QCOMPARE(second->authMechanism(), mechanism);
    QVERIFY2(log.value(0).startsWith(QStringLiteral("C: T1 AUTHENTICATE")) &&
                 log.value(1).startsWith(QStringLiteral("S: * OK ")),
             qPrintable(log.join(u'\n')));
    QCOMPARE(second->announcedBeforeLogin(), first->announcedBeforeLogin());
    await(second->enable({"QRESYNC"}));
    await(second->logout());
}

void TestImapSession::earlyLoginWithAWrongPasswordIsSentOnce()
{
    // Dovecot answers NO to the early login, and offers what it offered before: the refusal
    // is the login's answer, not a sign that the server changed, and it is not sent again.
    ConnectionSettings settings = loggedImaps("PLAIN");
    settings.password += QStringLiteral("x");
    QStringList log;
    auto probe = imaps();
    const QByteArrayList announced = *await(ImapSession::open(probe))->announcedBeforeLogin();
    settings.rememberedCapabilities =
        std::make_shared<const std::optional<QByteArrayList>>(announced);
    const auto error = twinbox::test::awaitError<ImapError>(
        ImapSession::open(settings, {}, [&log](const QString &line) { log.append(line); }));
    QCOMPARE(error.kind(), ImapError::Kind::Authentication);
    QVERIFY2(error.describe().contains(QStringLiteral("login failed")),
             qPrintable(error.describe()));
    QVERIFY2(log.value(0).startsWith(QStringLiteral("C: T1 AUTHENTICATE")), // before the greeting
             qPrintable(log.join(u'\n')));
    QCOMPARE(log.filter(QStringLiteral("AUTHENTICATE")).size(), 1);
}

void TestImapSession::earlyLoginSavesAClientTurn()
{
    // Through a proxy that delays each direction by 10 ms: the early login leaves with the
    // TLS Finished, so the login needs one client turn less. (With Nagle's algorithm on, it
    // waited for the server's session tickets to acknowledge the Finished: no gain.) The
    // fewest turns of two sessions each way: a client that stalls for longer than the delay
    // on a busy machine splits a turn in two.
    twinbox::test::LoopbackProxy proxy(m_server->imapsPort(), std::chrono::milliseconds(10));
    ConnectionSettings settings = imaps();
    settings.port = proxy.port();
    std::optional<QByteArrayList> announced;
    auto fewestTurns = [&settings, &proxy, &announced] {
        qint64 fewest = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 2; ++i) {
            proxy.take();
            auto session = await(ImapSession::open(settings));
            QTest::qWait(50); // the proxy relays the last bytes of the login
            fewest = std::min(fewest, qint64(proxy.take().clientTurns));
            announced = session->announcedBeforeLogin();
        }
        return fewest;
    };
    const qint64 before = fewestTurns();
    QVERIFY(announced);
    settings.rememberedCapabilities =
        std::make_shared<const std::optional<QByteArrayList>>(announced);
    QCOMPARE(fewestTurns(), before - 1);
}

void TestImapSession::debugLogHasNoPassword_data()
{
    mechanismRows(everyMechanism);
}

void TestImapSession::debugLogHasNoPassword()
{
    QFETCH(QByteArray, mechanism);
    ConnectionSettings settings = loggedImaps(mechanism);
    QStringList log;
    auto session =
        await(ImapSession::open(settings, {}, [&](const QString &line) { log.append(line); }));
    const QString all = log.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("C: ")), qPrintable(all));
    const QByteArray password = m_server->password().toUtf8();
    const QByteArray user = m_server->user().toUtf8();
    for (const QByteArray &secret : twinbox::test::secretForms(user, password))
        QVERIFY2(!all.contains(QString::fromLatin1(secret)), qPrintable(all));
}

void TestImapSession::largeMessageIsStreamed()
{
    // 30 MB of base64 text, generated and stored by other processes so that this process
    // never holds it.
    const QString path = m_server->directory() + QStringLiteral("/large.eml");
    QProcess make;
    make.start(QStringLiteral("sh"),
               {QStringLiteral("-c"),
                QStringLiteral(
                    "{ printf 'Subject: large\\r\\nMessage-ID: <large@twinbox.test>\\r\\n\\r\\n';"
                    " head -c 23000000 /dev/zero | base64 -w 76 | sed 's/$/\\r/'; } > '%1'")
                    .arg(path)});
    QVERIFY(make.waitForFinished(60000));
    const qint64 size = QFileInfo(path).size();
    QVERIFY(size > 30'000'000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCryptographicHash expected(QCryptographicHash::Sha256);
    QVERIFY(expected.addData(&file));
    QProcess save;
    save.setStandardInputFile(path);
    save.start(QStringLiteral("doveadm"),
               {QStringLiteral("-c"), m_server->configPath(), QStringLiteral("save"),
                QStringLiteral("-u"), m_server->user(), QStringLiteral("-m"),
                QStringLiteral("INBOX")});
    QVERIFY(save.waitForFinished(60000));
    QCOMPARE(save.exitCode(), 0);

    struct HashingSink : BodySink
    {
        QCryptographicHash hash{QCryptographicHash::Sha256};
        qint64 received = 0;
        std::optional<std::uint32_t> uid;
        void bodyBegin(const ResponseFrame &partial, qint64) override
        {
            ProtocolError parseError;
            if (const auto fetch = ResponseParser::parsePartialFetch(partial, &parseError))
                uid = fetch->uid;
        }
        void bodyData(QByteArrayView chunk) override
        {
            hash.addData(chunk);
            received += chunk.size();
        }
        void bodyEnd() override {}
    } sink;

    auto session = await(ImapSession::open(imaps()));
    session->connection().setBodySink(&sink);
    await(session->connection().executeOk(Command("SELECT").astring("INBOX")));
    // Forget the peak so far (Linux: clear_refs 5 resets VmHWM), then measure the fetch alone.
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    QVERIFY(clear.open(QIODevice::WriteOnly) && clear.write("5") == 1);
    clear.close();
    const qint64 before = statusKilobytes("VmRSS:");
    const auto fetched = await(session->connection().executeOk(
        Command("UID FETCH").atom("1:*").open().atom("UID").atom("BODY.PEEK[]").close()));
    const qint64 peak = statusKilobytes("VmHWM:");
    QCOMPARE(sink.received, size);
    QCOMPARE(sink.hash.result(), expected.result());
    QVERIFY(sink.uid.has_value());
    QVERIFY(!fetched.untagged.isEmpty());
    const auto &fetch = std::get<FetchData>(fetched.untagged.first());
    QVERIFY(fetch.sections.value(0).streamed);
    qInfo("RSS before the fetch %lld kB, peak during it %lld kB, message %lld kB", before, peak,
          size / 1024);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine, so the peak says nothing about
    // what the code holds; the content checks above still apply.
    Q_UNUSED(peak)
#else
    QVERIFY2(peak - before < 8 * 1024,
             "fetching a 30 MB message raised the peak memory by 8 MB or more");
#endif
}

QTEST_GUILESS_MAIN(TestImapSession)
#include "tst_imap_session.moc"
