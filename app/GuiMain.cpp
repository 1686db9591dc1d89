#include "AppInfo.h"
#include "MainWindow.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
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
    parser.process(app);
    return {parser.isSet(minimised)};
}

} // namespace

int main(int argc, char *argv[])
{
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

    twinbox::MainWindow window;
    // Minimised means in the tray; without a tray that would hide Twinbox entirely.
    std::unique_ptr<twinbox::TrayIcon> tray;
    if (twinbox::TrayIcon::available()) {
        tray = std::make_unique<twinbox::TrayIcon>();
        QObject::connect(tray.get(), &twinbox::TrayIcon::openRequested, &window, [&window] {
            window.showNormal();
            window.raise();
            window.activateWindow();
        });
        QObject::connect(tray.get(), &twinbox::TrayIcon::quitRequested, &app,
                         &QCoreApplication::quit);
        tray->show();
    }
    if (!(options.minimised && tray))
        window.show();

    // Lets screenshot scripts and smoke tests end the program cleanly without a signal.
    if (const int quitAfterMs = qEnvironmentVariableIntValue("TWINBOX_QUIT_AFTER_MS");
        quitAfterMs > 0)
        QTimer::singleShot(quitAfterMs, &app, &QCoreApplication::quit);
    return app.exec();
}
