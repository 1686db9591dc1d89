#include "SettingsDialog.h"

#include "config/AppSettings.h"
#include "config/Autostart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace twinbox {

SettingsDialog::SettingsDialog(config::AppSettings &settings, config::Autostart &autostart,
                               QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_autostart(autostart)
    , m_startAtLogin(new QCheckBox(tr("&Start Twinbox when I log in")))
    , m_startMinimised(new QCheckBox(tr("Start &minimised in the tray")))
    , m_language(new QComboBox)
    , m_error(new QLabel)
{
    setWindowTitle(tr("Twinbox Settings"));

    m_startAtLogin->setAccessibleName(tr("Start at login"));
    // The login entry is the truth when it exists: the user may have removed it elsewhere.
    m_startAtLogin->setChecked(config::Autostart::supported() ? m_autostart.isEnabled()
                                                              : settings.startAtLogin());
    if (!config::Autostart::supported()) {
        m_startAtLogin->setEnabled(false);
        m_startAtLogin->setToolTip(tr("Starting at login is not supported on this system yet."));
    }
    m_startMinimised->setAccessibleName(tr("Start minimised"));
    m_startMinimised->setChecked(settings.startMinimised());

    // Each language in its own name, so that someone who cannot read the current one finds it.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    m_language->setAccessibleName(tr("Language"));
    auto *languageNote = new QLabel(tr("The language changes when Twinbox starts again."));
    languageNote->setWordWrap(true);

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Error"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(m_startAtLogin);
    form->addRow(m_startMinimised);
    auto *languageLabel = new QLabel(tr("&Language:"));
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

bool SettingsDialog::apply()
{
    const bool startAtLogin = m_startAtLogin->isChecked();
    const bool startMinimised = m_startMinimised->isChecked();
    m_settings.setStartAtLogin(startAtLogin);
    m_settings.setStartMinimised(startMinimised);
    m_settings.setLanguage(m_language->currentData().toString());
    QString error;
    bool ok = m_settings.save(&error);
    if (ok && config::Autostart::supported())
        ok = m_autostart.apply(startAtLogin, startMinimised, &error);
    m_error->setText(error);
    m_error->setVisible(!ok);
    return ok;
}

QString SettingsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace twinbox
