// Step 1 against real Dovecot: one LIST-STATUS per server gives every mailbox's state with
// the same internal names on a "/" and a "." server, and SELECT (QRESYNC ...) reports
// exactly what changed since the stored state.
#include "AwaitInTest.h"
#include "DovecotPair.h"
#include "TestImapClient.h"
#include "TunnelSettings.h"
#include "sync/ChangeWriter.h"
#include "sync/MailboxLister.h"
#include "sync/QresyncSelect.h"

#include <QTest>

using namespace twinbox;
using twinbox::test::await;
using twinbox::test::DovecotServer;
using twinbox::test::makeSeedMessage;
using twinbox::test::tunnelTo;

namespace {} // namespace

class TestMailboxStep : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryMailboxWithItsStateInOneCommand();
    void selectReportsOnlyWhatChanged();
    void storeFlagsUnlessChangedMeanwhile();
    void expungeOnlyTheGivenUidsInSplitCommands();

private:
    std::unique_ptr<test::DovecotPair> m_servers;
};

void TestMailboxStep::initTestCase()
{
    m_servers = std::make_unique<test::DovecotPair>();
    QString error;
    QVERIFY2(m_servers->start(&error), qPrintable(error));
    const QList<test::SeedMessage> three = {makeSeedMessage(1), makeSeedMessage(2),
                                            makeSeedMessage(3)};
    QVERIFY2(m_servers->local.append(QStringLiteral("INBOX"), three, &error), qPrintable(error));
    QVERIFY2(m_servers->local.append(QStringLiteral("Archive/2026"), three.mid(0, 2), &error),
             qPrintable(error));
    QVERIFY2(m_servers->local.append(QStringLiteral("Envoy&AOk-s"), three.mid(0, 1), &error),
             qPrintable(error));
    QVERIFY2(m_servers->remote.append(QStringLiteral("Archive.2026"), three, &error),
             qPrintable(error));
}

void TestMailboxStep::cleanupTestCase()
{
    m_servers.reset();
}

void TestMailboxStep::listsEveryMailboxWithItsStateInOneCommand()
{
    QStringList log;
    auto local = await(imap::ImapSession::open(tunnelTo(m_servers->local, 1), {},
                                               [&](const QString &l) { log.append(l); }));
    auto remote = await(imap::ImapSession::open(tunnelTo(m_servers->remote)));
    const auto localList = await(sync::MailboxLister::list(*local, {}));
    const auto remoteList = await(sync::MailboxLister::list(*remote, {}));
    const QStringList commands = log.filter(QStringLiteral("C: "));
    QCOMPARE(commands.size(), 1); // the tunnel is PREAUTHed: LIST is all
    QVERIFY2(commands.first().contains(
                 QStringLiteral("RETURN (SUBSCRIBED STATUS (UIDVALIDITY UIDNEXT HIGHESTMODSEQ))")),
             qPrintable(commands.first()));

    auto find = [](const QList<sync::ListedMailbox> &list,
                   const QByteArray &internal) -> const sync::ListedMailbox * {
        for (const auto &mailbox : list) {
            if (mailbox.internalName == internal)
                return &mailbox;
        }
        return nullptr;
    };
    const QByteArray archive("Archive\0"
                             "2026",
                             12);
    const auto *localArchive = find(localList, archive);
    const auto *remoteArchive = find(remoteList, archive);
    QVERIFY(localArchive &&
            remoteArchive); // one internal name for "Archive/2026" and "Archive.2026"
    QCOMPARE(localArchive->wireName, QByteArray("Archive/2026"));
    QCOMPARE(remoteArchive->wireName, QByteArray("Archive.2026"));
    QVERIFY(localArchive->status && remoteArchive->status);
    QCOMPARE(localArchive->status->uidNext, 3u);
    QCOMPARE(remoteArchive->status->uidNext, 4u);
    QVERIFY(localArchive->status->highestModSeq.has_value());
    QVERIFY(localArchive->status->uidValidity.has_value());
    const auto *parent = find(localList, "Archive");
    QVERIFY(parent); // the parent exists in the listing
    const auto *inbox = find(localList, "INBOX");
    QVERIFY(inbox && inbox->selectable && inbox->status->uidNext == 4u);
    QVERIFY(find(localList, "Envoy&AOk-s"));
}

void TestMailboxStep::selectReportsOnlyWhatChanged()
{
    auto session = await(imap::ImapSession::open(tunnelTo(m_servers->local, 1)));
    await(session->enable({"QRESYNC"}));
    const auto first = await(
        sync::QresyncSelect::select(*session, "INBOX", std::nullopt, QStringLiteral("INBOX")));
    QCOMPARE(first.exists, 3u);
    QCOMPARE(first.uidNext, 4u);
    QVERIFY(first.highestModSeq > 0);
    QVERIFY(first.vanished.isEmpty());
    const state::SideState known{first.uidValidity, first.uidNext, first.highestModSeq};

    // Another client changes a flag on UID 2 and expunges UID 3.
    test::TestImapClient other;
    QString error;
    QVERIFY2(other.connectTunnel(m_servers->local, &error), qPrintable(error));
    QVERIFY(other.command("SELECT INBOX").ok());
    QVERIFY(other.command("UID STORE 2 +FLAGS (\\Flagged)").ok());
    QVERIFY(other.command("UID STORE 3 +FLAGS (\\Deleted)").ok());
    QVERIFY(other.command("UID EXPUNGE 3").ok());
    other.logout();

    auto again = await(imap::ImapSession::open(tunnelTo(m_servers->local, 1)));
    await(again->enable({"QRESYNC"}));
    const auto second =
        await(sync::QresyncSelect::select(*again, "INBOX", known, QStringLiteral("INBOX")));
    QCOMPARE(second.vanished.toList(), QList<std::uint32_t>{3});
    QCOMPARE(second.changed.size(), 1);
    QCOMPARE(second.changed.first().uid, 2u);
    QVERIFY(second.changed.first().flags->contains("\\Flagged"));
    QVERIFY(*second.changed.first().modSeq > known.highestModSeq);
    QVERIFY(second.highestModSeq > known.highestModSeq);
}

void TestMailboxStep::storeFlagsUnlessChangedMeanwhile()
{
    QString error;
    QVERIFY2(m_servers->local.append(QStringLiteral("Flags"),
                                     {makeSeedMessage(1), makeSeedMessage(2), makeSeedMessage(3)},
                                     &error),
             qPrintable(error));
    auto session = await(imap::ImapSession::open(tunnelTo(m_servers->local, 1)));
    await(session->enable({"QRESYNC"}));
    const auto selected = await(
        sync::QresyncSelect::select(*session, "Flags", std::nullopt, QStringLiteral("Flags")));
    // Meanwhile another client flags UID 1: Twinbox's store must not overwrite that.
    test::TestImapClient other;
    QVERIFY2(other.connectTunnel(m_servers->local, &error), qPrintable(error));
    QVERIFY(other.command("SELECT Flags").ok());
    QVERIFY(other.command("UID STORE 1 +FLAGS (\\Flagged)").ok());
    const QHash<std::uint32_t, QByteArrayList> wanted = {
        {1, {"\\Seen"}}, {2, {"\\Seen"}}, {3, {"$Label", "\\Answered"}}};
    const auto modified = await(sync::ChangeWriter::storeFlags(
        *session, wanted, selected.highestModSeq, QStringLiteral("Flags")));
    QCOMPARE(modified.modified.toList(), QList<std::uint32_t>{1});
    test::TestImapClient check; // a fresh view, free of the other session's unsolicited updates
    QVERIFY2(check.connectTunnel(m_servers->local, &error), qPrintable(error));
    QVERIFY(check.command("EXAMINE Flags").ok());
    const auto fetch = check.command("UID FETCH 1:3 (FLAGS)");
    QCOMPARE(fetch.untagged.size(), 3);
    QVERIFY2(fetch.untagged[0].contains("\\Flagged") && !fetch.untagged[0].contains("\\Seen"),
             fetch.untagged[0].constData());
    QVERIFY2(fetch.untagged[1].contains("FLAGS (\\Seen)"), fetch.untagged[1].constData());
    QVERIFY2(fetch.untagged[2].contains("$Label") && fetch.untagged[2].contains("\\Answered"),
             fetch.untagged[2].constData());
}

void TestMailboxStep::expungeOnlyTheGivenUidsInSplitCommands()
{
    QList<test::SeedMessage> many;
    for (int i = 0; i < 4000; ++i)
        many.append(makeSeedMessage(i));
    QString error;
    QVERIFY2(m_servers->local.append(QStringLiteral("Many"), many, &error), qPrintable(error));
    // UID 4000 is marked \Deleted by someone else: it must survive Twinbox's expunge.
    test::TestImapClient other;
    QVERIFY2(other.connectTunnel(m_servers->local, &error), qPrintable(error));
    QVERIFY(other.command("SELECT Many").ok());
    QVERIFY(other.command("UID STORE 4000 +FLAGS (\\Deleted)").ok());

    QStringList log;
    auto session = await(imap::ImapSession::open(tunnelTo(m_servers->local, 1), {},
                                                 [&](const QString &l) { log.append(l); }));
    await(session->enable({"QRESYNC"}));
    await(sync::QresyncSelect::select(*session, "Many", std::nullopt, QStringLiteral("Many")));
    imap::SequenceSet odd;
    for (std::uint32_t uid = 1; uid <= 3999; uid += 2)
        odd.add(uid);
    log.clear();
    await(sync::ChangeWriter::expunge(*session, odd, QStringLiteral("Many")));
    const QStringList expunges = log.filter(QStringLiteral("UID EXPUNGE"));
    QVERIFY2(expunges.size() >= 2, "2000 scattered UIDs must take more than one command line");
    for (const QString &line : log.filter(QStringLiteral("C: ")))
        QVERIFY(line.size() < 8100);
    other.logout();
    test::TestImapClient check;
    QVERIFY2(check.connectTunnel(m_servers->local, &error), qPrintable(error));
    const auto status = check.command("STATUS Many (MESSAGES)");
    QCOMPARE(status.untagged.value(0), QByteArray("* STATUS Many (MESSAGES 2000)"));
    QVERIFY(check.command("EXAMINE Many").ok());
    const auto survivor = check.command("UID FETCH 4000 (FLAGS)");
    QVERIFY2(survivor.untagged.value(0).contains("\\Deleted"),
             survivor.untagged.value(0).constData());
}

QTEST_GUILESS_MAIN(TestMailboxStep)
#include "tst_mailbox_step.moc"
