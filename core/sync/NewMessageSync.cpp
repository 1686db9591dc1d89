#include "NewMessageSync.h"

#include "FlagMerge.h"
#include "MessageCopier.h"
#include "MessageSummary.h"
#include "state/Transaction.h"

#include <QSet>

#include <limits>

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

// Batches of at most limits.messages messages and limits.bytes bytes (a bigger message
// goes alone).
QList<QList<MessageSummary>> batches(const QList<MessageSummary> &messages,
                                     const BatchLimits &limits)
{
    QList<QList<MessageSummary>> result;
    qint64 bytes = 0;
    for (const MessageSummary &message : messages) {
        if (result.isEmpty() || result.last().size() >= limits.messages ||
            (bytes + message.size > limits.bytes && !result.last().isEmpty())) {
            result.append(QList<MessageSummary>());
            bytes = 0;
        }
        result.last().append(message);
        bytes += message.size;
    }
    return result;
}

} // namespace

QCoro::Task<bool> NewMessageSync::copy(MailboxContext &context, Side sourceSide)
{
    const Side source = sourceSide; // copied before the first co_await
    SideView &from = context.side(source);
    SideView &to = context.other(source);

    // What may be new: everything from copyFrom on, what the target refused before, and
    // what a repair left unpaired.
    QSet<std::uint32_t> retrying;
    for (const state::RefusedMessage &refused : context.store->refusedMessages(context.id)) {
        if (refused.source == source && refused.sourceUid < from.copyFrom)
            retrying.insert(refused.sourceUid);
    }
    SequenceSet wanted =
        SequenceSet::fromRange(from.copyFrom, std::numeric_limits<std::uint32_t>::max());
    for (std::uint32_t uid : retrying)
        wanted.add(uid);
    wanted.add(from.alsoCopy);
    from.alsoCopy = SequenceSet(); // mapped below once copied, or refused and retried
    const QList<MessageSummary> listed = co_await from.summaries(wanted, context.displayName);

    // A refused message that is gone from the source has nothing left to retry.
    QSet<std::uint32_t> present;
    for (const MessageSummary &message : listed)
        present.insert(message.uid);
    const QSet<std::uint32_t> gone = QSet<std::uint32_t>(retrying).subtract(present);
    if (!gone.isEmpty()) {
        state::Transaction transaction(context.database->connection());
        for (std::uint32_t uid : gone)
            context.store->clearRefusal(context.id, source, uid);
        context.commit(transaction);
        retrying.subtract(gone);
    }

    std::uint32_t highestSeen = 0;
    QList<MessageSummary> toCopy;
    QList<MessageSummary> empty;
    qint64 totalBytes = 0;
    for (const MessageSummary &message : listed) {
        highestSeen = std::max(highestSeen, message.uid);
        if (context.mapping.contains(source, message.uid))
            continue; // copied before (a run that stopped before storing UIDNEXT)
        if (message.size == 0) {
            if (!retrying.contains(message.uid))
                empty.append(message);
            continue;
        }
        toCopy.append(message);
        totalBytes += message.size;
    }
    if (!empty.isEmpty()) {
        state::Transaction transaction(context.database->connection());
        for (const MessageSummary &message : empty) {
            context.events->warning(from.name(), context.displayName,
                                    tr("Ignoring new 0-length message (UID %1)").arg(message.uid));
            context.store->recordRefusal(context.id, source, message.uid,
                                         tr("the message is empty"));
        }
        context.commit(transaction);
    }

    SyncProgress progress{context.displayName,
                          SyncProgress::Phase::Copying,
                          0,
                          toCopy.size(),
                          0,
                          totalBytes,
                          to.name()};
    std::optional<ImapError> failure;
    for (const QList<MessageSummary> &batch : batches(toCopy, context.batchLimits)) {
        // The journal first: committed before a byte of the APPEND is sent.
        {
            state::Transaction transaction(context.database->connection());
            for (const MessageSummary &message : batch)
                context.store->addPendingAppend(
                    context.id, {source, message.uid, message.messageId, message.size,
                                 message.internalDate, std::max(to.uidNext, to.appendedUpTo)});
            context.commit(transaction);
        }
        QList<std::uint32_t> uids;
        QHash<std::uint32_t, MessageSummary> byUid;
        for (const MessageSummary &message : batch) {
            uids.append(message.uid);
            byUid.insert(message.uid, message);
        }
        MessageCopier::Result result =
            co_await MessageCopier::copy(*from.session, SequenceSet::fromList(uids), *to.session,
                                         to.wireName, context.displayName, {});
        // A MULTIAPPEND fails as a whole: its messages are tried one by one to find the one
        // the target does not want.
        QList<std::uint32_t> again;
        for (const auto &refusal : std::as_const(result.refused)) {
            if (refusal.batchSize > 1)
                again.append(refusal.sourceUid);
        }
        if (!again.isEmpty() && !result.failure) {
            MessageCopier::Options single;
            single.multiAppend = false;
            const MessageCopier::Result retry =
                co_await MessageCopier::copy(*from.session, SequenceSet::fromList(again),
                                             *to.session, to.wireName, context.displayName, single);
            result.copied += retry.copied;
            result.refused.removeIf(
                [](const MessageCopier::Refusal &refusal) { return refusal.batchSize > 1; });
            result.refused += retry.refused;
            result.failure = retry.failure;
        }
        // A message neither copied nor refused was expunged meanwhile, unless it is still
        // there: then its body never came as a literal (NIL, or a quoted string that cannot be
        // streamed) and it is recorded as not copied, to be tried again, never skipped.
        if (!result.failure) {
            QSet<std::uint32_t> accounted;
            for (const auto &copied : std::as_const(result.copied))
                accounted.insert(copied.sourceUid);
            for (const auto &refusal : std::as_const(result.refused))
                accounted.insert(refusal.sourceUid);
            QList<std::uint32_t> missing;
            for (std::uint32_t uid : std::as_const(uids)) {
                if (!accounted.contains(uid))
                    missing.append(uid);
            }
            if (!missing.isEmpty()) {
                const QList<MessageSummary> still = co_await MessageSummary::fetch(
                    *from.session, SequenceSet::fromList(missing), context.displayName);
                for (const MessageSummary &message : still)
                    result.refused.append(
                        {message.uid, tr("%1 did not send the message's body").arg(from.name()),
                         1});
            }
        }
        // A UID of another UIDVALIDITY names nothing in the mailbox we know: no pair is made
        // of it, and its journal entry stays for the next run, which sees the new UIDVALIDITY.
        result.copied.removeIf([&](const MessageCopier::Copied &copied) {
            const bool foreign =
                copied.targetUidValidity != 0 && copied.targetUidValidity != to.uidValidity;
            if (foreign && !result.failure)
                result.failure = ImapError(ImapError::Kind::Protocol, to.name(),
                                           tr("UIDVALIDITY changed from %1 to %2 during APPEND")
                                               .arg(to.uidValidity)
                                               .arg(copied.targetUidValidity),
                                           context.displayName);
            return foreign;
        });

        // Map what landed and clear what is certain, in one transaction.
        QSet<std::uint32_t> settled;
        state::Transaction transaction(context.database->connection());
        for (const auto &copied : std::as_const(result.copied)) {
            context.store->addMapping(context.id,
                                      UidMapping::copyOf(source, copied.sourceUid, copied.targetUid,
                                                         FlagMerge::normalized(copied.flags)));
            if (retrying.contains(copied.sourceUid))
                context.store->clearRefusal(context.id, source, copied.sourceUid);
            settled.insert(copied.sourceUid);
        }
        for (const auto &refusal : std::as_const(result.refused)) {
            context.store->recordRefusal(context.id, source, refusal.sourceUid, refusal.reason);
            context.store->logIssue(context.internalName, QStringLiteral("refused"),
                                    tr("%1 refused the message: %2").arg(to.name(), refusal.reason),
                                    source == Side::Local ? refusal.sourceUid : 0,
                                    source == Side::Remote ? refusal.sourceUid : 0);
            settled.insert(refusal.sourceUid);
        }
        for (const MessageSummary &message : batch) {
            // Without a failure, a message neither copied nor refused was expunged on the
            // source meanwhile: nothing was sent for it. After a failure, only what is known
            // is cleared; AppendJournal resolves the rest on the next run.
            if (settled.contains(message.uid) || !result.failure)
                context.store->clearPendingAppend(context.id, source, message.uid);
        }
        context.commit(transaction);

        QList<std::uint32_t> added;
        qint64 addedBytes = 0;
        for (const auto &copied : std::as_const(result.copied)) {
            context.mapping.add(UidMapping::copyOf(source, copied.sourceUid, copied.targetUid,
                                                   FlagMerge::normalized(copied.flags)));
            to.appendedUpTo = std::max(to.appendedUpTo, copied.targetUid + 1);
            added.append(copied.targetUid);
            addedBytes += byUid.value(copied.sourceUid).size;
        }
        if (!added.isEmpty())
            context.events->info(
                to.name(), context.displayName,
                tr("Added %n UID(s) %1", nullptr, int(added.size()))
                    .arg(QString::fromLatin1(SequenceSet::fromList(added).toByteArray())));
        for (const auto &refusal : std::as_const(result.refused)) {
            // Not fatal for the mailbox, but the run did not sync everything: it says so here
            // and in its exit status (SyncTotals::refused).
            const QString text = tr("refused %1 UID %2 (tried again next time): %3")
                                     .arg(from.name())
                                     .arg(refusal.sourceUid)
                                     .arg(refusal.reason);
            context.events->error(to.name(), context.displayName, text);
        }
        context.totals->messagesCopied += added.size();
        context.totals->refused += int(result.refused.size());
        progress.doneMessages += batch.size();
        progress.doneBytes += addedBytes;
        context.totals->bytesCopied += addedBytes;
        Q_EMIT context.events->progress(progress);
        if (result.failure) {
            failure = result.failure;
            break;
        }
    }
    if (failure)
        throw *failure;
    if (highestSeen >= from.copyFrom) {
        from.copyFrom = highestSeen + 1;
        from.uidNext = std::max(from.uidNext, from.copyFrom);
    }
    co_return !toCopy.isEmpty();
}

} // namespace twinbox::sync
