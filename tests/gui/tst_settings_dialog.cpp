#include "SettingsDialog.h"
#include "config/AppSettings.h"
#include "config/Autostart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using twinbox::SettingsDialog;
using twinbox::config::AppSettings;
using twinbox::config::Autostart;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheStoredValues();
    void okWritesSettingsAndLoginEntry();
    void cancelWritesNothing();
    void unwritableLoginEntryKeepsTheDialogOpen();
    void controlsHaveAccessibleNames();

private:
    QTemporaryDir m_dir;
};

void TestSettingsDialog::showsTheStoredValues()
{
    QVERIFY(m_dir.isValid());
    const QString file = m_dir.filePath(QStringLiteral("shows/twinbox.conf"));
    {
        AppSettings settings(file);
        settings.setStartMinimised(true);
        settings.setLanguage(QStringLiteral("de"));
        QVERIFY(settings.save(nullptr));
    }
    AppSettings settings(file);
    Autostart autostart(m_dir.filePath(QStringLiteral("shows/autostart")));
    SettingsDialog dialog(settings, autostart);
    QVERIFY(!dialog.startAtLoginBox()->isChecked());
    QVERIFY(dialog.startMinimisedBox()->isChecked());
    QCOMPARE(dialog.languageBox()->count(), 4);
    QCOMPARE(dialog.languageBox()->currentData().toString(), QStringLiteral("de"));
    QCOMPARE(dialog.languageBox()->currentText(), QStringLiteral("Deutsch"));
}

void TestSettingsDialog::okWritesSettingsAndLoginEntry()
{
    const QString file = m_dir.filePath(QStringLiteral("ok/twinbox.conf"));
    AppSettings settings(file);
    Autostart autostart(m_dir.filePath(QStringLiteral("ok/autostart")));
    SettingsDialog dialog(settings, autostart);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.languageBox()->currentData().toString(), QString());

    QTest::mouseClick(dialog.startAtLoginBox(), Qt::LeftButton);
    QTest::mouseClick(dialog.startMinimisedBox(), Qt::LeftButton);
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("fr")));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());

    AppSettings reread(file);
    QVERIFY(reread.startAtLogin());
    QVERIFY(reread.startMinimised());
    QCOMPARE(reread.language(), QStringLiteral("fr"));
    QVERIFY(autostart.isEnabled());
    QFile entry(autostart.filePath());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    QVERIFY(entry.readAll().contains("\nExec=twinbox --minimised\n"));
    entry.close();

    // And back: the entry goes away with "start at login".
    SettingsDialog again(settings, autostart);
    QVERIFY(again.startAtLoginBox()->isChecked());
    again.startAtLoginBox()->setChecked(false);
    again.languageBox()->setCurrentIndex(0);
    QVERIFY(again.apply());
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFile::exists(autostart.filePath()));
    QCOMPARE(AppSettings(file).language(), QString());
    QVERIFY(!AppSettings(file).startAtLogin());
}

void TestSettingsDialog::cancelWritesNothing()
{
    const QString file = m_dir.filePath(QStringLiteral("cancel/twinbox.conf"));
    AppSettings settings(file);
    Autostart autostart(m_dir.filePath(QStringLiteral("cancel/autostart")));
    SettingsDialog dialog(settings, autostart);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.startAtLoginBox()->setChecked(true);
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("en")));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QFile::exists(file));
    QVERIFY(!autostart.isEnabled());
}

void TestSettingsDialog::unwritableLoginEntryKeepsTheDialogOpen()
{
    // A file where the autostart folder should be: the folder cannot be made.
    const QString blocker = m_dir.filePath(QStringLiteral("blocked"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    AppSettings settings(m_dir.filePath(QStringLiteral("blocked.conf")));
    Autostart autostart(blocker + QStringLiteral("/autostart"));
    SettingsDialog dialog(settings, autostart);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.startAtLoginBox()->setChecked(true);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(blocker), qPrintable(dialog.errorText()));
}

void TestSettingsDialog::controlsHaveAccessibleNames()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("names.conf")));
    Autostart autostart(m_dir.filePath(QStringLiteral("names/autostart")));
    SettingsDialog dialog(settings, autostart);
    QCOMPARE(dialog.startAtLoginBox()->accessibleName(), QStringLiteral("Start at login"));
    QCOMPARE(dialog.startMinimisedBox()->accessibleName(), QStringLiteral("Start minimised"));
    QCOMPARE(dialog.languageBox()->accessibleName(), QStringLiteral("Language"));
    QVERIFY(!dialog.windowTitle().isEmpty());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
