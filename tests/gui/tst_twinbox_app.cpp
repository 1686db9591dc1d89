// The desktop application's passwords: saved from the wizard's output into the OS keychain
// (a private gnome-keyring on a private D-Bus session, tests/with-keyring.sh), read back at
// the next start without asking, used by a real sync, and removed with the pair; and without
// any keychain, a plain message and passwords kept in memory only, never in a file.
#include "AwaitInTest.h"
#include "DovecotAccount.h"
#include "DovecotPair.h"
#include "MainWindow.h"
#include "TwinboxApp.h"
#include "config/SecretStore.h"
#include "sync/DemoPair.h"

#include <QAction>
#include <QDirIterator>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace twinbox;
using config::SecretStore;
using twinbox::test::await;
using twinbox::test::DovecotPair;
using twinbox::test::DovecotServer;

namespace {

// twinbox-cli's own service: the keyring is a private one (tests/with-keyring.sh), and the
// CLI must find what the window stored.
const QString service = QStringLiteral("twinbox");

// Every byte Twinbox wrote under `directory`, searched for `secret` (and its base64).
QStringList filesHolding(const QString &directory, const QString &secret)
{
    QStringList found;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(secret.toUtf8()) || bytes.contains(secret.toUtf8().toBase64()))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

class TestTwinboxApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void keychainWriteReadDelete();
    void withoutAKeychainPasswordsStayInMemory();
    void demoPairSyncsInTheWindow();

private:
    TwinboxApp::Options options() const;
    config::PairProfile profile() const;
    bool syncedOnce(TwinboxApp &app, const QString &pair);

    QTemporaryDir m_dir;
    std::unique_ptr<DovecotPair> m_servers;
};

void TestTwinboxApp::initTestCase()
{
    m_servers = std::make_unique<DovecotPair>();
    QString error;
    QVERIFY2(m_servers->start(&error), qPrintable(error));
}

void TestTwinboxApp::cleanupTestCase()
{
    m_servers.reset();
}

TwinboxApp::Options TestTwinboxApp::options() const
{
    TwinboxApp::Options options;
    options.paths = {m_dir.filePath(QStringLiteral("xdg-config/twinbox")),
                     m_dir.filePath(QStringLiteral("xdg-data/twinbox")), QString(), QString()};
    options.keychainService = service;
    return options;
}

config::PairProfile TestTwinboxApp::profile() const
{
    config::PairProfile profile;
    profile.name = QStringLiteral("Home");
    profile.local = test::accountOf(m_servers->local);
    profile.remote = test::accountOf(m_servers->remote);
    return profile;
}

bool TestTwinboxApp::syncedOnce(TwinboxApp &app, const QString &pair)
{
    return QTest::qWaitFor(
        [&] { return app.pair(pair) && app.pair(pair)->state().lastSync.isValid(); }, 60000);
}

void TestTwinboxApp::keychainWriteReadDelete()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("run through tests/with-keyring.sh (a private keyring on a private bus)");
    const SecretStore keychain(service);
    const QString localKey = SecretStore::keyFor(QStringLiteral("Home"), QStringLiteral("local"));
    const QString remoteKey = SecretStore::keyFor(QStringLiteral("Home"), QStringLiteral("remote"));
    {
        TwinboxApp app(options());
        await(app.start());
        QVERIFY(await(
            app.savePair(profile(), m_servers->local.password(), m_servers->remote.password())));
        QVERIFY(!app.keychainUnavailable());
        QCOMPARE(await(keychain.read(localKey)).secret, m_servers->local.password());
        QCOMPARE(await(keychain.read(remoteKey)).secret, m_servers->remote.password());
        QVERIFY2(syncedOnce(app, QStringLiteral("Home")), qPrintable(app.lastNotice()));
        await(app.quit());
    }
    // The same pair from the command line: its store, its keychain entries, its database.
    {
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                           m_dir.filePath(QStringLiteral("xdg-config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_dir.filePath(QStringLiteral("xdg-data")));
        cli.setProcessEnvironment(environment);
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(QStringLiteral(TWINBOX_CLI_PATH), {QStringLiteral("--pair=Home")});
        QVERIFY(cli.waitForFinished(60000));
        const QString output = QString::fromUtf8(cli.readAll());
        QVERIFY2(cli.exitCode() == 0, qPrintable(output));
        // Nothing left to do after the window's sync: the CLI continued from its state.
        QVERIFY2(output.contains(QStringLiteral("Synced 0 mailbox(es): 0 message(s) copied")),
                 qPrintable(output));
    }
    // The next start finds the pair and its passwords: nobody is asked anything.
    {
        TwinboxApp app(options());
        QSignalSpy notices(&app, &TwinboxApp::noticeShown);
        await(app.start());
        QVERIFY(app.pair(QStringLiteral("Home")));
        QVERIFY(syncedOnce(app, QStringLiteral("Home")));
        QCOMPARE(notices.size(), 0);
        QString error;
        const QString database = profile().toSyncConfig(options().paths, &error).value().database;
        QVERIFY(QFile::exists(database));
        const QString fingerprint = database + QStringLiteral(".verified");
        QVERIFY(QFile::exists(fingerprint)); // the CLI's check passed on it
        // Remove, as the user does it: the window's action, then Yes in the question.
        QMessageBox *question = nullptr;
        QObject context;
        connect(&app, &TwinboxApp::removalAsked, &context,
                [&question](QMessageBox *box) { question = box; });
        app.window()->selectPair(QStringLiteral("Home"));
        app.window()->removeAction()->trigger();
        QTRY_VERIFY(question != nullptr);
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!app.pair(QStringLiteral("Home")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(database), 30000);
        QVERIFY(!QFile::exists(database)); // its state goes with it
        QVERIFY(!QFile::exists(fingerprint));
        QCOMPARE(await(keychain.read(localKey)).status, SecretStore::Status::NotFound);
        QCOMPARE(await(keychain.read(remoteKey)).status, SecretStore::Status::NotFound);
        await(app.quit());
    }
    QVERIFY(
        config::PairStore(config::PairStore::defaultFileName(options().paths)).names().isEmpty());
    QCOMPARE(filesHolding(m_dir.path(), m_servers->remote.password()), QStringList());
}

void TestTwinboxApp::withoutAKeychainPasswordsStayInMemory()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("run without DBUS_SESSION_BUS_ADDRESS: no keychain at all");
    TwinboxApp app(options());
    QSignalSpy notices(&app, &TwinboxApp::noticeShown);
    await(app.start());
    QVERIFY(
        await(app.savePair(profile(), m_servers->local.password(), m_servers->remote.password())));
    QVERIFY(app.keychainUnavailable());
    QCOMPARE(notices.size(), 1);
    const QString notice = notices.at(0).at(0).toString();
    QVERIFY2(notice.startsWith(QStringLiteral("No keychain is available")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("memory")), qPrintable(notice));
    QVERIFY(!notice.contains(m_servers->local.password()));
    // The pair runs on the passwords kept in memory...
    QVERIFY2(syncedOnce(app, QStringLiteral("Home")), qPrintable(app.lastNotice()));
    await(app.quit());
    // ...and no file Twinbox wrote holds one: not the store, not the state database.
    QVERIFY(QFile::exists(config::PairStore::defaultFileName(options().paths)));
    QCOMPARE(filesHolding(m_dir.path(), m_servers->local.password()), QStringList());
    QCOMPARE(filesHolding(m_dir.path(), m_servers->remote.password()), QStringList());

    // The next start asks for them (non-modal prompts, answered with their OK button).
    TwinboxApp again(options());
    std::optional<QCoro::Task<void>> starting(again.start());
    for (const DovecotServer *server : {&m_servers->local, &m_servers->remote}) {
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = again.window()->findChild<QInputDialog *>(
                                      QStringLiteral("passwordPrompt"))) != nullptr &&
                                     prompt->isVisible(),
                                 30000);
        prompt->setTextValue(server->password());
        QPushButton *ok = nullptr;
        for (QPushButton *button : prompt->findChildren<QPushButton *>()) {
            if (button->text().remove(u'&') == QStringLiteral("OK"))
                ok = button;
        }
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!prompt->isVisible());
        QTest::qWait(100); // the prompt goes (deleteLater) before the next one is looked for
    }
    QVERIFY2(syncedOnce(again, QStringLiteral("Home")), qPrintable(again.lastNotice()));
    await(again.quit());
}

// twinbox --demo: the demo's stores as a pair of the window, in a profile of its own.
void TestTwinboxApp::demoPairSyncsInTheWindow()
{
    sync::DemoPair demo;
    QString error;
    QVERIFY2(demo.create(&error), qPrintable(error));
    TwinboxApp::Options options;
    options.paths = {demo.directory() + QStringLiteral("/profile/config"),
                     demo.directory() + QStringLiteral("/profile/data"), QString(), QString()};
    options.keychainService = QStringLiteral("twinbox-demo-test");
    TwinboxApp app(options);
    QObject context;
    std::optional<sync::SyncTotals> first;
    double fraction = 0;   // what the window's overall bar showed at the end of that sync
    QString inboxProgress; // INBOX's progress cell then: new mail went both ways
    connect(&app, &TwinboxApp::pairStarted, &context, [&](const QString &name) {
        PairController *pair = app.pair(name);
        connect(pair, &PairController::syncFinished, &context,
                [&first, &fraction, &inboxProgress, pair](const sync::SyncTotals &totals) {
                    if (first)
                        return;
                    first = totals;
                    const MailboxProgressModel *model = pair->mailboxes();
                    fraction = model->overallFraction();
                    for (int row = 0; row < model->rowCount(); ++row) {
                        if (model->index(row, MailboxProgressModel::Mailbox).data() ==
                            QStringLiteral("INBOX"))
                            inboxProgress =
                                model->index(row, MailboxProgressModel::Progress).data().toString();
                    }
                });
    });
    await(app.start());
    QVERIFY(await(app.savePair(demo.profile(), QString(), QString())));
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 60000);
    QCOMPARE(first->messagesCopied, 300);
    QCOMPARE(first->failures, QStringList());
    QCOMPARE(fraction, 1.0);
    // 120 messages from the local INBOX and 40 from the remote one, counted together.
    QVERIFY2(inboxProgress.startsWith(QStringLiteral("160/160 ")), qPrintable(inboxProgress));
    // Destroyed without quit(): the pairs stop in the destructor, without a dead lock.
}

QTEST_MAIN(TestTwinboxApp)
#include "tst_twinbox_app.moc"
