#pragma once

#include "SyncConfig.h"

#include <QSettings>
#include <QStringList>

namespace twinbox::config {

// The application's own preferences (not the account pairs: those are in PairStore), in one
// INI file: `twinbox.conf` in the configuration directory. An explicit file rather than
// QSettings' default location, so that the GUI, the CLI and the tests agree on where it is
// and XDG_CONFIG_HOME moves it with everything else.
class AppSettings
{
public:
    explicit AppSettings(const QString &fileName);
    // twinbox.conf in Paths::configDirectory.
    static QString defaultFileName(const SyncConfig::Paths &paths);
    // The languages the user can choose: "" (the system's), then the catalogues Twinbox has.
    static QStringList supportedLanguages();

    QString fileName() const;

    bool startAtLogin() const;
    void setStartAtLogin(bool on);
    bool startMinimised() const;
    void setStartMinimised(bool on);
    // "" follows the system locale; otherwise one of supportedLanguages(). An unknown value
    // (an edited file, a language dropped) reads as "".
    QString language() const;
    void setLanguage(const QString &language);
    // Whether the user was told once that closing the window leaves Twinbox in the tray.
    bool closeToTrayExplained() const;
    void setCloseToTrayExplained(bool explained);

    // Writes the values to the file; false (and *error) when it cannot be written.
    bool save(QString *error);

private:
    mutable QSettings m_settings;
};

} // namespace twinbox::config
