#include "MailboxSync.h"

#include "AppendJournal.h"
#include "BothSides.h"
#include "ChangeSync.h"
#include "FlagMerge.h"
#include "MessageMatcher.h"
#include "MessageSummary.h"
#include "NewMessageSync.h"
#include "QresyncSelect.h"
#include "RepairPass.h"
#include "SelectAhead.h"
#include "imap/EventLoopTurn.h"
#include "state/Transaction.h"

#include <QSet>

#include <algorithm>
#include <limits>

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
                              .atom("1:4294967295") // not "*": see RFC 3501 §6.4.8
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

// The UIDs from `from` on. With ESEARCH, `UID SEARCH RETURN (ALL) UID from:4294967295`
// (RFC 4731 §3.1): its answer names its command, so it may run beside another; without,
// `UID FETCH from:4294967295 (UID)` (RFC 3501 §6.4.8), whose data only the oldest command
// running can claim: the caller must not start it beside another. Nothing (nullopt) when
// the server refuses it: the caller then just does not move UIDNEXT, and lists next time.
QCoro::Task<std::optional<QList<std::uint32_t>>> uidsFrom(ImapSession &session, std::uint32_t from)
{
    const QByteArray range =
        SequenceSet::fromRange(from, std::numeric_limits<std::uint32_t>::max()).toByteArray();
    const bool esearch = session.capabilities().has("ESEARCH");
    const Command command = esearch ? Command("UID SEARCH")
                                          .atom("RETURN")
                                          .open()
                                          .atom("ALL")
                                          .close()
                                          .atom("UID")
                                          .atom(range)
                                    : Command("UID FETCH").atom(range).open().atom("UID").close();
    const auto reply = co_await session.connection().execute(command);
    if (!reply.ok())
        co_return std::nullopt;
    // Only this command's data: a FETCH another client's flag change brought (RFC 7162
    // §3.2.4) may come with it, with a UID below `from`.
    QList<std::uint32_t> uids;
    for (const Response &response : reply.untagged) {
        const auto *data = std::get_if<FetchData>(&response);
        const auto *found = std::get_if<ESearchData>(&response);
        if (!esearch && data && data->uid && *data->uid >= from)
            uids.append(*data->uid);
        else if (esearch && found && found->uid && found->all)
            uids += found->all->toList();
    }
    co_return uids;
}

// `UID FETCH 1:4294967295 (UID FLAGS [MODSEQ])`: every message's flags (and MODSEQ, RFC 7162
// §3.1.4, to tell a change since the stored HIGHESTMODSEQ from one that was missed).
QCoro::Task<QList<FetchData>> allFlags(ImapSession &session, const QString &displayIn,
                                       bool withModSeq)
{
    const QString displayName = displayIn;
    Command fetch = Command("UID FETCH").atom("1:4294967295").open().atom("UID").atom("FLAGS");
    if (withModSeq)
        fetch.atom("MODSEQ");
    fetch.close();
    const auto reply = co_await session.connection().executeOk(fetch, displayName);
    QList<FetchData> messages;
    for (const Response &response : reply.untagged) {
        if (const auto *data = std::get_if<FetchData>(&response); data && data->uid && data->flags)
            messages.append(*data);
    }
    co_return messages;
}

// allFlags on both servers at once.
QCoro::Task<std::array<QList<FetchData>, 2>> allFlagsOfBoth(MailboxContext &context,
                                                            bool withModSeq)
{
    auto readLocal = allFlags(*context.sides[0].session, context.displayName, withModSeq);
    auto readRemote = allFlags(*context.sides[1].session, context.displayName, withModSeq);
    co_return co_await awaitBoth(readLocal, readRemote);
}

// A new UIDVALIDITY (RFC 3501 §2.3.1.1: the server renumbered the mailbox) makes every stored
// UID of that mailbox meaningless. interimap stops everything there (§7.5); here the mailbox
// starts over as a first sync, whose matching pairs the messages both sides still hold by
// Message-ID, size and INTERNALDATE: nothing is copied twice, nothing lost (a message deleted
// on one side since the last sync may come back, the safe way to be wrong).
void rematchAfterUidValidityChange(MailboxContext &context,
                                   std::array<std::optional<state::SideState>, 2> &known)
{
    bool changed = false;
    for (Side side : bothSides) {
        const SideView &view = context.side(side);
        const auto &stored = known[std::size_t(side)];
        if (stored && view.listedUidValidity != 0 &&
            stored->uidValidity != view.listedUidValidity) {
            context.events->warning(view.name(), context.displayName,
                                    MailboxSync::tr("UIDVALIDITY changed from %1 to %2: matching "
                                                    "the messages again by Message-ID, size and "
                                                    "date")
                                        .arg(stored->uidValidity)
                                        .arg(view.listedUidValidity));
            changed = true;
        }
    }
    if (!changed)
        return;
    state::Transaction transaction(context.database->connection());
    context.store->forgetMessages(context.id);
    for (Side side : bothSides) {
        auto &stored = known[std::size_t(side)];
        const SideView &view = context.side(side);
        const std::uint32_t uidValidity =
            view.listedUidValidity != 0 ? view.listedUidValidity : stored->uidValidity;
        stored = state::SideState{uidValidity, 0, 0};
        context.store->setSideState(context.id, side, *stored);
    }
    context.commit(transaction);
}

// Pairs the messages among `candidates` (unmapped UIDs by side) that both sides hold
// (MessageMatcher) and maps them; where their flags differ, both are reported to the first
// pass as changed (no agreed flags: the union). Returns how many pairs were mapped.
QCoro::Task<int> matchExisting(MailboxContext &context,
                               const std::array<SequenceSet, 2> &candidatesIn,
                               std::array<ObservedChanges, 2> &changes)
{
    const std::array<SequenceSet, 2> candidates = candidatesIn; // copied before co_await
    if (candidates[0].isEmpty() || candidates[1].isEmpty())
        co_return 0;
    auto listLocal = context.sides[0].summaries(candidates[0], context.displayName);
    auto listRemote = context.sides[1].summaries(candidates[1], context.displayName);
    const auto summaries = co_await awaitBoth(listLocal, listRemote);
    const QList<MessageMatcher::Pair> pairs = MessageMatcher::match(summaries[0], summaries[1]);
    if (pairs.isEmpty())
        co_return 0;
    QList<state::MappedMessage> mapped;
    for (const auto &[l, r] : pairs) {
        const bool same = FlagMerge::same(l.flags, r.flags);
        mapped.append({l.uid,
                       r.uid,
                       same ? std::optional(FlagMerge::normalized(l.flags)) : std::nullopt,
                       {}});
        if (!same) {
            for (const auto &[side, message] : {std::pair{0, l}, std::pair{1, r}}) {
                FetchData report;
                report.uid = message.uid;
                report.flags = message.flags;
                changes[std::size_t(side)].changed.append(report);
            }
        }
    }
    state::Transaction transaction(context.database->connection());
    for (const state::MappedMessage &message : std::as_const(mapped))
        context.store->addMapping(context.id, message);
    context.commit(transaction);
    for (const state::MappedMessage &message : std::as_const(mapped))
        context.mapping.add(message);
    co_return int(pairs.size());
}

// matchExisting on everything new on both sides, said in the log.
QCoro::Task<void> pairFirstSync(MailboxContext &context, std::array<ObservedChanges, 2> &changes)
{
    std::array<SequenceSet, 2> fresh;
    for (Side side : bothSides)
        fresh[std::size_t(side)] = SequenceSet::fromRange(
            context.side(side).copyFrom, std::numeric_limits<std::uint32_t>::max());
    const int paired = co_await matchExisting(context, fresh, changes);
    if (paired > 0)
        context.events->info(QStringLiteral("database"), context.displayName,
                             MailboxSync::tr("%n message(s) already on both sides paired, not "
                                             "copied",
                                             nullptr, paired));
}

// Messages mapped by a first sync that did not finish (or by interimap's, adopted) have no
// HIGHESTMODSEQ to ask QRESYNC from: their flags and existence are read in full (as
// interimap's resume pass does, reference §3.8), or a change made since would be missed.
QCoro::Task<void> readAllAfterInterruption(MailboxContext &context,
                                           std::array<ObservedChanges, 2> &changes)
{
    const std::array<QList<FetchData>, 2> present = co_await allFlagsOfBoth(context, false);
    for (Side side : bothSides) {
        QSet<std::uint32_t> there;
        for (const FetchData &fetch : present[std::size_t(side)])
            there.insert(*fetch.uid);
        ObservedChanges &observed = changes[std::size_t(side)];
        for (const state::MappedMessage &message : context.mapping.all()) {
            const std::uint32_t uid = UidMapping::uidOn(message, side);
            if (!there.contains(uid))
                observed.vanished.add(uid);
        }
        observed.changed = present[std::size_t(side)];
    }
}

// --repair: everything both servers hold is read and checked against the mapping
// (RepairPass); what no pair holds is matched by content first, and only what matches
// nothing is left for step 3 to copy, whatever its UID. Returns the pairs re-matched.
QCoro::Task<int> prepareRepair(MailboxContext &context,
                               const std::array<std::optional<state::SideState>, 2> &knownIn,
                               std::array<ObservedChanges, 2> &changes,
                               std::array<bool, 2> &mayHaveNew)
{
    const std::array<std::optional<state::SideState>, 2> known = knownIn;
    const std::array<QList<FetchData>, 2> present = co_await allFlagsOfBoth(context, true);
    const std::array<SequenceSet, 2> unmapped =
        RepairPass::reconcile(context, known, present, changes);
    const int rematched = co_await matchExisting(context, unmapped, changes);
    for (Side side : bothSides) {
        SideView &view = context.side(side);
        for (std::uint32_t uid : unmapped[std::size_t(side)].toList()) {
            if (uid < view.copyFrom && !context.mapping.contains(side, uid))
                view.alsoCopy.add(uid);
        }
        mayHaveNew[std::size_t(side)] = mayHaveNew[std::size_t(side)] || !view.alsoCopy.isEmpty();
    }
    co_return rematched;
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

// Selects the mailbox again after the next one's SELECT went ahead (SelectAhead.h) and
// the check showed more to do. What changed since the check is added to `changes`; a change
// that slips in after this SELECT is reported by the next check.
QCoro::Task<void> reselect(MailboxContext &context, std::array<ObservedChanges, 2> &changes)
{
    co_await context.ahead->discard();
    std::array<std::optional<state::SideState>, 2> since;
    for (Side side : bothSides) {
        const SideView &view = context.side(side);
        since[std::size_t(side)] = state::SideState{view.uidValidity, 0, view.confirmed};
    }
    auto selectLocal = QresyncSelect::select(*context.sides[0].session, context.sides[0].wireName,
                                             since[0], context.displayName);
    auto selectRemote = QresyncSelect::select(*context.sides[1].session, context.sides[1].wireName,
                                              since[1], context.displayName);
    const std::array<SelectedMailbox, 2> selected = co_await awaitBoth(selectLocal, selectRemote);
    for (Side side : bothSides) {
        SideView &view = context.side(side);
        const SelectedMailbox &now = selected[std::size_t(side)];
        if (now.readOnly)
            throw ImapError(ImapError::Kind::Refused, view.name(),
                            MailboxSync::tr("the mailbox is read-only"), context.displayName);
        ObservedChanges &observed = changes[std::size_t(side)];
        observed.vanished.add(now.vanished);
        observed.changed += now.changed; // the newer report last
        // With QRESYNC the answer held every change since `confirmed` (as step 1's SELECT):
        // the STOREs that follow are conditional on what it showed, not on older state.
        if (view.confirmed != 0)
            view.confirmed = std::max(view.confirmed, now.highestModSeq);
    }
}

} // namespace

QCoro::Task<void> MailboxSync::run(MailboxContext &context)
{
    std::array<std::optional<state::SideState>, 2> known;
    for (Side side : bothSides)
        known[std::size_t(side)] = context.store->sideState(context.id, side);
    rematchAfterUidValidityChange(context, known);

    // The mapping is read while the servers answer the SELECTs: once they are on the wire
    // (EventLoopTurn), not before, and not on the way from their answers to the writes.
    std::array<SelectedMailbox, 2> selected;
    std::optional<UidMapping> mapping;
    if (context.ahead && context.ahead->holds(context, known)) {
        // Sent behind the mailbox before.
        SelectAhead::Answers answers = co_await context.ahead->answers();
        selected = answers.selected;
        mapping = std::move(answers.mapping);
    } else {
        if (context.ahead)
            co_await context.ahead->discard();
        // Where LIST-STATUS showed new mail, its summaries are asked for right behind.
        auto selectLocal =
            QresyncSelect::select(*context.sides[0].session, context.sides[0].wireName, known[0],
                                  context.displayName, context.sides[0].summarizeFrom(known[0]));
        auto selectRemote =
            QresyncSelect::select(*context.sides[1].session, context.sides[1].wireName, known[1],
                                  context.displayName, context.sides[1].summarizeFrom(known[1]));
        co_await EventLoopTurn();
        std::exception_ptr mappingFailure; // thrown once the SELECTs are awaited
        try {
            mapping.emplace().load(context.store->mapping(context.id));
        } catch (...) {
            mappingFailure = std::current_exception();
        }
        // The database's error first: it stops the pair, a mailbox's does not.
        selected = co_await awaitBothAfter(mappingFailure, selectLocal, selectRemote);
    }

    bool firstTime = false;
    std::array<bool, 2> mayHaveNew{};
    for (Side side : bothSides) {
        SideView &view = context.side(side);
        SelectedMailbox &now = selected[std::size_t(side)];
        const auto &stored = known[std::size_t(side)];
        if (now.readOnly)
            throw ImapError(ImapError::Kind::Refused, view.name(), tr("the mailbox is read-only"),
                            context.displayName);
        view.uidValidity = now.uidValidity;
        view.permanentFlags = now.permanentFlags;
        view.confirmed = now.highestModSeq;
        view.uidNext = std::max<std::uint32_t>(now.uidNext, 1);
        view.copyFrom = SideView::copyStart(stored);
        view.prefetched = std::move(now.newMessages);
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

    if (mapping)
        context.mapping = std::move(*mapping);
    else
        context.mapping.load(context.store->mapping(context.id));
    co_await AppendJournal::recover(context);
    for (const state::RefusedMessage &refused : context.store->refusedMessages(context.id))
        mayHaveNew[std::size_t(refused.source)] = true; // tried again

    std::array<ObservedChanges, 2> changes;
    for (Side side : bothSides) {
        changes[std::size_t(side)].vanished = selected[std::size_t(side)].vanished;
        changes[std::size_t(side)].changed = selected[std::size_t(side)].changed;
    }
    const qint64 copiedBefore = context.totals->messagesCopied;
    int rematched = 0;
    const bool resuming = std::any_of(known.begin(), known.end(), [](const auto &state) {
        return !state || state->highestModSeq == 0;
    });
    if (context.repair) {
        rematched = co_await prepareRepair(context, known, changes, mayHaveNew);
    } else {
        // Two accounts that both hold mail before their first sync: what they have in common
        // is paired, not copied to each other. Flags that differ are merged by the first pass.
        if (context.mapping.size() == 0 && mayHaveNew[0] && mayHaveNew[1])
            co_await pairFirstSync(context, changes);
        if (resuming && context.mapping.size() > 0)
            co_await readAllAfterInterruption(context, changes);
    }
    bool settled = false;
    for (int pass = 0; pass < maxPasses && !settled; ++pass) {
        Q_EMIT context.events->progress(
            {context.displayName, SyncProgress::Phase::Changes, 0, 0, 0, 0, QString()});
        ChangeSync::Applied applied = co_await ChangeSync::apply(context, changes);
        const auto recordPass = [&applied] {
            if (applied.record)
                std::exchange(applied.record, {})();
        };
        bool wrote = applied.wrote;
        // interimap's order: the remote's new mail first.
        for (Side source : {Side::Remote, Side::Local}) {
            if (mayHaveNew[std::size_t(source)]) {
                recordPass(); // the copy reads the mapping
                wrote = (co_await NewMessageSync::copy(context, source)) || wrote;
            }
        }
        for (SideView &view : context.sides)
            view.prefetched.reset(); // what they stood for is listed by now, or not needed
        if (!wrote) {
            recordPass();
            settled = true;
            break;
        }
        Q_EMIT context.events->progress(
            {context.displayName, SyncProgress::Phase::Checking, 0, 0, 0, 0, QString()});
        auto checkLocal = changedSince(*context.sides[0].session, context.sides[0].confirmed,
                                       context.displayName);
        auto checkRemote = changedSince(*context.sides[1].session, context.sides[1].confirmed,
                                        context.displayName);
        // Where this run appended, the UIDs above copyFrom too (beside the check where the
        // server allows): APPENDUID names only our own messages, and a message another client
        // stored meanwhile, below or among them, must not end up under the stored UIDNEXT
        // unseen.
        std::array<std::optional<QCoro::Task<std::optional<QList<std::uint32_t>>>>, 2> listings;
        const auto listWhere = [&](bool withEsearch) {
            for (Side side : bothSides) {
                const SideView &view = context.side(side);
                if (view.appendedUpTo > view.copyFrom &&
                    view.session->capabilities().has("ESEARCH") == withEsearch)
                    listings[std::size_t(side)] = uidsFrom(*view.session, view.copyFrom);
            }
        };
        listWhere(true);
        // The next mailbox's SELECT goes right behind, unless a listing must follow the check
        // here (SelectAhead.h).
        const bool listsAfterCheck =
            std::any_of(bothSides.begin(), bothSides.end(), [&](Side side) {
                const SideView &view = context.side(side);
                return view.appendedUpTo > view.copyFrom &&
                       !view.session->capabilities().has("ESEARCH");
            });
        const bool selectedAhead = !listsAfterCheck && context.ahead && context.ahead->start();
        // Once the check (and the SELECTs ahead) are on the wire, the client's own work is
        // done while the servers answer: the database follows this pass's writes, and the
        // next mailbox's mapping is read.
        co_await EventLoopTurn();
        // Every command started is awaited, even when one fails: none may be left running
        // on a session the next mailbox uses (BothSides.h).
        std::exception_ptr failure;
        try {
            recordPass();
        } catch (...) {
            failure = std::current_exception();
        }
        if (selectedAhead && !failure)
            context.ahead->readMapping();
        try {
            changes = co_await awaitBoth(checkLocal, checkRemote);
        } catch (...) {
            if (!failure)
                failure = std::current_exception();
        }
        if (!failure)
            listWhere(false);
        std::array<std::optional<QList<std::uint32_t>>, 2> listed;
        for (Side side : bothSides) {
            if (!listings[std::size_t(side)])
                continue;
            try {
                listed[std::size_t(side)] = co_await *listings[std::size_t(side)];
            } catch (...) {
                if (!failure)
                    failure = std::current_exception();
            }
        }
        if (failure)
            std::rethrow_exception(failure);

        for (Side side : bothSides) {
            SideView &view = context.side(side);
            const ObservedChanges &seen = changes[std::size_t(side)];
            mayHaveNew[std::size_t(side)] = hasNewMessage(context, side, seen);
            view.confirmed = std::max(view.confirmed, seen.highestModSeq);
        }
        for (Side side : bothSides) {
            // Unlisted (not started, or refused): UIDNEXT stays where it is, safe and low.
            if (!listed[std::size_t(side)])
                continue;
            const QList<std::uint32_t> &uids = *listed[std::size_t(side)];
            SideView &view = context.side(side);
            const bool allMapped = std::all_of(uids.begin(), uids.end(), [&](std::uint32_t uid) {
                return context.mapping.contains(side, uid);
            });
            if (!allMapped) {
                mayHaveNew[std::size_t(side)] = true; // the next pass copies them
            } else if (!uids.isEmpty()) {
                view.copyFrom =
                    std::max(view.copyFrom, *std::max_element(uids.begin(), uids.end()) + 1);
                view.uidNext = std::max(view.uidNext, view.copyFrom);
            }
        }
        if (selectedAhead) {
            if (!mayHaveNew[0] && !mayHaveNew[1] && ChangeSync::settles(context, changes)) {
                settled = true; // what the next pass would have found: nothing to do
                break;
            }
            if (pass + 1 == maxPasses)
                break; // no pass left to use it: the mailbox is synced again next time
            co_await reselect(context, changes);
            for (Side side : bothSides)
                mayHaveNew[std::size_t(side)] =
                    mayHaveNew[std::size_t(side)] ||
                    hasNewMessage(context, side, changes[std::size_t(side)]);
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
    if (context.repair)
        context.events->info(QStringLiteral("database"), context.displayName,
                             tr("Repaired: %n pair(s) re-matched, %1 copied", nullptr, rematched)
                                 .arg(context.totals->messagesCopied - copiedBefore));
    Q_EMIT context.events->progress(
        {context.displayName, SyncProgress::Phase::Done, 0, 0, 0, 0, QString()});
}

} // namespace twinbox::sync
