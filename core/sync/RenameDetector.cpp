#include "RenameDetector.h"

#include "BothSides.h"
#include "MailboxName.h"
#include "MessageMatcher.h"
#include "MessageSummary.h"

#include <algorithm>
#include <limits>

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

// The messages of one mailbox, looked at read-only (EXAMINE, RFC 3501 §6.3.2).
QCoro::Task<QList<MessageSummary>> examine(ImapSession &session, const QByteArray &wireIn,
                                           const QString &displayIn)
{
    const QByteArray wire = wireIn;
    const QString display = displayIn;
    co_await session.select(Command("EXAMINE").astring(wire), display);
    co_return co_await MessageSummary::fetch(
        session, SequenceSet::fromRange(1, std::numeric_limits<std::uint32_t>::max()), display);
}

// Whether a mailbox that appeared on one side holds the messages a vanished one still holds
// on the other: a rename that renumbered the mailbox (a client that renames by creating,
// moving and deleting, a server that renames by copying) keeps the messages, not the
// UIDVALIDITY. Nine in ten of each side's messages must pair up (MessageMatcher).
QCoro::Task<bool> holdsTheSameMessages(ImapSession &appearedOn, const QByteArray &appearedWireIn,
                                       ImapSession &stillOn, const QByteArray &stillWireIn,
                                       Side appearedSide, const QString &displayIn)
{
    const QByteArray appearedWire = appearedWireIn;
    const QByteArray stillWire = stillWireIn;
    const QString display = displayIn;
    auto readAppeared = examine(appearedOn, appearedWire, display);
    auto readStill = examine(stillOn, stillWire, display);
    const auto read = co_await awaitBoth(readAppeared, readStill);
    const QList<MessageSummary> &appeared = read[0];
    const QList<MessageSummary> &still = read[1];
    if (appeared.isEmpty() || still.isEmpty())
        co_return false;
    const qsizetype paired = appearedSide == Side::Local
                                 ? MessageMatcher::match(appeared, still).size()
                                 : MessageMatcher::match(still, appeared).size();
    co_return paired * 10 >= appeared.size() * 9 && paired * 10 >= still.size() * 9;
}

} // namespace

QCoro::Task<bool> RenameDetector::follow(ImapSession &local, ImapSession &remote,
                                         const PairSync::Listing &listingIn,
                                         const PairSync::Options &optionsIn,
                                         state::StateDatabase &database, SyncEvents &events)
{
    // Copies before the first co_await.
    const PairSync::Listing listing = listingIn;
    const PairSync::Options options = optionsIn;
    const std::array<ImapSession *, 2> sessions = {&local, &remote};
    state::StateStore store(database);
    const auto selectable = [&](Side side, const QByteArray &name) {
        const ListedMailbox *mailbox = listing.find(side, name);
        return mailbox && mailbox->selectable;
    };
    bool renamed = false;
    // The lists are not read again in between: names a rename already moved (and their
    // children) are left alone, or the other side's stale entry would look renamed back.
    QList<QByteArray> moved;
    const auto isMoved = [&moved](const QByteArray &name) {
        return std::any_of(moved.begin(), moved.end(), [&name](const QByteArray &root) {
            return name == root || name.startsWith(QByteArray(root).append('\0'));
        });
    };
    for (Side side : {Side::Local, Side::Remote}) {
        const Side other = side == Side::Local ? Side::Remote : Side::Local;
        QList<ListedMailbox> candidates = listing.mailboxes[std::size_t(side)];
        std::sort(candidates.begin(), candidates.end(),
                  [](const ListedMailbox &a, const ListedMailbox &b) {
                      return a.internalName < b.internalName; // parents first
                  });
        for (const ListedMailbox &appeared : std::as_const(candidates)) {
            const QByteArray &to = appeared.internalName;
            if (!appeared.selectable || !appeared.status || !appeared.status->uidValidity ||
                isMoved(to) || store.mailboxId(to) || selectable(other, to))
                continue;
            for (const auto &[id, from] : store.mailboxes()) {
                const auto stored = store.sideState(id, side);
                if (isMoved(from) || selectable(side, from) || !selectable(other, from) || !stored)
                    continue;
                // A new mailbox that only shares the UIDVALIDITY starts at UID 1.
                const bool sameUids = stored->uidValidity == *appeared.status->uidValidity &&
                                      appeared.status->uidNext.value_or(0) >= stored->uidNext;
                bool same = sameUids;
                if (!same)
                    same = co_await holdsTheSameMessages(
                        *sessions[std::size_t(side)], appeared.wireName,
                        *sessions[std::size_t(other)], listing.find(other, from)->wireName, side,
                        MailboxName::display(to));
                if (!same)
                    continue;
                ImapSession &follower = *sessions[std::size_t(other)];
                const auto oldWire =
                    MailboxName::toWire(from, listing.delimiters[std::size_t(other)],
                                        options.references[std::size_t(other)]);
                const auto newWire = MailboxName::toWire(to, listing.delimiters[std::size_t(other)],
                                                         options.references[std::size_t(other)]);
                if (!oldWire || !newWire)
                    break;
                const QString fromDisplay = MailboxName::display(from);
                const QString toDisplay = MailboxName::display(to);
                // RFC 3501 §6.3.5 RENAME, children included.
                co_await follower.connection().executeOk(
                    Command("RENAME").astring(*oldWire).astring(*newWire), fromDisplay);
                store.renameMailboxes(from, to); // one statement: all or nothing
                events.info(follower.name(), fromDisplay,
                            tr("Renamed mailbox to %1, as on %2")
                                .arg(toDisplay, sessions[std::size_t(side)]->name()));
                moved += {from, to};
                renamed = true;
                break;
            }
        }
    }
    co_return renamed;
}

} // namespace twinbox::sync
