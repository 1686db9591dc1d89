#include "AppInfo.h"

#include "config/AppSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace twinbox {

QString AppInfo::version()
{
    return QStringLiteral(TWINBOX_VERSION);
}

QString AppInfo::organizationDomain()
{
    return QStringLiteral("twinbox.invalid");
}

void AppInfo::configure(QCoreApplication &app, const QString &applicationName)
{
    app.setApplicationName(applicationName);
    app.setApplicationVersion(version());
    app.setOrganizationName(QStringLiteral("Twinbox"));
    app.setOrganizationDomain(organizationDomain());
}

QString AppInfo::configuredLanguage()
{
    const auto paths = config::SyncConfig::Paths::standard();
    return config::AppSettings(config::AppSettings::defaultFileName(paths)).language();
}

void AppInfo::installTranslations(QCoreApplication &app, const QString &language)
{
    // A chosen language becomes the default locale too, so that dates and numbers match
    // the words around them.
    if (!language.isEmpty())
        QLocale::setDefault(QLocale(language));
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // The translators are children of the application, so they live exactly as long as it.
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("twinbox"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace twinbox
