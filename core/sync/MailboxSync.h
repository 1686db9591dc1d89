#pragma once

#include "MailboxContext.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// One mailbox, both servers, steps 1 to 3 of the algorithm (DESIGN.md):
//   SELECT both with QRESYNC (what changed since the stored HIGHESTMODSEQ),
//   resolve the append journal an interrupted run left,
//   then passes of: propagate expunges and flag changes (ChangeSync), copy new messages
//   both ways (NewMessageSync), and, when a server was written to, ask both servers what
//   changed since (`UID FETCH 1:* (FLAGS) (CHANGEDSINCE m VANISHED)`, RFC 7162 §3.2.6):
//   another client's change, a [MODIFIED] STORE or new mail starts another pass; our own
//   writes only confirm themselves.
// When a pass leaves nothing to do, the state (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ per side)
// is stored: exactly what the servers' STATUS reports, so an unchanged mailbox is not
// selected again. Throws ImapError or StateError; the database never holds half a step.
class MailboxSync
{
    Q_DECLARE_TR_FUNCTIONS(MailboxSync)

public:
    static constexpr int maxPasses = 32;

    // `context` names the mailbox, its sessions and wire names; the rest is filled here.
    static QCoro::Task<void> run(MailboxContext &context);
};

} // namespace twinbox::sync
