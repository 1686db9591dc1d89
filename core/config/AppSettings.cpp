#include "AppSettings.h"

#include <QCoreApplication>

namespace twinbox::config {

namespace {

const QString startAtLoginKey = QStringLiteral("application/start-at-login");
const QString startMinimisedKey = QStringLiteral("application/start-minimised");
const QString languageKey = QStringLiteral("application/language");
const QString closeToTrayKey = QStringLiteral("application/close-to-tray-explained");

} // namespace

AppSettings::AppSettings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{}

QString AppSettings::defaultFileName(const SyncConfig::Paths &paths)
{
    return paths.configDirectory + QStringLiteral("/twinbox.conf");
}

QStringList AppSettings::supportedLanguages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("de")};
}

QString AppSettings::fileName() const
{
    return m_settings.fileName();
}

bool AppSettings::startAtLogin() const
{
    return m_settings.value(startAtLoginKey, false).toBool();
}

void AppSettings::setStartAtLogin(bool on)
{
    m_settings.setValue(startAtLoginKey, on);
}

bool AppSettings::startMinimised() const
{
    return m_settings.value(startMinimisedKey, false).toBool();
}

void AppSettings::setStartMinimised(bool on)
{
    m_settings.setValue(startMinimisedKey, on);
}

QString AppSettings::language() const
{
    const QString language = m_settings.value(languageKey).toString();
    return supportedLanguages().contains(language) ? language : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(languageKey,
                        supportedLanguages().contains(language) ? language : QString());
}

bool AppSettings::closeToTrayExplained() const
{
    return m_settings.value(closeToTrayKey, false).toBool();
}

void AppSettings::setCloseToTrayExplained(bool explained)
{
    m_settings.setValue(closeToTrayKey, explained);
}

bool AppSettings::save(QString *error)
{
    m_settings.sync();
    if (m_settings.status() == QSettings::NoError)
        return true;
    if (error)
        *error = QCoreApplication::translate("AppSettings", "Cannot write the settings file %1.")
                     .arg(m_settings.fileName());
    return false;
}

} // namespace twinbox::config
