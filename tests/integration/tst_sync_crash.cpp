// kill -9 at every protocol step: twinbox-cli is SIGKILLed right after it logs its N-th
// command or tagged reply (TWINBOX_FAULT_KILL_AT_STEP), for every N of a whole sync, then
// run again normally. Every time, both sides must end with exactly the expected messages
// (none lost, none duplicated), the mapping a bijection and the stored state right.
#include "MailboxSnapshot.h"
#include "SeedMessage.h"
#include "SyncHarness.h"

#include <QTest>

using twinbox::test::MailboxSnapshot;
using twinbox::test::makeSeedMessage;
using twinbox::test::SeedMessage;
using twinbox::test::SyncHarness;

namespace {

QList<SeedMessage> seeds(int first, int count)
{
    QList<SeedMessage> messages;
    for (int i = first; i < first + count; ++i)
        messages.append(makeSeedMessage(i));
    return messages;
}

} // namespace

class TestSyncCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void initialSyncSurvivesAKillAtEveryStep();
    void incrementalSyncSurvivesAKillAtEveryStep();
    void flagRemovalSurvivesAKillBetweenTheTwoSidesWrites();
    void storeAnsweredBeforeTheOtherSideFailedIsRecorded();
    void expungeAnsweredBeforeTheOtherSideFailedIsRecorded();

private:
    // Puts mailbox `name` in its starting state, for a sync with database `database`.
    using Prepare = std::function<bool(const QByteArray &name)>;
    // For every step of the sync that `prepare` sets up: kill there, make the changes of
    // `meanwhile` (may be empty), sync again, check.
    void killAtEveryStep(const QByteArray &prefix, const Prepare &prepare, const Prepare &meanwhile,
                         int expectedMessages);

    // Mailbox `name` with three remote messages, synced once; then the remote's message 1
    // gets $Shared. False when a step failed.
    bool syncedWithANewRemoteFlag(const QByteArray &name);
    // The next run ends well, converges without a conflict, and leaves the local messages
    // 1, 2, ... with exactly these flags.
    void nextRunConvergesTo(const QByteArray &name, const QByteArrayList &flagsByUid);
    // A sync of `name` whose remote connection fails as its first STORE is answered.
    void runFailingAtTheRemoteStoreAnswer(const QByteArray &name);

    std::unique_ptr<SyncHarness> m_harness;
};

void TestSyncCrash::initTestCase()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
}

void TestSyncCrash::cleanupTestCase()
{
    m_harness.reset();
}

void TestSyncCrash::killAtEveryStep(const QByteArray &prefix, const Prepare &prepare,
                                    const Prepare &meanwhile, int expectedMessages)
{
    // The probe: the same sync without a kill tells how many steps there are.
    const QByteArray probe = prefix + "Probe";
    QVERIFY(prepare(probe));
    m_harness->setDatabaseName(QString::fromLatin1(probe) + QStringLiteral(".db"));
    m_harness->writeConfig(QStringLiteral("append-batch = 100"));
    // `prepare` may have synced already; the probe counts the run that is to be killed.
    const SyncHarness::Run whole = m_harness->sync({QString::fromLatin1(probe)});
    QCOMPARE(whole.exitCode, 0);
    const int steps = whole.steps();
    QVERIFY2(steps >= 10, qPrintable(whole.output.left(2000)));
    qInfo("%s: %d protocol steps", prefix.constData(), steps);

    for (int step = 1; step <= steps; ++step) {
        const QByteArray name = prefix + QByteArray::number(step);
        m_harness->clearEnvironment();
        QVERIFY2(prepare(name), name.constData());
        m_harness->setDatabaseName(QString::fromLatin1(name) + QStringLiteral(".db"));
        m_harness->writeConfig(QStringLiteral("append-batch = 100"));
        m_harness->setEnvironment(QStringLiteral("TWINBOX_FAULT_KILL_AT_STEP"),
                                  QString::number(step));
        const SyncHarness::Run killed = m_harness->sync({QString::fromLatin1(name)});
        m_harness->clearEnvironment();
        // Pipelining may make a run a step or two shorter than the probe; then it just ends.
        QVERIFY2(killed.exitCode == -1 || step > steps - 3,
                 qPrintable(QStringLiteral("step %1 was not killed").arg(step)));
        if (meanwhile)
            QVERIFY2(meanwhile(name), name.constData());
        const SyncHarness::Run after = m_harness->sync({QString::fromLatin1(name)});
        QVERIFY2(
            after.exitCode == 0,
            qPrintable(QStringLiteral("step %1: %2").arg(step).arg(after.infoLines().join(u'\n'))));
        const QString problem = m_harness->convergence(name);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("killed at step %1: %2\n%3")
                                                   .arg(step)
                                                   .arg(problem, after.infoLines().join(u'\n'))));
        const auto local = MailboxSnapshot::read(m_harness->local(), name);
        QVERIFY(local);
        const QList<QByteArray> prints = local->sortedPrints();
        QVERIFY2(prints.size() == expectedMessages,
                 qPrintable(QStringLiteral("killed at step %1: %2 messages instead of %3")
                                .arg(step)
                                .arg(prints.size())
                                .arg(expectedMessages)));
        QVERIFY2(std::adjacent_find(prints.begin(), prints.end()) == prints.end(),
                 qPrintable(QStringLiteral("killed at step %1: a duplicate").arg(step)));
    }
}

void TestSyncCrash::initialSyncSurvivesAKillAtEveryStep()
{
    // 300 local messages in three APPEND batches of 100, and 30 remote ones the other way.
    killAtEveryStep(
        "Initial",
        [this](const QByteArray &name) {
            QString error;
            return m_harness->local().append(QString::fromLatin1(name), seeds(0, 300), &error) &&
                   m_harness->remote().append(QString::fromLatin1(name), seeds(1000, 30), &error);
        },
        // Before the next run, the user deletes a message of the first batch and flags
        // another: copied or not, they must end the same on both sides.
        [this](const QByteArray &name) {
            return m_harness->change(m_harness->local(), name,
                                     {"UID STORE 1 +FLAGS (\\Deleted)", "UID EXPUNGE 1",
                                      "UID STORE 2 +FLAGS (\\Flagged $Later)"});
        },
        329);
}

void TestSyncCrash::incrementalSyncSurvivesAKillAtEveryStep()
{
    // Synced once; then new mail on both sides, expunges on both sides and flag changes
    // each way (one of them a conflict), and the sync of all that is killed.
    killAtEveryStep(
        "Incremental",
        [this](const QByteArray &name) {
            QString error;
            const QString mailbox = QString::fromLatin1(name);
            if (!m_harness->local().append(mailbox, seeds(0, 100), &error) ||
                !m_harness->remote().append(mailbox, seeds(1000, 20), &error))
                return false;
            m_harness->setDatabaseName(mailbox + QStringLiteral(".db"));
            m_harness->writeConfig(QStringLiteral("append-batch = 100"));
            if (m_harness->sync({mailbox}).exitCode != 0)
                return false;
            return m_harness->local().append(mailbox, seeds(2000, 30), &error) &&
                   m_harness->remote().append(mailbox, seeds(3000, 15), &error) &&
                   m_harness->change(m_harness->local(), name,
                                     {"UID STORE 1:5 +FLAGS (\\Deleted)", "UID EXPUNGE 1:5",
                                      "UID STORE 10:14 +FLAGS (\\Seen)",
                                      "UID STORE 20 +FLAGS ($Local)"}) &&
                   m_harness->change(m_harness->remote(), name,
                                     {"UID STORE 50:54 +FLAGS (\\Deleted)", "UID EXPUNGE 50:54",
                                      "UID STORE 30:33 +FLAGS (\\Answered)",
                                      "UID STORE 20 +FLAGS ($Remote)"});
        },
        {}, 120 + 45 - 10);
}

bool TestSyncCrash::syncedWithANewRemoteFlag(const QByteArray &name)
{
    const QString mailbox = QString::fromLatin1(name);
    QString error;
    m_harness->clearEnvironment();
    m_harness->setDatabaseName(mailbox + QStringLiteral(".db"));
    m_harness->writeConfig();
    return m_harness->remote().append(mailbox, seeds(0, 3), &error) &&
           m_harness->sync({mailbox}).exitCode == 0 &&
           m_harness->change(m_harness->remote(), name, {"UID STORE 1 +FLAGS ($Shared)"});
}

void TestSyncCrash::nextRunConvergesTo(const QByteArray &name, const QByteArrayList &flagsByUid)
{
    const SyncHarness::Run after = m_harness->sync({QString::fromLatin1(name)});
    QVERIFY2(after.exitCode == 0, qPrintable(after.output));
    const QString problem = m_harness->convergence(name);
    QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + after.infoLines().join(u'\n')));
    QVERIFY2(!after.output.contains(QStringLiteral("Conflicting")), qPrintable(after.output));
    const auto local = MailboxSnapshot::read(m_harness->local(), name);
    QVERIFY(local);
    for (qsizetype uid = 1; uid <= flagsByUid.size(); ++uid) {
        const QByteArray print = local->prints.value(std::uint32_t(uid));
        QVERIFY2(print.startsWith(QByteArray(flagsByUid[uid - 1] + '|')), print.constData());
    }
}

void TestSyncCrash::runFailingAtTheRemoteStoreAnswer(const QByteArray &name)
{
    // A tunnel filter swallows the answer to the remote's first STORE and all after it; the
    // tunnel's shell keeps the pipe open after sed ends, so the client hears silence and a
    // short timeout ends the run.
    m_harness->setRemoteTunnelFilter(QStringLiteral("sed -u '/^T[0-9]* OK .*[Ss]tore/Q'"));
    m_harness->writeConfig({}, {}, QStringLiteral("timeout = 3"));
    const SyncHarness::Run cut = m_harness->sync({QString::fromLatin1(name)});
    m_harness->setRemoteTunnelFilter({});
    m_harness->writeConfig();
    const QString error = QStringLiteral("remote(%1): ERROR").arg(QString::fromLatin1(name));
    QVERIFY2(cut.exitCode == 1 && cut.output.contains(error), qPrintable(cut.output));
    qInfo("the cut run ended in: %s",
          qPrintable(cut.output.split(u'\n').filter(QStringLiteral("ERROR")).join(u' ')));
}

void TestSyncCrash::flagRemovalSurvivesAKillBetweenTheTwoSidesWrites()
{
    // The network fault soak's trial 107, pinned: the remote's new $Shared is written to the
    // local side, and the run dies right after that STORE is answered, before anything is
    // committed. The user then removes $Shared on the remote. The next run must see the local
    // $Shared as its own write, not as a change: the removal wins on both sides.
    const QByteArray name = "FlagKill";
    QVERIFY(syncedWithANewRemoteFlag(name));
    m_harness->setEnvironment(QStringLiteral("TWINBOX_FAULT_KILL_AT_LINE"),
                              QStringLiteral("^local.*S: T\\d+ OK .*[Ss]tore"));
    const SyncHarness::Run killed = m_harness->sync({QString::fromLatin1(name)});
    m_harness->clearEnvironment();
    QVERIFY2(killed.exitCode == -1, qPrintable(killed.output));
    const auto written = MailboxSnapshot::read(m_harness->local(), name);
    QVERIFY(written);
    QVERIFY2(written->prints.value(1).startsWith("$Shared|"), written->prints.value(1).constData());

    QVERIFY(m_harness->change(m_harness->remote(), name, {"UID STORE 1 -FLAGS ($Shared)"}));
    nextRunConvergesTo(name, {""});
}

void TestSyncCrash::storeAnsweredBeforeTheOtherSideFailedIsRecorded()
{
    // The remote's new $Shared goes to the local side and the local $Mine to the remote; the
    // remote connection fails as its STORE is answered (a tunnel filter swallows the answer
    // and what follows), after the local STORE was answered. The run fails, but it records
    // that the local side holds the target. So when the user then takes $Shared off the
    // local message, that is the user's change, and it wins: without the record, the local
    // side's flags would equal what it held before the sync and the write would be redone.
    const QByteArray name = "StoreThenCut";
    QVERIFY(syncedWithANewRemoteFlag(name));
    QVERIFY(m_harness->change(m_harness->local(), name, {"UID STORE 2 +FLAGS ($Mine)"}));
    runFailingAtTheRemoteStoreAnswer(name);
    QVERIFY(!QTest::currentTestFailed());
    const auto written = MailboxSnapshot::read(m_harness->local(), name);
    QVERIFY(written);
    QVERIFY2(written->prints.value(1).startsWith("$Shared|"), written->prints.value(1).constData());

    QVERIFY(m_harness->change(m_harness->local(), name, {"UID STORE 1 -FLAGS ($Shared)"}));
    nextRunConvergesTo(name, {"", "$Mine"});
}

void TestSyncCrash::expungeAnsweredBeforeTheOtherSideFailedIsRecorded()
{
    // The remote's message 1 is expunged while its flags change on the local side (a
    // conflict: the expunge wins, and the issue log says so), and the local $Mine on message
    // 2 goes to the remote. The remote fails as its STORE is answered, after the local
    // expunge was. The run records the expunge with its issue: the next run sees message 1
    // gone on both sides and would not know there had been a conflict.
    const QByteArray name = "ExpungeThenCut";
    QVERIFY(syncedWithANewRemoteFlag(name));
    QVERIFY(m_harness->change(m_harness->remote(), name,
                              {"UID STORE 1 +FLAGS (\\Deleted)", "UID EXPUNGE 1"}));
    QVERIFY(m_harness->change(m_harness->local(), name,
                              {"UID STORE 1 +FLAGS ($Flag)", "UID STORE 2 +FLAGS ($Mine)"}));
    runFailingAtTheRemoteStoreAnswer(name);
    QVERIFY(!QTest::currentTestFailed());
    const QString conflicts = QStringLiteral("kind = 'expunged-with-flag-change'");
    QCOMPARE(m_harness->rowCount(QStringLiteral("issue_log"), conflicts), 1);

    nextRunConvergesTo(name, {});
    QCOMPARE(m_harness->rowCount(QStringLiteral("issue_log"), conflicts), 1);
}

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_sync_crash.moc"
