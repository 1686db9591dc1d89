#include "SyncJob.h"

#include "MailboxCommands.h"
#include "config/ListMailboxPatterns.h"
#include "config/PasswordCommand.h"
#include "config/SecretStore.h"
#include "imap/ImapSession.h"
#include "state/InterimapImport.h"
#include "state/PairLock.h"
#include "state/StateDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace twinbox::sync {

using namespace imap;

namespace {

// The password of one side, from where the user put it. Tunnels need none.
QCoro::Task<std::optional<QString>> passwordFor(const ConnectionSettings &settingsIn,
                                                const QString &commandIn, const QString &keyIn,
                                                SyncEvents &events)
{
    const ConnectionSettings settings = settingsIn;
    const QString command = commandIn;
    const QString key = keyIn;
    if (settings.type == ConnectionSettings::Type::Tunnel || !settings.password.isEmpty())
        co_return settings.password;
    if (!command.isEmpty()) {
        const config::PasswordCommand::Result result =
            co_await config::PasswordCommand::run(command);
        if (!result.password) {
            events.error(settings.name, QString(), result.error);
            co_return std::nullopt;
        }
        co_return *result.password;
    }
    const config::SecretStore::Result stored = co_await config::SecretStore().read(key);
    if (stored.status == config::SecretStore::Status::Ok && stored.secret)
        co_return *stored.secret;
    events.error(settings.name, QString(),
                 SyncJob::tr("no password: set password-command in the configuration, or store "
                             "the password in the keychain (%1)")
                     .arg(stored.message));
    co_return std::nullopt;
}

QByteArrayList splitOptions(const QString &text)
{
    QByteArrayList options;
    for (const QString &option : text.split(u' ', Qt::SkipEmptyParts))
        options.append(option.toLatin1());
    return options;
}

} // namespace

QString SyncJob::summary(const SyncTotals &totals)
{
    return tr("Synced %n mailbox(es): ", nullptr, totals.mailboxesSynced) +
           tr("%n message(s) copied, ", nullptr, int(totals.messagesCopied)) +
           tr("%n flag update(s), ", nullptr, int(totals.flagUpdates)) +
           tr("%n expunge(s), ", nullptr, int(totals.expunges)) +
           tr("%n conflict(s), ", nullptr, totals.conflicts) +
           tr("%n refused, ", nullptr, totals.refused) +
           tr("%n failure(s)", nullptr, int(totals.failures.size()));
}

QCoro::Task<SyncJob::Outcome> SyncJob::run(const config::SyncConfig &configIn,
                                           const config::CliOptions &optionsIn,
                                           const QString &keychainPairIn, SyncEvents &events,
                                           const BatchLimits &limitsIn)
{
    const config::SyncConfig config = configIn; // copies before the first co_await
    const config::CliOptions options = optionsIn;
    const QString keychainPair = keychainPairIn;
    const BatchLimits limits = limitsIn;
    Outcome outcome;
    outcome.exitCode = 1;
    const QString database = QStringLiteral("database");

    if (options.watchSeconds || options.notify) {
        // These come with the rest of mailbox management; until then a single sync would
        // silently do less than was asked.
        events.error(QString(), QString(), tr("--watch and --notify are not available yet"));
        co_return outcome;
    }
    for (const QString &warning : config.warnings)
        events.warning(QString(), QString(), warning);

    // One sync per pair, decided before anything else happens.
    if (!QDir().mkpath(QFileInfo(config.database).absolutePath())) {
        events.error(database, QString(),
                     tr("cannot create the directory of %1").arg(config.database));
        co_return outcome;
    }
    state::PairLock lock;
    QString error;
    if (!lock.acquire(config.database, &error)) {
        events.error(database, QString(), error);
        co_return outcome;
    }
    state::StateDatabase stateDatabase;
    if (!stateDatabase.open(config.database, &error)) {
        events.error(QString(), QString(), error);
        co_return outcome;
    }
    // An interimap user switching: start from interimap's state, never from nothing (which
    // would copy every message a second time).
    try {
        if (!config.interimapDatabase.isEmpty() && QFile::exists(config.interimapDatabase) &&
            state::StateStore(stateDatabase).mailboxCount() == 0) {
            const auto adopted =
                state::InterimapImport::adopt(config.interimapDatabase, stateDatabase, &error);
            if (!adopted) {
                events.error(QString(), QString(), error);
                co_return outcome;
            }
            events.info(database, QString(),
                        tr("adopted interimap's state from %1: %n mailbox(es), %2 message(s); "
                           "that file is left as it was",
                           nullptr, adopted->mailboxes)
                            .arg(config.interimapDatabase)
                            .arg(adopted->messages));
        }
    } catch (const state::StateError &e) {
        events.error(QString(), QString(), e.message());
        co_return outcome;
    }

    std::array<ConnectionSettings, 2> settings = {config.local, config.remote};
    const std::array<QString, 2> commands = {config.localPasswordCommand,
                                             config.remotePasswordCommand};
    for (std::size_t i = 0; i < 2; ++i) {
        const auto password = co_await passwordFor(
            settings[i], commands[i], config::SecretStore::keyFor(keychainPair, settings[i].name),
            events);
        if (!password)
            co_return outcome;
        settings[i].password = *password;
        settings[i].debugLevel = options.debug;
    }

    const auto warn = [&events](const QString &text) {
        events.warning(QString(), QString(), text);
    };
    std::array<std::unique_ptr<ImapSession>, 2> sessions;
    try {
        std::array<ImapConnection::LogSink, 2> logs;
        for (std::size_t i = 0; i < 2; ++i) {
            if (options.debug > 0)
                logs[i] = [&events, name = settings[i].name](const QString &line) {
                    events.debug(name, QString(), line);
                };
        }
        auto openLocal = ImapSession::open(settings[0], warn, logs[0]);
        auto openRemote = ImapSession::open(settings[1], warn, logs[1]);
        std::optional<ImapError> failure;
        try {
            sessions[0] = co_await openLocal;
        } catch (const ImapError &e) {
            failure = e;
        }
        try {
            sessions[1] = co_await openRemote;
        } catch (const ImapError &e) {
            if (!failure)
                failure = e;
        }
        if (failure)
            throw *failure;

        PairSync::Options pairOptions;
        pairOptions.mailboxes = options.mailboxes;
        if (!config.listMailbox.isEmpty())
            pairOptions.listPatterns =
                config::ListMailboxPatterns::parse(config.listMailbox).value_or(QByteArrayList());
        pairOptions.selectOptions = splitOptions(config.listSelectOptions);
        pairOptions.references = {config.localListReference.toUtf8(),
                                  config.remoteListReference.toUtf8()};
        pairOptions.ignoreMailbox = config.ignoreMailbox;
        pairOptions.batchLimits = limits;
        pairOptions.repair = options.command == config::CliOptions::Command::Repair;
        const auto targets = MailboxCommands::Targets::from(options.targets);
        switch (options.command) {
        case config::CliOptions::Command::Delete:
            pairOptions.mailboxes.clear(); // names, not a selection
            co_await MailboxCommands::remove(*sessions[0], *sessions[1], stateDatabase, events,
                                             pairOptions, options.mailboxes, targets);
            break;
        case config::CliOptions::Command::Rename:
            pairOptions.mailboxes.clear();
            co_await MailboxCommands::rename(*sessions[0], *sessions[1], stateDatabase, events,
                                             pairOptions, options.mailboxes.value(0),
                                             options.mailboxes.value(1), targets);
            break;
        default:
            outcome.totals = co_await PairSync::run(*sessions[0], *sessions[1], stateDatabase,
                                                    events, pairOptions);
        }
    } catch (const ImapError &e) {
        outcome.totals.failures.append(e.describe());
        events.error(e.server(), e.mailbox(), e.message());
    } catch (const state::StateError &e) {
        outcome.totals.failures.append(e.message());
        events.error(QString(), QString(), e.message());
    }
    for (auto &session : sessions) {
        if (session && session->connection().isOpen())
            co_await session->logout();
    }
    outcome.exitCode = outcome.totals.failures.isEmpty() && outcome.totals.refused == 0 ? 0 : 1;
    co_return outcome;
}

} // namespace twinbox::sync
