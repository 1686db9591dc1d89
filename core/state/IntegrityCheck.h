#pragma once

#include <QCoroTask>
#include <QFuture>
#include <QString>

#include <memory>

class QThread;

namespace twinbox::state {

// SQLite's PRAGMA quick_check(1) of a state database, on a read-only connection of its own.
// It reads every page, about 10 ms for 20 000 messages: run on a thread of its own, it
// overlaps the logins instead of delaying the first byte on the wire (issue #8).
class IntegrityCheck
{
public:
    // "ok", SQLite's first complaint, or the error that kept the file from being read; on
    // the calling thread.
    static QString verdictOf(const QString &path);

    // Starts the check of `path` on a thread of its own.
    explicit IntegrityCheck(const QString &path);
    // Waits for the thread: it must not outlive the caller's files.
    ~IntegrityCheck();
    IntegrityCheck(const IntegrityCheck &) = delete;
    IntegrityCheck &operator=(const IntegrityCheck &) = delete;

    // The verdict once the thread has it (verdictOf's).
    QCoro::Task<QString> verdict();

private:
    QFuture<QString> m_future;
    std::unique_ptr<QThread> m_thread;
};

} // namespace twinbox::state
