#include "PairWorker.h"

#include "SyncJob.h"
#include "config/CliOptions.h"
#include "state/StateDatabase.h"

#include <QCoroSignal>
#include <QFile>
#include <QThread>

#include <utility>

namespace twinbox::sync {

namespace {

// Registered once for the queued connections between the worker and the GUI thread.
void registerValueTypes()
{
    qRegisterMetaType<PairState>();
    qRegisterMetaType<SyncMessage>();
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<ConflictRecord>();
    qRegisterMetaType<MailboxListing>();
    qRegisterMetaType<MailboxOutcome>();
    qRegisterMetaType<SyncTotals>();
    qRegisterMetaType<PairWorker::Decision>();
    qRegisterMetaType<QList<state::IssueRecord>>();
}

} // namespace

PairWorker::PairWorker(const Setup &setup)
    : m_setup(setup)
{
    registerValueTypes();
}

PairWorker::~PairWorker() = default;

void PairWorker::start()
{
    Q_ASSERT(QThread::currentThread() == thread()); // called in the worker thread
    if (m_loop)
        return;
    m_events = std::make_unique<SyncEvents>();
    connect(m_events.get(), &SyncEvents::message, this, [this](const SyncMessage &line) {
        // The pair's state names the server, as the CLI's error lines do.
        if (line.severity == SyncMessage::Severity::Error)
            m_lastError = line.component.isEmpty()
                              ? line.text
                              : line.component + QStringLiteral(": ") + line.text;
        Q_EMIT message(line);
    });
    connect(m_events.get(), &SyncEvents::progress, this, &PairWorker::progress);
    connect(m_events.get(), &SyncEvents::conflict, this, &PairWorker::conflict);
    connect(m_events.get(), &SyncEvents::mailboxList, this, &PairWorker::mailboxList);
    connect(m_events.get(), &SyncEvents::mailboxDone, this, &PairWorker::mailboxDone);
    refreshIssues();
    m_loop.emplace(loop());
}

void PairWorker::syncNow()
{
    if (m_paused) {
        resume();
        return;
    }
    if (m_job)
        m_job->requestSync();
    wake();
}

void PairWorker::stopJob()
{
    if (m_job && !m_jobStopping) {
        m_jobStopping = true;
        m_job->requestStop(); // the mailbox being synced is finished first
    }
}

void PairWorker::pause()
{
    m_paused = true;
    stopJob();
    m_state.nextSync = {};
    setActivity(PairState::Activity::Paused);
}

void PairWorker::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    // A job still finishing its mailbox ends as asked; the loop then starts the next one.
    m_restart = m_jobStopping;
    wake();
}

void PairWorker::quit()
{
    m_quitting = true;
    stopJob();
    wake();
    if (!m_loop)
        Q_EMIT finished();
}

void PairWorker::decide(const QByteArray &internalName, Decision decision)
{
    const auto onDeleted = decision == Decision::Recreate ? PairSync::Options::OnDeleted::Recreate
                                                          : PairSync::Options::OnDeleted::Delete;
    if (m_job && !m_jobStopping) {
        m_job->decide(internalName, onDeleted);
        return;
    }
    m_decisions.insert(internalName, onDeleted); // for the next job
    syncNow();
}

void PairWorker::setProtocolLog(bool on)
{
    if (m_protocolLog == on)
        return;
    m_protocolLog = on;
    if (m_job) {
        m_restart = true;
        stopJob();
    }
}

// A connection of its own in this thread (the job's is busy with the sync), to a database a
// sync has made: none is created just to be read.
bool PairWorker::openExistingState(state::StateDatabase &database) const
{
    QString error;
    return QFile::exists(m_setup.config.database) && database.open(m_setup.config.database, &error);
}

void PairWorker::acknowledge(qint64 issueId)
{
    state::StateDatabase database;
    if (!openExistingState(database))
        return;
    try {
        state::StateStore(database).acknowledgeIssue(issueId);
    } catch (const state::StateError &e) {
        Q_EMIT message(
            {SyncMessage::Severity::Error, QStringLiteral("database"), QString(), e.message()});
    }
    refreshIssues();
}

void PairWorker::refreshIssues()
{
    state::StateDatabase database;
    if (!openExistingState(database))
        return;
    QList<state::IssueRecord> list;
    try {
        list = state::StateStore(database).issues();
    } catch (const state::StateError &) {
        return; // the sync reports what is wrong with the database
    }
    m_state.openIssues = int(std::count_if(list.cbegin(), list.cend(),
                                           [](const auto &issue) { return !issue.acknowledged; }));
    Q_EMIT issues(list);
    publish();
}

QCoro::Task<void> PairWorker::loop()
{
    int failures = 0; // attempts in a row that ended before a sync could finish
    while (!m_quitting) {
        if (m_paused) {
            m_waiting = true;
            co_await qCoro(this, &PairWorker::woken);
            continue;
        }
        config::CliOptions options;
        options.watchSeconds = int(m_setup.interval.count());
        options.notify = m_setup.push;
        options.debug = m_protocolLog ? 1 : 0; // level 1: credentials redacted
        BatchLimits limits;
        limits.messages = m_setup.config.appendBatch;
        m_job = std::make_unique<SyncJob>(m_setup.config, options, m_setup.keychainPair, *m_events,
                                          limits);
        for (auto it = m_decisions.cbegin(); it != m_decisions.cend(); ++it)
            m_job->decide(it.key(), it.value());
        m_decisions.clear();
        connect(m_job.get(), &SyncJob::syncStarted, this, [this] {
            m_lastError.clear();
            m_state.nextSync = {};
            setActivity(PairState::Activity::Syncing);
            Q_EMIT syncStarted();
        });
        connect(m_job.get(), &SyncJob::syncFinished, this,
                [this, &failures](const SyncTotals &totals) {
                    failures = 0;
                    m_state.lastSync = QDateTime::currentDateTime();
                    m_state.error = totals.failures.value(0);
                    refreshIssues();
                    using Activity = PairState::Activity;
                    setActivity(m_paused                     ? Activity::Paused
                                : !totals.failures.isEmpty() ? Activity::Error
                                : m_state.openIssues > 0     ? Activity::NeedsAttention
                                                             : Activity::Idle);
                    Q_EMIT syncFinished(totals);
                });
        connect(m_job.get(), &SyncJob::waitingUntil, this, [this](const QDateTime &when) {
            if (!m_paused) {
                m_state.nextSync = when;
                publish();
            }
        });
        co_await m_job->run();
        m_job.reset();
        m_jobStopping = false;
        if (m_quitting || m_paused || std::exchange(m_restart, false))
            continue;
        // The watch gave up: a login refused, a server without QRESYNC, the keychain
        // locked, the pair syncing in twinbox-cli. Tried again later, less and less often.
        const std::chrono::seconds delay =
            std::min(SyncJob::reconnectDelay(failures++ + 4), m_setup.interval);
        m_state.error = m_lastError;
        m_state.nextSync = QDateTime::currentDateTime().addSecs(delay.count());
        setActivity(PairState::Activity::Error);
        m_waiting = true;
        co_await qCoro(this, &PairWorker::woken, delay);
        m_waiting = false;
    }
    m_state.nextSync = {};
    publish();
    Q_EMIT finished();
}

void PairWorker::wake()
{
    // One emission per wait: the awaiting side takes one queued emission (ServerWatch::wake).
    if (!m_waiting)
        return;
    m_waiting = false;
    Q_EMIT woken();
}

void PairWorker::setActivity(PairState::Activity activity)
{
    m_state.activity = activity;
    publish();
}

void PairWorker::publish()
{
    Q_EMIT stateChanged(m_state);
}

} // namespace twinbox::sync
