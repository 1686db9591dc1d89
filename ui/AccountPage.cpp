#include "AccountPage.h"

#include "CertificatePanel.h"

#include <QComboBox>
#include <QCoroTask>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace twinbox {

using Security = config::AccountSide::Security;

AccountPage::AccountPage(PairSide side, const config::AccountSide &account, QWidget *parent)
    : QWizardPage(parent)
    , m_side(side)
    , m_form(new QFormLayout(this))
    , m_username(new QLineEdit(account.username, this))
    , m_security(new QComboBox(this))
    , m_host(new QLineEdit(account.host, this))
    , m_port(new QSpinBox(this))
    , m_tunnelCommand(new QLineEdit(account.tunnelCommand, this))
    , m_password(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_status(new QLabel(this))
    , m_findings(new QLabel(this))
    , m_certificate(new CertificatePanel(this))
    , m_results(new QScrollArea(this))
    , m_pinnedKeys(account.pinnedKeys)
    , m_shownSecurity(account.security)
{
    if (side == PairSide::Local) {
        setTitle(tr("First account"));
        setSubTitle(tr("The first of the two accounts to keep identical, for example the one "
                       "you have had for longest."));
    } else {
        setTitle(tr("Second account"));
        setSubTitle(tr("The account to keep identical with the first one."));
    }

    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("User name or email address"));
    m_username->setPlaceholderText(tr("e.g. alice@example.net"));
    m_security->setObjectName(QStringLiteral("security"));
    m_security->setAccessibleName(tr("Security"));
    m_security->addItem(tr("SSL/TLS"), int(Security::Tls));
    m_security->addItem(tr("STARTTLS"), int(Security::StartTls));
    m_security->addItem(tr("Tunnel command"), int(Security::Tunnel));
    m_security->setCurrentIndex(m_security->findData(int(account.security)));
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setAccessibleName(tr("IMAP server"));
    m_host->setPlaceholderText(tr("e.g. imap.example.net"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(account.port != 0 ? account.port : defaultPort(account.security));
    m_tunnelCommand->setObjectName(QStringLiteral("tunnelCommand"));
    m_tunnelCommand->setAccessibleName(tr("Tunnel command"));
    m_tunnelCommand->setPlaceholderText(tr("e.g. ssh mail.example.net dovecot exec imap"));
    m_tunnelCommand->setToolTip(tr("A command that speaks IMAP on its standard input and "
                                   "output, already logged in."));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setAccessibleName(tr("Connection test result"));
    m_findings->setObjectName(QStringLiteral("testFindings"));
    m_findings->setAccessibleName(tr("What the server offers and lacks"));
    for (QLabel *label : {m_status, m_findings}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_certificate->setObjectName(QStringLiteral("certificate"));
    m_certificate->hide();

    m_form->addRow(tr("&User name:"), m_username);
    m_form->addRow(tr("S&ecurity:"), m_security);
    m_form->addRow(tr("&Server:"), m_host);
    m_form->addRow(tr("P&ort:"), m_port);
    m_form->addRow(tr("Tunnel &command:"), m_tunnelCommand);
    m_form->addRow(tr("&Password:"), m_password);
    m_form->addRow(m_test);
    // The test's findings and a certificate can be longer than the page: they scroll, the
    // fields above stay in place.
    auto *results = new QWidget;
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_status);
    resultsLayout->addWidget(m_findings);
    resultsLayout->addWidget(m_certificate);
    resultsLayout->addStretch();
    m_results->setWidget(results);
    m_results->setWidgetResizable(true);
    m_results->setFrameShape(QFrame::NoFrame);
    m_form->addRow(m_results);

    connect(m_security, &QComboBox::currentIndexChanged, this, &AccountPage::securityChanged);
    connect(m_host, &QLineEdit::textEdited, this, &AccountPage::serverChanged);
    for (QLineEdit *edit : {m_username, m_host, m_tunnelCommand, m_password})
        connect(edit, &QLineEdit::textChanged, this, &AccountPage::fieldsChanged);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountPage::fieldsChanged);
    connect(m_test, &QPushButton::clicked, this, &AccountPage::testConnection);
    connect(m_certificate, &CertificatePanel::trusted, this, &AccountPage::trust);
    securityChanged();
}

Security AccountPage::security() const
{
    return Security(m_security->currentData().toInt());
}

quint16 AccountPage::defaultPort(Security security)
{
    return security == Security::StartTls ? 143 : 993;
}

config::AccountSide AccountPage::account() const
{
    config::AccountSide account;
    account.username = m_username->text().trimmed();
    account.security = security();
    if (account.security == Security::Tunnel) {
        account.tunnelCommand = m_tunnelCommand->text().trimmed();
    } else {
        account.host = m_host->text().trimmed();
        // The usual port is stored as 0, so that it follows the security if that changes.
        const int port = m_port->value();
        account.port = port == defaultPort(account.security) ? 0 : quint16(port);
        account.pinnedKeys = m_pinnedKeys;
    }
    return account;
}

QString AccountPage::password() const
{
    return security() == Security::Tunnel ? QString() : m_password->text();
}

void AccountPage::setPassword(const QString &password)
{
    m_password->setText(password);
}

bool AccountPage::isComplete() const
{
    if (security() == Security::Tunnel)
        return !m_tunnelCommand->text().trimmed().isEmpty();
    return !m_host->text().trimmed().isEmpty() && !m_username->text().trimmed().isEmpty();
}

std::optional<imap::ConnectionSettings> AccountPage::connectionSettings(QString *error) const
{
    // Through the same configuration text a saved pair becomes, so that the test checks the
    // very settings a sync will use.
    config::PairProfile probe;
    probe.name = QStringLiteral("test");
    probe.local = probe.remote = account();
    const auto config =
        config::SyncConfig::parse(probe.configText(), config::SyncConfig::Paths::standard(), error);
    if (!config)
        return std::nullopt;
    imap::ConnectionSettings settings = m_side == PairSide::Local ? config->local : config->remote;
    settings.password = password();
    settings.timeout = std::chrono::seconds(30);
    return settings;
}

void AccountPage::securityChanged()
{
    const Security now = security();
    // A port left at the old security's usual value follows the new one.
    if (now != Security::Tunnel && m_shownSecurity != Security::Tunnel &&
        m_port->value() == defaultPort(m_shownSecurity))
        m_port->setValue(defaultPort(now));
    if (now != m_shownSecurity)
        m_pinnedKeys.clear(); // a pin belongs to the connection it was made for
    m_shownSecurity = now;
    const bool tunnel = now == Security::Tunnel;
    m_form->setRowVisible(m_host, !tunnel);
    m_form->setRowVisible(m_port, !tunnel);
    m_form->setRowVisible(m_password, !tunnel);
    m_form->setRowVisible(m_tunnelCommand, tunnel);
    fieldsChanged();
}

void AccountPage::serverChanged()
{
    m_pinnedKeys.clear(); // another server: the key trusted for the old one means nothing
}

void AccountPage::fieldsChanged()
{
    ++m_generation;
    m_report.reset();
    m_testing = false;
    m_test->setEnabled(true);
    m_status->clear();
    m_findings->clear();
    m_certificate->hide();
    emit completeChanged();
}

void AccountPage::testConnection()
{
    m_report.reset();
    m_findings->clear();
    m_certificate->hide();
    QString error;
    const auto settings = isComplete() ? connectionSettings(&error) : std::nullopt;
    if (!settings || (security() != Security::Tunnel && m_password->text().isEmpty())) {
        if (!isComplete())
            m_status->setText(security() == Security::Tunnel
                                  ? tr("Type the tunnel command first.")
                                  : tr("Type the user name and the server first."));
        else if (!settings)
            m_status->setText(tr("These settings cannot be used: %1").arg(error));
        else
            m_status->setText(tr("Type the password first."));
        emit testFinished();
        return;
    }
    const int generation = ++m_generation;
    m_testing = true;
    m_test->setEnabled(false);
    m_status->setText(tr("Connecting…"));
    // The probe runs on this thread's event loop without blocking it; a result that arrives
    // after the page is gone or the fields changed is dropped.
    QCoro::connect(sync::ConnectionProbe::run(*settings), this,
                   [this, generation](const sync::ConnectionReport &report) {
                       if (generation == m_generation)
                           showReport(report);
                   });
}

void AccountPage::showReport(const sync::ConnectionReport &report)
{
    m_testing = false;
    m_test->setEnabled(true);
    m_report = report;
    if (report.certificate) // the panel below says why, and what to do
        m_status->setText(tr("The server's certificate is not trusted."));
    else if (!report.loggedIn)
        m_status->setText(report.error);
    else if (report.usable())
        m_status->setText(tr("Connected and logged in: this account can be synced."));
    else
        m_status->setText(tr("Connected and logged in, but this server cannot be synced both "
                             "ways."));
    QStringList lines;
    for (const QString &finding : report.findings)
        lines.append(QStringLiteral("• ") + finding);
    m_findings->setText(lines.join(u'\n'));
    if (report.certificate) {
        m_certificate->setCertificate(*report.certificate);
        m_results->ensureWidgetVisible(m_certificate);
    }
    emit testFinished();
}

void AccountPage::trust(const QString &pin)
{
    if (!m_pinnedKeys.contains(pin))
        m_pinnedKeys.append(pin);
    m_certificate->hide();
    testConnection(); // it should pass now; the user sees it does
}

} // namespace twinbox
