// Secrets and file modes, end to end: twinbox-cli logs in over IMAPS with a password it reads
// through password-command, with --debug, while a tunnel runs for the other side. Neither
// the password nor any base64 form a login puts on the wire may appear in the log, in any
// file the program wrote (state database and its WAL, XDG directories, temporary files), or
// in the command line of any process on the machine while it runs; not even after a crash.
// Every file it writes is private to the user (no group or other permission bits).
#include "SecretForms.h"
#include "SeedMessage.h"
#include "SyncHarness.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using twinbox::test::makeSeedMessage;
using twinbox::test::SyncHarness;

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void debugRunLeavesNoSecret_data();
    void debugRunLeavesNoSecret();
    void crashLeavesNoSecret();

private:
    // The forms of the password a log, a file or a command line must not hold.
    QList<QByteArray> secretForms() const;
    // The first secret form in `bytes`, or an empty string.
    QString findSecret(const QByteArray &bytes) const;
    // Every process's command line, searched for the password.
    QStringList commandLinesHoldingTheSecret() const;
    // Files under the test's directories that hold a secret or are readable by others.
    QStringList filesProblems() const;

    std::unique_ptr<SyncHarness> m_harness;
    QTemporaryDir m_private; // the password file, TMPDIR
};

void TestSecrets::initTestCase()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
    QVERIFY(m_private.isValid());
    QFile secret(m_private.filePath(QStringLiteral("password")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    secret.write(m_harness->remote().password().toUtf8() + '\n');
    secret.close();
    QDir(m_private.path()).mkpath(QStringLiteral("tmp"));
    m_harness->setEnvironment(QStringLiteral("TMPDIR"), m_private.filePath(QStringLiteral("tmp")));
    auto &remote = m_harness->remote();
    QString stored;
    QVERIFY2(
        remote.append(QStringLiteral("INBOX"), {makeSeedMessage(1), makeSeedMessage(2)}, &stored),
        qPrintable(stored));
    m_harness->setRemoteSection(QStringLiteral("type = imaps\nhost = %1\nport = %2\nusername = %3\n"
                                               "password-command = cat %4\nSSL_CAfile = %5\n")
                                    .arg(remote.host())
                                    .arg(remote.imapsPort())
                                    .arg(remote.user(),
                                         m_private.filePath(QStringLiteral("password")),
                                         remote.certificatePath()));
}

void TestSecrets::cleanupTestCase()
{
    m_harness.reset();
}

QList<QByteArray> TestSecrets::secretForms() const
{
    const QByteArray password = m_harness->remote().password().toUtf8();
    const QByteArray user = m_harness->remote().user().toUtf8();
    return twinbox::test::secretForms(user, password)
           << QByteArray('\0' + user + '\0' + password).toBase64(QByteArray::OmitTrailingEquals);
}

QString TestSecrets::findSecret(const QByteArray &bytes) const
{
    for (const QByteArray &form : secretForms()) {
        if (bytes.contains(form))
            return QString::fromLatin1(form);
    }
    return {};
}

QStringList TestSecrets::commandLinesHoldingTheSecret() const
{
    QStringList found;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        QFile cmdline(dir + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = cmdline.readAll();
        if (!findSecret(line).isEmpty())
            found.append(dir + QStringLiteral(": ") + QString::fromUtf8(line).replace(u'\0', u' '));
    }
    return found;
}

QStringList TestSecrets::filesProblems() const
{
    QStringList problems;
    const QString root = QFileInfo(m_harness->databasePath()).absolutePath();
    for (const QString &top : {root, m_private.filePath(QStringLiteral("tmp"))}) {
        QDirIterator it(top, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QStringLiteral(".conf")))
                continue; // the test's own configuration
            QFile file(path);
            if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                      QFileDevice::ReadOther | QFileDevice::WriteOther))
                problems.append(path + QStringLiteral(": readable or writable by others"));
            if (file.open(QIODevice::ReadOnly) && !findSecret(file.readAll()).isEmpty())
                problems.append(path + QStringLiteral(": holds the password"));
        }
    }
    return problems;
}

void TestSecrets::debugRunLeavesNoSecret_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::newRow("SCRAM-SHA-256") << QStringLiteral("SCRAM-SHA-256");
    QTest::newRow("PLAIN") << QStringLiteral("PLAIN");
    QTest::newRow("LOGIN") << QStringLiteral("LOGIN");
}

void TestSecrets::debugRunLeavesNoSecret()
{
    QFETCH(QString, mechanism);
    m_harness->setDatabaseName(mechanism + QStringLiteral(".db"));
    m_harness->writeConfig({}, {}, QStringLiteral("auth = %1").arg(mechanism));
    // The command lines are read while the program runs: its tunnel and password-command.
    auto process = m_harness->startSync(); // --debug: the protocol log
    QStringList leaks;
    while (!process->waitForFinished(5))
        leaks += commandLinesHoldingTheSecret();
    const QString log = QString::fromUtf8(process->readAllStandardError());
    QVERIFY2(process->exitCode() == 0, qPrintable(log.right(3000)));
    QVERIFY2(log.contains(QStringLiteral("remote: C: ")), "no protocol log: --debug did nothing");
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    const QString inLog = findSecret(log.toUtf8());
    QVERIFY2(inLog.isEmpty(), qPrintable(QStringLiteral("the log holds %1").arg(inLog)));
    const QStringList files = filesProblems();
    QVERIFY2(files.isEmpty(), qPrintable(files.join(u'\n')));
}

void TestSecrets::crashLeavesNoSecret()
{
    // A crash once synced and idling, logged in: what the program printed, and what it left on
    // disk, holds no secret (and, hardened, it leaves no core file that would hold its memory).
    m_harness->setDatabaseName(QStringLiteral("crash.db"));
    m_harness->writeConfig();
    const QStringList coresBefore =
        QDir::current().entryList({QStringLiteral("core*")}, QDir::Files);
    // Core files allowed as far as this test can: the program must turn them off itself.
    m_harness->setChildProcessModifier([] {
        const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
        setrlimit(RLIMIT_CORE, &unlimited);
    });
    auto process = m_harness->startSync({QStringLiteral("--watch=60")});
    m_harness->setChildProcessModifier({});
    QByteArray log;
    QElapsedTimer timer;
    timer.start();
    while (!log.contains(" IDLE") && timer.elapsed() < 30000) {
        process->waitForReadyRead(100);
        log += process->readAllStandardError();
    }
    QVERIFY2(log.contains(" IDLE"), log.right(3000).constData());
    QFile limits(QStringLiteral("/proc/%1/limits").arg(process->processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    QByteArray coreLimit;
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size"))
            coreLimit = line;
    }
    QVERIFY2(coreLimit.simplified().startsWith("Max core file size 0 0"), coreLimit.constData());
    ::kill(pid_t(process->processId()), SIGSEGV);
    QVERIFY(process->waitForFinished(10000));
    log += process->readAllStandardError();
    QCOMPARE(process->exitStatus(), QProcess::CrashExit);
    const QString inLog = findSecret(log);
    QVERIFY2(inLog.isEmpty(), qPrintable(QStringLiteral("the log holds %1").arg(inLog)));
    const QStringList files = filesProblems();
    QVERIFY2(files.isEmpty(), qPrintable(files.join(u'\n')));
    QCOMPARE(QDir::current().entryList({QStringLiteral("core*")}, QDir::Files), coresBefore);
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
