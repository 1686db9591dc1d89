#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace twinbox::sync {

// Where an account pair stands, as the window's list and the tray show it. A value: it
// crosses from the pair's worker thread to the GUI thread in a queued signal.
struct PairState
{
    enum class Activity {
        Idle,          // waiting for the next sync (or a push event)
        Syncing,       // a sync runs
        Paused,        // the user paused it: nothing runs, nothing is scheduled
        Error,         // the last attempt failed; another one is scheduled (nextSync)
        NeedsAttention // it syncs, but a decision or a conflict waits for the user
    };

    Activity activity = Activity::Idle;
    QDateTime lastSync; // the end of the last complete sync; invalid before the first
    QDateTime nextSync; // when the next one is due; invalid when none is scheduled
    QString error;      // Activity::Error: the one-line cause
    int openIssues = 0; // conflicts and decisions not acknowledged yet

    friend bool operator==(const PairState &, const PairState &) = default;
};

} // namespace twinbox::sync

Q_DECLARE_METATYPE(twinbox::sync::PairState)
