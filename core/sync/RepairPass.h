#pragma once

#include "MailboxContext.h"

#include <QCoreApplication>

#include <optional>

namespace twinbox::sync {

// The check of --repair (reference §3.12) for one selected mailbox, once every message's UID,
// FLAGS and MODSEQ has been read on both servers: each pair of the mapping is held against
// what the servers really have.
//   - Gone on both sides: the pair is dropped (interimap's "vanished ... Repairing").
//   - Gone on one side and reported VANISHED by the SELECT: an expunge; left in the changes,
//     so ChangeSync carries it to the other side as in any sync.
//   - Gone on one side without a VANISHED: the server lost it without saying so (restored
//     from a backup, a rebuilt index, a state database that claims more than was seen). The
//     pair is dropped and the survivor is left unmapped, to be copied back: expunging the
//     survivor could destroy the only copy left.
//   - On both sides with different flags although neither MODSEQ is above the stored
//     HIGHESTMODSEQ: an update that was missed, said so; ChangeSync's three-way merge
//     (the agreed flags in the mapping) repairs it.
// Every present message's flags are reported to the first pass as changed (agreed flags make
// that harmless where nothing changed). What no pair holds is returned by side: the caller
// matches it by content before it copies anything (interimap copies it all, §7.23).
class RepairPass
{
    Q_DECLARE_TR_FUNCTIONS(RepairPass)

public:
    // `known`: the stored state of both sides; `present`: `UID FETCH 1:* (UID FLAGS MODSEQ)`
    // of both sides; `changes` holds the SELECT's VANISHED and is filled for the first pass.
    // Dropped pairs leave the database (and are logged as issues) before this returns.
    static std::array<imap::SequenceSet, 2>
    reconcile(MailboxContext &context, const std::array<std::optional<state::SideState>, 2> &known,
              const std::array<QList<imap::FetchData>, 2> &present,
              std::array<ObservedChanges, 2> &changes);
};

} // namespace twinbox::sync
