#pragma once

#include "MailboxContext.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// Step 2 of the algorithm (DESIGN.md) for one pass: what each server reported as expunged
// (VANISHED) or changed (FETCH FLAGS) is carried to the other server, and the state
// database follows once both servers have done it.
//
// Expunges: the other side's copy is marked \Deleted and UID EXPUNGEd, never another
// message. A message expunged on one side while its flags changed on the other is expunged
// and recorded as a conflict. Flags: FlagMerge decides (one side changed: the other
// follows; both: the union, three-way when the last agreed flags are known), written with
// UNCHANGEDSINCE so that a change made meanwhile by someone else is not overwritten
// ([MODIFIED]: the caller's next check sees it and this runs again).
class ChangeSync
{
    Q_DECLARE_TR_FUNCTIONS(ChangeSync)

public:
    // True when a server was written to.
    static QCoro::Task<bool> apply(MailboxContext &context,
                                   const std::array<ObservedChanges, 2> &changes);
};

} // namespace twinbox::sync
