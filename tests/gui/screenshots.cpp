// Not a test: takes the screenshots of the window that a person checks by eye (issue #6):
// the main window during a sync, the wizard at its first account with an untrusted
// certificate, the conflicts view, and the whole screen with the tray icon. Real Dovecot
// servers, the real application object; run by screenshots.sh on a virtual X display with a
// tray host, once per language.
//   gui_screenshots OUT_DIR SUFFIX
#include "AppInfo.h"
#include "AwaitInTest.h"
#include "Corpus.h"
#include "DovecotAccount.h"
#include "DovecotPair.h"
#include "MainWindow.h"
#include "PairNamePage.h"
#include "PairWizard.h"
#include "TestImapClient.h"
#include "TwinboxApp.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QProcess>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace twinbox;
using twinbox::test::await;

namespace {

QString out;
QString suffix;

void shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(400); // let the window settle
    const QString file = out + u'/' + name + u'-' + suffix + QStringLiteral(".png");
    widget->grab().save(file);
    // The whole screen too: the tray icon is only there.
    QProcess::execute(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"),
                                                 out + u'/' + name + QStringLiteral("-screen-") +
                                                     suffix + QStringLiteral(".png")});
    qInfo("%s", qPrintable(file));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppInfo::configure(app, QStringLiteral("twinbox"));
    AppInfo::installTranslations(app, QString());
    if (app.arguments().size() != 3)
        qFatal("usage: gui_screenshots OUT_DIR SUFFIX");
    out = app.arguments().at(1);
    suffix = app.arguments().at(2);

    test::DovecotPair servers;
    QString error;
    if (!servers.start(&error))
        qFatal("%s", qPrintable(error));
    for (const test::CorpusMailbox &mailbox : test::Corpus::generate(8, 150))
        servers.local.append(mailbox.name, mailbox.messages, &error);

    QTemporaryDir dir;
    TwinboxApp::Options options;
    options.paths = {dir.filePath(QStringLiteral("config")), dir.filePath(QStringLiteral("data")),
                     QString(), QString()};
    options.keychainService = QStringLiteral("twinbox-screenshots");
    TwinboxApp twinbox(options);
    await(twinbox.start());
    MainWindow *window = twinbox.window();
    window->resize(1100, 640);

    config::PairProfile profile;
    profile.name = QStringLiteral("Home ⇄ Work");
    profile.local = test::accountOf(servers.local);
    profile.remote = test::accountOf(servers.remote);
    bool shotDuringSync = false;
    QObject context;
    QObject::connect(&twinbox, &TwinboxApp::pairStarted, &context, [&](const QString &name) {
        MailboxProgressModel *model = twinbox.pair(name)->mailboxes();
        QObject::connect(model, &MailboxProgressModel::overallChanged, &context, [&, model] {
            if (!shotDuringSync && model->running() && model->overallFraction() > 0.35) {
                shotDuringSync = true;
                shoot(window, QStringLiteral("main-syncing"));
            }
        });
    });
    await(twinbox.savePair(profile, servers.local.password(), servers.remote.password()));
    PairController *pair = twinbox.pair(profile.name);
    (void)QTest::qWaitFor([&] { return pair->state().lastSync.isValid(); }, 120000);

    // A conflict: the same message flagged on one side, marked for later on the other.
    for (auto [server, store] : {std::pair{&servers.local, QByteArray("+FLAGS (\\Flagged)")},
                                 std::pair{&servers.remote, QByteArray("FLAGS ($Later)")}}) {
        test::TestImapClient client;
        client.connectTunnel(*server, &error);
        client.command("SELECT INBOX");
        client.command("UID STORE 1 " + store);
        client.logout();
    }
    pair->syncNow();
    (void)QTest::qWaitFor([&] { return pair->issues()->rowCount() > 0; }, 60000);
    window->tabs()->setCurrentIndex(1);
    window->issueView()->selectRow(0);
    shoot(window, QStringLiteral("conflicts"));

    // The wizard, at the first account, after "Test connection" met the self-signed
    // certificate.
    QDialog *opened = nullptr;
    QObject::connect(&twinbox, &TwinboxApp::wizardOpened, &context,
                     [&opened](QDialog *wizard) { opened = wizard; });
    Q_EMIT window->addRequested();
    (void)QTest::qWaitFor([&] { return opened != nullptr; }, 5000);
    auto *wizard = qobject_cast<PairWizard *>(opened);
    wizard->namePage()->findChild<QLineEdit *>()->setText(QStringLiteral("Personal"));
    wizard->next();
    QWidget *account = wizard->currentPage();
    account->findChild<QLineEdit *>(QStringLiteral("username"))->setText(servers.local.user());
    account->findChild<QLineEdit *>(QStringLiteral("host"))->setText(servers.local.host());
    account->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("secret"));
    if (auto *port = account->findChild<QWidget *>(QStringLiteral("port")))
        port->setProperty("value", servers.local.imapsPort());
    account->findChild<QAbstractButton *>(QStringLiteral("testConnection"))->click();
    (void)QTest::qWaitFor(
        [&] {
            const QWidget *certificate =
                account->findChild<QWidget *>(QStringLiteral("certificate"));
            return certificate && certificate->isVisible();
        },
        15000);
    shoot(wizard, QStringLiteral("wizard"));
    wizard->reject();

    await(twinbox.quit());
    return 0;
}
