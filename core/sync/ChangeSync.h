#pragma once

#include "MailboxContext.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <functional>

namespace twinbox::sync {

// Step 2 of the algorithm (DESIGN.md) for one pass: what each server reported as expunged
// (VANISHED) or changed (FETCH FLAGS) is carried to the other server.
//
// Expunges: the other side's copy is marked \Deleted and UID EXPUNGEd, never another
// message; the mapping goes once both servers have done it. A message expunged on one side
// while its flags changed on the other is expunged and recorded as a conflict.
//
// Flags: FlagMerge decides (one side changed: the other follows; both: a three-way merge,
// the union when the last agreed flags are not known). The decision is committed before
// the STOREs: the target flags, and for each side to be written what it held (its base),
// cleared once that side's STORE is answered. So a run cut short between the two sides'
// writes leaves enough for the next one to tell Twinbox's own write from the user's change.
// The STOREs carry UNCHANGEDSINCE so that a change made meanwhile by someone else is not
// overwritten ([MODIFIED]: the side keeps its base, the caller's next check reports the
// message again, and this runs again).
class ChangeSync
{
    Q_DECLARE_TR_FUNCTIONS(ChangeSync)

public:
    struct Applied
    {
        bool wrote = false; // a server was written to
        // The database following the servers (the pairs of expunged messages go, confirmed
        // writes clear their bases, the issues are logged), left for the caller to run: after
        // the check that follows is on the wire, while the servers answer it. Empty when there
        // is nothing to record. It throws StateError.
        std::function<void()> record;
    };
    static QCoro::Task<Applied> apply(MailboxContext &context,
                                      const std::array<ObservedChanges, 2> &changes);
    // True only when apply() would have nothing to do with `changes`, and so send no command
    // (it may be false where apply() would find nothing after all): no
    // mapped message reported gone, every mapped message reported holds the target on record,
    // and no side's write of a target is under way. (A check that only echoes this run's own
    // writes; MailboxSync then need not select the mailbox again.)
    static bool settles(const MailboxContext &context,
                        const std::array<ObservedChanges, 2> &changes);
};

} // namespace twinbox::sync
