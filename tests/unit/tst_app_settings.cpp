#include "AppInfo.h"
#include "config/AppSettings.h"
#include "config/Autostart.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using twinbox::config::AppSettings;
using twinbox::config::Autostart;
using twinbox::config::SyncConfig;

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void defaultsBeforeAnythingIsWritten();
    void valuesSurviveARoundTrip();
    void unknownLanguageReadsAsSystem();
    void fileIsInTheConfigurationDirectory();
    void autostartEntryIsWrittenAndRemoved();
    void autostartEntryWithoutMinimised();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QByteArray m_savedConfigHome;
};

void TestAppSettings::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_savedConfigHome = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home->path()));
}

void TestAppSettings::cleanup()
{
    if (m_savedConfigHome.isEmpty())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", m_savedConfigHome);
    m_home.reset();
}

void TestAppSettings::defaultsBeforeAnythingIsWritten()
{
    AppSettings settings(m_home->filePath(QStringLiteral("none.conf")));
    QVERIFY(!settings.startAtLogin());
    QVERIFY(!settings.startMinimised());
    QCOMPARE(settings.language(), QString());
    QVERIFY(!settings.closeToTrayExplained());
}

void TestAppSettings::valuesSurviveARoundTrip()
{
    const QString file = m_home->filePath(QStringLiteral("twinbox/twinbox.conf"));
    {
        AppSettings settings(file);
        settings.setStartAtLogin(true);
        settings.setStartMinimised(true);
        settings.setLanguage(QStringLiteral("fr"));
        settings.setCloseToTrayExplained(true);
        QString error;
        QVERIFY2(settings.save(&error), qPrintable(error));
    }
    QVERIFY(QFile::exists(file));
    AppSettings reread(file);
    QVERIFY(reread.startAtLogin());
    QVERIFY(reread.startMinimised());
    QCOMPARE(reread.language(), QStringLiteral("fr"));
    QVERIFY(reread.closeToTrayExplained());

    reread.setStartMinimised(false);
    reread.setLanguage(QString());
    QVERIFY(reread.save(nullptr));
    AppSettings third(file);
    QVERIFY(!third.startMinimised());
    QVERIFY(third.startAtLogin());
    QCOMPARE(third.language(), QString());
}

void TestAppSettings::unknownLanguageReadsAsSystem()
{
    const QString file = m_home->filePath(QStringLiteral("edited.conf"));
    {
        QSettings raw(file, QSettings::IniFormat);
        raw.setValue(QStringLiteral("application/language"), QStringLiteral("tlh"));
    }
    QCOMPARE(AppSettings(file).language(), QString());
    AppSettings settings(file);
    settings.setLanguage(QStringLiteral("xx"));
    QCOMPARE(settings.language(), QString());
    settings.setLanguage(QStringLiteral("de"));
    QCOMPARE(settings.language(), QStringLiteral("de"));
}

void TestAppSettings::fileIsInTheConfigurationDirectory()
{
    const auto paths = SyncConfig::Paths::standard();
    QCOMPARE(AppSettings::defaultFileName(paths),
             m_home->path() + QStringLiteral("/twinbox/twinbox.conf"));
    // What the programs read at start-up to choose their language.
    QCOMPARE(twinbox::AppInfo::configuredLanguage(), QString());
    AppSettings settings(AppSettings::defaultFileName(paths));
    settings.setLanguage(QStringLiteral("de"));
    QVERIFY(settings.save(nullptr));
    QCOMPARE(twinbox::AppInfo::configuredLanguage(), QStringLiteral("de"));
}

void TestAppSettings::autostartEntryIsWrittenAndRemoved()
{
    if (!Autostart::supported())
        QSKIP("XDG autostart only on freedesktop.org systems");
    const Autostart autostart = Autostart::standard();
    const QString expected =
        m_home->path() + QStringLiteral("/autostart/org.twinbox.Twinbox.desktop");
    QCOMPARE(autostart.filePath(), expected);
    QVERIFY(!autostart.isEnabled());

    Autostart writer = autostart;
    QString error;
    QVERIFY2(writer.enable(true, &error), qPrintable(error));
    QVERIFY(autostart.isEnabled());
    QFile file(expected);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    file.close();
    QCOMPARE(lines.first(), QStringLiteral("[Desktop Entry]"));
    QVERIFY(lines.contains(QStringLiteral("Type=Application")));
    QVERIFY(lines.contains(QStringLiteral("Name=Twinbox")));
    QVERIFY(lines.contains(QStringLiteral("Exec=twinbox --minimised")));
    // Readable as a desktop entry: QSettings' INI reader finds the same keys.
    QSettings desktop(expected, QSettings::IniFormat);
    QCOMPARE(desktop.value(QStringLiteral("Desktop Entry/Exec")).toString(),
             QStringLiteral("twinbox --minimised"));

    QVERIFY2(writer.disable(&error), qPrintable(error));
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFile::exists(expected));
    // Disabling twice is fine: nothing to remove.
    QVERIFY(writer.disable(&error));
}

void TestAppSettings::autostartEntryWithoutMinimised()
{
    if (!Autostart::supported())
        QSKIP("XDG autostart only on freedesktop.org systems");
    Autostart autostart = Autostart::standard();
    QString error;
    QVERIFY2(autostart.apply(true, false, &error), qPrintable(error));
    QFile file(autostart.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    QVERIFY(lines.contains(QStringLiteral("Exec=twinbox")));
    QVERIFY(!lines.contains(QStringLiteral("Exec=twinbox --minimised")));
    QVERIFY(autostart.apply(false, false, &error));
    QVERIFY(!autostart.isEnabled());
}

QTEST_MAIN(TestAppSettings)
#include "tst_app_settings.moc"
