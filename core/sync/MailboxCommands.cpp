#include "MailboxCommands.h"

#include "MailboxName.h"

namespace twinbox::sync {

using namespace imap;
using state::Side;

namespace {

constexpr std::array<Side, 2> bothSides = {Side::Local, Side::Remote};

QByteArray internalName(const QByteArray &argument, const PairSync::Listing &listing,
                        const PairSync::Options &options)
{
    return MailboxName::toInternal(options.references[0] + argument, listing.delimiters[0],
                                   options.references[0])
        .value_or(argument);
}

QByteArray wireName(const QByteArray &internal, Side side, const PairSync::Listing &listing,
                    const PairSync::Options &options, const QString &server)
{
    const auto wire = MailboxName::toWire(internal, listing.delimiters[std::size_t(side)],
                                          options.references[std::size_t(side)]);
    if (!wire)
        throw ImapError(
            ImapError::Kind::Configuration, server,
            MailboxName::unwritableReason(internal, listing.delimiters[std::size_t(side)]),
            MailboxName::display(internal));
    return *wire;
}

} // namespace

MailboxCommands::Targets MailboxCommands::Targets::from(const QStringList &names)
{
    if (names.isEmpty())
        return {};
    return {names.contains(QStringLiteral("local")), names.contains(QStringLiteral("remote")),
            names.contains(QStringLiteral("database"))};
}

QCoro::Task<void> MailboxCommands::remove(ImapSession &local, ImapSession &remote,
                                          state::StateDatabase &database, SyncEvents &events,
                                          const PairSync::Options &optionsIn,
                                          const QByteArrayList &namesIn, const Targets &targetsIn)
{
    // Copies before the first co_await.
    const PairSync::Options options = optionsIn;
    const QByteArrayList names = namesIn;
    const Targets targets = targetsIn;
    const std::array<ImapSession *, 2> sessions = {&local, &remote};
    const PairSync::Listing listing = co_await PairSync::prepare(local, remote, options);
    state::StateStore store(database);
    for (const QByteArray &argument : names) {
        const QByteArray internal = internalName(argument, listing, options);
        const QString display = MailboxName::display(internal);
        if (internal == "INBOX")
            throw ImapError(ImapError::Kind::Configuration, QString(), tr("INBOX can't be deleted"),
                            display);
        for (Side side : bothSides) {
            const ListedMailbox *listed = listing.find(side, internal);
            if (!targets.server(side) || !listed || !listed->selectable)
                continue;
            ImapSession &session = *sessions[std::size_t(side)];
            co_await session.connection().executeOk(Command("DELETE").astring(listed->wireName),
                                                    display);
            events.info(session.name(), display, tr("Deleted mailbox"));
        }
        if (const auto id = store.mailboxId(internal); targets.database && id) {
            // One statement, all or nothing: its state, mapping and journal cascade with it.
            store.removeMailbox(*id);
            events.info(QStringLiteral("database"), QString(),
                        tr("Removed mailbox %1").arg(display));
        }
    }
}

QCoro::Task<void> MailboxCommands::rename(ImapSession &local, ImapSession &remote,
                                          state::StateDatabase &database, SyncEvents &events,
                                          const PairSync::Options &optionsIn,
                                          const QByteArray &sourceIn,
                                          const QByteArray &destinationIn, const Targets &targetsIn)
{
    // Copies before the first co_await.
    const PairSync::Options options = optionsIn;
    const QByteArray sourceArgument = sourceIn;
    const QByteArray destinationArgument = destinationIn;
    const Targets targets = targetsIn;
    const std::array<ImapSession *, 2> sessions = {&local, &remote};
    const PairSync::Listing listing = co_await PairSync::prepare(local, remote, options);
    state::StateStore store(database);
    const QByteArray from = internalName(sourceArgument, listing, options);
    const QByteArray to = internalName(destinationArgument, listing, options);
    const QString fromDisplay = MailboxName::display(from);
    const QString toDisplay = MailboxName::display(to);

    // Everything is checked before anything changes, DEST's name on each server included: a
    // server that cannot hold it must not leave the other renamed alone.
    std::array<QByteArray, 2> oldWire, newWire;
    for (Side side : bothSides) {
        if (targets.server(side) && listing.find(side, from)) {
            const QString server = sessions[std::size_t(side)]->name();
            oldWire[std::size_t(side)] = wireName(from, side, listing, options, server);
            newWire[std::size_t(side)] = wireName(to, side, listing, options, server);
        }
        const ListedMailbox *existing = listing.find(side, to);
        if (targets.server(side) && existing && existing->selectable)
            throw ImapError(ImapError::Kind::Configuration, sessions[std::size_t(side)]->name(),
                            tr("mailbox %1 exists; delete it first with --target=%2 --delete %1")
                                .arg(toDisplay, sessions[std::size_t(side)]->name()),
                            toDisplay);
    }
    if (targets.database && store.mailboxId(to))
        throw ImapError(ImapError::Kind::Configuration, QStringLiteral("database"),
                        tr("mailbox %1 exists; delete it first with --target=database --delete %1")
                            .arg(toDisplay),
                        toDisplay);

    // RENAME where SOURCE is listed at all (a \NonExistent parent can still have children).
    QList<Side> renamed;
    for (Side side : bothSides) {
        if (!targets.server(side) || !listing.find(side, from))
            continue;
        ImapSession &session = *sessions[std::size_t(side)];
        std::optional<ImapError> failure;
        try {
            co_await session.connection().executeOk(Command("RENAME")
                                                        .astring(oldWire[std::size_t(side)])
                                                        .astring(newWire[std::size_t(side)]),
                                                    fromDisplay);
        } catch (const ImapError &error) {
            failure = error;
        }
        if (failure) {
            // Put back what was renamed, so that the servers agree with each other again.
            for (Side done : renamed) {
                co_await sessions[std::size_t(done)]->connection().execute(
                    Command("RENAME")
                        .astring(newWire[std::size_t(done)])
                        .astring(oldWire[std::size_t(done)]));
            }
            throw *failure;
        }
        renamed.append(side);
        events.info(session.name(), fromDisplay, tr("Renamed mailbox to %1").arg(toDisplay));
    }

    // The subscriptions follow the names, children included.
    for (Side side : renamed) {
        ImapSession &session = *sessions[std::size_t(side)];
        for (const ListedMailbox &mailbox : listing.mailboxes[std::size_t(side)]) {
            const QByteArray &name = mailbox.internalName;
            if (!mailbox.subscribed ||
                !(name == from || name.startsWith(QByteArray(from).append('\0'))))
                continue;
            const QByteArray moved = to + name.mid(from.size());
            co_await session.connection().executeOk(
                Command("SUBSCRIBE")
                    .astring(wireName(moved, side, listing, options, session.name())),
                toDisplay);
            // Some servers move subscriptions with RENAME themselves: a NO here only means the
            // old name is not subscribed any more, which is the point.
            co_await session.connection().execute(Command("UNSUBSCRIBE").astring(mailbox.wireName));
        }
    }

    if (targets.database) {
        const int rows = store.renameMailboxes(from, to); // one statement: all or nothing
        if (rows > 0)
            events.info(QStringLiteral("database"), QString(),
                        tr("Renamed mailbox %1 to %2").arg(fromDisplay, toDisplay));
    }
}

} // namespace twinbox::sync
