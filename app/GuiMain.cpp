#include "AppInfo.h"
#include "MainWindow.h"
#include "ProcessHardening.h"
#include "TwinboxApp.h"
#include "sync/DemoPair.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

#include <cstring>
#include <memory>

namespace {

// --help and --version must work without a display (scripts, packaging checks, SSH
// sessions), so they are answered by a QCoreApplication before any GUI is created.
bool asksForInformationOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

struct GuiOptions
{
    bool minimised = false;
    bool demo = false;
};

GuiOptions parseCommandLine(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "GuiMain", "Keeps two IMAP accounts identical in both directions, from the tray."));
    parser.addHelpOption();
    parser.addVersionOption();
    // The login entry (config::Autostart) starts Twinbox this way when "start minimised" is on.
    const QCommandLineOption minimised(
        QStringLiteral("minimised"),
        QCoreApplication::translate("GuiMain", "Start in the tray, without opening the window."));
    parser.addOption(minimised);
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("GuiMain", "Sync two private Dovecot mail stores made for the "
                                               "demo, in a throw-away profile."));
    parser.addOption(demo);
    parser.process(app);
    return {parser.isSet(minimised), parser.isSet(demo)};
}

} // namespace

int main(int argc, char *argv[])
{
    twinbox::hardenProcess(twinbox::ProcessKind::Desktop);
    if (asksForInformationOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        twinbox::AppInfo::configure(app, QStringLiteral("twinbox"));
        twinbox::AppInfo::installTranslations(app, twinbox::AppInfo::configuredLanguage());
        parseCommandLine(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    twinbox::AppInfo::configure(app, QStringLiteral("twinbox"));
    twinbox::AppInfo::installTranslations(app, twinbox::AppInfo::configuredLanguage());
    const GuiOptions options = parseCommandLine(app);
    // The installed .desktop entry and icon (resources/linux); the built-in icon when run
    // from a build tree.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.twinbox.Twinbox"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("twinbox"), QIcon(QStringLiteral(":/icons/twinbox.svg"))));

    twinbox::TwinboxApp::Options appOptions;
    appOptions.minimised = options.minimised;
    // --demo: two private stores and a profile of their own, all removed at the end; the
    // user's pairs, settings and keychain are not touched.
    twinbox::sync::DemoPair demo;
    if (options.demo) {
        QString error;
        if (!twinbox::sync::DemoPair::dovecotAvailable() || !demo.create(&error)) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("GuiMain", "Twinbox demo"),
                                  error.isEmpty() ? QCoreApplication::translate(
                                                        "GuiMain", "The demo needs Dovecot's IMAP "
                                                                   "server: apt install "
                                                                   "dovecot-imapd")
                                                  : error);
            return 1;
        }
        appOptions.paths = {demo.directory() + QStringLiteral("/profile/config"),
                            demo.directory() + QStringLiteral("/profile/data"), QString(),
                            QString()};
        appOptions.keychainService = QStringLiteral("twinbox-demo");
    }
    twinbox::TwinboxApp twinboxApp(appOptions);
    std::optional<QCoro::Task<void>> starting; // kept until the event loop ends
    QTimer::singleShot(0, &twinboxApp, [&] {
        starting.emplace([](twinbox::TwinboxApp &started, const twinbox::sync::DemoPair &pair,
                            bool withDemo) -> QCoro::Task<void> {
            co_await started.start();
            if (withDemo)
                co_await started.savePair(pair.profile(), QString(), QString());
        }(twinboxApp, demo, options.demo));
    });
    // Quitting from the desktop session (or the last window without a tray): every pair
    // finishes the mailbox it is on, in ~TwinboxApp.

    // Lets screenshot scripts and smoke tests end the program cleanly without a signal.
    if (const int quitAfterMs = qEnvironmentVariableIntValue("TWINBOX_QUIT_AFTER_MS");
        quitAfterMs > 0)
        QTimer::singleShot(quitAfterMs, &app, &QCoreApplication::quit);
    return app.exec();
}
