#pragma once

#include "PairSide.h"
#include "config/PairProfile.h"
#include "imap/ConnectionSettings.h"
#include "sync/ConnectionProbe.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace twinbox {

class CertificatePanel;

// One account of the pair (used twice, for the local and the remote side): user name, server,
// port, security (SSL/TLS, STARTTLS or a tunnel command, which needs no server or password),
// password, and "Test connection", which logs in without blocking the window and tells in
// plain words what the server offers and lacks. An untrusted certificate is shown with a
// "Trust this certificate" button that pins its key for this account.
class AccountPage : public QWizardPage
{
    Q_OBJECT

public:
    AccountPage(PairSide side, const config::AccountSide &account, QWidget *parent = nullptr);

    PairSide side() const { return m_side; }
    config::AccountSide account() const;
    QString password() const;
    void setPassword(const QString &password);
    bool isComplete() const override;

    // The settings a sync would use, with the typed password; nullopt and *error when the
    // fields do not make a valid configuration.
    std::optional<imap::ConnectionSettings> connectionSettings(QString *error) const;
    // The last test's result while the fields are unchanged since.
    const std::optional<sync::ConnectionReport> &report() const { return m_report; }
    bool isTesting() const { return m_testing; }

    void testConnection();

signals:
    // A test ended (its result is report()).
    void testFinished();

private:
    void securityChanged();
    void serverChanged();
    void fieldsChanged();
    void showReport(const sync::ConnectionReport &report);
    void trust(const QString &pin);
    config::AccountSide::Security security() const;
    static quint16 defaultPort(config::AccountSide::Security security);

    PairSide m_side;
    QFormLayout *m_form;
    QLineEdit *m_username;
    QComboBox *m_security;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_tunnelCommand;
    QLineEdit *m_password;
    QPushButton *m_test;
    QLabel *m_status;
    QLabel *m_findings;
    CertificatePanel *m_certificate;
    QScrollArea *m_results;
    QStringList m_pinnedKeys;
    config::AccountSide::Security m_shownSecurity;
    std::optional<sync::ConnectionReport> m_report;
    int m_generation = 0; // a test's result is shown only if nothing changed meanwhile
    bool m_testing = false;
};

} // namespace twinbox
