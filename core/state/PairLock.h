#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace twinbox::state {

// One sync per account pair at a time: an open-file-description write lock on
// "<database>.lock", which holds the owner's pid. The kernel drops the lock when the process
// ends, however it ends (kill -9 included), so a crash never leaves a stale lock behind.
// Taken before anything touches the network or the database.
class PairLock
{
    Q_DECLARE_TR_FUNCTIONS(PairLock)

public:
    PairLock() = default;
    ~PairLock();
    PairLock(const PairLock &) = delete;
    PairLock &operator=(const PairLock &) = delete;

    // True when this process now holds the lock. Otherwise *error says why: "already syncing
    // (pid N)" when another process holds it.
    bool acquire(const QString &databasePath, QString *error);
    void release();
    bool isHeld() const { return m_fd >= 0; }

    static QString lockPathFor(const QString &databasePath);

private:
    int m_fd = -1;
};

} // namespace twinbox::state
