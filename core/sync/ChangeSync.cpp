#include "ChangeSync.h"

#include "ChangeWriter.h"
#include "FlagMerge.h"
#include "HeadlineFetch.h"
#include "state/Transaction.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

constexpr std::array<Side, 2> bothSides = {Side::Local, Side::Remote};

// The flags a side reported for a mapped message in this pass (nullopt: no change seen).
struct Touched
{
    std::array<std::optional<QByteArrayList>, 2> flags;
};

QString flagText(const QByteArrayList &flags)
{
    return QString::fromUtf8(flags.join(' '));
}

// `UID FETCH uids (UID FLAGS)`: the current flags of messages whose last agreed flags are
// not known (a database adopted from interimap).
QCoro::Task<QHash<std::uint32_t, QByteArrayList>>
currentFlags(ImapSession &session, const SequenceSet &uidsIn, const QString &displayIn)
{
    const SequenceSet uids = uidsIn;
    const QString displayName = displayIn;
    QHash<std::uint32_t, QByteArrayList> flags;
    for (const SequenceSet &part : uids.split(8000)) {
        const Command fetch =
            Command("UID FETCH").atom(part.toByteArray()).open().atom("UID").atom("FLAGS").close();
        const auto reply = co_await session.connection().executeOk(fetch, displayName);
        for (const Response &response : reply.untagged) {
            if (const auto *data = std::get_if<FetchData>(&response);
                data && data->uid && data->flags)
                flags.insert(*data->uid, FlagMerge::normalized(*data->flags));
        }
    }
    co_return flags;
}

bool sameFlags(const state::MappedMessage &a, const state::MappedMessage &b)
{
    const auto same = [](const std::optional<QByteArrayList> &x,
                         const std::optional<QByteArrayList> &y) {
        return x.has_value() == y.has_value() && (!x || FlagMerge::same(*x, *y));
    };
    return same(a.flags, b.flags) && same(a.base[0], b.base[0]) && same(a.base[1], b.base[1]);
}

// Whether `now`, as `side` reports it, is a change that side made itself.
bool changedItself(const state::MappedMessage &message, Side side, const QByteArrayList &now)
{
    if (!message.flags)
        return !now.isEmpty();
    return !FlagMerge::ownChange(*message.flags, {now, message.base[std::size_t(side)], true})
                .isEmpty();
}

// Something the user should know about a message (the issue log).
struct Issue
{
    QString kind;
    QString detail;
    std::uint32_t localUid;
    std::uint32_t remoteUid;
    Side holder; // where the message is read to name it (it stays there this pass)
};
const QString flagConflict = QStringLiteral("flag-conflict");
using Headlines = std::array<QHash<std::uint32_t, state::MessageHeadline>, 2>;

// One transaction: the pairs that go, the flags and bases that change and the issues; then
// the mapping in memory.
void record(MailboxContext &context, const QSet<std::uint32_t> &dropped,
            const QMap<std::uint32_t, state::MappedMessage> &flags, const QList<Issue> &issues,
            const Headlines &headlines)
{
    if (dropped.isEmpty() && flags.isEmpty() && issues.isEmpty())
        return;
    state::Transaction transaction(context.database->connection());
    for (std::uint32_t local : dropped)
        context.store->removeMapping(context.id, local);
    for (const state::MappedMessage &message : flags)
        context.store->setFlags(context.id, message);
    for (const Issue &issue : issues)
        context.store->logIssue(
            context.internalName, issue.kind, issue.detail, issue.localUid, issue.remoteUid,
            headlines[std::size_t(issue.holder)].value(
                issue.holder == Side::Local ? issue.localUid : issue.remoteUid));
    context.commit(transaction);
    for (std::uint32_t local : dropped)
        context.mapping.remove(local);
    for (const state::MappedMessage &message : flags)
        context.mapping.setFlags(message);
}

} // namespace

bool ChangeSync::settles(const MailboxContext &context,
                         const std::array<ObservedChanges, 2> &changes)
{
    for (Side side : bothSides) {
        const ObservedChanges &seen = changes[std::size_t(side)];
        if (!seen.vanished.isEmpty()) {
            for (const state::MappedMessage &message : context.mapping.all()) {
                if (seen.vanished.contains(UidMapping::uidOn(message, side)))
                    return false;
            }
        }
        for (const FetchData &fetch : seen.changed) {
            if (!fetch.uid || !fetch.flags)
                continue;
            const state::MappedMessage *message = context.mapping.find(side, *fetch.uid);
            if (!message)
                continue; // apply() leaves it to step 3 (new) or to the refused list
            if (!message->flags || message->base[0] || message->base[1] ||
                !FlagMerge::same(
                    FlagMerge::withUnstorable(FlagMerge::normalized(*fetch.flags), message->flags,
                                              context.sides[std::size_t(side)].permanentFlags),
                    *message->flags))
                return false;
        }
    }
    return true;
}

QCoro::Task<ChangeSync::Applied> ChangeSync::apply(MailboxContext &context,
                                                   const std::array<ObservedChanges, 2> &changesIn)
{
    const std::array<ObservedChanges, 2> changes = changesIn; // copied before co_await
    const UidMapping &mapping = context.mapping;
    // Written with what settles them, so that a pass that fails and is run again does not
    // log the same issue twice: a flag conflict with the target it decided, before the
    // STOREs; an expunge with the mapping it drops, after the servers have done their part.
    QList<Issue> issues;

    // Flag reports per side, by UID (the newest wins when a UID is reported twice).
    std::array<QHash<std::uint32_t, QByteArrayList>, 2> reported;
    for (Side side : bothSides) {
        for (const FetchData &fetch : changes[std::size_t(side)].changed) {
            if (fetch.uid && fetch.flags)
                reported[std::size_t(side)].insert(*fetch.uid, FlagMerge::normalized(*fetch.flags));
        }
    }

    // Expunges: a mapped message gone on one side goes on the other, unless it is gone
    // there too.
    std::array<SequenceSet, 2> expungeOn;
    QSet<std::uint32_t> dropped; // local UIDs whose mapping goes
    for (Side side : bothSides) {
        const Side otherSide = MailboxContext::opposite(side);
        const SequenceSet &vanished = changes[std::size_t(side)].vanished;
        if (vanished.isEmpty())
            continue;
        for (const state::MappedMessage &message : mapping.all()) {
            if (!vanished.contains(UidMapping::uidOn(message, side)))
                continue;
            dropped.insert(message.localUid);
            const std::uint32_t otherUid = UidMapping::uidOn(message, otherSide);
            if (changes[std::size_t(otherSide)].vanished.contains(otherUid))
                continue;
            expungeOn[std::size_t(otherSide)].add(otherUid);
            if (const auto flags = reported[std::size_t(otherSide)].value(otherUid);
                reported[std::size_t(otherSide)].contains(otherUid) &&
                changedItself(message, otherSide,
                              FlagMerge::withUnstorable(flags, message.flags,
                                                        context.side(otherSide).permanentFlags))) {
                // Deleted on one side, flags changed on the other: the deletion wins (the
                // user deleted it after all), but it is on record.
                ConflictRecord conflict{context.displayName,
                                        message.localUid,
                                        message.remoteUid,
                                        side == Side::Local ? QByteArrayList() : flags,
                                        side == Side::Local ? flags : QByteArrayList(),
                                        QByteArrayList(),
                                        true};
                issues.append({QStringLiteral("expunged-with-flag-change"),
                               tr("expunged on %1 while its flags changed on %2 (%3)")
                                   .arg(context.side(side).name(), context.side(otherSide).name(),
                                        flagText(flags)),
                               message.localUid, message.remoteUid, otherSide});
                Q_EMIT context.events->conflict(conflict);
                ++context.totals->conflicts;
            }
        }
    }

    // Flag changes on mapped messages that stay.
    QMap<std::uint32_t, Touched> touched; // by local UID, ordered for stable logs
    for (Side side : bothSides) {
        const auto &flagsByUid = reported[std::size_t(side)];
        for (auto it = flagsByUid.begin(); it != flagsByUid.end(); ++it) {
            const state::MappedMessage *message = mapping.find(side, it.key());
            if (!message || dropped.contains(message->localUid))
                continue; // new (step 3 copies it), refused earlier, or being expunged
            touched[message->localUid].flags[std::size_t(side)] = FlagMerge::withUnstorable(
                it.value(), message->flags, context.side(side).permanentFlags);
        }
    }
    std::array<SequenceSet, 2> unknown; // the unchanged side's flags are needed
    for (auto it = touched.begin(); it != touched.end(); ++it) {
        const state::MappedMessage *message = mapping.find(Side::Local, it.key());
        for (Side side : bothSides) {
            if (!it->flags[std::size_t(side)] && !message->baseOn(side))
                unknown[std::size_t(side)].add(UidMapping::uidOn(*message, side));
        }
    }
    std::array<QHash<std::uint32_t, QByteArrayList>, 2> fetched;
    for (Side side : bothSides) {
        if (!unknown[std::size_t(side)].isEmpty())
            fetched[std::size_t(side)] = co_await currentFlags(
                *context.side(side).session, unknown[std::size_t(side)], context.displayName);
    }

    std::array<QHash<std::uint32_t, QByteArrayList>, 2> updates; // by that side's UID
    // What the database is to hold for each message whose flags or bases change: the target,
    // and the base of each side that is still to be written (ChangeSync.h).
    QMap<std::uint32_t, state::MappedMessage> decided; // by local UID
    for (auto it = touched.begin(); it != touched.end(); ++it) {
        const state::MappedMessage message = *mapping.find(Side::Local, it.key());
        std::array<FlagMerge::SideFlags, 2> now;
        for (Side side : bothSides) {
            const std::uint32_t uid = UidMapping::uidOn(message, side);
            const auto &reportedFlags = it->flags[std::size_t(side)];
            const std::optional<QByteArrayList> base = message.baseOn(side);
            now[std::size_t(side)] = {
                reportedFlags.value_or(base ? *base : fetched[std::size_t(side)].value(uid)), base,
                reportedFlags.has_value()};
        }
        const FlagMerge plan = FlagMerge::plan(message.flags, now[0], now[1]);
        if (plan.conflict) {
            context.events->warning(
                QString(), QString(),
                tr("Conflicting flag update in %1 for local UID %2 (%3) and remote UID %4 (%5). "
                   "Setting both to %6 (%7).")
                    .arg(context.displayName)
                    .arg(message.localUid)
                    .arg(flagText(now[0].now))
                    .arg(message.remoteUid)
                    .arg(flagText(now[1].now))
                    .arg(message.flags ? tr("the three-way merge") : tr("the union"))
                    .arg(flagText(plan.merged)));
            issues.append(
                {flagConflict,
                 tr("local (%1), remote (%2), both set to (%3)")
                     .arg(flagText(now[0].now), flagText(now[1].now), flagText(plan.merged)),
                 message.localUid, message.remoteUid, Side::Local});
            Q_EMIT context.events->conflict({context.displayName, message.localUid,
                                             message.remoteUid, now[0].now, now[1].now, plan.merged,
                                             false});
            ++context.totals->conflicts;
        }
        state::MappedMessage next = message;
        next.flags = plan.merged;
        const std::array<bool, 2> update = {plan.updateLocal, plan.updateRemote};
        for (Side side : bothSides) {
            next.base[std::size_t(side)].reset();
            if (update[std::size_t(side)]) {
                updates[std::size_t(side)].insert(UidMapping::uidOn(message, side), plan.merged);
                next.base[std::size_t(side)] = FlagMerge::normalized(now[std::size_t(side)].now);
            }
        }
        if (!sameFlags(next, message))
            decided.insert(message.localUid, next);
    }

    // The messages of the issues, named for the user before an expunge takes them.
    std::array<SequenceSet, 2> toName;
    for (const Issue &issue : std::as_const(issues))
        toName[std::size_t(issue.holder)].add(issue.holder == Side::Local ? issue.localUid
                                                                          : issue.remoteUid);
    Headlines headlines;
    for (Side side : bothSides) {
        if (!toName[std::size_t(side)].isEmpty())
            headlines[std::size_t(side)] = co_await HeadlineFetch::fetch(
                *context.side(side).session, toName[std::size_t(side)], context.displayName);
    }

    // The target is journaled before the STOREs: a run cut short between the two sides' writes
    // leaves each side's base, so the next run tells this write from the user's change.
    const bool writesFlags = !updates[0].isEmpty() || !updates[1].isEmpty();
    QList<Issue> expungeIssues = issues;
    if (writesFlags) {
        QList<Issue> flagIssues;
        expungeIssues.clear();
        for (const Issue &issue : std::as_const(issues))
            (issue.kind == flagConflict ? flagIssues : expungeIssues).append(issue);
        record(context, {}, decided, flagIssues, headlines);
    }

    // Write both servers at once; each side's writes are awaited even when the other side's
    // failed, so that the STOREs that were answered are on record. The first failure is the
    // one reported. A side that expunges goes first: its UID EXPUNGE waits for its STOREs'
    // answer, one exchange more than the other side's, and the second server's commands
    // leave a little after the first's (issue #8).
    std::array<std::optional<QCoro::Task<std::uint64_t>>, 2> expunges;
    std::array<std::optional<QCoro::Task<ChangeWriter::StoreResult>>, 2> stores;
    const bool remoteFirst = !expungeOn[std::size_t(Side::Remote)].isEmpty() &&
                             expungeOn[std::size_t(Side::Local)].isEmpty();
    for (Side side : remoteFirst ? std::array{Side::Remote, Side::Local} : bothSides) {
        SideView &view = context.side(side);
        if (!expungeOn[std::size_t(side)].isEmpty())
            expunges[std::size_t(side)] = ChangeWriter::expunge(
                *view.session, expungeOn[std::size_t(side)], context.displayName);
        if (!updates[std::size_t(side)].isEmpty())
            stores[std::size_t(side)] = ChangeWriter::storeFlags(
                *view.session, updates[std::size_t(side)], view.confirmed, context.displayName);
    }
    std::exception_ptr failure;
    std::array<std::optional<ChangeWriter::StoreResult>, 2> stored;
    std::array<bool, 2> expunged{}; // every UID EXPUNGE of that side answered (or none needed)
    for (Side side : bothSides) {
        SideView &view = context.side(side);
        try {
            if (expunges[std::size_t(side)]) {
                const std::uint64_t expungedAt = co_await *expunges[std::size_t(side)];
                view.reportedModSeq = std::max(view.reportedModSeq, expungedAt);
            }
            expunged[std::size_t(side)] = true;
        } catch (...) {
            if (!failure)
                failure = std::current_exception();
        }
        try {
            if (stores[std::size_t(side)]) {
                stored[std::size_t(side)] = co_await *stores[std::size_t(side)];
                view.reportedModSeq =
                    std::max(view.reportedModSeq, stored[std::size_t(side)]->highestModSeq);
            }
        } catch (...) {
            if (!failure)
                failure = std::current_exception();
        }
    }
    std::array<SequenceSet, 2> modified;
    for (Side side : bothSides)
        modified[std::size_t(side)] =
            stored[std::size_t(side)] ? stored[std::size_t(side)]->modified : SequenceSet();

    // A side whose STORE was answered holds the target, except where it met [MODIFIED]: there
    // its base stays, and the next check reports the message again with the change that
    // stopped the STORE.
    QMap<std::uint32_t, state::MappedMessage> confirmed; // by local UID
    for (auto it = decided.begin(); it != decided.end(); ++it) {
        state::MappedMessage next = *it;
        for (Side side : bothSides) {
            const std::uint32_t uid = UidMapping::uidOn(next, side);
            if (next.base[std::size_t(side)] && stored[std::size_t(side)] &&
                !modified[std::size_t(side)].contains(uid))
                next.base[std::size_t(side)].reset();
        }
        if (!writesFlags || !sameFlags(next, *it))
            confirmed.insert(it.key(), next);
    }
    if (failure) {
        // What was answered is recorded: the STOREs, and the expunges with their pairs and
        // issues (the next run would see those messages gone on both sides, and the conflict
        // that was shown would never reach the issue log). The error is the one that stopped
        // the run.
        QSet<std::uint32_t> gone;
        for (std::uint32_t local : std::as_const(dropped)) {
            const state::MappedMessage *message = mapping.find(Side::Local, local);
            const bool done = std::all_of(bothSides.begin(), bothSides.end(), [&](Side side) {
                return expunged[std::size_t(side)] ||
                       !expungeOn[std::size_t(side)].contains(UidMapping::uidOn(*message, side));
            });
            if (done)
                gone.insert(local);
        }
        QList<Issue> goneIssues;
        for (const Issue &issue : std::as_const(expungeIssues)) {
            if (gone.contains(issue.localUid))
                goneIssues.append(issue);
        }
        try {
            record(context, gone, confirmed, goneIssues, headlines);
        } catch (const state::StateError &) {
        }
        std::rethrow_exception(failure);
    }

    // The database follows the servers: mappings of expunged messages go, each side's
    // confirmed write clears its base (run by the caller, see Applied::record).
    Applied applied;
    if (!dropped.isEmpty() || !confirmed.isEmpty() || !expungeIssues.isEmpty())
        applied.record = [&context, dropped, confirmed, expungeIssues, headlines] {
            record(context, dropped, confirmed, expungeIssues, headlines);
        };

    // interimap's lines: "remote(INBOX): Removed 2 UID(s) 4:5", "local(INBOX): Updated
    // flags (\Seen) for UID 3".
    bool &wrote = applied.wrote;
    for (Side side : bothSides) {
        const SideView &view = context.side(side);
        const SequenceSet &gone = expungeOn[std::size_t(side)];
        if (!gone.isEmpty()) {
            wrote = true;
            context.events->info(view.name(), context.displayName,
                                 tr("Removed %n UID(s) %1", nullptr, int(gone.count()))
                                     .arg(QString::fromLatin1(gone.toByteArray())));
            context.totals->expunges += qint64(gone.count());
        }
        QMap<QByteArray, std::pair<QByteArrayList, QList<std::uint32_t>>> groups;
        const auto &sideUpdates = updates[std::size_t(side)];
        for (auto it = sideUpdates.begin(); it != sideUpdates.end(); ++it) {
            if (modified[std::size_t(side)].contains(it.key()))
                continue;
            auto &group = groups[it.value().join(' ')];
            group.first = it.value();
            group.second.append(it.key());
        }
        for (const auto &[flags, uids] : groups) {
            wrote = true;
            context.events->info(
                view.name(), context.displayName,
                tr("Updated flags (%1) for UID %2")
                    .arg(flagText(flags),
                         QString::fromLatin1(SequenceSet::fromList(uids).toByteArray())));
            context.totals->flagUpdates += uids.size();
        }
        if (!modified[std::size_t(side)].isEmpty()) {
            wrote = true; // the next check picks them up
            context.events->info(
                view.name(), context.displayName,
                tr("Couldn't update flags for UID %1, will try again")
                    .arg(QString::fromLatin1(modified[std::size_t(side)].toByteArray())));
        }
    }
    co_return applied;
}

} // namespace twinbox::sync
