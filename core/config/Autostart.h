#pragma once

#include <QString>

namespace twinbox::config {

// Starting Twinbox when the user logs in. On Linux and the other freedesktop.org desktops
// that is a .desktop entry in $XDG_CONFIG_HOME/autostart (the XDG Autostart specification);
// elsewhere it is not supported yet, and says so instead of pretending.
class Autostart
{
public:
    // The entry in the given autostart directory.
    explicit Autostart(const QString &directory);
    // $XDG_CONFIG_HOME/autostart, or ~/.config/autostart.
    static Autostart standard();
    static bool supported();

    QString filePath() const;
    bool isEnabled() const;
    // Writes the entry; with `minimised`, Twinbox starts in the tray (twinbox --minimised).
    bool enable(bool minimised, QString *error);
    bool disable(QString *error);
    // enable() or disable().
    bool apply(bool enabled, bool minimised, QString *error);

    static QString desktopEntry(bool minimised);

private:
    QString m_directory;
};

} // namespace twinbox::config
