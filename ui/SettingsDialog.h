#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;

namespace twinbox {

namespace config {
class AppSettings;
class Autostart;
} // namespace config

// The application's preferences: start at login, start minimised, language. OK writes them
// to AppSettings and the login entry (Autostart); a failure is shown in the dialog, which
// then stays open.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(config::AppSettings &settings, config::Autostart &autostart,
                   QWidget *parent = nullptr);

    // Writes what the dialog shows; false (and the reason shown in the dialog) on failure.
    bool apply();

    QCheckBox *startAtLoginBox() const { return m_startAtLogin; }
    QCheckBox *startMinimisedBox() const { return m_startMinimised; }
    QComboBox *languageBox() const { return m_language; }
    QString errorText() const;

    void accept() override;

private:
    config::AppSettings &m_settings;
    config::Autostart &m_autostart;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_startMinimised;
    QComboBox *m_language;
    QLabel *m_error;
};

} // namespace twinbox
