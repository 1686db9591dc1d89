// twinbox-cli on two real Dovecot servers ("/" local, "." remote): each scenario checks
// convergence (same bodies, flags and INTERNALDATE; the mapping a bijection; the stored
// state equal to STATUS) and that a second run changes nothing and selects nothing.
#include "MailboxSnapshot.h"
#include "SeedMessage.h"
#include "SyncHarness.h"

#include <QTest>

using twinbox::test::makeSeedMessage;
using twinbox::test::SeedMessage;
using twinbox::test::SyncHarness;

namespace {

QList<SeedMessage> seeds(int first, int count, const QStringList &flags = {})
{
    QList<SeedMessage> messages;
    for (int i = first; i < first + count; ++i) {
        messages.append(makeSeedMessage(i));
        messages.last().flags = flags;
    }
    return messages;
}

} // namespace

class TestSyncCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstSyncBothWays();
    void newMailOnEachSide();
    void flagChangesEachWay();
    void expungesEachWayAndOnBoth();
    void conflictingFlagsGetTheMergeAndAWarning();
    void fiveThousandExpungesInSplitCommands();
    void thirtyMegabyteMessage();
    void secondProcessIsRefused();

private:
    // Expects `run` to have succeeded and `mailboxes` to have converged, then a second run
    // that changes nothing and sends no SELECT.
    void expectConverged(const SyncHarness::Run &run, const QList<QByteArray> &mailboxes);
    void syncAndExpectConverged(const QList<QByteArray> &mailboxes)
    {
        expectConverged(m_harness->sync(), mailboxes);
    }

    std::unique_ptr<SyncHarness> m_harness;
};

void TestSyncCli::init()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
}

void TestSyncCli::cleanup()
{
    m_harness.reset();
}

void TestSyncCli::expectConverged(const SyncHarness::Run &run, const QList<QByteArray> &mailboxes)
{
    QVERIFY2(run.exitCode == 0, qPrintable(run.infoLines().join(u'\n')));
    for (const QByteArray &mailbox : mailboxes) {
        const QString problem = m_harness->convergence(mailbox);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + run.infoLines().join(u'\n')));
    }
    const SyncHarness::Run again = m_harness->sync();
    QVERIFY2(again.exitCode == 0, qPrintable(again.infoLines().join(u'\n')));
    QVERIFY2(again.count(QStringLiteral("SELECT")) == 0, qPrintable(again.commands().join(u'\n')));
    QVERIFY2(again.count(QStringLiteral("APPEND")) == 0 &&
                 again.count(QStringLiteral("UID STORE")) == 0,
             qPrintable(again.commands().join(u'\n')));
    for (const QByteArray &mailbox : mailboxes) {
        const QString problem = m_harness->convergence(mailbox);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestSyncCli::firstSyncBothWays()
{
    QString error;
    QList<SeedMessage> local = seeds(0, 5);
    local[1].flags = {QStringLiteral("\\Seen"), QStringLiteral("$Label1")};
    QList<SeedMessage> remote = seeds(100, 3, {QStringLiteral("\\Flagged")});
    QVERIFY2(m_harness->local().append(QStringLiteral("INBOX"), local, &error), qPrintable(error));
    QVERIFY2(m_harness->remote().append(QStringLiteral("INBOX"), remote, &error),
             qPrintable(error));
    QVERIFY2(m_harness->local().append(QStringLiteral("Archive/2026"), seeds(200, 2), &error),
             qPrintable(error));
    QVERIFY2(m_harness->remote().append(QStringLiteral("Lists"), seeds(300, 4), &error),
             qPrintable(error));
    syncAndExpectConverged({"INBOX", "Archive/2026", "Lists"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 8 + 2 + 4);
}

void TestSyncCli::newMailOnEachSide()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 3), &error));
    syncAndExpectConverged({"INBOX"});
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(10, 2), &error));
    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), seeds(20, 4), &error));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.infoLines().contains(QStringLiteral("local(INBOX): Added 4 UID(s) 6:9")),
             qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(INBOX): Added 2 UID(s) 8:9")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"INBOX"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 9);
}

void TestSyncCli::flagChangesEachWay()
{
    QString error;
    QList<SeedMessage> messages = seeds(0, 6);
    messages[4].flags = {QStringLiteral("\\Seen"), QStringLiteral("$Old")};
    messages[5].flags = {QStringLiteral("\\Answered")};
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), messages, &error));
    syncAndExpectConverged({"INBOX"});
    // Local: a flag and a keyword added; remote: a flag and a keyword removed, all flags of
    // another message removed.
    QVERIFY(
        m_harness->change(m_harness->local(), "INBOX",
                          {"UID STORE 1 +FLAGS (\\Seen)", "UID STORE 2 +FLAGS ($Work \\Flagged)"}));
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX",
                              {"UID STORE 5 -FLAGS ($Old)", "UID STORE 6 FLAGS ()"}));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(INBOX): Updated flags (\\Seen) for "
                                                     "UID 1")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"INBOX"});
    const auto snapshot = twinbox::test::MailboxSnapshot::read(m_harness->remote(), "INBOX");
    QVERIFY(snapshot);
    QVERIFY(snapshot->prints.value(2).startsWith("$Work \\Flagged|"));
    QVERIFY(snapshot->prints.value(5).startsWith("\\Seen|"));
    QVERIFY(snapshot->prints.value(6).startsWith("|"));
}

void TestSyncCli::expungesEachWayAndOnBoth()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 8), &error));
    syncAndExpectConverged({"INBOX"});
    QVERIFY(m_harness->change(m_harness->local(), "INBOX",
                              {"UID STORE 2,7 +FLAGS (\\Deleted)", "UID EXPUNGE 2,7"}));
    // Another client's \Deleted mark that nobody expunged stays what it is: a flag.
    QVERIFY(m_harness->change(
        m_harness->remote(), "INBOX",
        {"UID STORE 3,7 +FLAGS (\\Deleted)", "UID EXPUNGE 3,7", "UID STORE 5 +FLAGS (\\Deleted)"}));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(INBOX): Removed 1 UID(s) 2")),
             qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral("local(INBOX): Removed 1 UID(s) 3")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"INBOX"});
    const auto snapshot = twinbox::test::MailboxSnapshot::read(m_harness->local(), "INBOX");
    QCOMPARE(snapshot->prints.size(), 5);
    QVERIFY(snapshot->prints.value(5).contains("\\Deleted"));
}

void TestSyncCli::conflictingFlagsGetTheMergeAndAWarning()
{
    QString error;
    QList<SeedMessage> messages = seeds(0, 2, {QStringLiteral("\\Seen")});
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), messages, &error));
    syncAndExpectConverged({"INBOX"});
    // Local flags it; remote marks it unread and adds a keyword: a real conflict. The
    // three-way merge keeps both sides' intent: \Flagged and $Later added, \Seen removed.
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"UID STORE 1 +FLAGS (\\Flagged)"}));
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"UID STORE 1 FLAGS ($Later)"}));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    const QStringList warnings = run.infoLines().filter(QStringLiteral("WARNING: Conflicting"));
    QVERIFY2(warnings.size() == 1, qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(warnings[0].contains(QStringLiteral("local UID 1")) &&
                 warnings[0].contains(QStringLiteral("remote UID 1")) &&
                 warnings[0].contains(QStringLiteral("($Later \\Flagged)")),
             qPrintable(warnings[0]));
    QCOMPARE(
        m_harness->rowCount(QStringLiteral("issue_log"), QStringLiteral("kind = 'flag-conflict'")),
        1);
    expectConverged(run, {"INBOX"});
    const auto snapshot = twinbox::test::MailboxSnapshot::read(m_harness->local(), "INBOX");
    QVERIFY(snapshot->prints.value(1).startsWith("$Later \\Flagged|"));
}

void TestSyncCli::fiveThousandExpungesInSplitCommands()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 10000), &error));
    syncAndExpectConverged({"INBOX"});
    QByteArray odd;
    for (int uid = 1; uid <= 10000; uid += 2)
        odd += (odd.isEmpty() ? "" : ",") + QByteArray::number(uid);
    QVERIFY(m_harness->change(
        m_harness->local(), "INBOX",
        {"UID STORE " + odd + " +FLAGS.SILENT (\\Deleted)", "UID EXPUNGE 1:10000"}));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.infoLines().filter(QStringLiteral("remote(INBOX): Removed 5000 UID(s)")).size() ==
                 1,
             qPrintable(run.infoLines().join(u'\n')));
    // 5000 scattered UIDs print as ~29 KB: more than one command, each line under 8 KB.
    QVERIFY(run.count(QStringLiteral("UID EXPUNGE")) > 1);
    for (const QString &line : run.commands())
        QVERIFY2(line.size() < 8200, qPrintable(line.left(100)));
    expectConverged(run, {"INBOX"});
}

void TestSyncCli::thirtyMegabyteMessage()
{
    QByteArray big;
    big.reserve(31 << 20);
    for (int line = 0; big.size() < (30 << 20); ++line)
        big += "Line " + QByteArray::number(line) + " of a thirty megabyte message, padded.\r\n";
    QString error;
    QList<SeedMessage> messages{makeSeedMessage(1, big), makeSeedMessage(2)};
    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), messages, &error));
    syncAndExpectConverged({"INBOX"});
}

void TestSyncCli::secondProcessIsRefused()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 2), &error));
    // The lock is taken before anything else: a running sync holds it.
    auto first = m_harness->startSync();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_harness->databasePath() + QStringLiteral(".lock")),
                             10000);
    const SyncHarness::Run second = m_harness->sync();
    first->waitForFinished(60000);
    if (second.exitCode == 0) // the first one was already done: nothing to prove, try again
        QSKIP("the first sync finished before the second started");
    QVERIFY2(second.output.contains(QStringLiteral("already syncing (pid ")),
             qPrintable(second.output));
    QCOMPARE(second.count(QStringLiteral("LOGIN")) + second.commands().size(), 0);
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_sync_cli.moc"
