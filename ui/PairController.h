#pragma once

#include "IssueListModel.h"
#include "MailboxProgressModel.h"
#include "config/PairProfile.h"
#include "sync/PairState.h"
#include "sync/PairWorker.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace twinbox {

// One account pair in the window: its worker thread, its models, its state. It lives in the
// GUI thread and talks to its PairWorker only through queued invocations and queued signals
// (values), so nothing the engine does can hold up the window.
class PairController : public QObject
{
    Q_OBJECT

public:
    // `config` is the pair's engine configuration (PairProfile::toSyncConfig), with the
    // passwords filled in when they are kept in memory instead of the keychain.
    PairController(const config::PairProfile &profile, const config::SyncConfig &config,
                   QObject *parent = nullptr);
    // Stops the worker cooperatively if stop() was not awaited (waits for it).
    ~PairController() override;

    const QString &name() const { return m_profile.name; }
    const config::PairProfile &profile() const { return m_profile; }
    const sync::PairState &state() const { return m_state; }
    MailboxProgressModel *mailboxes() { return &m_mailboxes; }
    IssueListModel *issues() { return &m_issues; }
    bool running() const { return m_thread.isRunning(); }

    void start();
    void syncNow();
    void pause();
    void resume();
    // Asks the worker to finish the current mailbox, log out and end; stopped() follows.
    void stop();
    void decide(const QByteArray &internalName, sync::PairWorker::Decision decision);
    void acknowledge(qint64 issueId);
    void setProtocolLog(bool on);

Q_SIGNALS:
    void stateChanged(const twinbox::sync::PairState &state);
    void message(const QString &pair, const twinbox::sync::SyncMessage &message);
    void conflict(const QString &pair, const twinbox::sync::ConflictRecord &conflict);
    void syncFinished(const twinbox::sync::SyncTotals &totals);
    void stopped();

private:
    template <typename Method, typename... Args>
    void invoke(Method method, Args... args);

    config::PairProfile m_profile;
    QThread m_thread;
    QPointer<sync::PairWorker> m_worker; // lives in m_thread; deleted there when it ends
    sync::PairState m_state;
    MailboxProgressModel m_mailboxes;
    IssueListModel m_issues;
};

} // namespace twinbox
