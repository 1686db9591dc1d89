#pragma once

#include "SyncConfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace twinbox::config {

// One account pair as a person sets it up in the window: two accounts, which mailboxes,
// when to sync. It is a friendlier face of twinbox-cli's configuration: toSyncConfig() writes
// the interimap-style keys and reads them back through SyncConfig, so that the GUI and
// `twinbox-cli --pair NAME` run the very same checks and the very same engine.
struct AccountSide
{
    enum class Security { Tls, StartTls, Tunnel }; // imaps; imap + STARTTLS; a command's stdio

    QString username;
    QString host;
    quint16 port = 0; // 0: the security's usual port (993, 143)
    Security security = Security::Tls;
    QString tunnelCommand;  // Security::Tunnel: run by /bin/sh, speaks IMAP on stdio
    QStringList pinnedKeys; // "sha256$<hex>": trusted certificate keys (SSL_fingerprint)

    friend bool operator==(const AccountSide &, const AccountSide &) = default;
};

struct PairProfile
{
    Q_DECLARE_TR_FUNCTIONS(PairProfile)

public:
    QString name;
    AccountSide local;
    AccountSide remote;
    // Which mailboxes: the ones ticked (exact names, UTF-8) plus the include patterns (IMAP
    // LIST patterns, "%" and "*"); none of either means every mailbox. Exclude patterns are
    // shell-style ("Spam*", "Archive/*") matched against the whole name.
    QStringList mailboxes;
    QStringList includePatterns;
    QStringList excludePatterns;
    int intervalMinutes = 15; // a sync at least this often
    bool push = true;         // and as soon as a server announces a change (NOTIFY, IDLE)
    QString onMailboxDeleted = QStringLiteral("ask");

    // Why `name` cannot name a pair, or an empty string. Names become settings groups,
    // keychain keys and database file names.
    static QString nameProblem(const QString &name);
    // The state database's file name under the data directory.
    static QString databaseFileName(const QString &name);

    // The same pair as twinbox-cli's configuration; nullopt and *error when a value is not
    // acceptable (the message names the key).
    std::optional<SyncConfig> toSyncConfig(const SyncConfig::Paths &paths, QString *error) const;
    // The configuration file text toSyncConfig() reads: what the user could run by hand.
    QString configText() const;

    friend bool operator==(const PairProfile &, const PairProfile &) = default;
};

} // namespace twinbox::config
