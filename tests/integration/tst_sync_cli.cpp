// twinbox-cli on two real Dovecot servers ("/" local, "." remote): each scenario checks
// convergence (same bodies, flags and INTERNALDATE; the mapping a bijection; the stored
// state equal to STATUS) and that a second run changes nothing and selects nothing.
#include "MailboxSnapshot.h"
#include "SeedMessage.h"
#include "SyncHarness.h"
#include "state/InterimapImport.h"
#include "state/PairLock.h"

#include <QFileInfo>
#include <QRegularExpression>
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
    void serverWithoutMultiappendOrLiteralPlus();
    void messageRefusedOverQuotaIsSkippedAndRetried();
    void adoptsInterimapStateWithoutCopyingAgain();
    void migratesAnInterimapDatabaseNamedByDatabase();
    void aFailingMailboxDoesNotStopTheOthers();
    void twoPrefilledAccountsPairTheirCommonMessages();
    void uidValidityResetIsRematchedWithoutDuplicates();
    void subscriptionsMergeThreeWay();
    void deleteCommandOnAllTargets();
    void deleteFromTheDatabaseLetsAGoneMailboxBeRecreated();
    void onMailboxDeletedRecreatesOrDeletes();
    void renameCommandCarriesChildrenAndSubscriptions();
    void externalRenameIsFollowed();
    void renameByMovingEveryMessageIsFollowed();
    void repairAfterLostMappingRowsMakesNoDuplicate();
    void repairRecopiesAMessageThatDisappearedWithoutAnExpunge();
    void repairLimitedToTheNamedMailbox();

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

void TestSyncCli::subscriptionsMergeThreeWay()
{
    QString error;
    for (auto *server : {&m_harness->local(), &m_harness->remote()}) {
        QVERIFY(server->append(QStringLiteral("Lists"), seeds(0, 1), &error));
        QVERIFY(server->append(QStringLiteral("Work"), seeds(10, 1), &error));
    }
    // Before the first sync: subscribed on one side only, so on both (the union).
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"SUBSCRIBE Lists"}));
    const auto subscriptions = [this](twinbox::test::DovecotServer &server) {
        auto client = m_harness->client(server);
        const auto reply = client->command("LIST (SUBSCRIBED) \"\" \"*\"");
        QStringList names;
        for (const QByteArray &line : reply.untagged)
            names.append(QString::fromLatin1(line.mid(line.lastIndexOf(' ') + 1)));
        names.sort();
        return names;
    };
    const SyncHarness::Run first = m_harness->sync();
    QVERIFY2(first.infoLines().contains(QStringLiteral("remote(Lists): Subscribed")),
             qPrintable(first.infoLines().join(u'\n')));
    QCOMPARE(subscriptions(m_harness->remote()), QStringList{QStringLiteral("Lists")});
    // Then each side changes one: the other follows, the database being the base.
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"UNSUBSCRIBE Lists"}));
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"SUBSCRIBE Work"}));
    const SyncHarness::Run second = m_harness->sync();
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(subscriptions(m_harness->local()), QStringList{QStringLiteral("Work")});
    QCOMPARE(subscriptions(m_harness->remote()), QStringList{QStringLiteral("Work")});
    const SyncHarness::Run third = m_harness->sync();
    QCOMPARE(third.count(QStringLiteral("SUBSCRIBE")) + third.count(QStringLiteral("UNSUBSCRIBE")),
             0);
}

namespace {

QStringList listed(SyncHarness &harness, twinbox::test::DovecotServer &server,
                   const QByteArray &selection = {})
{
    auto client = harness.client(server);
    const auto reply = client->command("LIST " + selection + "\"\" \"*\"");
    QStringList names;
    for (const QByteArray &line : reply.untagged) {
        if (!line.contains("\\NonExistent"))
            names.append(QString::fromLatin1(line.mid(line.lastIndexOf(' ') + 1)));
    }
    names.sort();
    return names;
}

} // namespace

void TestSyncCli::deleteCommandOnAllTargets()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Old"), seeds(0, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Keep"), seeds(10, 1), &error));
    syncAndExpectConverged({"Old", "Keep"});
    const SyncHarness::Run run =
        m_harness->sync({QStringLiteral("--delete"), QStringLiteral("Old")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(QStringLiteral("database: Removed mailbox Old")),
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(listed(*m_harness, m_harness->local()),
             (QStringList{QStringLiteral("INBOX"), QStringLiteral("Keep")}));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             (QStringList{QStringLiteral("INBOX"), QStringLiteral("Keep")}));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 1);
    QCOMPARE(m_harness->sync({QStringLiteral("--delete"), QStringLiteral("INBOX")}).exitCode, 1);
    syncAndExpectConverged({"Keep"});
}

void TestSyncCli::deleteFromTheDatabaseLetsAGoneMailboxBeRecreated()
{
    // Deleted on the remote server behind Twinbox's back: reported; the user decides to keep
    // the local one, forgets it in the database, and the next sync copies it over again.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Gone"), seeds(0, 2), &error));
    syncAndExpectConverged({"Gone"});
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"DELETE Gone"}));
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(50, 1), &error));
    // Reported with the command that settles it; the rest syncs all the same.
    const SyncHarness::Run reported = m_harness->sync();
    QCOMPARE(reported.exitCode, 1);
    QVERIFY2(reported.infoLines()
                         .filter(QStringLiteral("remote(Gone): ERROR: the mailbox is gone on this "
                                                "side"))
                         .size() == 1 &&
                 reported.output.contains(
                     QStringLiteral("--target=local --target=database --delete Gone")),
             qPrintable(reported.infoLines().join(u'\n')));
    QVERIFY2(m_harness->convergence("INBOX").isEmpty(),
             qPrintable(m_harness->convergence("INBOX")));
    // One decision waits for the user (the GUI's question), however many runs report it.
    QCOMPARE(m_harness->sync().exitCode, 1);
    QCOMPARE(
        m_harness->rowCount(QStringLiteral("issue_log"), QStringLiteral("kind = 'mailbox-gone'")),
        1);
    const SyncHarness::Run forget = m_harness->sync(
        {QStringLiteral("--target=database"), QStringLiteral("--delete"), QStringLiteral("Gone")});
    QCOMPARE(forget.exitCode, 0);
    QCOMPARE(m_harness->rowCount(QStringLiteral("issue_log"),
                                 QStringLiteral("kind = 'mailbox-gone' AND acknowledged = 0")),
             0); // answered
    QCOMPARE(listed(*m_harness, m_harness->local()),
             (QStringList{QStringLiteral("Gone"), QStringLiteral("INBOX")}));
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(Gone): Created mailbox")),
             qPrintable(run.infoLines().join(u'\n')));
    expectConverged(run, {"Gone"});
}

void TestSyncCli::onMailboxDeletedRecreatesOrDeletes()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Kept"), seeds(0, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Dropped"), seeds(10, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Busy"), seeds(20, 2), &error));
    syncAndExpectConverged({"Kept", "Dropped", "Busy"});
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"DELETE Kept"}));

    // recreate: the deleted copy comes back, filled from the other server, nothing twice.
    m_harness->writeConfig(QStringLiteral("on-mailbox-deleted = recreate"));
    const SyncHarness::Run recreated = m_harness->sync();
    QVERIFY2(recreated.infoLines().contains(QStringLiteral("remote(Kept): Created mailbox")),
             qPrintable(recreated.infoLines().join(u'\n')));
    expectConverged(recreated, {"Kept"});

    // delete: the deletion is followed on the other server and in the database, unless the
    // other server's copy got mail since the last sync (it would go uncopied).
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"DELETE Dropped", "DELETE Busy"}));
    QVERIFY(m_harness->remote().append(QStringLiteral("Busy"), seeds(30, 1), &error));
    m_harness->writeConfig(QStringLiteral("on-mailbox-deleted = delete"));
    const SyncHarness::Run deleted = m_harness->sync();
    QVERIFY2(deleted.exitCode == 1 &&
                 deleted.infoLines()
                         .filter(QStringLiteral("local(Busy): ERROR: the mailbox is gone on this "
                                                "side, but it changed on remote"))
                         .size() == 1,
             qPrintable(deleted.infoLines().join(u'\n')));
    QCOMPARE(listed(*m_harness, m_harness->local()),
             (QStringList{QStringLiteral("INBOX"), QStringLiteral("Kept")}));
    QCOMPARE(
        listed(*m_harness, m_harness->remote()),
        (QStringList{QStringLiteral("Busy"), QStringLiteral("INBOX"), QStringLiteral("Kept")}));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes")), 3); // INBOX, Kept, Busy
    QVERIFY(m_harness->convergence("Kept").isEmpty());
}

void TestSyncCli::renameCommandCarriesChildrenAndSubscriptions()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Projects"), seeds(0, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Projects/2025"), seeds(10, 2), &error));
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"SUBSCRIBE Projects/2025"}));
    syncAndExpectConverged({"Projects", "Projects/2025"});
    const SyncHarness::Run run = m_harness->sync(
        {QStringLiteral("--rename"), QStringLiteral("Projects"), QStringLiteral("Done")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(listed(*m_harness, m_harness->local()),
             (QStringList{QStringLiteral("Done"), QStringLiteral("Done/2025"),
                          QStringLiteral("INBOX")}));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             (QStringList{QStringLiteral("Done"), QStringLiteral("Done.2025"),
                          QStringLiteral("INBOX")}));
    // interimap loses subscriptions on rename; here they move with the names.
    QCOMPARE(listed(*m_harness, m_harness->local(), "(SUBSCRIBED) "),
             QStringList{QStringLiteral("Done/2025")});
    QCOMPARE(listed(*m_harness, m_harness->remote(), "(SUBSCRIBED) "),
             QStringList{QStringLiteral("Done.2025")});
    // Nothing is copied again: the database followed the servers.
    const SyncHarness::Run after = m_harness->sync();
    QCOMPARE(after.count(QStringLiteral("APPEND")), 0);
    expectConverged(after, {"Done", "Done/2025"});
}

void TestSyncCli::externalRenameIsFollowed()
{
    // Renamed on the local server by another client: interimap aborts every run from then on
    // (§7.4); Twinbox sees the same UIDVALIDITY under the new name and follows.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Projects"), seeds(0, 2), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Projects/2025"), seeds(10, 2), &error));
    syncAndExpectConverged({"Projects", "Projects/2025"});
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"RENAME Projects Done"}));
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines().contains(
                 QStringLiteral("remote(Projects): Renamed mailbox to Done, as on local")),
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("APPEND")), 0);
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             (QStringList{QStringLiteral("Done"), QStringLiteral("Done.2025"),
                          QStringLiteral("INBOX")}));
    expectConverged(run, {"Done", "Done/2025"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes"),
                                 QStringLiteral("CAST(mailbox AS TEXT) LIKE 'Projects%'")),
             0);
}

void TestSyncCli::renameByMovingEveryMessageIsFollowed()
{
    // A client that renames by creating the new mailbox, moving the messages (RFC 6851) and
    // deleting the old one: a new UIDVALIDITY, the same messages. A rename all the same.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("Old"), seeds(0, 5), &error));
    syncAndExpectConverged({"Old"});
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"CREATE New"}));
    QVERIFY(m_harness->change(m_harness->local(), "Old",
                              {"UID MOVE 1:* New", "UNSELECT", "DELETE Old"}));
    const SyncHarness::Run run = m_harness->sync();
    QVERIFY2(run.infoLines().contains(
                 QStringLiteral("remote(Old): Renamed mailbox to New, as on local")),
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("APPEND")), 0);
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             (QStringList{QStringLiteral("INBOX"), QStringLiteral("New")}));
    expectConverged(run, {"New"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 5);
}

namespace {

// The Message-IDs a mailbox holds, sorted, as the independent test client reads them.
QStringList messageIds(SyncHarness &harness, twinbox::test::DovecotServer &server,
                       const QByteArray &mailbox)
{
    static const QRegularExpression field(QStringLiteral("Message-ID: *(<[^>]*>)"),
                                          QRegularExpression::CaseInsensitiveOption);
    auto client = harness.client(server);
    client->command("EXAMINE " + mailbox);
    const auto reply = client->command("UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])");
    QStringList ids;
    for (const QByteArray &response : reply.untagged) {
        const QRegularExpressionMatch match = field.match(QString::fromLatin1(response));
        if (match.hasMatch())
            ids.append(match.captured(1));
    }
    ids.sort();
    return ids;
}

QStringList seedIds(const QList<int> &indexes)
{
    QStringList ids;
    for (int index : indexes)
        ids.append(QStringLiteral("<seed-%1@twinbox.test>").arg(index));
    ids.sort();
    return ids;
}

} // namespace

void TestSyncCli::repairAfterLostMappingRowsMakesNoDuplicate()
{
    // Mapping rows lost (a damaged or hand-edited state database): interimap's --repair copies
    // each of those messages again, both ways (reference §3.12, §7.23). Twinbox pairs them
    // again by Message-ID, size and INTERNALDATE, and copies nothing.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 10), &error));
    QVERIFY(m_harness->remote().append(QStringLiteral("INBOX"), seeds(100, 10), &error));
    syncAndExpectConverged({"INBOX"});
    // Local 1-10 are local's own (remote 11-20), local 11-20 the remote's 1-10.
    QVERIFY(m_harness->alterDatabase(
        QStringLiteral("DELETE FROM mapping WHERE local_uid IN (2, 5, 15)")));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 17);
    // A flag change on an intact pair, and one on the remote copy of local 5 (pair lost).
    QVERIFY(m_harness->change(m_harness->local(), "INBOX", {"UID STORE 1 +FLAGS (\\Flagged)"}));
    QVERIFY(m_harness->change(m_harness->remote(), "INBOX", {"UID STORE 15 +FLAGS (\\Seen)"}));

    const SyncHarness::Run run = m_harness->sync({QStringLiteral("--repair")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("APPEND")), 0);
    QVERIFY2(run.infoLines().contains(
                 QStringLiteral("database(INBOX): Repaired: 3 pair(s) re-matched, 0 copied")),
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 20);
    QList<int> all;
    for (int i = 0; i < 10; ++i)
        all << i << 100 + i;
    QCOMPARE(messageIds(*m_harness, m_harness->local(), "INBOX"), seedIds(all));
    QCOMPARE(messageIds(*m_harness, m_harness->remote(), "INBOX"), seedIds(all));
    const auto local = twinbox::test::MailboxSnapshot::read(m_harness->local(), "INBOX");
    const auto remote = twinbox::test::MailboxSnapshot::read(m_harness->remote(), "INBOX");
    QVERIFY(local && remote);
    QCOMPARE(local->prints.size(), 20);
    QCOMPARE(remote->prints.size(), 20);
    QVERIFY2(remote->prints.value(11).startsWith("\\Flagged|"), remote->prints.value(11));
    QVERIFY2(local->prints.value(5).startsWith("\\Seen|"), local->prints.value(5));
    expectConverged(run, {"INBOX"});
}

void TestSyncCli::repairRecopiesAMessageThatDisappearedWithoutAnExpunge()
{
    // Local UID 3 is expunged and the stored HIGHESTMODSEQ then moved past that expunge, as a
    // state database that claims more than it saw (or a server that loses a message without
    // a new MODSEQ) would leave it: QRESYNC reports no VANISHED and a plain sync sees nothing.
    // --repair must copy the survivor back, not expunge it (it may be the last copy), and
    // repair the flag update hidden the same way. UID 4, expunged afterwards, is reported
    // VANISHED: an ordinary expunge, propagated.
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 5), &error));
    syncAndExpectConverged({"INBOX"});
    QVERIFY(m_harness->change(m_harness->local(), "INBOX",
                              {"UID STORE 3 +FLAGS.SILENT (\\Deleted)", "UID EXPUNGE 3",
                               "UID STORE 1 +FLAGS (\\Answered)"}));
    const auto hidden = twinbox::test::MailboxSnapshot::read(m_harness->local(), "INBOX");
    QVERIFY(hidden);
    QVERIFY(m_harness->alterDatabase(
        QStringLiteral("UPDATE mailbox_state SET highestmodseq = ? WHERE side = 0"),
        {QVariant::fromValue(hidden->highestModSeq)}));
    const SyncHarness::Run blind = m_harness->sync();
    QCOMPARE(blind.exitCode, 0);
    QCOMPARE(blind.count(QStringLiteral("SELECT")), 0);
    QVERIFY(m_harness->change(m_harness->local(), "INBOX",
                              {"UID STORE 4 +FLAGS.SILENT (\\Deleted)", "UID EXPUNGE 4"}));

    const SyncHarness::Run run = m_harness->sync({QStringLiteral("--repair")});
    const QString log = run.infoLines().join(u'\n');
    QVERIFY2(run.exitCode == 0, qPrintable(log));
    QVERIFY2(run.infoLines().contains(
                 QStringLiteral("local(INBOX): WARNING: UID 3 disappeared without being reported "
                                "as expunged. Copying remote UID 3 again.")),
             qPrintable(log));
    QVERIFY2(run.infoLines().contains(QStringLiteral("WARNING: Missed flag update in INBOX for "
                                                     "(lUID,rUID) = (1,1). Repairing.")),
             qPrintable(log));
    QVERIFY2(run.infoLines().contains(QStringLiteral("remote(INBOX): Removed 1 UID(s) 4")),
             qPrintable(log));
    QVERIFY2(run.infoLines().contains(QStringLiteral("local(INBOX): Added 1 UID(s) 6")),
             qPrintable(log));
    QCOMPARE(run.count(QStringLiteral("UID EXPUNGE")), 1);
    QCOMPARE(messageIds(*m_harness, m_harness->local(), "INBOX"), seedIds({0, 1, 2, 4}));
    QCOMPARE(messageIds(*m_harness, m_harness->remote(), "INBOX"), seedIds({0, 1, 2, 4}));
    const auto remote = twinbox::test::MailboxSnapshot::read(m_harness->remote(), "INBOX");
    QVERIFY2(remote->prints.value(1).startsWith("\\Answered|"), remote->prints.value(1));
    QCOMPARE(m_harness->rowCount(QStringLiteral("issue_log"), QStringLiteral("kind = 'repaired'")),
             1);
    // The survivor was on record until its copy landed, and no longer.
    QCOMPARE(m_harness->rowCount(QStringLiteral("refused_message")), 0);
    expectConverged(run, {"INBOX"});
}

void TestSyncCli::repairLimitedToTheNamedMailbox()
{
    QString error;
    QVERIFY(m_harness->local().append(QStringLiteral("INBOX"), seeds(0, 3), &error));
    QVERIFY(m_harness->local().append(QStringLiteral("Other"), seeds(10, 3), &error));
    syncAndExpectConverged({"INBOX", "Other"});
    QVERIFY(m_harness->alterDatabase(QStringLiteral("DELETE FROM mapping")));
    const QString inOther =
        QStringLiteral("idx = (SELECT idx FROM mailboxes WHERE CAST(mailbox AS TEXT) = 'Other')");

    const SyncHarness::Run run =
        m_harness->sync({QStringLiteral("--repair"), QStringLiteral("INBOX")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.infoLines().join(u'\n')));
    QVERIFY2(run.infoLines().contains(
                 QStringLiteral("database(INBOX): Repaired: 3 pair(s) re-matched, 0 copied")),
             qPrintable(run.infoLines().join(u'\n')));
    QCOMPARE(run.count(QStringLiteral("SELECT")), 2); // INBOX on each side, Other untouched
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 3);
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping"), inOther), 0);

    // Without names, every mailbox the database knows is checked, changed or not.
    const SyncHarness::Run all = m_harness->sync({QStringLiteral("--repair")});
    QVERIFY2(all.infoLines().contains(
                 QStringLiteral("database(Other): Repaired: 3 pair(s) re-matched, 0 copied")) &&
                 all.infoLines().contains(
                     QStringLiteral("database(INBOX): Repaired: 0 pair(s) re-matched, 0 copied")),
             qPrintable(all.infoLines().join(u'\n')));
    QCOMPARE(all.count(QStringLiteral("APPEND")), 0);
    expectConverged(all, {"INBOX", "Other"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 6);
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_sync_cli.moc"
