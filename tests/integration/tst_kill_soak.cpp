// The kill -9 soak: twinbox-cli is SIGKILLed at a random moment of an initial sync, an
// incremental sync or a --watch run, while a seeded workload keeps changing both servers;
// then a normal run. After every trial both servers must hold exactly what the changes made:
// no message lost, none duplicated, none resurrected, no flag change lost (SoakWorkload).
// TWINBOX_SOAK_TRIALS and TWINBOX_SOAK_SEED: SoakTrials.
#include "SoakTrials.h"
#include "SyncHarness.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using twinbox::test::SoakTrials;
using twinbox::test::SoakWorkload;
using twinbox::test::SyncHarness;

class TestKillSoak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killAtRandomMoments();

private:
    enum class Mode { Initial, Incremental, Watch };
    // Trial `number`, of the mode its number gives; empty when the invariant held.
    QString runTrial(int number, SoakWorkload &workload);
    // Starts twinbox-cli, changes both servers at random meanwhile, kills it after
    // `killAfterMs`; false when it ended by itself before that.
    bool runAndKill(SoakWorkload &workload, const QStringList &arguments, int killAfterMs,
                    QString *error);

    std::unique_ptr<SyncHarness> m_harness;
    // How long an initial and an incremental sync take here: the longest run of each that
    // ended before its kill (the first of each is never killed). Kill moments are drawn from
    // that span; in watch mode, from that of an incremental sync and three seconds more.
    qint64 m_spanMs[2] = {0, 0};
    int m_endedBeforeTheKill = 0;
};

void TestKillSoak::initTestCase()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
}

void TestKillSoak::cleanupTestCase()
{
    m_harness.reset();
}

bool TestKillSoak::runAndKill(SoakWorkload &workload, const QStringList &arguments, int killAfterMs,
                              QString *error)
{
    auto process = m_harness->startSync(arguments);
    const bool endedByItself = workload.changeWhileRunning(*process, killAfterMs, error);
    if (!endedByItself) {
        process->kill(); // SIGKILL
        process->waitForFinished();
    }
    return !endedByItself;
}

QString TestKillSoak::runTrial(int number, SoakWorkload &workload)
{
    const Mode modes[] = {Mode::Initial, Mode::Incremental, Mode::Watch};
    const Mode mode = modes[number % 3];
    QString error;
    if (!workload.prepare(mode != Mode::Initial, &error))
        return error;
    QStringList arguments{workload.mailbox()};
    if (mode == Mode::Watch)
        arguments.prepend(number % 2 == 0 ? QStringLiteral("--watch=1")
                                          : QStringLiteral("--notify"));

    qint64 &span = m_spanMs[mode == Mode::Initial ? 0 : 1];
    const int killAfter =
        span == 0 && mode != Mode::Watch
            ? 120000 // the first of its mode: measured, not killed
            : int(workload.random().bounded(quint32(span + (mode == Mode::Watch ? 3000 : 0) + 1)));
    QElapsedTimer timer;
    timer.start();
    if (!runAndKill(workload, arguments, killAfter, &error)) {
        ++m_endedBeforeTheKill;
        span = std::max(span, timer.elapsed());
    }
    workload.closeSessions();
    return error.isEmpty() ? workload.syncAndCheck() : error;
}

void TestKillSoak::killAtRandomMoments()
{
    SoakTrials trials(24);
    trials.run(*m_harness, QStringLiteral("Soak"),
               [this](int number, SoakWorkload &workload) { return runTrial(number, workload); });
    // The summary line tests/README.md quotes.
    qInfo("kill soak: %d trials (seed %u), %d killed mid-run, %d ended before the kill; %s",
          trials.count(), trials.firstSeed(), trials.count() - m_endedBeforeTheKill,
          m_endedBeforeTheKill, qPrintable(trials.summary()));
    QVERIFY2(trials.failures().isEmpty(), qPrintable(trials.failures().join(u'\n')));
    // Most trials must really have been killed mid-run, or the soak proves little.
    QVERIFY2(m_endedBeforeTheKill * 3 < trials.count() * 2, "too few trials were killed mid-run");
}

QTEST_GUILESS_MAIN(TestKillSoak)
#include "tst_kill_soak.moc"
