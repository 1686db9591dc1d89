#include "SyncJob.h"

#include "BothSides.h"
#include "GreetingMemory.h"
#include "MailboxCommands.h"
#include "config/ListMailboxPatterns.h"
#include "config/PasswordCommand.h"
#include "config/SecretStore.h"
#include "imap/ImapSession.h"
#include "state/InterimapImport.h"
#include "state/PairLock.h"
#include "state/StateDatabase.h"

#include <QCoroSignal>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <utility>

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

SyncJob::SyncJob(const config::SyncConfig &config, const config::CliOptions &options,
                 const QString &keychainPair, SyncEvents &events, const BatchLimits &limits)
    : m_config(config)
    , m_options(options)
    , m_keychainPair(keychainPair)
    , m_events(events)
    , m_limits(limits)
    , m_settings({config.local, config.remote})
{}

SyncJob::~SyncJob() = default;

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

std::chrono::seconds SyncJob::reconnectDelay(int failures)
{
    constexpr std::chrono::seconds longest(300);
    if (failures >= 9)
        return longest;
    return std::min(longest, std::chrono::seconds(1LL << std::max(failures, 0)));
}

void SyncJob::requestStop(StopReason reason)
{
    if (m_stopping)
        return; // one emission at most: see ServerWatch::wake()
    m_stopping = true;
    m_stopReason = reason;
    if (m_watch)
        m_watch->stop();
    endBackoff();
}

void SyncJob::requestSync()
{
    if (m_watch)
        m_watch->requestSync();
    endBackoff();
}

void SyncJob::decide(const QByteArray &internalName, PairSync::Options::OnDeleted decision)
{
    m_decisions.insert(internalName, decision);
    requestSync();
}

void SyncJob::endBackoff()
{
    // One emission per wait: the awaiting side takes one queued emission (ServerWatch::wake).
    if (!m_inBackoff)
        return;
    m_inBackoff = false;
    Q_EMIT backoffEnded();
}

// One sync per pair, decided before anything else happens.
bool SyncJob::lockState()
{
    const QString database = QStringLiteral("database");
    if (!QDir().mkpath(QFileInfo(m_config.database).absolutePath())) {
        m_events.error(database, QString(),
                       tr("cannot create the directory of %1").arg(m_config.database));
        return false;
    }
    QString error;
    if (!m_lock.acquire(m_config.database, &error)) {
        m_events.error(database, QString(), error);
        return false;
    }
    return true;
}

// The database, checked (StateDatabase::open) and started from interimap's state for a user
// who switches.
bool SyncJob::openDatabase()
{
    const QString database = QStringLiteral("database");
    QString error;
    // An interimap user who kept `database =`: that file becomes Twinbox's (a copy is kept).
    if (state::InterimapImport::isInterimapDatabase(m_config.database)) {
        QString backup;
        const auto migrated =
            state::InterimapImport::migrateInPlace(m_config.database, &backup, &error);
        if (!migrated) {
            m_events.error(QString(), QString(), error);
            return false;
        }
        m_events.info(database, QString(),
                      tr("%1 was interimap's database: migrated to Twinbox with %n mailbox(es) "
                         "and %2 message(s); interimap's file is kept as %3",
                         nullptr, migrated->mailboxes)
                          .arg(m_config.database)
                          .arg(migrated->messages)
                          .arg(backup));
    }
    if (!m_database.open(m_config.database, &error)) {
        m_events.error(QString(), QString(), error);
        return false;
    }
    // Starting from nothing would copy every message a second time.
    try {
        // Read before any login: in a single run the connections are under way meanwhile, and
        // each waits for this database's verdict (Transport) before its login, which may then
        // go out with the TLS handshake's end.
        const state::StateStore store(m_database);
        for (state::Side side : {state::Side::Local, state::Side::Remote})
            *m_announced[std::size_t(side)] =
                GreetingMemory::recall(store, side, m_settings[std::size_t(side)]);
        if (!m_config.interimapDatabase.isEmpty() && QFile::exists(m_config.interimapDatabase) &&
            state::StateStore(m_database).mailboxCount() == 0) {
            const auto adopted =
                state::InterimapImport::adopt(m_config.interimapDatabase, m_database, &error);
            if (!adopted) {
                m_events.error(QString(), QString(), error);
                return false;
            }
            m_events.info(database, QString(),
                          tr("adopted interimap's state from %1: %n mailbox(es), %2 message(s); "
                             "that file is left as it was",
                             nullptr, adopted->mailboxes)
                              .arg(m_config.interimapDatabase)
                              .arg(adopted->messages));
        }
    } catch (const state::StateError &e) {
        m_events.error(QString(), QString(), e.message());
        return false;
    }
    return true;
}

QCoro::Task<bool> SyncJob::readPasswords()
{
    const std::array<QString, 2> commands = {m_config.localPasswordCommand,
                                             m_config.remotePasswordCommand};
    for (std::size_t i = 0; i < 2; ++i) {
        const auto password = co_await passwordFor(
            m_settings[i], commands[i],
            config::SecretStore::keyFor(m_keychainPair, m_settings[i].name), m_events);
        if (!password)
            co_return false;
        m_settings[i].password = *password;
        m_settings[i].debugLevel = m_options.debug;
        // A watch keeps its connections for days: TCP keep-alive notices a dead peer.
        m_settings[i].keepAlive = m_options.watchSeconds.has_value();
        m_settings[i].abandoned = m_connectionsAbandoned;
        m_settings[i].rememberedCapabilities = m_announced[i];
        m_settings[i].earlyLoginFailed = m_earlyLoginFailed[i];
    }
    co_return true;
}

// Both logins at once. Throws the first ImapError.
QCoro::Task<void> SyncJob::connectBoth()
{
    std::optional<ImapError> failure;
    for (const auto &flag : m_earlyLoginFailed)
        *flag = false;
    m_sessions = co_await openPair(&failure, true);
    state::StateStore store(m_database);
    for (state::Side side : {state::Side::Local, state::Side::Remote}) {
        const std::size_t i = std::size_t(side);
        if (m_sessions[i]) {
            *m_announced[i] = GreetingMemory::update(store, side, m_settings[i], *m_sessions[i]);
        } else if (*m_earlyLoginFailed[i]) {
            m_announced[i]->reset();
            try {
                GreetingMemory::refuse(store, side);
            } catch (const state::StateError &) {
                // the connection's error is the one to report
            }
        }
    }
    if (failure)
        throw *failure;
}

// Both logins at once: the sessions that opened, and the first error in *failure.
QCoro::Task<PairSync::Options::SessionPair> SyncJob::openPair(std::optional<ImapError> *failure,
                                                              bool listing)
{
    // A sync's first command on each side is its LIST: sent behind the login (ImapSession).
    std::array<std::optional<imap::Command>, 2> first;
    if (listing) {
        const PairSync::Options options = pairOptions();
        for (state::Side side : {state::Side::Local, state::Side::Remote})
            first[std::size_t(side)] = PairSync::firstListing(options, side);
    }
    const auto warn = [this](const QString &text) { m_events.warning(QString(), QString(), text); };
    std::array<ImapConnection::LogSink, 2> logs;
    for (std::size_t i = 0; i < 2; ++i) {
        if (m_options.debug > 0)
            logs[i] = [this, name = m_settings[i].name](const QString &line) {
                m_events.debug(name, QString(), line);
            };
    }
    auto openLocal = ImapSession::open(m_settings[0], warn, logs[0], first[0]);
    auto openRemote = ImapSession::open(m_settings[1], warn, logs[1], first[1]);
    PairSync::Options::SessionPair sessions;
    try {
        sessions[0] = co_await openLocal;
    } catch (const ImapError &e) {
        *failure = e;
    }
    try {
        sessions[1] = co_await openRemote;
    } catch (const ImapError &e) {
        if (!*failure)
            *failure = e;
    }
    co_return sessions;
}

bool SyncJob::connected() const
{
    return m_sessions[0] && m_sessions[1] && m_sessions[0]->connection().isOpen() &&
           m_sessions[1]->connection().isOpen();
}

// After a failure the connections are in no known state (an IDLE may be open): closed
// without a word, the next login starts afresh.
void SyncJob::dropBoth(const QString &reason)
{
    m_watch.reset();
    for (auto &session : m_sessions) {
        if (session)
            session->connection().abort(reason);
        session.reset();
    }
}

QCoro::Task<void> SyncJob::logoutBoth()
{
    m_watch.reset(); // it listens to the connections
    // Both at once: one round trip, not two (logout() never throws).
    auto logout = [](imap::ImapSession *session) -> QCoro::Task<void> {
        if (session && session->connection().isOpen())
            co_await session->logout();
    };
    auto local = logout(m_sessions[0].get());
    auto remote = logout(m_sessions[1].get());
    co_await awaitBoth(local, remote);
    for (auto &session : m_sessions)
        session.reset();
}

PairSync::Options SyncJob::pairOptions()
{
    PairSync::Options options;
    options.mailboxes = m_options.mailboxes;
    // Mailbox arguments replace list-mailbox (reference §1.1, §3.5): a named mailbox outside
    // the patterns is still listed, synced, deleted or renamed.
    if (!m_config.listMailbox.isEmpty() && m_options.mailboxes.isEmpty())
        options.listPatterns =
            config::ListMailboxPatterns::parse(m_config.listMailbox).value_or(QByteArrayList());
    options.selectOptions = splitOptions(m_config.listSelectOptions);
    options.references = {m_config.localListReference.toUtf8(),
                          m_config.remoteListReference.toUtf8()};
    options.ignoreMailbox = m_config.ignoreMailbox;
    options.batchLimits = m_limits;
    options.stopRequested = [this] { return m_stopping; };
    using OnDeleted = PairSync::Options::OnDeleted;
    options.onDeleted = m_config.onMailboxDeleted == QStringLiteral("delete") ? OnDeleted::Delete
                        : m_config.onMailboxDeleted == QStringLiteral("recreate")
                            ? OnDeleted::Recreate
                            : OnDeleted::Ask;
    options.repair = m_options.command == config::CliOptions::Command::Repair;
    options.decisions = m_decisions;
    options.parallelMailboxes = m_config.parallelMailboxes;
    options.openSessions = [this]() -> QCoro::Task<PairSync::Options::SessionPair> {
        std::optional<ImapError> failure;
        PairSync::Options::SessionPair sessions = co_await openPair(&failure, false);
        if (failure)
            throw *failure; // the session that opened is closed with the pair
        co_return sessions;
    };
    return options;
}

// The command asked for, over the open sessions. Throws ImapError or StateError.
QCoro::Task<SyncTotals> SyncJob::runCommand()
{
    PairSync::Options options = pairOptions();
    const auto targets = MailboxCommands::Targets::from(m_options.targets);
    SyncTotals totals;
    switch (m_options.command) {
    case config::CliOptions::Command::Delete:
        options.mailboxes.clear(); // names, not a selection
        co_await MailboxCommands::remove(*m_sessions[0], *m_sessions[1], m_database, m_events,
                                         options, m_options.mailboxes, targets);
        break;
    case config::CliOptions::Command::Rename:
        options.mailboxes.clear();
        co_await MailboxCommands::rename(*m_sessions[0], *m_sessions[1], m_database, m_events,
                                         options, m_options.mailboxes.value(0),
                                         m_options.mailboxes.value(1), targets);
        break;
    default:
        // The decisions asked for are taken in this run; failed, they are asked again.
        m_decisions.clear();
        totals =
            co_await PairSync::run(*m_sessions[0], *m_sessions[1], m_database, m_events, options);
    }
    co_return totals;
}

QCoro::Task<SyncJob::Outcome> SyncJob::run()
{
    Outcome outcome;
    outcome.exitCode = 1;
    for (const QString &warning : m_config.warnings)
        m_events.warning(QString(), QString(), warning);
    if (!lockState())
        co_return outcome;
    const bool havePasswords = co_await readPasswords();
    if (!havePasswords)
        co_return outcome;
    if (m_options.watchSeconds) {
        if (!openDatabase())
            co_return outcome;
        co_return co_await watch();
    }

    // The database is opened and checked (milliseconds for a large one) once the connections
    // that start here have sent their ClientHellos (or wait for the network: Transport), while
    // the servers start their login processes and answer (issue #8). Nothing else reaches a server
    // before the database's verdict: a database that failed has the connections given up, with no
    // password sent and no tunnel started (Transport).
    std::array<imap::Completion<bool>, 2> underWay;
    std::array<imap::Completion<bool>, 2> databaseChecked;
    for (std::size_t i = 0; i < 2; ++i) {
        m_settings[i].underWay = underWay[i];
        m_settings[i].databaseChecked = databaseChecked[i];
    }
    auto connecting = connectBoth();
    for (auto &settings : m_settings) { // the connections made later do not wait
        settings.underWay.reset();
        settings.databaseChecked.reset();
    }
    co_await underWay[0];
    co_await underWay[1];
    const bool databaseOpen = openDatabase();
    if (!databaseOpen)
        *m_connectionsAbandoned = true;
    for (const auto &verdict : databaseChecked)
        verdict.complete(databaseOpen);
    if (!databaseOpen) {
        try {
            co_await connecting;
        } catch (const ImapError &) {
            // the database's error is the one reported
        }
        dropBoth(tr("stopped"));
        co_return outcome;
    }
    try {
        co_await connecting;
        Q_EMIT syncStarted();
        outcome.totals = co_await runCommand();
        Q_EMIT syncFinished(outcome.totals);
    } catch (const ImapError &e) {
        outcome.totals.failures.append(e.describe());
        m_events.error(e.server(), e.mailbox(), e.message());
    } catch (const state::StateError &e) {
        outcome.totals.failures.append(e.message());
        m_events.error(QString(), QString(), e.message());
    }
    co_await logoutBoth();
    // As interimap: SIGINT makes a cut-short run a failure, SIGTERM does not.
    const bool interrupted = m_stopReason == StopReason::Interrupt;
    outcome.exitCode =
        outcome.totals.failures.isEmpty() && outcome.totals.refused == 0 && !interrupted ? 0 : 1;
    co_return outcome;
}

namespace {

// A connection problem is worth another try later; a refused login, a missing capability
// or a wrong configuration is not going to fix itself. A TLS failure is, once these settings
// worked: a server restarting in the middle of a handshake looks like one.
bool retryable(const ImapError &error, bool connectedBefore)
{
    switch (error.kind()) {
    case ImapError::Kind::Connection:
    case ImapError::Kind::Protocol:
        return true;
    case ImapError::Kind::Tls:
        return connectedBefore;
    default:
        return false;
    }
}

} // namespace

QCoro::Task<SyncJob::Outcome> SyncJob::watch()
{
    Outcome outcome;
    const std::chrono::milliseconds interval = std::chrono::seconds(*m_options.watchSeconds);
    int failures = 0; // reconnections in a row without a quiet wait in between
    bool connectedBefore = false;
    bool syncNow = true;
    bool inSync = false; // between syncStarted() and syncFinished()
    while (!m_stopping) {
        std::optional<ImapError> lost;
        try {
            if (!connected()) {
                co_await connectBoth();
                connectedBefore = true;
                co_await startWatching();
                syncNow = true;
            }
            if (syncNow) {
                m_watch->syncStarting();
                Q_EMIT syncStarted();
                inSync = true;
                const SyncTotals totals = co_await runCommand();
                inSync = false;
                outcome.totals += totals;
                Q_EMIT syncFinished(totals);
                if (const auto closed = closedConnection())
                    throw *closed;
                Q_EMIT waitingUntil(QDateTime::currentDateTime().addMSecs(interval.count()));
            }
            const ServerWatch::Wake wake = co_await m_watch->wait(interval);
            // Connected through a whole wait: the next drop starts the back-off afresh (a
            // server that drops every connection at once is not hammered every second).
            failures = 0;
            syncNow = wake != ServerWatch::Wake::Stop;
        } catch (const ImapError &e) {
            lost = e;
        } catch (const state::StateError &e) {
            outcome.totals.failures.append(e.message());
            m_events.error(QStringLiteral("database"), QString(), e.message());
            dropBoth(e.message());
            outcome.exitCode = 1;
            co_return outcome;
        }
        if (!lost)
            continue;
        if (std::exchange(inSync, false)) {
            // The sync ends here, cut short: those watching must not wait for its end.
            SyncTotals aborted;
            aborted.interrupted = true;
            aborted.failures.append(lost->describe());
            Q_EMIT syncFinished(aborted);
        }
        dropBoth(lost->message());
        if (!retryable(*lost, connectedBefore)) {
            outcome.totals.failures.append(lost->describe());
            m_events.error(lost->server(), lost->mailbox(), lost->message());
            outcome.exitCode = 1;
            co_return outcome;
        }
        const std::chrono::seconds delay = reconnectDelay(failures++);
        m_events.warning(lost->server(), QString(),
                         tr("%1; connecting again in %n second(s)", nullptr, int(delay.count()))
                             .arg(lost->message()));
        Q_EMIT waitingUntil(QDateTime::currentDateTime().addSecs(delay.count()));
        if (!m_stopping) {
            m_inBackoff = true;
            co_await qCoro(this, &SyncJob::backoffEnded, delay);
            m_inBackoff = false;
        }
    }
    co_await logoutBoth();
    m_events.info(QString(), QString(), tr("stopped"));
    outcome.exitCode = 0;
    co_return outcome;
}

// The watch over freshly opened sessions, told what the database holds for INBOX.
QCoro::Task<void> SyncJob::startWatching()
{
    m_watch = std::make_unique<ServerWatch>(
        std::array<ImapSession *, 2>{m_sessions[0].get(), m_sessions[1].get()}, m_options.notify,
        [this](state::Side side) -> std::optional<state::SideState> {
            state::StateStore store(m_database);
            const auto inbox = store.mailboxId("INBOX");
            return inbox ? store.sideState(*inbox, side) : std::nullopt;
        });
    co_await m_watch->start();
    if (!m_options.notify || m_watch->mode() == ServerWatch::Mode::Notify)
        co_return;
    const QString reason = m_watch->notifyRefusal().isEmpty()
                               ? tr("NOTIFY is not offered by both servers")
                               : m_watch->notifyRefusal();
    m_events.warning(QString(), QString(),
                     tr("%1: waiting with IDLE on INBOX and listing every %n second(s)", nullptr,
                        *m_options.watchSeconds)
                         .arg(reason));
}

// The error of a connection that closed during a sync (the sync reported it per mailbox).
std::optional<ImapError> SyncJob::closedConnection() const
{
    for (const auto &session : m_sessions) {
        if (session && !session->connection().isOpen())
            return ImapError(ImapError::Kind::Connection, session->name(),
                             tr("the connection was lost"));
    }
    return std::nullopt;
}

} // namespace twinbox::sync
