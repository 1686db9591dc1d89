#pragma once

#include "MailboxContext.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// Step 3 of the algorithm (DESIGN.md), one direction: the source's messages that are not
// mapped yet (UID >= copyFrom, plus those the target refused before and those a repair left
// unpaired, SideView::alsoCopy) are copied to the
// target in batches. Each batch is journalled (pending_append: UID, Message-ID, size,
// INTERNALDATE, the target's UIDNEXT) and committed before its APPEND is sent, and mapped
// with the journal cleared in one transaction after the APPENDUID: a crash in between
// leaves a journal that AppendJournal resolves, never a duplicate.
//
// A message the target refuses is recorded with its reason and skipped (tried again on the
// next run); an empty message is recorded too, as no server accepts one. Any other failure
// keeps what landed, leaves the journal of what is uncertain and is thrown.
class NewMessageSync
{
    Q_DECLARE_TR_FUNCTIONS(NewMessageSync)

public:
    // True when a message was copied.
    static QCoro::Task<bool> copy(MailboxContext &context, state::Side source);
};

} // namespace twinbox::sync
