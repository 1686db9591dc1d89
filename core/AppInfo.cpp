#include "AppInfo.h"

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

void AppInfo::installTranslations(QCoreApplication &app)
{
    // The translators are children of the application, so they live exactly as long as it.
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("twinbox"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace twinbox
