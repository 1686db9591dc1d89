// twinbox-cli --watch and --notify on two real Dovecot servers: a change on either server is
// synced within seconds while the program keeps running, a server restart is survived, and
// SIGTERM ends the program cleanly (status 0, the state database complete).
#include "SeedMessage.h"
#include "SyncHarness.h"

#include <QProcess>
#include <QTest>

using twinbox::test::makeSeedMessage;
using twinbox::test::SyncHarness;

class TestWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void idleWakesOnNewMailInInbox();
    void pollingFindsANewMailbox();
    void notifyWakesOnAnyMailboxAndNewMailboxes();
    void survivesAServerRestart();

private:
    // Starts `twinbox-cli --debug arguments` and waits until it has synced once.
    void startWatch(const QStringList &arguments);
    // Waits until `mailbox` converged while the watch runs.
    void expectSyncedWithin(const QByteArray &mailbox, int milliseconds);
    // SIGTERM: the program must end with status 0 and leave a state a plain run agrees with.
    void stopWatch();
    bool append(twinbox::test::DovecotServer &server, const QString &mailbox, int seed);
    QString log();

    std::unique_ptr<SyncHarness> m_harness;
    std::unique_ptr<QProcess> m_watch;
    QByteArray m_output;
};

void TestWatch::init()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
    QVERIFY(append(m_harness->local(), QStringLiteral("INBOX"), 1));
}

void TestWatch::cleanup()
{
    if (m_watch && m_watch->state() != QProcess::NotRunning) {
        m_watch->kill();
        m_watch->waitForFinished();
    }
    if (QTest::currentTestFailed() && m_watch)
        qInfo("twinbox-cli (exit status %d, code %d) log:\n%s", int(m_watch->exitStatus()),
              m_watch->exitCode(), qPrintable(log()));
    m_watch.reset();
    m_output.clear();
    m_harness.reset();
}

bool TestWatch::append(twinbox::test::DovecotServer &server, const QString &mailbox, int seed)
{
    QString error;
    const bool stored = server.append(mailbox, {makeSeedMessage(seed)}, &error);
    if (!stored)
        qWarning("%s", qPrintable(error));
    return stored;
}

QString TestWatch::log()
{
    if (m_watch) {
        QTest::qWait(300); // what the program wrote last reaches QProcess through the event loop
        m_output += m_watch->readAllStandardError();
    }
    return QString::fromUtf8(m_output);
}

void TestWatch::startWatch(const QStringList &arguments)
{
    m_watch = m_harness->startSync(arguments);
    QVERIFY(m_watch->waitForStarted());
    expectSyncedWithin("INBOX", 30000);
}

void TestWatch::expectSyncedWithin(const QByteArray &mailbox, int milliseconds)
{
    QString problem;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (problem = m_harness->convergence(mailbox)).isEmpty(),
        qPrintable(QString::fromUtf8(mailbox) + QStringLiteral(": ") + problem), milliseconds);
    QVERIFY2(m_watch->state() == QProcess::Running, qPrintable(log()));
}

void TestWatch::stopWatch()
{
    m_watch->terminate(); // SIGTERM
    QVERIFY2(m_watch->waitForFinished(20000), "still running 20 s after SIGTERM");
    QCOMPARE(m_watch->exitStatus(), QProcess::NormalExit);
    QVERIFY2(m_watch->exitCode() == 0, qPrintable(log()));
    QVERIFY2(log().contains(QStringLiteral("stopped")), qPrintable(log()));
    // The lock is released and the state complete: a plain run has nothing to do.
    const SyncHarness::Run again = m_harness->sync();
    QVERIFY2(again.exitCode == 0, qPrintable(again.output));
    QVERIFY2(again.count(QStringLiteral("SELECT")) == 0, qPrintable(again.commands().join(u'\n')));
}

void TestWatch::idleWakesOnNewMailInInbox()
{
    // A poll every 10 minutes: only IDLE can bring the message over within seconds.
    startWatch({QStringLiteral("--watch=600")});
    QVERIFY(append(m_harness->remote(), QStringLiteral("INBOX"), 2));
    expectSyncedWithin("INBOX", 15000);
    QVERIFY(append(m_harness->local(), QStringLiteral("INBOX"), 3));
    expectSyncedWithin("INBOX", 15000);
    QVERIFY2(log().contains(QStringLiteral("C: T")) && log().contains(QStringLiteral(" IDLE")),
             qPrintable(log()));
    stopWatch();
}

void TestWatch::pollingFindsANewMailbox()
{
    startWatch({QStringLiteral("--watch=2")});
    QVERIFY(append(m_harness->local(), QStringLiteral("Projects/2026"), 4));
    expectSyncedWithin("Projects/2026", 20000);
    stopWatch();
}

void TestWatch::notifyWakesOnAnyMailboxAndNewMailboxes()
{
    QVERIFY(append(m_harness->remote(), QStringLiteral("Archive"), 5));
    // NOTIFY's safety poll is 15 minutes: everything below comes from the servers' events.
    startWatch({QStringLiteral("--notify")});
    expectSyncedWithin("Archive", 15000);
    QVERIFY2(log().contains(QStringLiteral("NOTIFY SET")), qPrintable(log()));
    QVERIFY(append(m_harness->remote(), QStringLiteral("Archive"), 6));
    expectSyncedWithin("Archive", 15000);
    QVERIFY(append(m_harness->local(), QStringLiteral("Lists/Qt"), 7));
    expectSyncedWithin("Lists/Qt", 15000);
    QVERIFY(m_harness->change(m_harness->remote(), "Archive", {"UID STORE 1 +FLAGS (\\Flagged)"}));
    expectSyncedWithin("Archive", 15000);
    stopWatch();
}

void TestWatch::survivesAServerRestart()
{
    twinbox::test::DovecotServer &remote = m_harness->remote();
    m_harness->setRemoteOverImaps();
    m_harness->writeConfig();
    startWatch({QStringLiteral("--watch=600")});
    QString error;
    QVERIFY2(remote.restart(&error), qPrintable(error));
    QVERIFY(append(remote, QStringLiteral("INBOX"), 8));
    expectSyncedWithin("INBOX", 30000);
    QVERIFY2(log().contains(QStringLiteral("connecting again")), qPrintable(log()));
    stopWatch();
}

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
