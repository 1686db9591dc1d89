#pragma once

#include "PairState.h"
#include "PairSync.h"
#include "SyncEvents.h"
#include "config/SyncConfig.h"
#include "state/StateDatabase.h"
#include "state/StateStore.h"

#include <QCoroTask>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

namespace twinbox::sync {

class SyncJob;

// The engine of one account pair inside the window. It lives on the pair's own QThread
// (DESIGN.md, "Architecture"): it is moved there before start(), and everything it makes —
// the SyncJob, its sockets, its database connections — is made in that thread. The GUI
// thread calls its slots only through queued invocations and hears from it only through
// queued signals carrying values.
//
// It keeps the pair in sync as twinbox-cli --watch does (a sync, then a wait for a push
// event, the interval or "sync now"), pauses and resumes on request, retries a failed
// start with back-off, and stops cooperatively: the mailbox being synced is finished and
// stored, the servers are logged out, then finished() is emitted.
class PairWorker : public QObject
{
    Q_OBJECT

public:
    struct Setup
    {
        config::SyncConfig config; // passwords filled in when the keychain is not used
        QString keychainPair;      // the keychain entries "<pair>/local" and "<pair>/remote"
        std::chrono::seconds interval{900};
        bool push = true;
    };

    explicit PairWorker(const Setup &setup);
    ~PairWorker() override;

    // The answer to a "mailbox-gone" issue.
    enum class Decision { DeleteOtherSide, Recreate };

public Q_SLOTS: // called in the worker thread, through queued invocations
    void start();
    void syncNow();
    void pause();
    void resume();
    void quit();
    void decide(const QByteArray &internalName, twinbox::sync::PairWorker::Decision decision);
    void acknowledge(qint64 issueId);
    void refreshIssues();
    // The IMAP traffic as Debug messages (credentials redacted); the connections are opened
    // again to start or stop it.
    void setProtocolLog(bool on);

Q_SIGNALS:
    void stateChanged(const twinbox::sync::PairState &state);
    void message(const twinbox::sync::SyncMessage &message);
    void progress(const twinbox::sync::SyncProgress &progress);
    void conflict(const twinbox::sync::ConflictRecord &conflict);
    void mailboxList(const twinbox::sync::MailboxListing &listing);
    void mailboxDone(const twinbox::sync::MailboxOutcome &outcome);
    void syncStarted();
    void syncFinished(const twinbox::sync::SyncTotals &totals);
    void issues(const QList<twinbox::state::IssueRecord> &issues);
    void finished();
    void woken(); // private: ends a wait of the loop

private:
    QCoro::Task<void> loop();
    void setActivity(PairState::Activity activity);
    void publish();
    void wake();
    void stopJob();
    bool openExistingState(state::StateDatabase &database) const;

    const Setup m_setup;
    std::unique_ptr<SyncEvents> m_events;
    std::unique_ptr<SyncJob> m_job;
    std::optional<QCoro::Task<void>> m_loop;
    PairState m_state;
    QString m_lastError;
    QHash<QByteArray, PairSync::Options::OnDeleted> m_decisions;
    bool m_paused = false;
    bool m_quitting = false;
    bool m_waiting = false;
    bool m_protocolLog = false;
    bool m_restart = false;     // the job ends on request, not by failure: no back-off
    bool m_jobStopping = false; // requestStop() was called on the current job
};

} // namespace twinbox::sync

Q_DECLARE_METATYPE(twinbox::sync::PairWorker::Decision)
