#pragma once

#include "MailboxContext.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// Resolves what an interrupted run left in pending_append, before anything else happens to
// the mailbox: each journalled message is looked for on its target among the unmapped
// messages at or above the target's UIDNEXT of that moment, by Message-ID, size and
// INTERNALDATE. What is found is mapped (it landed; appending it again would duplicate it);
// what is not is forgotten, and step 3 copies it as usual.
class AppendJournal
{
    Q_DECLARE_TR_FUNCTIONS(AppendJournal)

public:
    static QCoro::Task<void> recover(MailboxContext &context);
};

} // namespace twinbox::sync
