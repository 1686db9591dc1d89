// The Dovecot fixture itself: real servers come up, offer what Twinbox needs, stay apart
// from each other and leave nothing behind.
#include "DovecotServer.h"
#include "TestImapClient.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <signal.h>
#include <sys/time.h>

using namespace twinbox::test;

namespace {

// What Twinbox requires (DESIGN.md) plus what it uses when offered.
const QStringList requiredAfterLogin = {
    QStringLiteral("QRESYNC"),     QStringLiteral("CONDSTORE"), QStringLiteral("LIST-EXTENDED"),
    QStringLiteral("LIST-STATUS"), QStringLiteral("UIDPLUS"),   QStringLiteral("LITERAL+"),
    QStringLiteral("MULTIAPPEND"), QStringLiteral("NOTIFY"),    QStringLiteral("ENABLE"),
};

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace

class TestDovecotFixture : public QObject
{
    Q_OBJECT

private slots:
    void capabilitiesOverTlsAndTunnel_data();
    void capabilitiesOverTlsAndTunnel();
    void serversAreIndependent();
    void separatorIsConfigurable();
    void appendSeedsMessages();
    void certificateDigestMatchesServedCertificate();
    void stopLeavesNothingBehind();
    void killedTestProcessLeavesNothingBehind();
    void halfRemovedDirectoryIsRemovedByTheNextStart();
};

void TestDovecotFixture::capabilitiesOverTlsAndTunnel_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QChar>("separator");
    QTest::newRow("local") << QStringLiteral("local") << QChar(u'/');
    QTest::newRow("remote") << QStringLiteral("remote") << QChar(u'.');
}

void TestDovecotFixture::capabilitiesOverTlsAndTunnel()
{
    QFETCH(QString, name);
    QFETCH(QChar, separator);
    DovecotServer server(DovecotConfig::named(name, separator));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    TestImapClient tls;
    QVERIFY2(tls.connectTls(server, &error), qPrintable(error));
    QVERIFY2(tls.login(server.user(), server.password(), &error), qPrintable(error));
    const QStringList overTls = tls.capabilities();
    for (const QString &capability : requiredAfterLogin)
        QVERIFY2(overTls.contains(capability), qPrintable(capability + u' ' + overTls.join(u' ')));
    QVERIFY2(overTls.contains(QStringLiteral("COMPRESS=DEFLATE")), qPrintable(overTls.join(u' ')));
    tls.logout();

    // A tunnel is a pipe, not a network link: Dovecot rightly offers no compression there.
    TestImapClient tunnel;
    QVERIFY2(tunnel.connectTunnel(server, &error), qPrintable(error));
    const QStringList overTunnel = tunnel.capabilities();
    for (const QString &capability : requiredAfterLogin)
        QVERIFY2(overTunnel.contains(capability),
                 qPrintable(capability + u' ' + overTunnel.join(u' ')));
    tunnel.logout();

    TestImapClient wrongPassword;
    QVERIFY2(wrongPassword.connectTls(server, &error), qPrintable(error));
    QVERIFY(!wrongPassword.login(server.user(), server.password() + u'x', &error));
}

void TestDovecotFixture::serversAreIndependent()
{
    DovecotServer local(DovecotConfig::named(QStringLiteral("local")));
    DovecotServer remote(DovecotConfig::named(QStringLiteral("remote"), u'.'));
    QString error;
    QVERIFY2(local.start(&error), qPrintable(error));
    QVERIFY2(remote.start(&error), qPrintable(error));
    const QSet<quint16> ports = {local.imapPort(), local.imapsPort(), remote.imapPort(),
                                 remote.imapsPort()};
    QCOMPARE(ports.size(), 4);
    QVERIFY(local.directory() != remote.directory());
    QVERIFY(local.password() != remote.password());

    QVERIFY2(local.append(QStringLiteral("INBOX"), {makeSeedMessage(1)}, &error),
             qPrintable(error));
    TestImapClient client;
    QVERIFY2(client.connectTunnel(remote, &error), qPrintable(error));
    const auto status = client.command("STATUS INBOX (MESSAGES)");
    QVERIFY(status.ok());
    QCOMPARE(status.untagged.value(0), QByteArray("* STATUS INBOX (MESSAGES 0)"));
}

void TestDovecotFixture::separatorIsConfigurable()
{
    for (const QChar separator : {u'/', u'.'}) {
        DovecotServer server(DovecotConfig::named(QStringLiteral("sep"), separator));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestImapClient client;
        QVERIFY2(client.connectTunnel(server, &error), qPrintable(error));
        const auto reply = client.command("LIST \"\" \"\"");
        QVERIFY(reply.ok());
        QCOMPARE(reply.untagged.value(0),
                 QByteArray("* LIST (\\Noselect) \"") + QString(separator).toLatin1() + "\" \"\"");
    }
}

void TestDovecotFixture::appendSeedsMessages()
{
    DovecotServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QList<SeedMessage> messages;
    for (int i = 0; i < 250; ++i) // more than one pipelined batch
        messages.append(makeSeedMessage(i));
    messages[3].flags = {QStringLiteral("\\Seen"), QStringLiteral("$Forwarded")};
    QVERIFY2(server.append(QStringLiteral("Archive/2026"), messages, &error), qPrintable(error));

    TestImapClient client;
    QVERIFY2(client.connectTls(server, &error), qPrintable(error));
    QVERIFY2(client.login(server.user(), server.password(), &error), qPrintable(error));
    QVERIFY(client.command("SELECT \"Archive/2026\"").ok());
    const auto fetch =
        client.command("UID FETCH 4 (FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])");
    QVERIFY(fetch.ok());
    QCOMPARE(fetch.untagged.size(), 1);
    const QByteArray line = fetch.untagged.first();
    QVERIFY2(line.contains("FLAGS (\\Seen \\Recent $Forwarded)"), line.constData());
    QVERIFY2(line.contains("INTERNALDATE \"02-Nov-2026 10:00:03 +0000\""), line.constData());
    QVERIFY2(line.contains("<seed-3@twinbox.test>"), line.constData());
    const auto status = client.command("STATUS \"Archive/2026\" (MESSAGES)");
    QCOMPARE(status.untagged.value(0), QByteArray("* STATUS Archive/2026 (MESSAGES 250)"));
}

void TestDovecotFixture::certificateDigestMatchesServedCertificate()
{
    DovecotServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QCOMPARE(server.spkiSha256Hex().size(), 64);
    // The fixture's digest is openssl's; check it against the key the server really serves.
    QProcess client;
    client.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"),
                  QStringLiteral("openssl s_client -connect 127.0.0.1:%1 </dev/null 2>/dev/null"
                                 " | openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER"
                                 " | openssl dgst -sha256 -r")
                      .arg(server.imapsPort())});
    QVERIFY(client.waitForFinished(20000));
    QCOMPARE(QString::fromLatin1(client.readAllStandardOutput().split(' ').first()),
             server.spkiSha256Hex());
}

void TestDovecotFixture::stopLeavesNothingBehind()
{
    DovecotServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    TestImapClient tunnel; // a live session with its own imap process
    QVERIFY2(tunnel.connectTunnel(server, &error), qPrintable(error));
    const qint64 master = server.masterPid();
    const QString directory = server.directory();
    QVERIFY(alive(master));
    QVERIFY(QFileInfo::exists(directory));
    server.stop();
    QVERIFY(!alive(master));
    QVERIFY(!QFileInfo::exists(directory));
}

// The parent half: a child test process starts a server and is killed with SIGKILL, as a
// CTest timeout would. The server must go down with it, and the next start must remove the
// directory the child could not.
void TestDovecotFixture::killedTestProcessLeavesNothingBehind()
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--abandoned-server")},
                QIODevice::ReadOnly);
    QVERIFY(child.waitForStarted());
    QByteArray report;
    while (!report.contains('\n') && child.waitForReadyRead(30000))
        report += child.readAllStandardOutput();
    const QList<QByteArray> fields = report.trimmed().split(' ');
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields[0], QByteArray("started"));
    const qint64 master = fields[1].toLongLong();
    const QString directory = QString::fromLocal8Bit(fields[2]);
    QVERIFY(alive(master));
    // Checked while the child lives: once it is dead, a server started by a test running in
    // parallel may already clean its directory up, which is the behaviour under test too.
    QVERIFY(QFileInfo::exists(directory));
    child.kill();
    QVERIFY(child.waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(!alive(master), 15000);

    DovecotServer next;
    QString error;
    QVERIFY2(next.start(&error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(directory));
}

// Directories that test processes left half removed. One killed in the middle of a removal
// leaves its owner file, which goes last, naming a dead process: the next start removes it
// at once. Older fixture code removed the owner file first, and left directories without
// one: a start removes such a directory once it is a minute old, as a fresh one may be a
// parallel process's, about to write its owner file.
void TestDovecotFixture::halfRemovedDirectoryIsRemovedByTheNextStart()
{
    DovecotServer first;
    QString error;
    QVERIFY2(first.start(&error), qPrintable(error));
    const QString root = QFileInfo(first.directory()).absolutePath();
    first.stop();
    QProcess finished; // a process id that no process holds any more: a shell that said it
    finished.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo $$")});
    QVERIFY(finished.waitForFinished());
    const qint64 deadOwner = finished.readAllStandardOutput().trimmed().toLongLong();
    QVERIFY(deadOwner > 0);
    QStringList made;
    const auto cleanUp = qScopeGuard([&made] {
        for (const QString &path : std::as_const(made))
            QDir(path).removeRecursively();
    });
    const auto leaveHalfRemoved = [&](const QString &name, int ageSeconds, qint64 owner) {
        // Named after this process: the unprivileged run of this test runs beside it.
        const QString path = root + QStringLiteral("/twinbox-dovecot-%1-%2")
                                        .arg(name)
                                        .arg(QCoreApplication::applicationPid());
        made.append(path);
        QDir().mkpath(path + QStringLiteral("/mail/.INBOX"));
        QFile index(path + QStringLiteral("/mail/.INBOX/dovecot.index.log"));
        if (!index.open(QIODevice::WriteOnly) || index.write("index") != 5)
            return QString();
        index.close();
        QFile ownerFile(path + QStringLiteral("/owner.pid"));
        if (owner > 0 && (!ownerFile.open(QIODevice::WriteOnly) ||
                          ownerFile.write(QByteArray::number(owner)) <= 0))
            return QString();
        ownerFile.close();
        timeval times[2];
        ::gettimeofday(&times[0], nullptr);
        times[0].tv_sec -= ageSeconds;
        times[1] = times[0];
        if (::utimes(QFile::encodeName(path).constData(), times) != 0)
            return QString();
        return path;
    };
    const QString killedMidRemoval = leaveHalfRemoved(QStringLiteral("killed"), 0, deadOwner);
    const QString ownerlessOld = leaveHalfRemoved(QStringLiteral("ownerless-old"), 120, 0);
    const QString ownerlessNew = leaveHalfRemoved(QStringLiteral("ownerless-new"), 0, 0);
    QVERIFY(!killedMidRemoval.isEmpty() && !ownerlessOld.isEmpty() && !ownerlessNew.isEmpty());
    QVERIFY(!alive(deadOwner));

    DovecotServer next;
    QVERIFY2(next.start(&error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(killedMidRemoval));
    QVERIFY(!QFileInfo::exists(ownerlessOld));
    QVERIFY(QFileInfo::exists(ownerlessNew));
}

// The child half: start a server, report it, and wait to be killed.
int runAbandonedServer()
{
    static DovecotServer server; // never destroyed: the process is killed first
    QString error;
    if (!server.start(&error))
        qFatal("%s", qPrintable(error));
    printf("started %lld %s\n", server.masterPid(), qPrintable(server.directory()));
    fflush(stdout);
    QThread::sleep(60);
    return 1;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--abandoned-server")))
        return runAbandonedServer();
    TestDovecotFixture test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dovecot_fixture.moc"
