// The network fault soak: twinbox-cli reaches the remote server (IMAPS) through a proxy on
// loopback that, once per trial, cuts the connection at a random byte offset (in the TLS
// handshake, mid-command, mid-literal, mid-APPEND), stalls it for good, or holds it for a
// while, as a seeded workload keeps changing both servers. Each fault must end in a clear
// error that names the server, or in success, well within the configured timeout; then a
// normal run, and both servers must hold exactly what the changes made (SoakWorkload).
// TWINBOX_SOAK_TRIALS and TWINBOX_SOAK_SEED: SoakTrials.
#include "LoopbackProxy.h"
#include "SoakTrials.h"
#include "SyncHarness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

using twinbox::test::LoopbackProxy;
using twinbox::test::SoakTrials;
using twinbox::test::SoakWorkload;
using twinbox::test::SyncHarness;
using Fault = LoopbackProxy::Fault;

namespace {

constexpr int timeoutSeconds = 3; // the remote side's `timeout`

const char *kindName(Fault::Kind kind)
{
    switch (kind) {
    case Fault::Kind::Cut:
        return "cut";
    case Fault::Kind::Stall:
        return "stall";
    case Fault::Kind::Hold:
        return "hold";
    case Fault::Kind::None:
        break;
    }
    return "none";
}

QString describe(const Fault &fault)
{
    return QStringLiteral("%1 %2 at byte %3")
        .arg(QString::fromLatin1(kindName(fault.kind)), fault.direction == Fault::Direction::Up
                                                            ? QStringLiteral("up")
                                                            : QStringLiteral("down"))
        .arg(fault.offset);
}

} // namespace

class TestNetworkFaultSoak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void faultsAtRandomOffsets();

private:
    // One trial; empty when everything held, otherwise what went wrong.
    QString runTrial(int number, SoakWorkload &workload);
    // A fault for a run that is initial (0) or incremental (1): none while that kind of
    // run was not measured yet.
    Fault randomFault(int run, QRandomGenerator &random) const;

    std::unique_ptr<SyncHarness> m_harness;
    std::unique_ptr<LoopbackProxy> m_proxy;
    // The remote connection's bytes each way (by Direction) in a whole initial (0) and
    // incremental (1) sync, the most of the runs whose fault did not strike: offsets are
    // drawn from them.
    qint64 m_bytes[2][2] = {{0, 0}, {0, 0}};
    QMap<QString, int> m_outcomes;   // "cut: error" -> trials
    QMap<QString, QString> m_errors; // "cut" -> the first error line it caused
};

void TestNetworkFaultSoak::initTestCase()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
    const auto &remote = m_harness->remote();
    m_proxy = std::make_unique<LoopbackProxy>(remote.imapsPort(), std::chrono::milliseconds(0));
    m_harness->setRemoteOverImaps(m_proxy->port(),
                                  QStringLiteral("timeout = %1\n").arg(timeoutSeconds));
}

void TestNetworkFaultSoak::cleanupTestCase()
{
    m_proxy.reset();
    m_harness.reset();
}

Fault TestNetworkFaultSoak::randomFault(int run, QRandomGenerator &random) const
{
    Fault fault;
    if (m_bytes[run][0] == 0)
        return fault;
    const quint32 kind = random.bounded(100);
    fault.kind = kind < 55 ? Fault::Kind::Cut : kind < 75 ? Fault::Kind::Stall : Fault::Kind::Hold;
    fault.direction = random.bounded(2) == 0 ? Fault::Direction::Up : Fault::Direction::Down;
    // A quarter of the faults strike in the first 4 KB: the TLS handshake and the login.
    const qint64 span = random.bounded(4) == 0 ? 4096 : m_bytes[run][int(fault.direction)];
    fault.offset = qint64(random.bounded(quint32(std::max<qint64>(span, 1))));
    fault.hold = std::chrono::milliseconds(200 + random.bounded(1500));
    return fault;
}

QString TestNetworkFaultSoak::runTrial(int number, SoakWorkload &workload)
{
    const int run = number % 2; // every other trial: a fault in an incremental sync
    QString error;
    if (!workload.prepare(run == 1, &error))
        return error;

    const Fault fault = randomFault(run, workload.random());
    m_proxy->take();
    m_proxy->arm(fault);
    QElapsedTimer timer;
    timer.start();
    auto process = m_harness->startSync({workload.mailbox()});
    // A fault may cost a timeout, never more: the run must end within it and a margin.
    const qint64 limitMs = (timeoutSeconds + 7) * 1000;
    const bool ended = workload.changeWhileRunning(*process, limitMs, &error);
    workload.closeSessions();
    if (!ended) {
        process->kill();
        process->waitForFinished();
        return error.isEmpty() ? QStringLiteral("%1: still running after %2 ms")
                                     .arg(describe(fault))
                                     .arg(timer.elapsed())
                               : error;
    }
    const LoopbackProxy::Counts counts = m_proxy->take();
    if (counts.faultsStruck == 0) {
        m_bytes[run][0] = std::max(m_bytes[run][0], counts.bytesUp);
        m_bytes[run][1] = std::max(m_bytes[run][1], counts.bytesDown);
    }
    const QString log = QString::fromUtf8(process->readAllStandardError());
    if (process->exitStatus() != QProcess::NormalExit)
        return describe(fault) + QStringLiteral(": twinbox-cli crashed:\n") + log.right(3000);
    const bool failed = process->exitCode() != 0;
    // Outcomes by kind: "cut: error", "stall: success", "hold: not reached" (its offset lay
    // past the bytes of this run).
    ++m_outcomes[QStringLiteral("%1: %2").arg(QString::fromLatin1(kindName(fault.kind)),
                                              counts.faultsStruck == 0
                                                  ? QStringLiteral("not reached")
                                              : failed ? QStringLiteral("error")
                                                       : QStringLiteral("success"))];
    if (fault.kind == Fault::Kind::Hold && failed)
        return describe(fault) +
               QStringLiteral(": shorter than the timeout, yet the run failed:\n") +
               log.right(2000);
    if (failed) {
        // The error names the server: "remote(mailbox): ERROR: cause" or "remote: ERROR: ...".
        QStringList errors;
        for (const QString &line : log.split(u'\n')) {
            if (line.startsWith(QStringLiteral("remote")) &&
                line.contains(QStringLiteral("ERROR: ")))
                errors.append(line);
        }
        if (errors.isEmpty())
            return QStringLiteral("%1: an error that does not name the server:\n%2")
                .arg(describe(fault), log.right(2000));
        if (!m_errors.contains(QString::fromLatin1(kindName(fault.kind))))
            m_errors.insert(QString::fromLatin1(kindName(fault.kind)), errors.constFirst());
    }

    const QString found = workload.syncAndCheck();
    if (found.isEmpty())
        return found;
    // The faulted run's protocol log, for the failure's post-mortem.
    const QString logPath = QDir::temp().filePath(workload.mailbox() + QStringLiteral(".log"));
    QFile file(logPath);
    if (file.open(QIODevice::WriteOnly))
        file.write(log.toUtf8());
    return describe(fault) + QStringLiteral(": ") + found + QStringLiteral("\n(log: ") + logPath +
           u')';
}

void TestNetworkFaultSoak::faultsAtRandomOffsets()
{
    SoakTrials trials(16);
    // Trials 0 and 1 run without a fault: they measure the bytes the offsets are drawn from.
    trials.run(*m_harness, QStringLiteral("Fault"),
               [this](int number, SoakWorkload &workload) { return runTrial(number, workload); });
    QStringList outcomes;
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
        outcomes.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    // The summary line tests/README.md quotes.
    qInfo("network fault soak: %d trials (seed %u; %s); %s", trials.count(), trials.firstSeed(),
          qPrintable(outcomes.join(QStringLiteral(", "))), qPrintable(trials.summary()));
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        qInfo("a %s ended in: %s", qPrintable(it.key()), qPrintable(it.value()));
    QVERIFY2(trials.failures().isEmpty(), qPrintable(trials.failures().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestNetworkFaultSoak)
#include "tst_network_fault_soak.moc"
