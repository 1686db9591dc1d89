#include "RepairPass.h"

#include "FlagMerge.h"
#include "state/Transaction.h"

#include <QHash>

#include <utility>

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

constexpr std::array<Side, 2> bothSides = {Side::Local, Side::Remote};

// A pair that has to leave the mapping, with what the issue log says about it.
struct LostPair
{
    state::MappedMessage message;
    QString detail;
    std::optional<std::pair<Side, std::uint32_t>> survivor; // to be copied back
};

// Whether a side's copy has changed since the state stored (its MODSEQ above HIGHESTMODSEQ).
bool changedSinceStored(const FetchData &fetch, const std::optional<state::SideState> &stored)
{
    return fetch.modSeq.value_or(0) > (stored ? stored->highestModSeq : 0);
}

// A pair whose message is still on both sides: a flag difference that no MODSEQ explains
// was missed by an earlier run (interimap's warning, same words).
void checkFlags(MailboxContext &context, const state::MappedMessage &message,
                const std::array<const FetchData *, 2> &here,
                const std::array<std::optional<state::SideState>, 2> &known)
{
    if (FlagMerge::same(here[0]->flags.value_or(QByteArrayList()),
                        here[1]->flags.value_or(QByteArrayList())) ||
        changedSinceStored(*here[0], known[0]) || changedSinceStored(*here[1], known[1]))
        return;
    context.events->warning(QString(), QString(),
                            RepairPass::tr("Missed flag update in %1 for (lUID,rUID) = (%2,%3). "
                                           "Repairing.")
                                .arg(context.displayName)
                                .arg(message.localUid)
                                .arg(message.remoteUid));
}

// A pair with at least one side gone: the lost pair to drop, or nullopt for an expunge the
// SELECT reported (ChangeSync propagates it).
std::optional<LostPair> checkGone(MailboxContext &context, const state::MappedMessage &message,
                                  const std::array<const FetchData *, 2> &here,
                                  const std::array<std::optional<state::SideState>, 2> &known,
                                  std::array<ObservedChanges, 2> &changes)
{
    std::array<bool, 2> reported{};
    for (Side side : bothSides)
        reported[std::size_t(side)] =
            changes[std::size_t(side)].vanished.contains(UidMapping::uidOn(message, side));
    if (!here[0] && !here[1]) {
        if (!reported[0] || !reported[1])
            context.events->warning(QString(), QString(),
                                    RepairPass::tr("Pair (lUID,rUID) = (%1,%2) vanished from %3. "
                                                   "Repairing.")
                                        .arg(message.localUid)
                                        .arg(message.remoteUid)
                                        .arg(context.displayName));
        return LostPair{message, RepairPass::tr("gone from both servers"), std::nullopt};
    }
    const Side gone = here[0] ? Side::Remote : Side::Local;
    if (reported[std::size_t(gone)])
        return std::nullopt;
    const auto &stored = known[std::size_t(gone)];
    if (!stored || stored->highestModSeq == 0) {
        // No HIGHESTMODSEQ (a first sync that did not finish): the SELECT could not ask for
        // VANISHED, so a missing message says nothing more than an expunge, as when a normal
        // sync resumes such a mailbox.
        changes[std::size_t(gone)].vanished.add(UidMapping::uidOn(message, gone));
        return std::nullopt;
    }
    const Side kept = MailboxContext::opposite(gone);
    const QString text = RepairPass::tr("UID %1 disappeared without being reported as expunged. "
                                        "Copying %2 UID %3 again.")
                             .arg(UidMapping::uidOn(message, gone))
                             .arg(context.side(kept).name())
                             .arg(UidMapping::uidOn(message, kept));
    context.events->warning(context.side(gone).name(), context.displayName, text);
    return LostPair{message, context.side(gone).name() + QStringLiteral(": ") + text,
                    std::pair{kept, UidMapping::uidOn(message, kept)}};
}

} // namespace

std::array<SequenceSet, 2> RepairPass::reconcile(
    MailboxContext &context, const std::array<std::optional<state::SideState>, 2> &known,
    const std::array<QList<FetchData>, 2> &present, std::array<ObservedChanges, 2> &changes)
{
    std::array<QHash<std::uint32_t, const FetchData *>, 2> byUid;
    for (Side side : bothSides) {
        for (const FetchData &fetch : present[std::size_t(side)])
            byUid[std::size_t(side)].insert(*fetch.uid, &fetch);
    }

    QList<LostPair> lost;
    for (const state::MappedMessage &message : context.mapping.all()) {
        const std::array<const FetchData *, 2> here = {byUid[0].value(message.localUid),
                                                       byUid[1].value(message.remoteUid)};
        if (here[0] && here[1])
            checkFlags(context, message, here, known);
        else if (auto pair = checkGone(context, message, here, known, changes))
            lost.append(*pair);
    }
    if (!lost.isEmpty()) {
        state::Transaction transaction(context.database->connection());
        for (const LostPair &pair : std::as_const(lost)) {
            context.store->removeMapping(context.id, pair.message.localUid);
            context.store->logIssue(context.internalName, QStringLiteral("repaired"), pair.detail,
                                    pair.message.localUid, pair.message.remoteUid);
            // On record with the dropped pair: a run that ends before the copy leaves it for
            // the next one, which retries what is on record whatever its UID.
            if (pair.survivor)
                context.store->recordRefusal(context.id, pair.survivor->first,
                                             pair.survivor->second,
                                             RepairPass::tr("its pair was lost: to be copied "
                                                            "again"));
        }
        context.commit(transaction);
        for (const LostPair &pair : std::as_const(lost))
            context.mapping.remove(pair.message.localUid);
    }

    std::array<SequenceSet, 2> unmapped;
    for (Side side : bothSides) {
        changes[std::size_t(side)].changed = present[std::size_t(side)];
        for (const FetchData &fetch : present[std::size_t(side)]) {
            if (!context.mapping.contains(side, *fetch.uid))
                unmapped[std::size_t(side)].add(*fetch.uid);
        }
    }
    return unmapped;
}

} // namespace twinbox::sync
