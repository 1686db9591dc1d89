// Database faults, after SQLite's own fault-injection discipline: every statement of an
// incremental sync fails in turn (TWINBOX_FAULT_SQL_AT, Nextcloud's fail counter), the disk
// fills up (a file size limit), the database file is read-only, or corrupted. Each must end
// in an error that names the database, with nothing half-committed (every stored pair names
// two alike messages) and the file left as it was when it was unusable; then the next run
// converges with nothing lost or duplicated (SoakWorkload's oracle).
#include "SoakWorkload.h"
#include "SyncHarness.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using twinbox::test::SoakWorkload;
using twinbox::test::SyncHarness;

namespace {

// The workload's seed: the same changes, hence the same statements, for every fault point.
constexpr quint32 seed = 1201;

QString errorLines(const SyncHarness::Run &run)
{
    QStringList lines;
    for (const QString &line : run.infoLines()) {
        if (line.contains(QStringLiteral("ERROR")))
            lines.append(line);
    }
    return lines.join(u'\n');
}

// The tunnels the runs started, each of which wrote a line to `path` (a prelude in its
// shell command).
qsizetype tunnelsStarted(const QString &path)
{
    QFile marks(path);
    return marks.open(QIODevice::ReadOnly) ? marks.readAll().count('\n') : 0;
}

// A loopback port whose listener's queue is full, so that the kernel drops every further
// SYN: a connect to it waits as behind a firewall that drops packets.
class PortDroppingConnections
{
public:
    PortDroppingConnections()
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        auto *any = reinterpret_cast<sockaddr *>(&address);
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        // A backlog of 0 holds one connection, never accepted: the filler's.
        if (m_listener < 0 || ::bind(m_listener, any, length) != 0 ||
            ::listen(m_listener, 0) != 0 || ::getsockname(m_listener, any, &length) != 0)
            return;
        m_filler = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (m_filler < 0 || !connectsWithin(m_filler, address, 2000))
            return;
        // A third connect must still be pending after 200 ms: dropped, neither refused nor
        // accepted.
        const int probe = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        const bool dropped =
            probe >= 0 && !connectsWithin(probe, address, 200) && errno == ETIMEDOUT;
        if (probe >= 0)
            ::close(probe);
        if (dropped)
            m_port = ntohs(address.sin_port);
    }
    ~PortDroppingConnections()
    {
        for (const int descriptor : {m_filler, m_listener}) {
            if (descriptor >= 0)
                ::close(descriptor);
        }
    }
    PortDroppingConnections(const PortDroppingConnections &) = delete;
    PortDroppingConnections &operator=(const PortDroppingConnections &) = delete;
    // 0 when the kernel would not drop the SYN here.
    quint16 port() const { return m_port; }

private:
    // Whether a non-blocking connect completes within `ms`; errno ETIMEDOUT when it is still
    // pending then.
    static bool connectsWithin(int descriptor, const sockaddr_in &address, int ms)
    {
        if (::connect(descriptor, reinterpret_cast<const sockaddr *>(&address), sizeof address) ==
            0)
            return true;
        if (errno != EINPROGRESS)
            return false;
        pollfd waiting{descriptor, POLLOUT, 0};
        if (::poll(&waiting, 1, ms) <= 0) {
            errno = ETIMEDOUT;
            return false;
        }
        int error = 0;
        socklen_t length = sizeof error;
        return ::getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
    }

    int m_listener = -1;
    int m_filler = -1;
    quint16 m_port = 0;
};

} // namespace

class TestDatabaseFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void eachStatementFailsInTurn_data();
    void eachStatementFailsInTurn();
    void diskFull();
    void readOnlyDatabase();
    void corruptedDatabase_data();
    void corruptedDatabase();

private:
    // A run that failed on the database: exit status 1 with an error naming it, every stored
    // pair sound. Empty when so.
    QString refusedCleanly(const SyncHarness::Run &run, const SoakWorkload &workload);

    std::unique_ptr<SyncHarness> m_harness;
};

void TestDatabaseFaults::initTestCase()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
}

void TestDatabaseFaults::cleanupTestCase()
{
    m_harness.reset();
}

void TestDatabaseFaults::init()
{
    m_harness->clearEnvironment();
    m_harness->setChildProcessModifier({});
    // The tunnels, also when a test that switched the remote to imaps stopped half-way.
    m_harness->setRemoteSection({});
    m_harness->setTunnelPrelude({});
    m_harness->writeConfig();
}

QString TestDatabaseFaults::refusedCleanly(const SyncHarness::Run &run,
                                           const SoakWorkload &workload)
{
    if (run.exitCode != 1)
        return QStringLiteral("exit code %1:\n%2").arg(run.exitCode).arg(run.output.right(3000));
    const QString errors = errorLines(run);
    if (!errors.contains(QStringLiteral("database")))
        return QStringLiteral("no error naming the database:\n") + run.infoLines().join(u'\n');
    return m_harness->pairsProblems(workload.mailbox().toLatin1());
}

void TestDatabaseFaults::eachStatementFailsInTurn_data()
{
    QTest::addColumn<bool>("incremental");
    QTest::newRow("initial sync") << false;
    QTest::newRow("incremental sync") << true;
}

void TestDatabaseFaults::eachStatementFailsInTurn()
{
    // Statement N of the sync fails, for N = 1, 2, ... until a run ends before its N-th
    // statement. A short workload keeps this within CI's time.
    QFETCH(bool, incremental);
    int statements = 0;
    QStringList failures;
    for (int failAt = 1; failAt < 1000 && statements == 0; ++failAt) {
        // The same mailbox and database every time, from scratch: a run lists every mailbox,
        // so new ones would add statements and move the end.
        SoakWorkload workload(*m_harness, "Statement", seed);
        QString error;
        m_harness->clearEnvironment();
        QVERIFY2(workload.remove(&error), qPrintable(error));
        QVERIFY2(workload.prepare(incremental, &error, 15), qPrintable(error));
        m_harness->setEnvironment(QStringLiteral("TWINBOX_FAULT_SQL_AT"), QString::number(failAt));
        const SyncHarness::Run run = m_harness->sync({workload.mailbox()});
        m_harness->clearEnvironment();
        // The fault names itself where it fires (FaultInjection), so a run that swallowed it
        // does not pass for one that ended before it.
        if (run.exitCode == 0 && !run.output.contains(QStringLiteral("injected fault"))) {
            statements = failAt - 1; // the fault point lay past the end of the run
            break;
        }
        QString problem = refusedCleanly(run, workload);
        if (problem.isEmpty())
            problem = workload.syncAndCheck();
        if (!problem.isEmpty())
            failures.append(QStringLiteral("statement %1: %2").arg(failAt).arg(problem.left(1500)));
    }
    qInfo("database faults: each of the %d statements of an %s failed in turn; failures %lld",
          statements, QTest::currentDataTag(), qlonglong(failures.size()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QVERIFY2(statements >= 10, "too few statements: is the fault injection wired?");
}

void TestDatabaseFaults::diskFull()
{
    // The database may not grow past its size after the first sync: the next sync, which has
    // many new messages to pair, finds the disk full (RLIMIT_FSIZE; SIGXFSZ ignored, so
    // writes fail with EFBIG as on a full disk). Only the soft limit: the tunnels' shells
    // lift it again for their Dovecot, whose disk is not the one that is full.
    SoakWorkload workload(*m_harness, "DiskFull", seed);
    QString error;
    QVERIFY2(workload.prepare(true, &error), qPrintable(error));
    for (int i = 0; i < 10; ++i)
        QVERIFY2(workload.change(&error), qPrintable(error));
    QVERIFY(workload.store(300, 300, &error));
    const qint64 size = QFileInfo(m_harness->databasePath()).size();
    m_harness->setChildProcessModifier([size] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{rlim_t(size), RLIM_INFINITY};
        setrlimit(RLIMIT_FSIZE, &limit);
    });
    m_harness->setTunnelPrelude(QStringLiteral("ulimit -f unlimited; "));
    m_harness->writeConfig(QStringLiteral("append-batch = 20"));
    const SyncHarness::Run full = m_harness->sync({workload.mailbox()});
    m_harness->setChildProcessModifier({});
    m_harness->setTunnelPrelude({});
    m_harness->writeConfig(QStringLiteral("append-batch = 20"));
    const QString problem = refusedCleanly(full, workload);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo("disk full: %s", qPrintable(errorLines(full)));
    const QString after = workload.syncAndCheck();
    QVERIFY2(after.isEmpty(), qPrintable(after));
}

void TestDatabaseFaults::readOnlyDatabase()
{
    // Root writes through permissions; the immutable attribute stops root too.
    SoakWorkload workload(*m_harness, "ReadOnly", seed);
    QString error;
    QVERIFY2(workload.prepare(true, &error), qPrintable(error));
    const QString path = m_harness->databasePath();
    const bool root = geteuid() == 0;
    if (root)
        QCOMPARE(QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}), 0);
    else
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
    const SyncHarness::Run run = m_harness->sync({workload.mailbox()});
    if (root)
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path});
    else
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString problem = refusedCleanly(run, workload);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo("read-only: %s", qPrintable(errorLines(run)));
    const QString after = workload.syncAndCheck();
    QVERIFY2(after.isEmpty(), qPrintable(after));
}

void TestDatabaseFaults::corruptedDatabase_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::newRow("header") << qint64(0);
    QTest::newRow("a page in the middle") << qint64(-1);
}

void TestDatabaseFaults::corruptedDatabase()
{
    // A damaged file is refused by name and left exactly as it is (it may be the user's only
    // copy of the pairing). Once the user removes it, the next run pairs what both sides
    // already hold instead of copying it again: nothing is duplicated.
    QFETCH(qint64, offset);
    SoakWorkload workload(*m_harness, offset == 0 ? "CorruptHeader" : "CorruptPage", seed);
    QString error;
    // Synced, and nothing changed since: what the lost state knew, both sides show.
    QVERIFY2(workload.prepare(false, &error), qPrintable(error));
    QTemporaryDir marks;
    QVERIFY(marks.isValid());
    const QString started = marks.filePath(QStringLiteral("started"));
    m_harness->setTunnelPrelude(QStringLiteral("echo >>'%1'; ").arg(started));
    m_harness->writeConfig();
    QCOMPARE(m_harness->sync({workload.mailbox()}).exitCode, 0);
    QCOMPARE(tunnelsStarted(started), 2); // the count below can tell
    const QString path = m_harness->databasePath();
    // The WAL folded into the file first, so that the damage is in what SQLite reads.
    QVERIFY(m_harness->alterDatabase(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 at = offset >= 0 ? offset : (file.size() / 2) & ~qint64(4095);
    QVERIFY(file.seek(at));
    file.write(QByteArray(4096, '\x5a'));
    file.close();
    QFile copy(path);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    const QByteArray damaged = copy.readAll();
    copy.close();

    const SyncHarness::Run run = m_harness->sync({workload.mailbox()});
    QVERIFY2(run.exitCode == 1, qPrintable(run.output.right(3000)));
    QVERIFY2(errorLines(run).contains(path) || errorLines(run).contains(QStringLiteral("database")),
             qPrintable(run.infoLines().join(u'\n')));
    qInfo("corrupted %s: %s", QTest::currentDataTag(), qPrintable(errorLines(run)));
    // The database's error is the only one told, and no server was reached: the connections
    // SyncJob::run started before it opened the database were given up before they carried
    // anything but the TLS handshake (a tunnel before its command runs, imaps before its
    // login).
    QCOMPARE(errorLines(run).count(QStringLiteral("ERROR")), 1);
    QCOMPARE(tunnelsStarted(started), 2);
    // Over imaps the TLS handshake goes ahead while the database is checked; the login waits
    // for the verdict, and a failed check sends none.
    m_harness->setRemoteOverImaps();
    m_harness->writeConfig();
    const SyncHarness::Run overImaps = m_harness->sync({workload.mailbox()});
    QVERIFY2(overImaps.exitCode == 1, qPrintable(overImaps.output.right(3000)));
    QCOMPARE(errorLines(overImaps).count(QStringLiteral("ERROR")), 1);
    QVERIFY2(!overImaps.output.contains(QStringLiteral("remote: C: ")),
             qPrintable(overImaps.output.right(3000)));
    QCOMPARE(tunnelsStarted(started), 2);
    // A server that takes the connection but never answers the ClientHello, and one that
    // never completes the TCP handshake, with no timeout to give them up: the verdict ends
    // the connection, and the database's error comes at once (without it, the harness kills
    // the run after 60 s).
    QTcpServer silent; // no event loop runs here: the kernel completes the TCP handshake alone
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const PortDroppingConnections unreachable;
    QVERIFY2(unreachable.port() != 0, "no loopback port that drops the SYN");
    for (const quint16 port : {silent.serverPort(), unreachable.port()}) {
        m_harness->setRemoteOverImaps(port, QStringLiteral("timeout = 0\n"));
        m_harness->writeConfig();
        QElapsedTimer timer;
        timer.start();
        const SyncHarness::Run refused = m_harness->sync({workload.mailbox()}, 60000);
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.output.right(3000)));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(errorLines(refused).count(QStringLiteral("ERROR")), 1);
        QVERIFY2(errorLines(refused).contains(QStringLiteral("database")),
                 qPrintable(errorLines(refused)));
        QCOMPARE(tunnelsStarted(started), 2);
    }
    m_harness->setRemoteSection({});
    m_harness->setTunnelPrelude({});
    m_harness->writeConfig();
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QVERIFY2(copy.readAll() == damaged, "the damaged database was changed");
    copy.close();

    QVERIFY(QFile::remove(path));
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    const QString after = workload.syncAndCheck();
    QVERIFY2(after.isEmpty(), qPrintable(after));
}

QTEST_GUILESS_MAIN(TestDatabaseFaults)
#include "tst_database_faults.moc"
