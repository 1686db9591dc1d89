// The SMALL workload of the anchor figures (10 mailboxes x 200 messages, about 87 MB, nested
// and non-ASCII mailbox names) synced end to end by twinbox-cli between two Dovecot servers:
// initial sync into the empty server, a no-op, and an incremental sync with flag changes on
// both sides, expunges, new mail and conflicts. Correctness only: the figures are the
// benchmark's (tests/bench).
#include "Corpus.h"
#include "SyncHarness.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using twinbox::test::Corpus;
using twinbox::test::CorpusMailbox;
using twinbox::test::SyncHarness;

class TestSmallWorkload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void initialSync();
    void noOpSync();
    void incrementalSync();

private:
    void expectAllConverged(const SyncHarness::Run &run);
    SyncHarness::Run timedSync(const char *what);

    std::unique_ptr<SyncHarness> m_harness;
    QList<CorpusMailbox> m_corpus;
};

void TestSmallWorkload::initTestCase()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
    m_corpus = Corpus::generate(10, 200);
    qInfo("corpus: %lld bytes", Corpus::totalBytes(m_corpus));
    QVERIFY(Corpus::totalBytes(m_corpus) > 60 * 1000 * 1000);
    for (const CorpusMailbox &mailbox : std::as_const(m_corpus))
        QVERIFY2(m_harness->local().append(mailbox.name, mailbox.messages, &error),
                 qPrintable(error));
}

void TestSmallWorkload::cleanupTestCase()
{
    m_harness.reset();
}

SyncHarness::Run TestSmallWorkload::timedSync(const char *what)
{
    QElapsedTimer timer;
    timer.start();
    SyncHarness::Run run = m_harness->sync();
    qInfo("%s: %lld ms, %d commands", what, timer.elapsed(), int(run.commands().size()));
    return run;
}

void TestSmallWorkload::expectAllConverged(const SyncHarness::Run &run)
{
    QVERIFY2(run.exitCode == 0, qPrintable(run.infoLines().join(u'\n')));
    for (const CorpusMailbox &mailbox : std::as_const(m_corpus)) {
        const QString problem = m_harness->convergence(mailbox.name.toLatin1());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestSmallWorkload::initialSync()
{
    expectAllConverged(timedSync("initial"));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 2000);
}

void TestSmallWorkload::noOpSync()
{
    const SyncHarness::Run run = timedSync("no-op");
    QCOMPARE(run.exitCode, 0);
    // One LIST per server, nothing else but the session's own commands.
    QCOMPARE(run.count(QStringLiteral("LIST")), 2);
    QCOMPARE(run.count(QStringLiteral("SELECT")), 0);
    QCOMPARE(run.count(QStringLiteral("UID FETCH")), 0);
}

void TestSmallWorkload::incrementalSync()
{
    // 1 % flag changes on each side, 0.5 % expunged on one side, 50 new messages on the
    // other, 5 conflicting flag changes: spread over the mailboxes.
    QRandomGenerator random(7);
    QString error;
    for (int m = 0; m < m_corpus.size(); ++m) {
        const QByteArray local = m_corpus[m].name.toLatin1();
        const QByteArray remote = SyncHarness::remoteName(local);
        const auto uid = [&random] { return QByteArray::number(random.bounded(1, 201)); };
        QVERIFY(m_harness->change(m_harness->local(), '"' + local + '"',
                                  {"UID STORE " + uid() + " +FLAGS (\\Flagged)",
                                   "UID STORE " + uid() + " -FLAGS (\\Seen)",
                                   "UID STORE " + QByteArray::number(201 + m) + ":* +FLAGS ($X)",
                                   "UID STORE 3 FLAGS ($Mine)", "UID STORE 150 +FLAGS (\\Deleted)",
                                   "UID EXPUNGE 150"}));
        QVERIFY(m_harness->change(
            m_harness->remote(), '"' + remote + '"',
            {"UID STORE " + uid() + " +FLAGS (\\Answered)",
             "UID STORE " + uid() + " +FLAGS ($Label2)",
             m < 5 ? QByteArray("UID STORE 3 FLAGS ($Theirs)") : QByteArray("NOOP")}));
        QList<twinbox::test::SeedMessage> fresh;
        for (int i = 0; i < 5; ++i)
            fresh.append(twinbox::test::makeSeedMessage(10000 + m * 10 + i));
        QVERIFY(m_harness->remote().append(QString::fromLatin1(remote), fresh, &error));
    }
    const SyncHarness::Run run = timedSync("incremental");
    QCOMPARE(run.infoLines().filter(QStringLiteral("WARNING: Conflicting flag update")).size(), 5);
    expectAllConverged(run);
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 2000 - 10 + 50);
    const SyncHarness::Run again = timedSync("no-op after incremental");
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.count(QStringLiteral("SELECT")), 0);
}

QTEST_GUILESS_MAIN(TestSmallWorkload)
#include "tst_small_workload.moc"
