// twinbox-cli's sync on two real Dovecot servers ("/" local, "." remote): each scenario
// checks convergence (same bodies, flags and INTERNALDATE; the mapping a bijection; the
// stored state equal to STATUS) and that a second run changes nothing and selects nothing.
// The mailbox commands and changes to the mailbox tree are in tst_mailbox_commands.
#include "MailboxSnapshot.h"
#include "SyncScenario.h"
#include "state/InterimapImport.h"
#include "state/PairLock.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

using namespace twinbox::test;

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
    void theSideThatExpungesIsWrittenFirst();
    void conflictingFlagsGetTheMergeAndAWarning();
    void fiveThousandExpungesInSplitCommands();
    void thirtyMegabyteMessage();
    void secondProcessIsRefused();
    void serverWithoutMultiappendOrLiteralPlus();
    void messageRefusedOverQuotaIsSkippedAndRetried();
    void adoptsInterimapStateWithoutCopyingAgain();
    void migratesAnInterimapDatabaseNamedByDatabase();
    void aFailingMailboxDoesNotStopTheOthers();
    void mailboxesSyncAtOnceOverConnectionsOfTheirOwn();
    void nextMailboxIsSelectedBehindTheCheck();
    void loginGoesWithTheConnectionFromTheSecondRun();
    void twoPrefilledAccountsPairTheirCommonMessages();
    void uidValidityResetIsRematchedWithoutDuplicates();

private:
    void expectConverged(const SyncHarness::Run &run, const QList<QByteArray> &mailboxes)
    {
        twinbox::test::expectConverged(*m_harness, run, mailboxes);
    }
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
    // New nested mailboxes on each side, under parents the other side does not have yet.
    QVERIFY(m_harness->local().append(QStringLiteral("Projects/2026"), seeds(30, 1), &error));
    QVERIFY(m_harness->remote().append(QStringLiteral("Lists.Qt.Dev"), seeds(40, 2), &error));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.infoLines().contains(QStringLiteral("local(INBOX): Added 4 UID(s) 6:9")),
             qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(INBOX): Added 2 UID(s) 8:9")),
             qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(Projects/2026): Created mailbox")) &&
                 run.infoLines().contains(QStringLiteral("local(Lists/Qt/Dev): Created mailbox")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"INBOX", "Projects/2026", "Lists/Qt/Dev"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 9 + 1 + 2);
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

void TestSyncCli::theSideThatExpungesIsWrittenFirst()
{
    // Local expunges two messages, remote flags another. The remote server expunges them
    // too: its UID EXPUNGE waits for the answer to its STORE of \Deleted, one exchange more
    // than local's flag STORE. So its writes go out first, not behind local's (ChangeSync).
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 6), &error));
    syncAndExpectConverged({"INBOX"});
    QVERIFY(m_harness->change(m_harness->local(), "INBOX",
                              {"UID STORE 2,4 +FLAGS (\\Deleted)", "UID EXPUNGE 2,4"}));
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"UID STORE 5 +FLAGS (\\Flagged)"}));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    const QStringList commands = run.commands();
    const auto firstStore = [&commands](const QString &side) {
        for (qsizetype i = 0; i < commands.size(); ++i) {
            if (commands[i].startsWith(side + QStringLiteral(": C: ")) &&
                commands[i].contains(QStringLiteral(" UID STORE ")))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype remoteStore = firstStore(QStringLiteral("remote"));
    const qsizetype localStore = firstStore(QStringLiteral("local"));
    QVERIFY2(remoteStore >= 0 && localStore >= 0, qPrintable(commands.join(u'\n')));
    QVERIFY2(commands[remoteStore].contains(QStringLiteral("\\Deleted")),
             qPrintable(commands[remoteStore]));
    QVERIFY2(remoteStore < localStore, qPrintable(commands.join(u'\n')));
    expectConverged(run, {"INBOX"});
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
    // The issue names the message as its reader knows it (the window's conflict list).
    QCOMPARE(m_harness->rowCount(QStringLiteral("issue_log"),
                                 QStringLiteral("subject = 'Test message 0' AND sender = "
                                                "'Sender 0 <sender0@example.org>' AND date = "
                                                "'Mon, 2 Nov 2026 10:00:00 +0000'")),
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
    // This process holds the pair's lock, as a running sync would.
    twinbox::state::PairLock lock;
    QVERIFY2(lock.acquire(m_harness->databasePath(), &error), qPrintable(error));
    const SyncHarness::Run refused = m_harness->sync();
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.output.contains(QStringLiteral("database: ERROR: already syncing (pid %1)")
                                         .arg(QCoreApplication::applicationPid())),
             qPrintable(refused.output));
    // Refused before anything else: no connection, no database.
    QCOMPARE(refused.commands(), QStringList());
    QVERIFY(!refused.output.contains(QStringLiteral("PREAUTH")));
    QVERIFY(!QFile::exists(m_harness->databasePath()));
    lock.release();
    syncAndExpectConverged({"INBOX"});
}

void TestSyncCli::serverWithoutMultiappendOrLiteralPlus()
{
    // A tunnel filter takes MULTIAPPEND and LITERAL+ out of what the remote server announces
    // (Dovecot's imap_capability does not reach a pre-authenticated stdio session): every
    // body must then wait for the server's "+" (RFC 3501 §4.3), one APPEND per message.
    m_harness->setRemoteTunnelFilter(
        QStringLiteral("sed -u -e 's/ MULTIAPPEND//' -e 's/ LITERAL+//'"));
    m_harness->writeConfig();
    QString error;
    QByteArray big;
    for (int line = 0; big.size() < (3 << 20); ++line)
        big += "Line " + QByteArray::number(line) + " of a message bigger than any buffer.\r\n";
    QList<SeedMessage> messages = seeds(0, 12, {QStringLiteral("\\Seen")});
    messages.append(makeSeedMessage(99, big));
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), messages, &error));
    const SyncHarness::Run run = m_harness->sync();
    const QStringList greeting =
        run.output.split(u'\n').filter(QStringLiteral("remote: S: * PREAUTH"));
    QVERIFY2(greeting.size() == 1 && !greeting[0].contains(QStringLiteral("MULTIAPPEND")) &&
                 !greeting[0].contains(QStringLiteral("LITERAL")),
             qPrintable(greeting.join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("APPEND")), 13);
    const QStringList continuations =
        run.output.split(u'\n').filter(QRegularExpression(QStringLiteral("^remote: S: \\+")));
    QCOMPARE(continuations.size(), 13);
    expectConverged(run, {"INBOX"});
}

void TestSyncCli::messageRefusedOverQuotaIsSkippedAndRetried()
{
    // The remote account may hold 200 KB: a 300 KB message is refused (OVERQUOTA), the
    // small ones still sync, the run says what failed and exits non-zero.
    auto remote = twinbox::test::DovecotConfig::named(QStringLiteral("remote"), u'.');
    remote.extraConfig = QStringLiteral("mail_plugins = $mail_plugins quota\n"
                                        "plugin {\n"
                                        "  quota = maildir:User quota\n"
                                        "  quota_rule = *:storage=200k\n"
                                        "}\n");
    m_harness = std::make_unique<SyncHarness>(
        twinbox::test::DovecotConfig::named(QStringLiteral("local"), u'/'), remote);
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
    QList<SeedMessage> messages = seeds(0, 3);
    messages.append(makeSeedMessage(50, QByteArray(300 * 1024, 'x') + "\r\n"));
    messages += seeds(3, 2);
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), messages, &error));

    const SyncHarness::Run first = m_harness->sync();
    QCOMPARE(first.exitCode, 1);
    const QStringList refused = first.infoLines().filter(QStringLiteral("refused local UID 4"));
    QVERIFY2(refused.size() == 1 && refused[0].startsWith(QStringLiteral("remote(INBOX): ERROR: ")),
             qPrintable(first.infoLines().join(u'\n')));
    QVERIFY2(refused[0].contains(QStringLiteral("uota")), qPrintable(refused[0]));
    QCOMPARE(twinbox::test::MailboxSnapshot::read(m_harness->remote(), "INBOX")->prints.size(), 5);
    QCOMPARE(m_harness->rowCount(QStringLiteral("refused_message")), 1);
    QCOMPARE(m_harness->rowCount(QStringLiteral("issue_log"), QStringLiteral("kind = 'refused'")),
             1);

    // Tried again on the next run, refused again.
    const SyncHarness::Run second = m_harness->sync();
    QCOMPARE(second.exitCode, 1);
    QCOMPARE(second.count(QStringLiteral("APPEND")), 1);
    QCOMPARE(m_harness->rowCount(QStringLiteral("refused_message"), QStringLiteral("attempts = 2")),
             1);

    // Once the message is gone from the source there is nothing left to retry.
    QVERIFY(m_harness->change(m_harness->local(), "INBOX",
                              {"UID STORE 4 +FLAGS (\\Deleted)", "UID EXPUNGE 4"}));
    const SyncHarness::Run third = m_harness->sync();
    QCOMPARE(m_harness->rowCount(QStringLiteral("refused_message")), 0);
    expectConverged(third, {"INBOX"});
}

void TestSyncCli::adoptsInterimapStateWithoutCopyingAgain()
{
    // An interimap user's pair, synced by interimap 0.5.7 itself; then changes on both sides.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 20), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Archive/2026"), seeds(100, 5), &error));
    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), seeds(200, 3), &error));
    const SyncHarness::Run reference = m_harness->interimap();
    QVERIFY2(reference.exitCode == 0, qPrintable(reference.output));
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(300, 2), &error));
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"UID STORE 1 +FLAGS (\\Seen)"}));
    QFile theirs(m_harness->interimapDatabasePath());
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    const QByteArray before = theirs.readAll();
    theirs.close();

    // Twinbox takes over: the state is adopted, only what changed since is synced.
    m_harness->writeConfig(QStringLiteral("interimap-database = ") +
                           m_harness->interimapDatabasePath());
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines().filter(QStringLiteral("database: adopted interimap's state")).size() ==
                 1,
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("APPEND")), 1); // the two new messages, nothing else
    // remote UID 1 came to local from interimap as local UID 21; its last agreed flags are
    // not known (interimap keeps none), so they are read from the servers.
    const QStringList updated = run.infoLines().filter(QStringLiteral("Updated flags"));
    QVERIFY2(updated ==
                 QStringList{QStringLiteral("local(INBOX): Updated flags (\\Seen) for UID 21")},
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"INBOX", "Archive/2026"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 20 + 5 + 3 + 2);
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    QVERIFY2(theirs.readAll() == before, "interimap's database was changed");
}

void TestSyncCli::migratesAnInterimapDatabaseNamedByDatabase()
{
    // The interimap user keeps the configuration: `database =` names interimap's own file.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 10), &error));
    QVERIFY(m_harness->remote().append(QStringLiteral("Lists.Qt"), seeds(100, 4), &error));
    const SyncHarness::Run reference = m_harness->interimap();
    QVERIFY2(reference.exitCode == 0, qPrintable(reference.output));
    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), seeds(200, 1), &error));

    m_harness->setDatabaseName(QFileInfo(m_harness->interimapDatabasePath()).fileName());
    m_harness->writeConfig();
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines().filter(QStringLiteral("was interimap's database: migrated")).size() ==
                 1,
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("APPEND")), 1); // only the message added since
    expectConverged(run, {"INBOX", "Lists/Qt"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 10 + 4 + 1);
    // interimap's state, as it was, next to the migrated one.
    const QString backup = m_harness->interimapDatabasePath() + QStringLiteral(".interimap");
    QVERIFY(twinbox::state::InterimapImport::isInterimapDatabase(backup));
    QVERIFY(
        !twinbox::state::InterimapImport::isInterimapDatabase(m_harness->interimapDatabasePath()));
    m_harness->setDatabaseName(QFileInfo(backup).fileName());
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 10 + 4);
}

void TestSyncCli::aFailingMailboxDoesNotStopTheOthers()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Lists"), seeds(10, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Work"), seeds(20, 2), &error));
    syncAndExpectConverged({"INBOX", "Lists", "Work"});
    // Lists disappears from the remote server behind Twinbox's back (deleted or renamed:
    // the user's call); new mail arrives in the others, before and after it in the order.
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"DELETE Lists"}));
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(30, 1), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Work"), seeds(40, 1), &error));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 1);
    const QStringList errors = run.infoLines().filter(QStringLiteral("ERROR"));
    QVERIFY2(errors.size() == 1 && errors[0].startsWith(QStringLiteral("remote(Lists): ERROR: ")),
             qPrintable(run.infoLines().join(u'\n')));
    for (const QByteArray mailbox : {"INBOX", "Work"}) {
        const QString problem = m_harness->convergence(mailbox);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // Nothing was done to the mailbox that is left alone.
    QCOMPARE(twinbox::test::MailboxSnapshot::read(m_harness->local(), "Lists")->prints.size(), 2);
}

// The connections a run opened to one server: each one's first command is T1.
static int connectionsTo(const SyncHarness::Run &run, const QString &server)
{
    return int(run.commands()
                   .filter(QRegularExpression(u'^' + server + QStringLiteral(": C: T1 ")))
                   .size());
}

void TestSyncCli::mailboxesSyncAtOnceOverConnectionsOfTheirOwn()
{
    // Four mailboxes with mail to copy: with parallel-mailboxes = 3 (the default) two more
    // connections to each server take mailboxes while the first syncs another; every
    // mailbox converges, each is selected once per side, and the extra sessions log out.
    QString error;
    const QList<QByteArray> names = {"INBOX", "Archive/2026", "Lists", "Work"};
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(m_harness->local().append(QString::fromLatin1(names[i]), seeds(10 * i, 3), &error));
    const SyncHarness::Run first = m_harness->sync();
    QCOMPARE(first.exitCode, 0);
    expectConverged(first, names);
    QCOMPARE(connectionsTo(first, QStringLiteral("local")), 3);
    QCOMPARE(connectionsTo(first, QStringLiteral("remote")), 3);
    QCOMPARE(first.count(QStringLiteral("SELECT")), 2 * int(names.size()));
    QCOMPARE(first.count(QStringLiteral("LOGOUT")), 6);

    // One mailbox with mail to copy, the others with flag changes only: a few exchanges
    // each, cheaper than a login, so no connection is opened for them.
    QVERIFY(m_harness->local().append(QStringLiteral("Lists"), seeds(100, 1), &error));
    for (const QByteArray &name : names) {
        if (name != "Lists")
            QVERIFY(m_harness->change(m_harness->local(), name, {"STORE 1 +FLAGS (\\Flagged)"}));
    }
    const SyncHarness::Run one = m_harness->sync();
    expectConverged(one, names);
    QCOMPARE(one.count(QStringLiteral("SELECT")), 2 * int(names.size()));
    QCOMPARE(connectionsTo(one, QStringLiteral("local")), 1);
    QCOMPARE(connectionsTo(one, QStringLiteral("remote")), 1);

    // parallel-mailboxes = 1: one mailbox after the other, as interimap.
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(m_harness->remote().append(QString::fromLatin1(names[i]).replace(u'/', u'.'),
                                           seeds(200 + 10 * i, 2), &error));
    m_harness->writeConfig(QStringLiteral("parallel-mailboxes = 1\n"));
    const SyncHarness::Run serial = m_harness->sync();
    expectConverged(serial, names);
    QCOMPARE(connectionsTo(serial, QStringLiteral("local")), 1);
    QCOMPARE(connectionsTo(serial, QStringLiteral("remote")), 1);
}

void TestSyncCli::loginGoesWithTheConnectionFromTheSecondRun()
{
    // The first run keeps what the imaps server (remote) announced before the login; the
    // tunnel (local) pre-authenticates and leaves nothing to keep. The second run sends the
    // remote login before the greeting, and syncs as before.
    m_harness->setRemoteOverImaps();
    m_harness->writeConfig();
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 2), &error));
    const auto sentBeforeGreeting = [](const SyncHarness::Run &run) {
        const qsizetype login = run.output.indexOf(QStringLiteral("remote: C: T1 AUTHENTICATE"));
        const qsizetype greeting = run.output.indexOf(QStringLiteral("remote: S: * OK "));
        return login >= 0 && greeting >= 0 && login < greeting;
    };
    const SyncHarness::Run first = m_harness->sync();
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(!sentBeforeGreeting(first), qPrintable(first.output));
    QCOMPARE(m_harness->rowCount(QStringLiteral("server_greeting")), 1);

    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), seeds(10, 1), &error));
    const SyncHarness::Run second = m_harness->sync();
    QVERIFY2(sentBeforeGreeting(second), qPrintable(second.output));
    expectConverged(second, {"INBOX"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("server_greeting")), 1);

    // A server that cannot be reached got no early login: what it announced stays.
    m_harness->remote().stop();
    QVERIFY(m_harness->sync().exitCode != 0);
    QCOMPARE(m_harness->rowCount(QStringLiteral("server_greeting")), 1);
}

void TestSyncCli::nextMailboxIsSelectedBehindTheCheck()
{
    // A flag change in each of three mailboxes: on both servers, each mailbox's SELECT goes
    // out behind the check of the one before, before that check is answered (SelectAhead),
    // and as the checks show only the run's own writes, no mailbox is selected twice.
    QString error;
    const QList<QByteArray> names = {"INBOX", "Lists", "Work"};
    for (const QByteArray &name : names)
        QVERIFY(m_harness->local().append(QString::fromLatin1(name), seeds(0, 3), &error));
    syncAndExpectConverged(names);
    for (const QByteArray &name : names)
        QVERIFY(m_harness->change(m_harness->remote(), name, {"UID STORE 2 +FLAGS (\\Flagged)"}));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(run.exitCode, 0);
    expectConverged(run, names);
    QCOMPARE(run.count(QStringLiteral("SELECT")), 2 * int(names.size()));
    static const QRegularExpression check(
        QStringLiteral("C: (T\\d+) UID FETCH \\S+ \\(UID FLAGS\\) \\(CHANGEDSINCE "));
    static const QRegularExpression select(QStringLiteral("C: T\\d+ SELECT "));
    for (const QString &server : {QStringLiteral("local"), QStringLiteral("remote")}) {
        int selectedAhead = 0;
        QString checkTag; // of the check sent last, while it is not answered
        for (const QString &line : run.output.split(u'\n')) {
            if (!line.startsWith(server + QStringLiteral(": ")))
                continue;
            if (const auto sent = check.match(line); sent.hasMatch())
                checkTag = sent.captured(1);
            else if (!checkTag.isEmpty() && select.match(line).hasMatch())
                ++selectedAhead;
            else if (!checkTag.isEmpty() && line.contains(QStringLiteral("S: ") + checkTag + u' '))
                checkTag.clear();
        }
        QCOMPARE(selectedAhead, int(names.size()) - 1);
    }
}

void TestSyncCli::twoPrefilledAccountsPairTheirCommonMessages()
{
    // Moving providers: both accounts already hold messages 5 to 9 (an earlier copy by other
    // means); the first sync pairs them instead of copying each a second time.
    QString error;
    QList<SeedMessage> local = seeds(0, 10);
    QList<SeedMessage> remote = seeds(5, 10);
    remote[0].flags = {QStringLiteral("\\Flagged")}; // message 5, unflagged on local
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), local, &error));
    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), remote, &error));
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines().contains(
                 QStringLiteral("database(INBOX): 5 message(s) already on both sides paired, not "
                                "copied")),
             qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral("local(INBOX): Added 5 UID(s) 11:15")) &&
                 run.infoLines().contains(QStringLiteral("remote(INBOX): Added 5 UID(s) 11:15")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"INBOX"});
    const auto snapshot = twinbox::test::MailboxSnapshot::read(m_harness->local(), "INBOX");
    QCOMPARE(snapshot->prints.size(), 15);
    QVERIFY(snapshot->prints.value(6).startsWith("\\Flagged|")); // the union of both
}

void TestSyncCli::uidValidityResetIsRematchedWithoutDuplicates()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Box"), seeds(0, 10), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Other"), seeds(100, 2), &error));
    syncAndExpectConverged({"Box", "Other"});
    // The remote server loses its UIDs for Box (rebuilt from a backup: new UIDVALIDITY, new
    // UIDs, the same messages) and receives one more; the local side gets one too.
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"DELETE Box", "CREATE Box"}));
    QVERIFY(m_harness->remote().append(QStringLiteral("Box"), seeds(0, 10) + seeds(20, 1), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Box"), seeds(30, 1), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Other"), seeds(130, 1), &error));
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines()
                     .filter(QStringLiteral("remote(Box): WARNING: UIDVALIDITY changed"))
                     .size() == 1,
             qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral(
                 "database(Box): 10 message(s) already on both sides paired, not copied")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"Box", "Other"});
    QCOMPARE(twinbox::test::MailboxSnapshot::read(m_harness->local(), "Box")->prints.size(), 12);
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_sync_cli.moc"
