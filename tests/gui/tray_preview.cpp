// Shows the tray icon in the states named on the command line (all five when none), one
// icon per state, for the screenshots of screenshot-tray.sh. Quits after TWINBOX_QUIT_AFTER_MS.
#include "TrayIcon.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <vector>

int main(int argc, char *argv[])
{
    using Activity = twinbox::sync::PairState::Activity;
    QApplication app(argc, argv);
    const QList<std::pair<QString, Activity>> known = {
        {QStringLiteral("idle"), Activity::Idle},
        {QStringLiteral("syncing"), Activity::Syncing},
        {QStringLiteral("paused"), Activity::Paused},
        {QStringLiteral("error"), Activity::Error},
        {QStringLiteral("attention"), Activity::NeedsAttention}};
    QStringList names = app.arguments().mid(1);
    if (names.isEmpty()) {
        for (const auto &[name, activity] : known)
            names.append(name);
    }
    QTextStream out(stdout);
    out << "tray available: " << (twinbox::TrayIcon::available() ? "yes" : "no") << Qt::endl;
    std::vector<std::unique_ptr<twinbox::TrayIcon>> icons;
    for (const QString &name : names) {
        for (const auto &[knownName, activity] : known) {
            if (knownName != name)
                continue;
            auto icon = std::make_unique<twinbox::TrayIcon>();
            icon->setOverallState(activity, name);
            icon->show();
            icons.push_back(std::move(icon));
        }
    }
    if (const int quitAfterMs = qEnvironmentVariableIntValue("TWINBOX_QUIT_AFTER_MS");
        quitAfterMs > 0)
        QTimer::singleShot(quitAfterMs, &app, &QCoreApplication::quit);
    return app.exec();
}
