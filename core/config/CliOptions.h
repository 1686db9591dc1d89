#pragma once

#include <QByteArrayList>
#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace twinbox::config {

// twinbox-cli's command line: interimap's options with their meaning and checks (reference
// §1.1). Mailbox arguments may be UTF-8 (interimap insists on modified UTF-7): a pure-ASCII
// argument that is valid modified UTF-7 is taken as the wire form, anything else is encoded.
struct CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    enum class Command { Sync, Repair, Delete, Rename };

    Command command = Command::Sync;
    QString config; // --config, as given (SyncConfig::resolveConfigPath)
    QString pair;   // --pair: an account pair of the window's store (PairStore) instead
    bool quiet = false;
    int debug = 0; // --debug given n times
    bool help = false;
    bool version = false;
    std::optional<int> watchSeconds; // --watch[=s], --notify
    bool notify = false;
    QStringList targets;      // --target; empty: local, remote and database
    QByteArrayList mailboxes; // modified UTF-7, local delimiter
    // --demo: a sync between two private Dovecot stores made for the purpose (DemoPair);
    // a command of its own, so it takes none of the sync's other choices.
    bool demo = false;
    bool keep = false; // --keep: leave the demo's directory for another run

    // nullopt with *error on a usage error (interimap: exit 1 with the usage text).
    static std::optional<CliOptions> parse(const QStringList &arguments, QString *error);
    static QString usage(const QString &program);
};

} // namespace twinbox::config
