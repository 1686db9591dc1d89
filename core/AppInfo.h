#pragma once

#include <QString>

class QCoreApplication;

namespace twinbox {

// Identity of the application, shared by the GUI and the CLI so that both read the same
// settings store and keychain service and report the same version.
class AppInfo
{
public:
    static QString version();
    static QString organizationDomain();

    // Sets the application name, version and organisation on the running application.
    static void configure(QCoreApplication &app, const QString &applicationName);

    // Loads the user's translation (embedded as :/i18n/twinbox_<lang>.qm) and Qt's own
    // catalogue for the same language. Missing catalogues are not an error: English remains.
    // `language` is the one chosen in the settings ("fr", "de", "en"); empty follows the
    // system locale.
    static void installTranslations(QCoreApplication &app, const QString &language = {});
    // The language chosen in the settings file of the standard configuration directory
    // (AppSettings), or empty when none is chosen.
    static QString configuredLanguage();
};

} // namespace twinbox
