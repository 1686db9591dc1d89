#include "AppendJournal.h"

#include "FlagMerge.h"
#include "MessageSummary.h"
#include "state/Transaction.h"

#include <QSet>

#include <limits>

namespace twinbox::sync {

using namespace imap;
using state::Side;

QCoro::Task<void> AppendJournal::recover(MailboxContext &context)
{
    const QList<state::PendingAppend> pending = context.store->pendingAppends(context.id);
    if (pending.isEmpty())
        co_return;

    QList<state::MappedMessage> found;
    for (Side target : {Side::Local, Side::Remote}) {
        const Side source = MailboxContext::opposite(target);
        QList<state::PendingAppend> entries;
        std::uint32_t lowest = std::numeric_limits<std::uint32_t>::max();
        for (const state::PendingAppend &entry : pending) {
            if (entry.source == source) {
                entries.append(entry);
                lowest = std::min(lowest, std::max<std::uint32_t>(entry.targetUidNext, 1));
            }
        }
        if (entries.isEmpty())
            continue;
        SideView &view = context.side(target);
        const QList<MessageSummary> candidates = co_await MessageSummary::fetch(
            *view.session,
            SequenceSet::fromRange(lowest, std::numeric_limits<std::uint32_t>::max()),
            context.displayName);
        QSet<std::uint32_t> used;
        for (const state::PendingAppend &entry : entries) {
            if (context.mapping.contains(source, entry.sourceUid))
                continue;
            const MessageSummary journalled{
                entry.sourceUid, entry.size, entry.internalDate, {}, entry.messageId};
            for (const MessageSummary &candidate : candidates) {
                if (candidate.uid < entry.targetUidNext || used.contains(candidate.uid) ||
                    context.mapping.contains(target, candidate.uid) ||
                    !candidate.sameMessage(journalled))
                    continue;
                used.insert(candidate.uid);
                found.append(UidMapping::copyOf(source, entry.sourceUid, candidate.uid,
                                                FlagMerge::normalized(candidate.flags)));
                break;
            }
        }
    }

    state::Transaction transaction(context.database->connection());
    for (const state::MappedMessage &message : found)
        context.store->addMapping(context.id, message);
    for (const state::PendingAppend &entry : pending)
        context.store->clearPendingAppend(context.id, entry.source, entry.sourceUid);
    context.commit(transaction);
    for (const state::MappedMessage &message : found)
        context.mapping.add(message);
    context.events->info(QStringLiteral("database"), context.displayName,
                         tr("Resumed an interrupted sync: %n appended message(s) found and "
                            "mapped, %1 to copy again",
                            nullptr, int(found.size()))
                             .arg(pending.size() - found.size()));
}

} // namespace twinbox::sync
