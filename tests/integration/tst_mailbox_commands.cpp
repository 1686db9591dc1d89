// twinbox-cli on two real Dovecot servers ("/" local, "." remote) when the mailbox tree
// changes: subscriptions merged three-way, --delete and --rename with --target, mailboxes
// deleted or renamed by another client, on-mailbox-deleted, and --repair. Each scenario ends
// converged, with a second run that changes nothing.
#include "MailboxSnapshot.h"
#include "SyncScenario.h"

#include <QTest>

using namespace twinbox::test;

class TestMailboxCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
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

void TestMailboxCommands::init()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
}

void TestMailboxCommands::cleanup()
{
    m_harness.reset();
}

void TestMailboxCommands::subscriptionsMergeThreeWay()
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

void TestMailboxCommands::deleteCommandOnAllTargets()
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

void TestMailboxCommands::deleteFromTheDatabaseLetsAGoneMailboxBeRecreated()
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

void TestMailboxCommands::onMailboxDeletedRecreatesOrDeletes()
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

void TestMailboxCommands::renameCommandCarriesChildrenAndSubscriptions()
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

void TestMailboxCommands::externalRenameIsFollowed()
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

void TestMailboxCommands::renameByMovingEveryMessageIsFollowed()
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

void TestMailboxCommands::repairAfterLostMappingRowsMakesNoDuplicate()
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

void TestMailboxCommands::repairRecopiesAMessageThatDisappearedWithoutAnExpunge()
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

void TestMailboxCommands::repairLimitedToTheNamedMailbox()
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

QTEST_GUILESS_MAIN(TestMailboxCommands)
#include "tst_mailbox_commands.moc"
