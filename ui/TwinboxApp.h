#pragma once

#include "ActivityLogModel.h"
#include "PairListModel.h"
#include "config/AppSettings.h"
#include "config/Autostart.h"
#include "config/PairStore.h"
#include "config/SecretStore.h"

#include <QCoroTask>
#include <QHash>
#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QDialog;

namespace twinbox {

class MainWindow;
class TrayIcon;

// The desktop application: the account pairs of the store, each with its controller (and
// worker thread), the window, the tray, the passwords. It owns what the window only shows.
//
// Passwords come from the OS keychain; they are read here, in the GUI thread, with
// QtKeychain's asynchronous jobs, and handed to the pair's engine in memory. When no keychain
// works, the user is told so and asked for the passwords, which are then kept in memory for
// this session only: never a plain-text file.
class TwinboxApp : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        config::SyncConfig::Paths paths = config::SyncConfig::Paths::standard();
        QString keychainService = QStringLiteral("twinbox");
        bool minimised = false;
    };

    explicit TwinboxApp(const Options &options, QObject *parent = nullptr);
    ~TwinboxApp() override;

    // Loads the pairs and starts them; shows the window unless minimised into a tray.
    QCoro::Task<void> start();
    // Stops every pair cooperatively (each finishes its mailbox and logs out), then quits.
    QCoro::Task<void> quit();

    // Adds or replaces a pair: the passwords (empty for tunnels) go to the keychain, the
    // profile to the store, and the pair starts. Returns false with a message on failure.
    QCoro::Task<bool> savePair(const config::PairProfile &profile, const QString &localPassword,
                               const QString &remotePassword);
    QCoro::Task<void> removePair(const QString &name);

    MainWindow *window() const { return m_window.get(); }
    TrayIcon *tray() const { return m_tray.get(); }
    PairListModel *pairs() { return &m_pairs; }
    ActivityLogModel *log() { return &m_log; }
    PairController *pair(const QString &name) const;
    // Whether passwords are kept in memory because no keychain works.
    bool keychainUnavailable() const { return m_keychainUnavailable; }
    // The last thing that went wrong in a way the user was told about (for tests).
    const QString &lastNotice() const { return m_lastNotice; }

Q_SIGNALS:
    void pairStarted(const QString &name);
    void noticeShown(const QString &text);
    void wizardOpened(QDialog *wizard);       // for tests
    void removalAsked(QMessageBox *question); // for tests

private:
    QCoro::Task<void> startPair(const config::PairProfile &profile);
    QCoro::Task<std::optional<QString>> password(const config::PairProfile &profile,
                                                 const QString &side);
    QCoro::Task<std::optional<QString>> askPassword(const QString &pair, const QString &side,
                                                    const QString &why);
    QCoro::Task<void> stopPair(const QString &name);
    QCoro::Task<void> confirmRemoval(const QString &name);
    void notice(const QString &text);
    void updateTray();
    // The wizard for a new pair (empty name) or an existing one; saves what it collected.
    QCoro::Task<void> openWizard(const QString &name);
    void openSettings();

    Options m_options;
    config::PairStore m_store;
    config::AppSettings m_settings;
    config::SecretStore m_secrets;
    config::Autostart m_autostart;
    PairListModel m_pairs;
    ActivityLogModel m_log;
    QHash<QString, PairController *> m_controllers; // the running ones; all are children
    QHash<QString, QString> m_memoryPasswords;      // "<pair>/<side>" → password
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    bool m_keychainUnavailable = false;
    bool m_protocolLog = false;
    QString m_lastNotice;
    QPointer<QMessageBox> m_noticeBox;
    QHash<QString, QString> m_lastErrors; // per pair: notified once per distinct error
};

} // namespace twinbox
