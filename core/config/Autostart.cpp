#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace twinbox::config {

namespace {

// The same name as the installed application entry (resources/linux), as desktops expect.
const QString entryName = QStringLiteral("org.twinbox.Twinbox.desktop");

QString unsupported()
{
    return QCoreApplication::translate("Autostart",
                                       "Starting at login is not supported on this system yet.");
}

} // namespace

Autostart::Autostart(const QString &directory)
    : m_directory(directory)
{}

Autostart Autostart::standard()
{
    const QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString root = config.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : config;
    return Autostart(root + QStringLiteral("/autostart"));
}

bool Autostart::supported()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    return true;
#else
    return false;
#endif
}

QString Autostart::filePath() const
{
    return m_directory + u'/' + entryName;
}

bool Autostart::isEnabled() const
{
    return supported() && QFile::exists(filePath());
}

QString Autostart::desktopEntry(bool minimised)
{
    // Exec names the program, not a build-tree path: it is the installed twinbox that logs in.
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Twinbox\n"
                          "Comment=Keep two IMAP accounts identical in both directions\n"
                          "Exec=twinbox") +
           (minimised ? QStringLiteral(" --minimised") : QString()) +
           QStringLiteral("\n"
                          "Icon=twinbox\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n");
}

bool Autostart::enable(bool minimised, QString *error)
{
    if (!supported()) {
        if (error)
            *error = unsupported();
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QCoreApplication::translate("Autostart", "Cannot create the folder %1.")
                         .arg(m_directory);
        return false;
    }
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(desktopEntry(minimised).toUtf8()) < 0 ||
        !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Autostart", "Cannot write %1: %2")
                         .arg(filePath(), file.errorString());
        return false;
    }
    return true;
}

bool Autostart::disable(QString *error)
{
    if (!supported())
        return true; // nothing was ever written
    QFile file(filePath());
    if (file.exists() && !file.remove()) {
        if (error)
            *error = QCoreApplication::translate("Autostart", "Cannot remove %1: %2")
                         .arg(filePath(), file.errorString());
        return false;
    }
    return true;
}

bool Autostart::apply(bool enabled, bool minimised, QString *error)
{
    return enabled ? enable(minimised, error) : disable(error);
}

} // namespace twinbox::config
