#include "MailboxSync.h"

#include "AppendJournal.h"
#include "ChangeSync.h"
#include "NewMessageSync.h"
#include "QresyncSelect.h"
#include "state/Transaction.h"

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

constexpr std::array<Side, 2> bothSides = {Side::Local, Side::Remote};

// What changed on one selected mailbox since `since`, our own writes included.
QCoro::Task<ObservedChanges> changedSince(ImapSession &session, std::uint64_t since,
                                          const QString &displayIn)
{
    const QString displayName = displayIn;
    const Command check = Command("UID FETCH")
                              .atom("1:*")
                              .open()
                              .atom("UID")
                              .atom("FLAGS")
                              .close()
                              .open()
                              .atom("CHANGEDSINCE")
                              .number(since)
                              .atom("VANISHED")
                              .close();
    const auto reply = co_await session.connection().executeOk(check, displayName);
    ObservedChanges changes;
    changes.highestModSeq = since;
    for (const Response &response : reply.untagged) {
        if (const auto *fetch = std::get_if<FetchData>(&response); fetch && fetch->uid) {
            changes.changed.append(*fetch);
            if (fetch->modSeq)
                changes.highestModSeq = std::max(changes.highestModSeq, *fetch->modSeq);
        } else if (const auto *vanished = std::get_if<VanishedData>(&response)) {
            changes.vanished.add(vanished->uids);
        }
    }
    co_return changes;
}

// Whether a check found a message step 3 has to copy.
bool hasNewMessage(const MailboxContext &context, Side side, const ObservedChanges &changes)
{
    const SideView &view = context.sides[std::size_t(side)];
    for (const FetchData &fetch : changes.changed) {
        if (*fetch.uid >= view.copyFrom && !context.mapping.contains(side, *fetch.uid))
            return true;
    }
    return false;
}

} // namespace

QCoro::Task<void> MailboxSync::run(MailboxContext &context)
{
    std::array<std::optional<state::SideState>, 2> known;
    for (Side side : bothSides)
        known[std::size_t(side)] = context.store->sideState(context.id, side);

    Q_EMIT context.events->progress(
        {context.displayName, SyncProgress::Phase::Selecting, 0, 0, 0, 0, QString()});
    auto selectLocal = QresyncSelect::select(*context.sides[0].session, context.sides[0].wireName,
                                             known[0], context.displayName);
    auto selectRemote = QresyncSelect::select(*context.sides[1].session, context.sides[1].wireName,
                                              known[1], context.displayName);
    std::array<SelectedMailbox, 2> selected;
    selected[0] = co_await selectLocal;
    selected[1] = co_await selectRemote;

    bool firstTime = false;
    std::array<bool, 2> mayHaveNew{};
    for (Side side : bothSides) {
        SideView &view = context.side(side);
        const SelectedMailbox &now = selected[std::size_t(side)];
        const auto &stored = known[std::size_t(side)];
        if (now.readOnly)
            throw ImapError(ImapError::Kind::Refused, view.name(), tr("the mailbox is read-only"),
                            context.displayName);
        view.uidValidity = now.uidValidity;
        view.confirmed = now.highestModSeq;
        view.uidNext = std::max<std::uint32_t>(now.uidNext, 1);
        view.copyFrom = stored && stored->uidNext > 0 ? stored->uidNext : 1;
        mayHaveNew[std::size_t(side)] = view.uidNext > view.copyFrom;
        firstTime = firstTime || !stored;
    }
    if (firstTime) {
        // UIDVALIDITY is on record from the first moment: a change is caught even if this
        // first sync is interrupted. UIDNEXT and HIGHESTMODSEQ 0 mean "nothing synced yet".
        state::Transaction transaction(context.database->connection());
        for (Side side : bothSides) {
            if (!known[std::size_t(side)])
                context.store->setSideState(context.id, side,
                                            {context.side(side).uidValidity, 0, 0});
        }
        context.commit(transaction);
    }

    context.mapping.load(context.store->mapping(context.id));
    co_await AppendJournal::recover(context);
    for (const state::RefusedMessage &refused : context.store->refusedMessages(context.id))
        mayHaveNew[std::size_t(refused.source)] = true; // tried again

    std::array<ObservedChanges, 2> changes;
    for (Side side : bothSides) {
        changes[std::size_t(side)].vanished = selected[std::size_t(side)].vanished;
        changes[std::size_t(side)].changed = selected[std::size_t(side)].changed;
    }
    bool settled = false;
    for (int pass = 0; pass < maxPasses && !settled; ++pass) {
        Q_EMIT context.events->progress(
            {context.displayName, SyncProgress::Phase::Changes, 0, 0, 0, 0, QString()});
        bool wrote = co_await ChangeSync::apply(context, changes);
        // interimap's order: the remote's new mail first.
        for (Side source : {Side::Remote, Side::Local}) {
            if (mayHaveNew[std::size_t(source)])
                wrote = (co_await NewMessageSync::copy(context, source)) || wrote;
        }
        if (!wrote) {
            settled = true;
            break;
        }
        Q_EMIT context.events->progress(
            {context.displayName, SyncProgress::Phase::Checking, 0, 0, 0, 0, QString()});
        auto checkLocal = changedSince(*context.sides[0].session, context.sides[0].confirmed,
                                       context.displayName);
        auto checkRemote = changedSince(*context.sides[1].session, context.sides[1].confirmed,
                                        context.displayName);
        changes[0] = co_await checkLocal;
        changes[1] = co_await checkRemote;
        for (Side side : bothSides) {
            SideView &view = context.side(side);
            const ObservedChanges &seen = changes[std::size_t(side)];
            mayHaveNew[std::size_t(side)] = hasNewMessage(context, side, seen);
            view.confirmed = std::max(view.confirmed, seen.highestModSeq);
            for (const FetchData &fetch : seen.changed)
                view.uidNext = std::max(view.uidNext, *fetch.uid + 1);
        }
    }
    if (!settled)
        throw ImapError(ImapError::Kind::Protocol, QString(),
                        tr("the mailbox kept changing during %1 passes; it is synced again next "
                           "time")
                            .arg(maxPasses),
                        context.displayName);

    // Everything below UIDNEXT is replicated and every change up to HIGHESTMODSEQ carried
    // over (an expunge's HIGHESTMODSEQ counts: the last check ran after it).
    state::Transaction transaction(context.database->connection());
    for (Side side : bothSides) {
        const SideView &view = context.side(side);
        context.store->setSideState(context.id, side,
                                    {view.uidValidity, std::max(view.uidNext, view.copyFrom),
                                     std::max(view.confirmed, view.reportedModSeq)});
    }
    context.commit(transaction);
    Q_EMIT context.events->progress(
        {context.displayName, SyncProgress::Phase::Done, 0, 0, 0, 0, QString()});
}

} // namespace twinbox::sync
