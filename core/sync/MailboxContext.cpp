#include "MailboxContext.h"

#include <limits>

namespace twinbox::sync {

void MailboxContext::commit(state::Transaction &transaction) const
{
    if (!transaction.commit())
        throw state::StateError(tr("database: %1: could not commit the changes of %2: %3")
                                    .arg(database->path(), displayName, transaction.error()));
}

QCoro::Task<QList<MessageSummary>> SideView::summaries(const imap::SequenceSet &uidsIn,
                                                       const QString &displayIn)
{
    const imap::SequenceSet uids = uidsIn; // copies before the first co_await
    const QString displayName = displayIn;
    if (prefetched && uids == imap::SequenceSet::fromRange(
                                  prefetched->from, std::numeric_limits<std::uint32_t>::max())) {
        // Moved out first: GCC 12 mishandles a temporary in a co_return expression.
        QList<MessageSummary> taken = std::move(prefetched->messages);
        prefetched.reset();
        co_return taken;
    }
    auto fetching = MessageSummary::fetch(*session, uids, displayName);
    co_return co_await fetching;
}

} // namespace twinbox::sync
