#pragma once

#include "LogPrefix.h"
#include "imap/ConnectionSettings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace twinbox::config {

// twinbox-cli's configuration: interimap's file format and keys with their meaning and
// defaults (reference §1.2), plus Twinbox's own keys:
//   password-command = CMD   the password is the first line CMD prints (run by /bin/sh)
//   plaintext-auth = YES     allow credentials over unencrypted TCP to a non-loopback host
//   timeout = SECONDS        how long a server may stay silent (default 60, 0: forever)
//   append-batch = N         messages per journalled APPEND batch (default 100)
//   parallel-mailboxes = N   mailboxes synced at once, each over connections of its own
//                            (default 3, at most 16)
//   on-mailbox-deleted = ask|delete|recreate
//                            a known mailbox gone from one server (and not renamed): left
//                            alone and reported (ask, the default), deleted on the other
//                            server too, or created again and filled from the other server
//   interimap-database = F   interimap's state for this pair, adopted while Twinbox's own
//                            database holds no mailbox (default: the database's name in
//                            interimap's data directory)
// Every key is checked in every section: an unknown key or a malformed value is an error
// that names it. Program-wide keys are read from the default section only; placed in
// [local] or [remote] they are reported, not silently ignored as interimap does.
class SyncConfig
{
    Q_DECLARE_TR_FUNCTIONS(SyncConfig)

public:
    // Directories for relative paths and defaults ($XDG_CONFIG_HOME/twinbox and
    // $XDG_DATA_HOME/twinbox unless given).
    struct Paths
    {
        QString configDirectory;
        QString dataDirectory;
        // interimap's own ($XDG_CONFIG_HOME/interimap, $XDG_DATA_HOME/interimap): where an
        // interimap user's config and state are found, to switch without starting over.
        QString interimapConfigDirectory;
        QString interimapDataDirectory;
        static Paths standard();
    };

    static std::optional<SyncConfig> load(const QString &configPath, const Paths &paths,
                                          QString *error);
    static std::optional<SyncConfig> parse(const QString &text, const Paths &paths, QString *error);
    // --config=FILE: a relative name is looked up in the configuration directory, then in
    // interimap's (so that `twinbox-cli` alone finds an interimap user's config).
    static QString resolveConfigPath(const QString &argument, const Paths &paths);

    QString database;          // absolute path
    QString interimapDatabase; // absolute path, or empty
    QString listMailbox;       // list-mailbox as written (the mailbox issue parses it)
    QString listSelectOptions; // upper-cased
    QString ignoreMailbox;     // a regular expression on internal names
    QString logFile;
    QString logPrefix = LogPrefix::defaultFormat();
    int appendBatch = 100;
    // Three connections per server at most: far below what providers allow one user
    // (Dovecot's default is 10 per address, Gmail's 15), enough to hide round trips.
    int parallelMailboxes = 3;
    QString onMailboxDeleted = QStringLiteral("ask"); // ask, delete or recreate
    imap::ConnectionSettings local;
    imap::ConnectionSettings remote;
    QString localListReference;
    QString remoteListReference;
    QString localPasswordCommand;
    QString remotePasswordCommand;
    bool localPasswordInFile = false;
    bool remotePasswordInFile = false;
    QStringList warnings;
};

} // namespace twinbox::config
