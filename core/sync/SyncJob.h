#pragma once

#include "PairSync.h"
#include "ServerWatch.h"
#include "SyncEvents.h"
#include "config/CliOptions.h"
#include "config/SyncConfig.h"
#include "imap/ImapSession.h"
#include "state/PairLock.h"
#include "state/StateDatabase.h"

#include <QCoroTask>
#include <QObject>

#include <array>
#include <chrono>
#include <memory>

namespace twinbox::sync {

// One `twinbox-cli` run from start to end: the pair lock (before any network traffic),
// the state database, the passwords (config, password-command or the keychain; never
// logged), both logins at once, then one sync (or --delete / --rename), LOGOUT. Every
// failure becomes one line that names the server, the mailbox and the cause; the exit
// status is 0 only when everything synced.
//
// With --watch or --notify the job stays: sync, wait for a change (ServerWatch), sync
// again. A dropped connection (server restart, suspended laptop, network gone) is reopened
// with exponential back-off; requestStop() (SIGINT, SIGTERM) lets the mailbox being synced
// finish, logs out and ends with status 0. A single run cut short by SIGINT ends with 1, as
// interimap's does.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        int exitCode = 0;
        SyncTotals totals;
    };

    // `keychainPair` names the keychain entries ("<pair>/local", "<pair>/remote") looked up
    // when a side has neither password nor password-command.
    SyncJob(const config::SyncConfig &config, const config::CliOptions &options,
            const QString &keychainPair, SyncEvents &events, const BatchLimits &limits = {});
    ~SyncJob() override;

    QCoro::Task<Outcome> run();
    enum class StopReason { Terminate, Interrupt }; // SIGTERM, SIGINT
    void requestStop(StopReason reason = StopReason::Terminate);
    // Watch mode: sync now, without waiting for a change, the interval or the back-off.
    void requestSync();
    // Watch mode: the user's answer for a mailbox gone on one side, taken in a sync that
    // starts at once.
    void decide(const QByteArray &internalName, PairSync::Options::OnDeleted decision);

    // "Synced 3 mailbox(es): ..." for the end of a run.
    static QString summary(const SyncTotals &totals);
    // How long to wait before reconnecting after `failures` attempts in a row: 1 s, 2 s,
    // 4 s … at most 5 minutes.
    static std::chrono::seconds reconnectDelay(int failures);

Q_SIGNALS:
    // Around each sync (once in a single run, each time in watch mode).
    void syncStarted();
    void syncFinished(const twinbox::sync::SyncTotals &totals);
    // Watch mode: when the next sync is due at the latest (interval or reconnection).
    void waitingUntil(const QDateTime &when);
    void backoffEnded(); // private: ends the wait before a reconnection

private:
    bool lockState();
    bool openDatabase();
    QCoro::Task<bool> readPasswords();
    QCoro::Task<void> connectBoth();
    QCoro::Task<void> logoutBoth();
    // `listing`: the sync's LIST goes out behind each login (false for the extra pairs of
    // parallel mailboxes, which only select).
    QCoro::Task<PairSync::Options::SessionPair> openPair(std::optional<imap::ImapError> *failure,
                                                         bool listing);
    void dropBoth(const QString &reason);
    bool connected() const;
    QCoro::Task<SyncTotals> runCommand();
    QCoro::Task<Outcome> watch();
    QCoro::Task<void> startWatching();
    std::optional<imap::ImapError> closedConnection() const;
    PairSync::Options pairOptions(); // its openSessions logs in with this job's settings

    const config::SyncConfig m_config;
    const config::CliOptions m_options;
    const QString m_keychainPair;
    SyncEvents &m_events;
    const BatchLimits m_limits;
    state::PairLock m_lock;
    state::StateDatabase m_database;
    std::array<imap::ConnectionSettings, 2> m_settings;
    // Set when the run fails before the connections it started were needed (Transport).
    std::shared_ptr<bool> m_connectionsAbandoned = std::make_shared<bool>(false);
    // By side: what the server announced before the login on the last run (GreetingMemory),
    // filled once the database is open; the settings point at it.
    std::array<std::shared_ptr<std::optional<QByteArrayList>>, 2> m_announced = {
        std::make_shared<std::optional<QByteArrayList>>(),
        std::make_shared<std::optional<QByteArrayList>>()};
    // By side: the last connection failed with its early login on the way.
    std::array<std::shared_ptr<bool>, 2> m_earlyLoginFailed = {std::make_shared<bool>(false),
                                                               std::make_shared<bool>(false)};
    std::array<std::unique_ptr<imap::ImapSession>, 2> m_sessions;
    std::unique_ptr<ServerWatch> m_watch;
    void endBackoff();

    bool m_stopping = false;
    bool m_inBackoff = false;
    QHash<QByteArray, PairSync::Options::OnDeleted> m_decisions;
    std::optional<StopReason> m_stopReason;
};

} // namespace twinbox::sync
