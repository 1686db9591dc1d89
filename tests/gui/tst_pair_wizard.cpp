// The add/edit account pair wizard against a real Dovecot server (offscreen): what blocks
// "Next", "Test connection" with the right and a wrong password, a self-signed certificate
// shown with its real key fingerprint and then pinned, the mailbox tree with a non-ASCII
// name, and the profile the wizard hands back, down to twinbox-cli's configuration.
#include "AccountPage.h"
#include "CertificatePanel.h"
#include "DovecotServer.h"
#include "MailboxSelectionPage.h"
#include "PairNamePage.h"
#include "PairWizard.h"
#include "SchedulePage.h"
#include "config/ListMailboxPatterns.h"
#include "imap/ModifiedUtf7.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace twinbox;
using config::AccountSide;
using config::PairProfile;
using test::DovecotConfig;
using test::DovecotServer;

namespace {

template <typename Widget>
Widget *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<Widget *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->clear();
    // QTest::keyClicks types Latin-1 only; other text arrives as an input method would send it.
    const bool latin1 =
        std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (latin1)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

void chooseSecurity(AccountPage *page, AccountSide::Security security)
{
    auto *combo = child<QComboBox>(page, "security");
    combo->setCurrentIndex(combo->findData(int(security)));
}

// As the user does: a disabled button does nothing (QWizard::next() would skip the check).
void clickNext(QWizard &wizard)
{
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
}

bool nextEnabled(QWizard &wizard)
{
    return wizard.button(QWizard::NextButton)->isEnabled();
}

// Clicks "Test connection" and waits for the result, checking on the way that the click
// returned at once (the probe runs on the event loop, the window stays responsive).
const sync::ConnectionReport *runTest(AccountPage *page)
{
    QSignalSpy finished(page, &AccountPage::testFinished);
    QTest::mouseClick(child<QPushButton>(page, "testConnection"), Qt::LeftButton);
    if (!page->isTesting() || child<QPushButton>(page, "testConnection")->isEnabled()) {
        qWarning("the test did not run in the background");
        return nullptr;
    }
    if (!finished.wait(60000) || !page->report()) {
        qWarning("no result");
        return nullptr;
    }
    return &*page->report();
}

// TWINBOX_SCREENSHOT_DIR=DIR keeps pictures of the wizard's steps, to look at.
void screenshot(QWidget *window, const QString &name)
{
    const QString directory = qEnvironmentVariable("TWINBOX_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QTest::qWait(100); // pending layout requests: the picture shows what a person would see
    window->grab().save(directory + QStringLiteral("/wizard-") + name + QStringLiteral(".png"));
}

// The panel appears with the result; its button is laid out on the next turn of the loop.
void clickTrust(AccountPage *page)
{
    auto *button = child<QPushButton>(page, "trustCertificate");
    QTRY_VERIFY(button->isVisible() && button->width() > 0 && button->height() > 0);
    QTest::mouseClick(button, Qt::LeftButton);
}

QString digestShown(QWidget *page)
{
    return child<QLabel>(page, "certificateFingerprint")->text().remove(u':').toLower();
}

} // namespace

class TestPairWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void nameIsValidated();
    void accountFieldsAreRequired();
    void securityChoosesPortAndFields();
    void untrustedCertificateIsShownThenPinned();
    void wrongPasswordIsExplained();
    void startTlsWithPinnedKey();
    void mailboxTreeAndProfile();

private:
    PairProfile editedProfile() const;

    std::unique_ptr<DovecotServer> m_server;
};

void TestPairWizard::initTestCase()
{
    m_server = std::make_unique<DovecotServer>(DovecotConfig::named(QStringLiteral("remote")));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    // Names on the wire: "Réunions" in modified UTF-7.
    for (const QString &mailbox :
         {QString::fromLatin1(imap::ModifiedUtf7::encode(QStringLiteral("Réunions"))),
          QStringLiteral("Archive/2024")})
        QVERIFY2(m_server->append(mailbox, {test::makeSeedMessage(1)}, &error), qPrintable(error));
}

void TestPairWizard::cleanupTestCase()
{
    m_server.reset();
}

// A pair whose remote side is the fixture over imaps with its key already pinned.
PairProfile TestPairWizard::editedProfile() const
{
    PairProfile profile;
    profile.name = QStringLiteral("Home");
    profile.local.security = AccountSide::Security::Tunnel;
    profile.local.tunnelCommand = m_server->tunnelCommandLine();
    profile.remote.security = AccountSide::Security::Tls;
    profile.remote.host = m_server->host();
    profile.remote.port = m_server->imapsPort();
    profile.remote.username = m_server->user();
    profile.remote.pinnedKeys = {QStringLiteral("sha256$") + m_server->spkiSha256Hex()};
    profile.mailboxes = {QStringLiteral("INBOX")};
    profile.intervalMinutes = 42;
    profile.push = false;
    return profile;
}

void TestPairWizard::nameIsValidated()
{
    PairWizard wizard(QStringList{QStringLiteral("Work")});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(PairWizard::NamePageId));
    auto *page = wizard.namePage();
    QVERIFY(!nextEnabled(wizard)); // empty
    screenshot(&wizard, QStringLiteral("name"));

    const struct
    {
        QString name;
        bool accepted;
        QString problemContains;
    } cases[] = {
        {QStringLiteral("a/b"), false, QStringLiteral("cannot contain")},
        {QStringLiteral(" padded"), false, QStringLiteral("space")},
        {QStringLiteral(".hidden"), false, QStringLiteral("dot")},
        {QStringLiteral("Work"), false, QStringLiteral("already a pair named")},
        {QStringLiteral("work"), false, QStringLiteral("already a pair named")},
        {QStringLiteral("Home ↔ Work"), true, QString()},
    };
    for (const auto &c : cases) {
        type(page, "name", c.name);
        QCOMPARE(page->name(), c.name);
        QVERIFY2(nextEnabled(wizard) == c.accepted, qPrintable(c.name));
        const QString problem = child<QLabel>(page, "nameProblem")->text();
        QVERIFY2(c.accepted ? problem.isEmpty() : problem.contains(c.problemContains),
                 qPrintable(c.name + QStringLiteral(": ") + problem));
    }
    child<QLineEdit>(page, "name")->clear();
    QVERIFY(!nextEnabled(wizard));

    // Editing: the name is shown and fixed, and is not "taken" by the pair itself.
    PairWizard editor(editedProfile());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QCOMPARE(child<QLineEdit>(editor.namePage(), "name")->text(), QStringLiteral("Home"));
    QVERIFY(child<QLineEdit>(editor.namePage(), "name")->isReadOnly());
    QVERIFY(nextEnabled(editor));
}

void TestPairWizard::accountFieldsAreRequired()
{
    PairWizard wizard(QStringList{});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    type(wizard.namePage(), "name", QStringLiteral("Pair"));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(PairWizard::LocalPageId));
    auto *page = wizard.accountPage(PairSide::Local);
    QVERIFY(!nextEnabled(wizard));
    type(page, "host", QStringLiteral("imap.example.net"));
    QVERIFY(!nextEnabled(wizard)); // no user name
    type(page, "username", QStringLiteral("alice"));
    QVERIFY(nextEnabled(wizard));
    child<QLineEdit>(page, "host")->clear();
    QVERIFY(!nextEnabled(wizard)); // no host
    type(page, "host", QStringLiteral("   "));
    QVERIFY(!nextEnabled(wizard)); // blank is no host

    // Testing without a password says so instead of trying.
    type(page, "host", QStringLiteral("imap.example.net"));
    QTest::mouseClick(child<QPushButton>(page, "testConnection"), Qt::LeftButton);
    QVERIFY(!page->isTesting());
    QCOMPARE(child<QLabel>(page, "testStatus")->text(), QStringLiteral("Type the password first."));
}

void TestPairWizard::securityChoosesPortAndFields()
{
    PairWizard wizard(QStringList{});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    type(wizard.namePage(), "name", QStringLiteral("Pair"));
    clickNext(wizard);
    auto *page = wizard.accountPage(PairSide::Local);
    auto *port = child<QSpinBox>(page, "port");
    QCOMPARE(port->value(), 993);
    chooseSecurity(page, AccountSide::Security::StartTls);
    QCOMPARE(port->value(), 143);
    QCOMPARE(page->account().port, quint16(0)); // the usual port follows the security
    port->setValue(1143);
    chooseSecurity(page, AccountSide::Security::Tls);
    QCOMPARE(port->value(), 1143); // a port the user chose stays
    QCOMPARE(page->account().port, quint16(1143));

    chooseSecurity(page, AccountSide::Security::Tunnel);
    QVERIFY(!child<QLineEdit>(page, "host")->isVisible());
    QVERIFY(!port->isVisible());
    QVERIFY(!child<QLineEdit>(page, "password")->isVisible());
    QVERIFY(child<QLineEdit>(page, "tunnelCommand")->isVisible());
    QVERIFY(!nextEnabled(wizard));
    type(page, "tunnelCommand", m_server->tunnelCommandLine());
    QVERIFY(nextEnabled(wizard));

    // The tunnel logs in by itself: the test succeeds without a password and reports.
    const auto *report = runTest(page);
    QVERIFY(report);
    QVERIFY2(report->usable(), qPrintable(report->error));
    QVERIFY(report->findings.contains(
        QStringLiteral("This server supports everything two-way sync needs.")));
    QVERIFY(child<QLabel>(page, "testStatus")->text().startsWith(QStringLiteral("Connected")));
    QVERIFY(report->mailboxes.contains(QStringLiteral("Réunions")));
    QCOMPARE(page->account().tunnelCommand, m_server->tunnelCommandLine());
    QVERIFY(page->account().host.isEmpty());
}

void TestPairWizard::untrustedCertificateIsShownThenPinned()
{
    PairWizard wizard(QStringList{});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    type(wizard.namePage(), "name", QStringLiteral("Pair"));
    clickNext(wizard);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(PairWizard::LocalPageId)); // not complete: still here
    auto *page = wizard.accountPage(PairSide::Local);
    type(page, "username", m_server->user());
    type(page, "host", m_server->host());
    child<QSpinBox>(page, "port")->setValue(m_server->imapsPort());
    type(page, "password", m_server->password());

    // First the certificate, with the fixture's real key digest (computed by openssl).
    const auto *report = runTest(page);
    QVERIFY(report);
    QVERIFY(!report->loggedIn);
    QCOMPARE(report->errorKind, imap::ImapError::Kind::Tls);
    QVERIFY(report->certificate);
    QCOMPARE(report->certificate->pin, QStringLiteral("sha256$") + m_server->spkiSha256Hex());
    auto *panel = child<CertificatePanel>(page, "certificate");
    QVERIFY(panel->isVisible());
    QCOMPARE(digestShown(page), m_server->spkiSha256Hex());
    QCOMPARE(child<QLabel>(page, "certificateSubject")->text(), QStringLiteral("CN=localhost"));
    QCOMPARE(child<QLabel>(page, "certificateIssuer")->text(), QStringLiteral("CN=localhost"));
    QVERIFY(child<QLabel>(page, "certificateProblems")->text().contains(QStringLiteral("self")));
    QVERIFY(!child<QLabel>(page, "certificateValidity")->text().isEmpty());
    // openssl req -days 2, made a moment ago
    QVERIFY(report->certificate->notBefore <= QDateTime::currentDateTime().addSecs(60));
    QCOMPARE(report->certificate->notBefore.daysTo(report->certificate->notAfter), 2);
    QVERIFY(child<QLabel>(page, "testStatus")->text().contains(QStringLiteral("not trusted")));
    QVERIFY(page->account().pinnedKeys.isEmpty());
    screenshot(&wizard, QStringLiteral("certificate"));

    // "Trust this certificate" pins the key and tests again: now it passes.
    QSignalSpy finished(page, &AccountPage::testFinished);
    clickTrust(page);
    QVERIFY(page->isTesting());
    QVERIFY(finished.wait(60000));
    QVERIFY(page->report());
    QVERIFY2(page->report()->usable(), qPrintable(page->report()->error));
    QVERIFY(!panel->isVisible());
    QCOMPARE(page->account().pinnedKeys,
             QStringList{QStringLiteral("sha256$") + m_server->spkiSha256Hex()});
    QVERIFY(page->report()->capabilities.contains("QRESYNC"));
    const QString findings = child<QLabel>(page, "testFindings")->text();
    QVERIFY2(findings.contains(QStringLiteral("supports everything two-way sync needs")),
             qPrintable(findings));
    QVERIFY2(findings.contains(QStringLiteral("NOTIFY")), qPrintable(findings));
    screenshot(&wizard, QStringLiteral("tested"));

    // Another server: the pin was for this one and is dropped.
    type(page, "host", QStringLiteral("localhost"));
    QVERIFY(page->account().pinnedKeys.isEmpty());
}

void TestPairWizard::wrongPasswordIsExplained()
{
    PairWizard wizard(editedProfile());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *page = wizard.accountPage(PairSide::Remote);
    QCOMPARE(child<QLineEdit>(page, "host")->text(), m_server->host());
    QCOMPARE(child<QSpinBox>(page, "port")->value(), int(m_server->imapsPort()));
    QCOMPARE(child<QLineEdit>(page, "username")->text(), m_server->user());
    type(page, "password", m_server->password() + QStringLiteral("x"));
    const auto *report = runTest(page);
    QVERIFY(report);
    QVERIFY(!report->loggedIn);
    QCOMPARE(report->errorKind, imap::ImapError::Kind::Authentication);
    QVERIFY(!report->certificate); // the pinned key was accepted
    const QString status = child<QLabel>(page, "testStatus")->text();
    QVERIFY2(status.startsWith(QStringLiteral("The server refused to log in: check the user "
                                              "name and the password")),
             qPrintable(status));
    QVERIFY(!status.contains(u'\n'));
    QVERIFY(!status.contains(m_server->password()));

    type(page, "password", m_server->password());
    report = runTest(page);
    QVERIFY(report);
    QVERIFY2(report->usable(), qPrintable(report->error));
    QCOMPARE(wizard.password(PairSide::Remote), m_server->password());
    QVERIFY(wizard.password(PairSide::Local).isEmpty()); // a tunnel has none
}

void TestPairWizard::startTlsWithPinnedKey()
{
    PairProfile profile = editedProfile();
    profile.remote.security = AccountSide::Security::StartTls;
    profile.remote.port = m_server->imapPort();
    PairWizard wizard(profile);
    auto *page = wizard.accountPage(PairSide::Remote);
    wizard.setPassword(PairSide::Remote, m_server->password());
    const auto *report = runTest(page);
    QVERIFY(report);
    QVERIFY2(report->usable(), qPrintable(report->error));
}

void TestPairWizard::mailboxTreeAndProfile()
{
    PairWizard wizard(QStringList{QStringLiteral("Work")});
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    type(wizard.namePage(), "name", QStringLiteral("Home"));
    clickNext(wizard);
    auto *local = wizard.accountPage(PairSide::Local);
    chooseSecurity(local, AccountSide::Security::Tunnel);
    type(local, "tunnelCommand", m_server->tunnelCommandLine());
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(PairWizard::RemotePageId));
    auto *remote = wizard.accountPage(PairSide::Remote);
    type(remote, "username", m_server->user());
    type(remote, "host", m_server->host());
    child<QSpinBox>(remote, "port")->setValue(m_server->imapsPort());
    type(remote, "password", m_server->password());
    const auto *first = runTest(remote);
    QVERIFY(first);
    QVERIFY2(first->certificate, qPrintable(first->error));
    QSignalSpy finished(remote, &AccountPage::testFinished);
    clickTrust(remote);
    QVERIFY(finished.wait(60000));
    QVERIFY(remote->report() && remote->report()->usable());

    // The mailbox page lists both sides; the local one was not tested and is asked now.
    QSignalSpy listed(wizard.mailboxPage(), &MailboxSelectionPage::mailboxesListed);
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(PairWizard::MailboxPageId));
    auto *mailboxes = wizard.mailboxPage();
    QTRY_VERIFY_WITH_TIMEOUT(local->report().has_value(), 60000);
    const QStringList names = mailboxes->listedMailboxes();
    for (const QString &name :
         {QStringLiteral("INBOX"), QStringLiteral("Réunions"), QStringLiteral("Archive/2024")})
        QVERIFY2(names.contains(name), qPrintable(names.join(u',')));
    QCOMPARE(names.first(), QStringLiteral("INBOX"));
    // The tree shows levels: "2024" under "Archive", with checkboxes, all ticked at first.
    auto *tree = child<QTreeWidget>(mailboxes, "mailboxTree");
    const auto archive = tree->findItems(QStringLiteral("Archive"), Qt::MatchExactly);
    QCOMPARE(archive.size(), 1);
    QCOMPARE(archive.first()->childCount(), 1);
    QCOMPARE(archive.first()->child(0)->text(0), QStringLiteral("2024"));
    QCOMPARE(archive.first()->child(0)->checkState(0), Qt::Checked);
    QVERIFY(mailboxes->mailboxes().isEmpty()); // all ticked: every mailbox, new ones too
    screenshot(&wizard, QStringLiteral("mailboxes"));

    // Ticking some produces exactly those.
    for (const QString &name : names)
        QVERIFY(mailboxes->setTicked(name, false));
    QVERIFY(mailboxes->mailboxes().isEmpty()); // none ticked: all as well
    QVERIFY(mailboxes->setTicked(QStringLiteral("Réunions"), true));
    QVERIFY(mailboxes->setTicked(QStringLiteral("Archive/2024"), true));
    QVERIFY(!mailboxes->setTicked(QStringLiteral("Nowhere"), true));
    QCOMPARE(mailboxes->mailboxes(),
             (QStringList{QStringLiteral("Archive/2024"), QStringLiteral("Réunions")}));
    QTest::keyClicks(child<QPlainTextEdit>(mailboxes, "includePatterns"),
                     QStringLiteral("Lists/*"));
    QTest::keyClicks(child<QPlainTextEdit>(mailboxes, "excludePatterns"), QStringLiteral("Spam*"));

    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(PairWizard::SchedulePageId));
    child<QSpinBox>(wizard.schedulePage(), "interval")->setValue(5);
    child<QCheckBox>(wizard.schedulePage(), "push")->setChecked(false);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    screenshot(&wizard, QStringLiteral("schedule"));

    const PairProfile profile = wizard.profile();
    QCOMPARE(profile.name, QStringLiteral("Home"));
    QCOMPARE(profile.local.security, AccountSide::Security::Tunnel);
    QCOMPARE(profile.remote.pinnedKeys,
             QStringList{QStringLiteral("sha256$") + m_server->spkiSha256Hex()});
    QCOMPARE(profile.includePatterns, QStringList{QStringLiteral("Lists/*")});
    QCOMPARE(profile.excludePatterns, QStringList{QStringLiteral("Spam*")});
    QCOMPARE(profile.intervalMinutes, 5);
    QVERIFY(!profile.push);

    // What twinbox-cli --pair would run, and it logs in as the wizard's test did.
    QString error;
    const config::SyncConfig::Paths paths{QStringLiteral("/c"), QStringLiteral("/d"),
                                          QStringLiteral("/ci"), QStringLiteral("/di")};
    const auto config = profile.toSyncConfig(paths, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->local.type, imap::ConnectionSettings::Type::Tunnel);
    QCOMPARE(config->local.command, m_server->tunnelCommandLine());
    QCOMPARE(config->remote.type, imap::ConnectionSettings::Type::Imaps);
    QCOMPARE(config->remote.host, m_server->host());
    QCOMPARE(config->remote.effectivePort(), m_server->imapsPort());
    QCOMPARE(config->remote.username, m_server->user());
    QVERIFY(config->remote.password.isEmpty()); // passwords never go into the profile
    QCOMPARE(config->remote.sslFingerprints,
             QStringList{QStringLiteral("sha256$") + m_server->spkiSha256Hex()});
    const auto patterns = config::ListMailboxPatterns::parse(config->listMailbox);
    QVERIFY(patterns);
    QCOMPARE(*patterns, (QByteArrayList{QByteArray("Archive\0"
                                                   "2024",
                                                   12),
                                        "R&AOk-unions", QByteArray("Lists\0*", 7)}));
    QVERIFY(QRegularExpression(config->ignoreMailbox).match(QStringLiteral("Spam2")).hasMatch());
    QCOMPARE(wizard.password(PairSide::Remote), m_server->password());
}

QTEST_MAIN(TestPairWizard)
#include "tst_pair_wizard.moc"
