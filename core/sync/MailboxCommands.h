#pragma once

#include "PairSync.h"

#include <QCoreApplication>
#include <QCoroTask>

namespace twinbox::sync {

// interimap's mailbox commands (reference §3.5, §3.6, §3.17) on the servers and the database
// named by --target (all three by default). Names are the local wire form (modified UTF-7,
// the local delimiter). Throws ImapError or StateError with one line naming the target.
class MailboxCommands
{
    Q_DECLARE_TR_FUNCTIONS(MailboxCommands)

public:
    struct Targets
    {
        bool local = true;
        bool remote = true;
        bool database = true;
        static Targets from(const QStringList &names); // empty: all three
        bool server(state::Side side) const { return side == state::Side::Local ? local : remote; }
    };

    // --delete: DELETE (RFC 3501 §6.3.4) where the mailbox exists (not recursive, INBOX
    // refused), and its rows in the database.
    static QCoro::Task<void> remove(imap::ImapSession &local, imap::ImapSession &remote,
                                    state::StateDatabase &database, SyncEvents &events,
                                    const PairSync::Options &options, const QByteArrayList &names,
                                    const Targets &targets);

    // --rename: RENAME (RFC 3501 §6.3.5, children included) where SOURCE is listed, the
    // subscriptions of SOURCE and its children carried to the new names (interimap drops
    // them), and the database rows. DEST must not exist on a target. When the second server
    // refuses, the first is renamed back, so the servers and the database never disagree.
    static QCoro::Task<void> rename(imap::ImapSession &local, imap::ImapSession &remote,
                                    state::StateDatabase &database, SyncEvents &events,
                                    const PairSync::Options &options, const QByteArray &source,
                                    const QByteArray &destination, const Targets &targets);
};

} // namespace twinbox::sync
