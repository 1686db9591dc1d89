#include "TwinboxApp.h"

#include "MainWindow.h"
#include "PairWizard.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "config/Autostart.h"

#include <QApplication>
#include <QCoroSignal>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>

namespace twinbox {

using Activity = sync::PairState::Activity;
using config::SecretStore;

TwinboxApp::TwinboxApp(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(config::PairStore::defaultFileName(options.paths))
    , m_settings(config::AppSettings::defaultFileName(options.paths))
    , m_secrets(options.keychainService)
    , m_autostart(config::Autostart::standard())
{
    m_window = std::make_unique<MainWindow>(&m_pairs, &m_log);
    connect(m_window.get(), &MainWindow::addRequested, this, [this] { openWizard(QString()); });
    connect(m_window.get(), &MainWindow::editRequested, this,
            [this](const QString &name) { openWizard(name); });
    connect(m_window.get(), &MainWindow::removeRequested, this,
            [this](const QString &name) { confirmRemoval(name); });
    connect(m_window.get(), &MainWindow::settingsRequested, this, &TwinboxApp::openSettings);
    connect(m_window.get(), &MainWindow::protocolLogRequested, this, [this](bool on) {
        m_protocolLog = on;
        for (PairController *controller : m_pairs.controllers())
            controller->setProtocolLog(on);
    });
    connect(m_window.get(), &MainWindow::hiddenToTray, this, [this] {
        if (m_settings.closeToTrayExplained() || !m_tray)
            return;
        m_tray->notify(tr("Twinbox keeps running"),
                       tr("Your account pairs go on syncing in the background. Quit Twinbox "
                          "from the tray icon's menu."),
                       TrayIcon::Severity::Information);
        m_settings.setCloseToTrayExplained(true);
        QString error;
        m_settings.save(&error);
    });
    if (TrayIcon::available()) {
        m_tray = std::make_unique<TrayIcon>();
        connect(m_tray.get(), &TrayIcon::openRequested, m_window.get(), [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        connect(m_tray.get(), &TrayIcon::quitRequested, this, [this] { quit(); });
        connect(m_tray.get(), &TrayIcon::syncAllRequested, this, [this] {
            for (PairController *controller : m_pairs.controllers())
                controller->syncNow();
        });
        connect(m_tray.get(), &TrayIcon::pauseAllRequested, this, [this](bool pause) {
            for (PairController *controller : m_pairs.controllers()) {
                if (pause)
                    controller->pause();
                else
                    controller->resume();
            }
            m_tray->setPaused(pause);
        });
    }
    m_window->setKeepsRunningInTray(m_tray != nullptr);
    // With a tray, closing the window (or a prompt shown before it) is not the end.
    QApplication::setQuitOnLastWindowClosed(m_tray == nullptr);
}

TwinboxApp::~TwinboxApp()
{
    // The views go before the models they show; then each controller waits for its worker
    // to finish the mailbox it is on (at exit only).
    m_tray.reset();
    m_window.reset();
    const QList<PairController *> controllers = findChildren<PairController *>();
    for (PairController *controller : controllers)
        controller->stop();
    qDeleteAll(controllers);
}

QCoro::Task<void> TwinboxApp::start()
{
    if (m_tray)
        m_tray->show();
    if (!(m_options.minimised && m_tray))
        m_window->show();
    updateTray();
    for (const QString &name : m_store.names()) {
        if (const auto profile = m_store.load(name))
            co_await startPair(*profile);
    }
}

PairController *TwinboxApp::pair(const QString &name) const
{
    return m_controllers.value(name);
}

QCoro::Task<std::optional<QString>> TwinboxApp::password(const config::PairProfile &profileIn,
                                                         const QString &sideIn)
{
    const config::PairProfile profile = profileIn; // copies before the first co_await
    const QString side = sideIn;
    const QString key = SecretStore::keyFor(profile.name, side);
    if (m_memoryPasswords.contains(key))
        co_return m_memoryPasswords.value(key);
    const SecretStore::Result stored = co_await m_secrets.read(key);
    if (stored.status == SecretStore::Status::Ok && stored.secret)
        co_return stored.secret;
    QString why;
    if (stored.status == SecretStore::Status::Unavailable) {
        m_keychainUnavailable = true;
        why = tr("No keychain is available (%1), so Twinbox cannot remember this password. It "
                 "is kept in memory until Twinbox quits, and asked again at the next start.")
                  .arg(stored.message);
    } else {
        why = tr("The keychain holds no password for this account.");
    }
    const auto typed = co_await askPassword(profile.name, side, why);
    if (!typed)
        co_return std::nullopt;
    // GCC 12: co_await stays out of conditions and conditional expressions.
    const SecretStore::Result written = co_await m_secrets.write(key, *typed);
    if (written.status == SecretStore::Status::Ok)
        co_return typed;
    m_memoryPasswords.insert(key, *typed);
    co_return typed;
}

QCoro::Task<std::optional<QString>>
TwinboxApp::askPassword(const QString &pairIn, const QString &sideIn, const QString &whyIn)
{
    const QString pair = pairIn;
    const QString side = sideIn;
    const QString why = whyIn;
    notice(why);
    // Opened, not exec()uted: the window and the other pairs go on while it is asked.
    // Not WA_DeleteOnClose: a dialog closed by its OK button is deleted before the queued
    // finished() reaches this coroutine, which would then never resume.
    QPointer<QInputDialog> dialog = new QInputDialog(m_window.get());
    dialog->setWindowTitle(tr("Password for %1").arg(pair));
    dialog->setLabelText(why + QStringLiteral("\n\n") +
                         (side == QStringLiteral("local")
                              ? tr("Password of the first account (local) of %1:")
                              : tr("Password of the second account (remote) of %1:"))
                             .arg(pair));
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setObjectName(QStringLiteral("passwordPrompt"));
    dialog->open();
    const int result = co_await qCoro(dialog.data(), &QDialog::finished);
    if (!dialog)
        co_return std::nullopt;
    const QString typed = dialog->textValue();
    dialog->deleteLater();
    if (result != QDialog::Accepted || typed.isEmpty())
        co_return std::nullopt;
    co_return typed;
}

QCoro::Task<void> TwinboxApp::startPair(const config::PairProfile &profileIn)
{
    const config::PairProfile profile = profileIn;
    QString error;
    auto config = profile.toSyncConfig(m_options.paths, &error);
    if (!config) {
        notice(error);
        co_return;
    }
    for (auto *side : {&config->local, &config->remote}) {
        if (side->type == imap::ConnectionSettings::Type::Tunnel)
            continue;
        const auto secret = co_await password(profile, side->name);
        if (!secret) {
            notice(tr("%1 is not started: no password for its %2 account.")
                       .arg(profile.name, side->name));
            co_return;
        }
        side->password = *secret;
    }
    co_await stopPair(profile.name);                               // an edited pair starts afresh
    auto *controller = new PairController(profile, *config, this); // stopping ones too
    m_controllers.insert(profile.name, controller);
    m_pairs.add(controller);
    connect(
        controller, &PairController::message, this,
        [this](const QString &pair, const sync::SyncMessage &line) { m_log.append(pair, line); });
    connect(controller, &PairController::conflict, this,
            [this](const QString &pair, const sync::ConflictRecord &record) {
                if (m_tray)
                    m_tray->notify(tr("Conflict in %1").arg(pair),
                                   tr("A message in %1 was changed on both sides; see "
                                      "Conflicts and issues.")
                                       .arg(record.mailbox),
                                   TrayIcon::Severity::Warning);
            });
    connect(controller, &PairController::stateChanged, this,
            [this, name = profile.name](const sync::PairState &state) {
                updateTray();
                // Told once per distinct error: a server down for hours is one message; once
                // it syncs again, the next failure is news.
                if (state.activity == Activity::Idle || state.activity == Activity::NeedsAttention)
                    m_lastErrors.remove(name);
                if (state.activity != Activity::Error || state.error.isEmpty() ||
                    m_lastErrors.value(name) == state.error)
                    return;
                m_lastErrors.insert(name, state.error);
                if (m_tray)
                    m_tray->notify(tr("%1 cannot sync").arg(name), state.error,
                                   TrayIcon::Severity::Critical);
            });
    controller->start();
    if (m_protocolLog)
        controller->setProtocolLog(true); // queued after the worker's start()
    m_window->selectPair(profile.name);
    Q_EMIT pairStarted(profile.name);
}

QCoro::Task<void> TwinboxApp::stopPair(const QString &nameIn)
{
    const QString name = nameIn;
    PairController *controller = m_controllers.take(name);
    if (!controller)
        co_return;
    m_pairs.remove(controller);
    // It finishes its mailbox in its own thread, then goes; only then may another worker
    // open the pair's database (one sync per pair: the pair lock).
    controller->stop();
    QPointer<PairController> guard(controller);
    if (controller->running())
        co_await qCoro(controller, &PairController::stopped);
    if (guard)
        guard->deleteLater();
}

QCoro::Task<bool> TwinboxApp::savePair(const config::PairProfile &profileIn, const QString &localIn,
                                       const QString &remoteIn)
{
    const config::PairProfile profile = profileIn;
    const std::array<QString, 2> passwords = {localIn, remoteIn};
    const std::array<QString, 2> sides = {QStringLiteral("local"), QStringLiteral("remote")};
    QString error;
    if (!profile.toSyncConfig(m_options.paths, &error)) {
        notice(error);
        co_return false;
    }
    for (std::size_t i = 0; i < 2; ++i) {
        if (passwords[i].isEmpty())
            continue; // unchanged (editing) or a tunnel
        const QString key = SecretStore::keyFor(profile.name, sides[i]);
        // Tried every time: a keychain that was not up at the start may be now.
        const SecretStore::Result written = co_await m_secrets.write(key, passwords[i]);
        if (written.status == SecretStore::Status::Ok) {
            m_memoryPasswords.remove(key);
            continue;
        }
        if (!m_keychainUnavailable)
            notice(tr("No keychain is available (%1). The passwords of %2 are kept in "
                      "memory until Twinbox quits, and asked again at the next start; "
                      "they are never written to a file.")
                       .arg(written.message, profile.name));
        m_keychainUnavailable = true;
        m_memoryPasswords.insert(key, passwords[i]);
    }
    if (!m_store.save(profile, &error)) {
        notice(error);
        co_return false;
    }
    co_await startPair(profile);
    co_return true;
}

QCoro::Task<void> TwinboxApp::removePair(const QString &nameIn)
{
    const QString name = nameIn;
    const auto profile = m_store.load(name);
    co_await stopPair(name);
    QString error;
    if (!m_store.remove(name, &error))
        notice(error);
    // Its state goes too: a new pair of that name starts from nothing, not from this one.
    if (profile) {
        if (const auto config = profile->toSyncConfig(m_options.paths, &error)) {
            for (const QString &suffix :
                 {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"),
                  QStringLiteral("-shm"), QStringLiteral(".verified")})
                QFile::remove(config->database + suffix);
        }
    }
    for (const QString &side : {QStringLiteral("local"), QStringLiteral("remote")}) {
        const QString key = SecretStore::keyFor(name, side);
        m_memoryPasswords.remove(key);
        co_await m_secrets.remove(key); // NotFound or Unavailable: nothing to remove
    }
    updateTray();
}

QCoro::Task<void> TwinboxApp::confirmRemoval(const QString &nameIn)
{
    const QString name = nameIn;
    // Asked first: the pair's state and keychain entries go with it (the mail stays).
    QPointer<QMessageBox> box = new QMessageBox(
        QMessageBox::Question, tr("Remove %1").arg(name),
        tr("Remove the account pair %1? Twinbox stops syncing it and forgets its state and "
           "passwords; the mail on both servers stays as it is.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, m_window.get());
    box->setDefaultButton(QMessageBox::Cancel);
    box->setObjectName(QStringLiteral("confirmRemoval"));
    box->open();
    Q_EMIT removalAsked(box.data());
    co_await qCoro(box.data(), &QDialog::finished);
    if (!box)
        co_return;
    const bool confirmed = box->clickedButton() == box->button(QMessageBox::Yes);
    box->deleteLater();
    if (confirmed)
        co_await removePair(name);
}

QCoro::Task<void> TwinboxApp::quit()
{
    // Every controller, those being stopped for an edit or a removal too (children of this).
    QList<QPointer<PairController>> running;
    for (PairController *controller : findChildren<PairController *>()) {
        if (controller->running())
            running.append(controller);
    }
    for (const QPointer<PairController> &controller : std::as_const(running))
        controller->stop();
    for (const QPointer<PairController> &controller : std::as_const(running)) {
        // Checked after each wait: a removal may delete a controller meanwhile.
        if (controller && controller->running())
            co_await qCoro(controller.data(), &PairController::stopped);
    }
    QCoreApplication::quit();
}

void TwinboxApp::notice(const QString &text)
{
    m_lastNotice = text;
    m_log.append(QString(), {sync::SyncMessage::Severity::Warning, QString(), QString(), text});
    // Said in a box when the window is open (one box: a later notice replaces the text), in
    // the tray otherwise.
    if (m_window->isVisible()) {
        if (!m_noticeBox) {
            m_noticeBox = new QMessageBox(QMessageBox::Warning, tr("Twinbox"), QString(),
                                          QMessageBox::Ok, m_window.get());
            m_noticeBox->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_noticeBox->setText(text);
        m_noticeBox->open();
    } else if (m_tray) {
        m_tray->notify(tr("Twinbox"), text, TrayIcon::Severity::Warning);
    }
    Q_EMIT noticeShown(text);
}

void TwinboxApp::updateTray()
{
    if (!m_tray)
        return;
    // The most pressing state of all pairs; the tooltip tells the rest.
    int syncing = 0;
    int paused = 0;
    Activity overall = Activity::Idle;
    auto rank = [](Activity activity) {
        switch (activity) {
        case Activity::Error:
            return 4;
        case Activity::NeedsAttention:
            return 3;
        case Activity::Syncing:
            return 2;
        case Activity::Paused:
            return 1;
        case Activity::Idle:
            return 0;
        }
        return 0;
    };
    for (const PairController *controller : m_pairs.controllers()) {
        const Activity activity = controller->state().activity;
        syncing += activity == Activity::Syncing;
        paused += activity == Activity::Paused;
        if (rank(activity) > rank(overall) &&
            (activity != Activity::Paused || paused == m_pairs.rowCount()))
            overall = activity;
    }
    QString tooltip = tr("%n account pair(s)", nullptr, m_pairs.rowCount());
    if (syncing > 0) {
        double fraction = 0;
        for (PairController *controller : m_pairs.controllers()) {
            if (controller->state().activity == Activity::Syncing)
                fraction += controller->mailboxes()->overallFraction();
        }
        tooltip += QStringLiteral(", ") +
                   tr("%n syncing: %1%", nullptr, syncing).arg(int(fraction / syncing * 100));
    }
    if (paused > 0)
        tooltip += QStringLiteral(", ") + tr("%n paused", nullptr, paused);
    m_tray->setOverallState(overall, tooltip);
    m_tray->setPaused(paused > 0 && paused == m_pairs.rowCount());
}

void TwinboxApp::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_autostart, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QCoro::Task<void> TwinboxApp::openWizard(const QString &nameIn)
{
    const QString name = nameIn;
    const auto existing = name.isEmpty() ? std::nullopt : m_store.load(name);
    PairWizard *wizard = existing ? new PairWizard(*existing, m_window.get())
                                  : new PairWizard(m_store.names(), m_window.get());
    // Deleted once its answer is read (see askPassword: not WA_DeleteOnClose).
    if (existing) {
        // "Test connection" needs the passwords the pair runs with.
        for (const PairSide side : {PairSide::Local, PairSide::Remote}) {
            const QString key = SecretStore::keyFor(name, sideKey(side));
            if (m_memoryPasswords.contains(key)) {
                wizard->setPassword(side, m_memoryPasswords.value(key));
            } else {
                const SecretStore::Result stored = co_await m_secrets.read(key);
                if (stored.secret)
                    wizard->setPassword(side, *stored.secret);
            }
        }
    }
    QPointer<PairWizard> guard(wizard);
    wizard->open(); // not exec(): the pairs go on syncing while the user types
    Q_EMIT wizardOpened(wizard);
    const int result = co_await qCoro(wizard, &QDialog::finished);
    if (!guard)
        co_return;
    const config::PairProfile profile = wizard->profile();
    const QString localPassword = wizard->password(PairSide::Local);
    const QString remotePassword = wizard->password(PairSide::Remote);
    wizard->deleteLater();
    if (result == QDialog::Accepted)
        co_await savePair(profile, localPassword, remotePassword);
}

} // namespace twinbox
