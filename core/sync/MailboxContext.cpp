#include "MailboxContext.h"

namespace twinbox::sync {

void MailboxContext::commit(state::Transaction &transaction) const
{
    if (!transaction.commit())
        throw state::StateError(tr("database: %1: could not commit the changes of %2: %3")
                                    .arg(database->path(), displayName, transaction.error()));
}

} // namespace twinbox::sync
