#pragma once

#include "PairSync.h"
#include "SyncEvents.h"
#include "config/CliOptions.h"
#include "config/SyncConfig.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// One `twinbox-cli` sync from start to end: the pair lock (before any network traffic),
// the state database, the passwords (config, password-command or the keychain; never
// logged), both logins at once, PairSync, LOGOUT. Every failure becomes one line that
// names the server, the mailbox and the cause; the exit status is 0 only when everything
// synced.
class SyncJob
{
    Q_DECLARE_TR_FUNCTIONS(SyncJob)

public:
    struct Outcome
    {
        int exitCode = 0;
        SyncTotals totals;
    };

    // `keychainPair` names the keychain entries ("<pair>/local", "<pair>/remote") looked up
    // when a side has neither password nor password-command.
    static QCoro::Task<Outcome> run(const config::SyncConfig &config,
                                    const config::CliOptions &options, const QString &keychainPair,
                                    SyncEvents &events, const BatchLimits &limits = {});

    // "Synced 3 mailbox(es): ..." for the end of a run.
    static QString summary(const SyncTotals &totals);
};

} // namespace twinbox::sync
