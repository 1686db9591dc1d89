#pragma once

#include "PairSync.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// Follows a mailbox renamed on one server since the last sync (interimap aborts there, §7.4):
// a mailbox the database knows that is gone from one side while still on the other, and a
// mailbox on that side only, unknown to the database, with the UIDVALIDITY the database
// stored for the one that went. RENAME keeps UIDVALIDITY (the UIDs stay valid), so that is a
// rename: the other server and the database follow, children included, and nothing is
// copied again. A mailbox that appeared with another UIDVALIDITY but the same messages (by
// Message-ID, size and date) is a rename too; its new UIDs are then matched again like
// after any UIDVALIDITY change.
class RenameDetector
{
    Q_DECLARE_TR_FUNCTIONS(RenameDetector)

public:
    // True when something was renamed: the caller lists the servers again.
    static QCoro::Task<bool> follow(imap::ImapSession &local, imap::ImapSession &remote,
                                    const PairSync::Listing &listing,
                                    const PairSync::Options &options,
                                    state::StateDatabase &database, SyncEvents &events);
};

} // namespace twinbox::sync
