#include "PairSync.h"

#include "BothSides.h"
#include "MailboxName.h"
#include "MailboxSync.h"
#include "RenameDetector.h"
#include "SelectAhead.h"
#include "SubscriptionSync.h"
#include "config/ListMailboxPatterns.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <exception>

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

constexpr std::array<Side, 2> bothSides = {Side::Local, Side::Remote};

// `LIST reference ""` (RFC 3501 §6.3.8): the hierarchy delimiter, for patterns that use it.
QCoro::Task<std::optional<char>> delimiterOf(ImapSession &session, const QByteArray &referenceIn)
{
    const QByteArray reference = referenceIn;
    const Command list = Command("LIST").string(reference).string("");
    const auto reply = co_await session.connection().executeOk(list);
    for (const Response &response : reply.untagged) {
        if (const auto *data = std::get_if<ListData>(&response))
            co_return data->delimiter;
    }
    co_return std::nullopt;
}

// list-mailbox patterns with "\0" stand for the server's delimiter, which a LIST finds.
bool patternsNeedDelimiter(const PairSync::Options &options)
{
    return std::any_of(options.listPatterns.begin(), options.listPatterns.end(),
                       [](const QByteArray &pattern) { return pattern.contains('\0'); });
}

// The LIST of a side, its patterns written with the server's delimiter.
MailboxLister::Request listRequest(const PairSync::Options &options, Side side,
                                   std::optional<char> delimiter)
{
    MailboxLister::Request request;
    request.reference = options.references[std::size_t(side)];
    request.selectOptions = options.selectOptions;
    if (!options.listPatterns.isEmpty()) {
        request.patterns.clear();
        for (const QByteArray &pattern : options.listPatterns)
            request.patterns.append(config::ListMailboxPatterns::forServer(pattern, delimiter));
    }
    return request;
}

QCoro::Task<QList<ListedMailbox>> listSide(ImapSession &session, const PairSync::Options &optionsIn,
                                           Side side)
{
    const PairSync::Options options = optionsIn;
    const bool needsDelimiter = patternsNeedDelimiter(options);
    std::optional<char> delimiter;
    if (needsDelimiter) // (GCC 12: no co_await inside a conditional expression)
        delimiter = co_await delimiterOf(session, options.references[std::size_t(side)]);
    if (needsDelimiter && !delimiter) // interimap's words (reference §3.3)
        throw ImapError(ImapError::Kind::Configuration, session.name(),
                        PairSync::tr("Mailbox name contains null characters but the "
                                     "namespace is flat!"));
    co_return co_await MailboxLister::list(session, listRequest(options, side, delimiter));
}

// The delimiter of a server's personal namespace as its listing shows it (INBOX aside: it
// may live elsewhere).
std::optional<char> delimiterOf(const QList<ListedMailbox> &mailboxes)
{
    for (const ListedMailbox &mailbox : mailboxes) {
        if (mailbox.internalName != "INBOX" && mailbox.delimiter)
            return mailbox.delimiter;
    }
    for (const ListedMailbox &mailbox : mailboxes) {
        if (mailbox.delimiter)
            return mailbox.delimiter;
    }
    return std::nullopt;
}

// RFC 3501 §6.3.3 CREATE. A server SHOULD create the superior names a new mailbox needs
// (a parent that is only \NoSelect or \NonExistent on the other side); one that refuses
// instead gets them created outermost first, and the mailbox once more. A mailbox that
// exists by now (RFC 5530 ALREADYEXISTS: another client was quicker) is what was wanted.
QCoro::Task<void> createMailbox(ImapSession &session, const QByteArray &wireIn,
                                std::optional<char> delimiter, const QString &displayIn)
{
    const QByteArray wire = wireIn;
    const QString display = displayIn;
    const auto exists = [](const ImapConnection::Result &result) {
        return result.ok() || (result.status.code &&
                               result.status.code->kind == ResponseCode::Kind::AlreadyExists);
    };
    const auto first = co_await session.connection().execute(Command("CREATE").astring(wire));
    if (exists(first))
        co_return;
    if (delimiter && wire.contains(*delimiter)) {
        QByteArray parent;
        const QList<QByteArray> levels = wire.split(*delimiter);
        for (qsizetype level = 0; level + 1 < levels.size(); ++level) {
            parent += (level > 0 ? QByteArray(1, *delimiter) : QByteArray()) + levels.at(level);
            co_await session.connection().execute(Command("CREATE").astring(parent)); // may exist
        }
        const auto again = co_await session.connection().execute(Command("CREATE").astring(wire));
        if (exists(again))
            co_return;
    }
    throw ImapError(ImapError::Kind::Refused, session.name(),
                    PairSync::tr("CREATE refused: %1").arg(QString::fromUtf8(first.status.text)),
                    display);
}

// A hierarchy delimiter as interimap names it in messages: "/" quoted, or NIL (flat).
QString describeDelimiter(std::optional<char> delimiter)
{
    return delimiter ? u'"' + QString(QChar::fromLatin1(*delimiter)) + u'"' : QStringLiteral("NIL");
}

// Whether LIST-STATUS shows a change since the stored state (or there is no state).
bool changedSince(const ListedMailbox *listed, const std::optional<state::SideState> &stored)
{
    if (!listed || !listed->status || !stored)
        return true;
    const StatusData &status = *listed->status;
    return status.uidValidity.value_or(0) != stored->uidValidity ||
           status.uidNext.value_or(0) != stored->uidNext ||
           status.highestModSeq.value_or(0) != stored->highestModSeq;
}

// Whether LIST-STATUS shows mail that came since the stored state (or there is none): a
// mailbox with messages to copy, where another pair of connections pays for itself.
bool mayHaveNewMail(const ListedMailbox *listed, const std::optional<state::SideState> &stored)
{
    if (!listed || !listed->status)
        return false; // not on this side: created empty on it
    const std::uint32_t uidNext = listed->status->uidNext.value_or(0);
    return stored ? uidNext != stored->uidNext : uidNext > 1;
}

} // namespace

void PairSync::checkCapabilities(const ImapSession &session)
{
    for (const char *needed : {"ENABLE", "QRESYNC", "LIST-EXTENDED", "LIST-STATUS", "UIDPLUS"}) {
        if (!session.capabilities().has(needed))
            throw ImapError(ImapError::Kind::Capability, session.name(),
                            tr("the server does not support %1, which Twinbox needs")
                                .arg(QString::fromLatin1(needed)));
    }
}

const ListedMailbox *PairSync::Listing::find(Side side, const QByteArray &internalName) const
{
    for (const ListedMailbox &mailbox : mailboxes[std::size_t(side)]) {
        if (mailbox.internalName == internalName)
            return &mailbox;
    }
    return nullptr;
}

QCoro::Task<PairSync::Listing> PairSync::prepare(ImapSession &local, ImapSession &remote,
                                                 const Options &optionsIn)
{
    const Options options = optionsIn; // copied before the first co_await
    for (ImapSession *session : {&local, &remote})
        checkCapabilities(*session);
    // QRESYNC is enabled with each session's first SELECT (ImapSession::select): a no-op
    // sync sends one command per server after login, the LIST.
    auto listLocal = listSide(local, options, Side::Local);
    auto listRemote = listSide(remote, options, Side::Remote);
    Listing listing;
    listing.mailboxes = co_await awaitBoth(listLocal, listRemote);
    listing.delimiters = {delimiterOf(listing.mailboxes[0]), delimiterOf(listing.mailboxes[1])};
    if (listing.delimiters[0].has_value() != listing.delimiters[1].has_value() &&
        !listing.mailboxes[0].isEmpty() && !listing.mailboxes[1].isEmpty())
        throw ImapError(
            ImapError::Kind::Configuration, QString(),
            tr("Local and remote namespaces are neither both flat nor both hierarchical (local "
               "%1, remote %2).")
                .arg(describeDelimiter(listing.delimiters[0]),
                     describeDelimiter(listing.delimiters[1])));
    co_return listing;
}

std::optional<Command> PairSync::firstListing(const Options &options, Side side)
{
    if (patternsNeedDelimiter(options))
        return std::nullopt;
    return MailboxLister::command(listRequest(options, side, std::nullopt));
}

QCoro::Task<SyncTotals> PairSync::run(ImapSession &local, ImapSession &remote,
                                      state::StateDatabase &database, SyncEvents &events,
                                      const Options &optionsIn)
{
    const Options options = optionsIn; // copied before the first co_await
    std::array<ImapSession *, 2> sessions = {&local, &remote};
    Listing listing = co_await prepare(local, remote, options);
    // A mailbox renamed on one side is renamed on the other before anything else looks at
    // the lists, which are then read again.
    if (co_await RenameDetector::follow(local, remote, listing, options, database, events)) {
        auto listLocal = listSide(local, options, Side::Local);
        auto listRemote = listSide(remote, options, Side::Remote);
        listing.mailboxes = co_await awaitBoth(listLocal, listRemote);
    }
    const auto &listed = listing.mailboxes;
    const auto &delimiters = listing.delimiters;

    // Which mailboxes: the command line's, or everything listed but ignore-mailbox.
    QSet<QByteArray> wanted;
    for (const QByteArray &argument : options.mailboxes) {
        if (const auto internal = MailboxName::toInternal(options.references[0] + argument,
                                                          delimiters[0], options.references[0]))
            wanted.insert(*internal);
    }
    const QRegularExpression ignore(options.ignoreMailbox);
    std::array<QHash<QByteArray, const ListedMailbox *>, 2> byName;
    QList<QByteArray> names;
    for (Side side : bothSides) {
        for (const ListedMailbox &mailbox : listed[std::size_t(side)]) {
            const QByteArray &name = mailbox.internalName;
            if (!options.mailboxes.isEmpty() ? !wanted.contains(name)
                                             : (!options.ignoreMailbox.isEmpty() &&
                                                ignore.match(QString::fromLatin1(name)).hasMatch()))
                continue;
            byName[std::size_t(side)].insert(name, &mailbox);
            if (!names.contains(name))
                names.append(name);
        }
    }
    std::sort(names.begin(), names.end(), [](const QByteArray &a, const QByteArray &b) {
        if ((a == "INBOX") != (b == "INBOX"))
            return a == "INBOX";
        return a < b;
    });

    state::StateStore store(database);
    SyncTotals totals;
    // The mailboxes that need a sync, in the listed order; synced once every mailbox has
    // been looked at (created, left alone, subscriptions reconciled).
    std::vector<std::unique_ptr<MailboxJob>> jobs;
    MailboxListing order;
    order.delimiter = QChar::fromLatin1(delimiters[0].value_or('/'));
    for (const QByteArray &name : names)
        order.names.append(MailboxName::display(name, order.delimiter));
    Q_EMIT events.mailboxList(order);
    for (const QByteArray &name : names) {
        if (options.stopRequested && options.stopRequested()) {
            totals.interrupted = true;
            break; // what is synced so far is complete and stored
        }
        const QString display =
            MailboxName::display(name, QChar::fromLatin1(delimiters[0].value_or('/')));
        std::array<const ListedMailbox *, 2> here = {byName[0].value(name), byName[1].value(name)};
        std::array<bool, 2> exists{};
        for (Side side : bothSides)
            exists[std::size_t(side)] =
                here[std::size_t(side)] && here[std::size_t(side)]->selectable;
        if (!exists[0] && !exists[1])
            continue;
        const Options::OnDeleted onDeleted = options.onDeletedFor(name);
        try {
            std::optional<qint64> id = store.mailboxId(name);
            const bool repair = options.repair && id.has_value(); // new ones: a first sync
            std::array<QByteArray, 2> wire;
            for (Side side : bothSides) {
                const auto name_ = MailboxName::toWire(name, delimiters[std::size_t(side)],
                                                       options.references[std::size_t(side)]);
                if (!name_)
                    throw ImapError(
                        ImapError::Kind::Configuration, sessions[std::size_t(side)]->name(),
                        MailboxName::unwritableReason(name, delimiters[std::size_t(side)]),
                        display);
                wire[std::size_t(side)] =
                    here[std::size_t(side)] ? here[std::size_t(side)]->wireName : *name_;
            }
            if (exists[0] != exists[1]) {
                const Side present = exists[0] ? Side::Local : Side::Remote;
                const Side missing = MailboxContext::opposite(present);
                ImapSession &target = *sessions[std::size_t(missing)];
                ImapSession &holder = *sessions[std::size_t(present)];
                if (id && !options.selectOptions.isEmpty()) {
                    // list-select-opts (SUBSCRIBED, ...) hides mailboxes that exist: STATUS
                    // (RFC 3501 §6.3.10) tells an unsubscribed one from a deleted one.
                    const auto status = co_await target.connection().execute(
                        Command("STATUS")
                            .astring(wire[std::size_t(missing)])
                            .open()
                            .atom("UIDVALIDITY")
                            .close());
                    if (status.ok())
                        continue; // not listed, not gone: nothing to do in this run
                }
                // Only what the last sync left as it was may follow a deletion: mail that came
                // since would go without ever having been copied.
                const bool untouched =
                    id &&
                    !changedSince(here[std::size_t(present)], store.sideState(*id, present)) &&
                    store.pendingAppends(*id).isEmpty();
                if (id && onDeleted == Options::OnDeleted::Delete && !untouched)
                    throw ImapError(ImapError::Kind::Configuration, target.name(),
                                    tr("the mailbox is gone on this side, but it changed on %1 "
                                       "since the last sync, so it is not deleted there "
                                       "(on-mailbox-deleted = delete); delete it by hand, or "
                                       "sync it back with on-mailbox-deleted = recreate")
                                        .arg(holder.name()),
                                    display);
                if (id && onDeleted == Options::OnDeleted::Delete) {
                    // The user chose to follow deletions (on-mailbox-deleted = delete):
                    // RFC 3501 §6.3.4 DELETE where it is left, and it is forgotten.
                    co_await holder.connection().executeOk(
                        Command("DELETE").astring(wire[std::size_t(present)]), display);
                    store.removeMailbox(*id);
                    events.info(holder.name(), display,
                                tr("Deleted mailbox, as it was deleted on %1 "
                                   "(on-mailbox-deleted = delete)")
                                    .arg(target.name()));
                    continue;
                }
                if (id && onDeleted == Options::OnDeleted::Recreate) {
                    // Created again below and filled from the other side: the old mapping
                    // names messages that no longer exist there.
                    store.removeMailbox(*id);
                    id.reset();
                }
                if (id) {
                    const QString question =
                        tr("the mailbox is gone on this side but still exists on %1 and in the "
                           "database (deleted or renamed?); it is left alone: recreate it here, "
                           "or run twinbox-cli --target=%1 --target=database --delete %2")
                            .arg(sessions[std::size_t(present)]->name(), display);
                    // A decision for the user: the GUI asks it, once.
                    if (!store.hasOpenIssue(name, QStringLiteral("mailbox-gone")))
                        store.logIssue(name, QStringLiteral("mailbox-gone"),
                                       target.name() + QStringLiteral(": ") + question);
                    throw ImapError(ImapError::Kind::Configuration, target.name(), question,
                                    display);
                }
                // CREATE, then SUBSCRIBE (RFC 3501 §6.3.6) like the source.
                co_await createMailbox(target, wire[std::size_t(missing)],
                                       delimiters[std::size_t(missing)], display);
                if (here[std::size_t(present)]->subscribed)
                    co_await target.connection().executeOk(
                        Command("SUBSCRIBE").astring(wire[std::size_t(missing)]), display);
                events.info(target.name(), display, tr("Created mailbox"));
            }
            const std::optional<bool> agreed =
                id ? std::optional<bool>(store.isSubscribed(*id)) : std::nullopt;
            if (!id)
                id = store.addMailbox(name, false);
            if (exists[0] && exists[1]) {
                co_await SubscriptionSync::reconcile(sessions, wire,
                                                     {here[0]->subscribed, here[1]->subscribed},
                                                     agreed, store, *id, display, events);
            } else {
                const ListedMailbox *present = exists[0] ? here[0] : here[1];
                if (present->subscribed != agreed.value_or(false))
                    store.setSubscribed(*id, present->subscribed); // the copy was subscribed too
            }

            bool dirty = repair || !store.pendingAppends(*id).isEmpty() ||
                         !store.refusedMessages(*id).isEmpty();
            for (Side side : bothSides)
                dirty = dirty ||
                        changedSince(exists[0] && exists[1] ? here[std::size_t(side)] : nullptr,
                                     store.sideState(*id, side));
            if (!dirty)
                continue;
            auto job = std::make_unique<MailboxJob>();
            for (Side side : bothSides)
                job->copies = job->copies ||
                              mayHaveNewMail(here[std::size_t(side)], store.sideState(*id, side));
            MailboxContext &context = job->context;
            context.id = *id;
            context.internalName = name;
            context.displayName = display;
            for (Side side : bothSides) {
                context.side(side).side = side;
                context.side(side).wireName = wire[std::size_t(side)]; // sessions: drain()
                if (const ListedMailbox *shown = here[std::size_t(side)]; shown && shown->status) {
                    context.side(side).listedUidValidity = shown->status->uidValidity.value_or(0);
                    context.side(side).listedUidNext = shown->status->uidNext.value_or(0);
                }
            }
            context.database = &database;
            context.store = &store;
            context.events = &events;
            context.totals = &job->totals;
            context.batchLimits = options.batchLimits;
            context.repair = repair;
            jobs.push_back(std::move(job));
        } catch (const ImapError &error) {
            const QString line =
                error.mailbox().isEmpty()
                    ? ImapError(error.kind(), error.server(), error.message(), display).describe()
                    : error.describe();
            totals.failures.append(line);
            events.error(error.server(), display, error.message());
            const bool connectionLost =
                !local.connection().isOpen() || !remote.connection().isOpen();
            if (connectionLost) {
                totals.interrupted = true;
                break; // nothing more can be done in this run
            }
        } catch (const state::StateError &error) {
            totals.failures.append(error.message());
            events.error(QStringLiteral("database"), display, error.message());
            totals.interrupted = true;
            break; // the database is in trouble: stop before anything else diverges
        }
    }
    if (!totals.interrupted)
        co_await syncAll(jobs, local, remote, events, options, totals);
    co_return totals;
}

QCoro::Task<void> PairSync::syncAll(std::vector<std::unique_ptr<MailboxJob>> &jobs,
                                    ImapSession &local, ImapSession &remote, SyncEvents &events,
                                    const Options &options, SyncTotals &totals)
{
    std::size_t next = 0;
    bool databaseFailed = false;
    // QRESYNC refused by a server: no mailbox can be synced, the run ends with that error.
    std::optional<ImapError> noQresync;
    // One worker per pair of sessions: the next mailbox in the listed order, until none is
    // left, its connection is lost, or the database fails. Taking a mailbox and its first
    // progress event happen together, so the window sees them in the listed order.
    bool stopped = false; // a mailbox taken was left unsynced: stop requested, or a failure
    // Mailboxes a worker claimed ahead and could not sync (its connection was lost): the
    // other workers take them first.
    std::vector<MailboxJob *> handedBack;
    // Takes the next mailbox for a worker, on its sessions.
    const auto take = [&](std::array<ImapSession *, 2> pair) -> MailboxJob * {
        if ((next >= jobs.size() && handedBack.empty()) || databaseFailed || noQresync)
            return nullptr;
        if (options.stopRequested && options.stopRequested())
            return nullptr; // what is synced so far is complete and stored
        MailboxJob *taken = nullptr;
        if (!handedBack.empty()) {
            taken = handedBack.back();
            handedBack.pop_back();
        } else {
            taken = jobs[next++].get();
        }
        MailboxJob &job = *taken;
        for (Side side : bothSides)
            job.context.side(side).session = pair[std::size_t(side)];
        Q_EMIT events.progress(
            {job.context.displayName, SyncProgress::Phase::Selecting, 0, 0, 0, 0, QString()});
        return &job;
    };
    auto drain = [&](std::array<ImapSession *, 2> pair) -> QCoro::Task<void> {
        MailboxJob *claimed = nullptr; // taken by `ahead` during the mailbox before
        SelectAhead ahead([&]() -> MailboxContext * {
            claimed = take(pair);
            return claimed ? &claimed->context : nullptr;
        });
        for (MailboxJob *taken = take(pair); taken;) {
            MailboxJob &job = *taken;
            const QString display = job.context.displayName;
            job.context.ahead = &ahead;
            bool lost = false; // this pair of sessions can do nothing more
            std::exception_ptr unexpected;
            try {
                co_await MailboxSync::run(job.context);
                ++job.totals.mailboxesSynced;
                Q_EMIT events.mailboxDone({display, job.totals.messagesCopied,
                                           job.totals.flagUpdates, job.totals.expunges,
                                           job.totals.conflicts});
            } catch (const ImapError &error) {
                for (const ImapSession *session : pair) {
                    if (session->enableFailure() && !noQresync) {
                        noQresync = *session->enableFailure();
                        lost = true;
                    }
                }
                if (!lost) {
                    job.totals.failures.append(
                        error.mailbox().isEmpty()
                            ? ImapError(error.kind(), error.server(), error.message(), display)
                                  .describe()
                            : error.describe());
                    events.error(error.server(), display, error.message());
                    // The other pairs take what is left.
                    lost = !pair[0]->connection().isOpen() || !pair[1]->connection().isOpen();
                }
            } catch (const state::StateError &error) {
                job.totals.failures.append(error.message());
                events.error(QStringLiteral("database"), display, error.message());
                databaseFailed = true; // stop before anything else diverges
            } catch (...) {
                unexpected = std::current_exception(); // after the SELECTs ahead are awaited
            }
            job.context.ahead = nullptr;
            // The mailbox claimed (and maybe selected) ahead is the next one.
            MailboxJob *following = std::exchange(claimed, nullptr);
            ahead.release();
            const bool stopping =
                databaseFailed || noQresync || (options.stopRequested && options.stopRequested());
            if (lost || stopping || unexpected) {
                co_await ahead.discard();
                if (following && lost && !stopping)
                    handedBack.push_back(following); // the other pairs take it
                else if (following)
                    stopped = true; // taken, never synced
                if (unexpected)
                    std::rethrow_exception(unexpected);
                co_return;
            }
            taken = following ? following : take(pair);
        }
    };
    // More connections only where they pay for their logins: while at least two mailboxes
    // have mail to copy. Flag changes and expunges take a few exchanges per mailbox, fewer
    // than a login costs (measured: an incremental sync on loopback took 45 % longer with
    // them).
    const auto copying =
        std::count_if(jobs.begin(), jobs.end(), [](const auto &job) { return job->copies; });
    std::vector<Options::SessionPair> extraPairs(
        std::size_t(std::clamp<qsizetype>(copying - 1, 0, options.parallelMailboxes - 1)));
    if (!options.openSessions)
        extraPairs.clear();
    // A pair that cannot be opened (a server's connection limit) just does not help.
    auto helper = [&](std::size_t index) -> QCoro::Task<void> {
        try {
            extraPairs[index] = co_await options.openSessions();
        } catch (const ImapError &error) {
            events.debug(error.server(), QString(),
                         tr("no parallel connection: %1").arg(error.message()));
            co_return;
        }
        co_await drain({extraPairs[index][0].get(), extraPairs[index][1].get()});
    };
    std::vector<QCoro::Task<void>> workers;
    workers.push_back(drain({&local, &remote}));
    for (std::size_t i = 0; i < extraPairs.size(); ++i)
        workers.push_back(helper(i));
    // Every worker is awaited whatever another threw: they use this frame's jobs and sessions.
    std::exception_ptr unexpected;
    for (auto &worker : workers) {
        try {
            co_await worker; // ImapError and StateError are caught inside
        } catch (...) {
            if (!unexpected)
                unexpected = std::current_exception();
        }
    }
    std::vector<QCoro::Task<void>> logouts;
    for (auto &pair : extraPairs) {
        for (auto &session : pair) {
            if (session && session->connection().isOpen())
                logouts.push_back(session->logout());
        }
    }
    for (auto &logout : logouts)
        co_await logout; // never throws
    if (unexpected)
        std::rethrow_exception(unexpected);
    if (noQresync)
        throw *noQresync;
    for (const auto &job : jobs)
        totals += job->totals;
    if (next < jobs.size() || !handedBack.empty() || databaseFailed || stopped)
        totals.interrupted = true; // mailboxes not reached are not known to be up to date
}

} // namespace twinbox::sync
