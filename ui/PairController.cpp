#include "PairController.h"

namespace twinbox {

using sync::PairWorker;

PairController::PairController(const config::PairProfile &profile, const config::SyncConfig &config,
                               QObject *parent)
    : QObject(parent)
    , m_profile(profile)
{
    m_thread.setObjectName(QStringLiteral("pair ") + profile.name);
    PairWorker::Setup setup;
    setup.config = config;
    setup.keychainPair = profile.name;
    setup.interval = std::chrono::minutes(std::max(1, profile.intervalMinutes));
    setup.push = profile.push;
    auto *worker = new PairWorker(setup);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    connect(&m_thread, &QThread::started, worker, &PairWorker::start);
    // Direct: quit() is thread-safe, and the GUI thread may be the one waiting for it (the
    // destructor), unable to run a queued call.
    connect(worker, &PairWorker::finished, &m_thread, &QThread::quit, Qt::DirectConnection);
    // The worker is deleted here, in the GUI thread, once its thread has ended: then no
    // invoke() can post to a worker that its own thread is deleting.
    connect(&m_thread, &QThread::finished, this, [this] {
        m_thread.wait();
        delete m_worker.data();
        Q_EMIT stopped();
    });

    // Queued: the worker's signals are emitted in its thread, these run in the GUI thread.
    connect(worker, &PairWorker::stateChanged, this, [this](const sync::PairState &state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    });
    connect(worker, &PairWorker::message, this,
            [this](const sync::SyncMessage &line) { Q_EMIT message(m_profile.name, line); });
    connect(worker, &PairWorker::message, &m_mailboxes, &MailboxProgressModel::message);
    connect(worker, &PairWorker::conflict, this, [this](const sync::ConflictRecord &record) {
        Q_EMIT conflict(m_profile.name, record);
    });
    connect(worker, &PairWorker::syncStarted, &m_mailboxes, &MailboxProgressModel::syncStarted);
    connect(worker, &PairWorker::mailboxList, &m_mailboxes, &MailboxProgressModel::mailboxList);
    connect(worker, &PairWorker::progress, &m_mailboxes, &MailboxProgressModel::progress);
    connect(worker, &PairWorker::mailboxDone, &m_mailboxes, &MailboxProgressModel::mailboxDone);
    connect(worker, &PairWorker::syncFinished, &m_mailboxes, &MailboxProgressModel::syncFinished);
    connect(worker, &PairWorker::syncFinished, this, &PairController::syncFinished);
    connect(worker, &PairWorker::issues, &m_issues, &IssueListModel::setIssues);
}

PairController::~PairController()
{
    if (!m_thread.isRunning()) {
        m_thread.wait();
        delete m_worker.data(); // never started, or ended before its finished() was handled
        return;
    }
    stop();
    // At exit only: the worker finishes the mailbox it is on and logs out. Never
    // terminate(): the state would be whatever the thread was writing.
    m_thread.wait();
    delete m_worker.data();
}

template <typename Method, typename... Args>
void PairController::invoke(Method method, Args... args)
{
    // Qt 6.4 queues pointer-to-member calls without arguments only: a functor carries them,
    // and runs in the worker's thread because the worker is the context object.
    sync::PairWorker *worker = m_worker.data();
    if (worker && m_thread.isRunning())
        QMetaObject::invokeMethod(
            worker, [worker, method, args...] { (worker->*method)(args...); },
            Qt::QueuedConnection);
}

void PairController::start()
{
    if (!m_thread.isRunning() && m_worker)
        m_thread.start();
}

void PairController::syncNow()
{
    invoke(&PairWorker::syncNow);
}

void PairController::pause()
{
    invoke(&PairWorker::pause);
}

void PairController::resume()
{
    invoke(&PairWorker::resume);
}

void PairController::stop()
{
    if (!m_thread.isRunning()) {
        Q_EMIT stopped();
        return;
    }
    invoke(&PairWorker::quit);
}

void PairController::decide(const QByteArray &internalName, PairWorker::Decision decision)
{
    invoke(&PairWorker::decide, internalName, decision);
}

void PairController::setProtocolLog(bool on)
{
    invoke(&PairWorker::setProtocolLog, on);
}

void PairController::acknowledge(qint64 issueId)
{
    invoke(&PairWorker::acknowledge, issueId);
}

} // namespace twinbox
