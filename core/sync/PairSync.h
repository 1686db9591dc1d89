#pragma once

#include "MailboxContext.h"
#include "MailboxLister.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace twinbox::sync {

// One sync run of an account pair over two logged-in sessions: the required extensions
// checked, both mailbox lists read at once (LIST-STATUS), mailboxes created or left alone,
// then each mailbox that changed since the stored state synced (MailboxSync), several at
// once over pairs of sessions of their own (Options::parallelMailboxes).
//
// A mailbox that fails does not stop the others: its error goes into SyncTotals::failures
// and the run goes on, unless the connection itself is gone. A mailbox found on one side
// only is created on the other when the database does not know it; when it does, it was
// deleted or renamed on one side, which is the user's call (mailbox management), so it is
// reported and left alone.
class PairSync
{
    Q_DECLARE_TR_FUNCTIONS(PairSync)

public:
    struct Options
    {
        QByteArrayList mailboxes;     // command-line arguments (local wire form): only these
        QByteArrayList listPatterns;  // list-mailbox, "\0" for the delimiter; empty: "*"
        QByteArrayList selectOptions; // list-select-opts
        std::array<QByteArray, 2> references; // list-reference of local and remote
        QString ignoreMailbox;                // a regular expression on internal names
        BatchLimits batchLimits;
        // Asked between mailboxes: true ends the run there (SIGINT, SIGTERM).
        std::function<bool()> stopRequested;
        // on-mailbox-deleted: what becomes of a known mailbox gone from one side.
        enum class OnDeleted { Ask, Delete, Recreate } onDeleted = OnDeleted::Ask;
        // The user's answer for single mailboxes (by internal name), asked in the window.
        QHash<QByteArray, OnDeleted> decisions;
        OnDeleted onDeletedFor(const QByteArray &internalName) const
        {
            return decisions.value(internalName, onDeleted);
        }
        // --repair: the mailboxes the database knows are checked in full even when
        // LIST-STATUS shows no change.
        bool repair = false;
        // How many mailboxes are synced at once (parallel-mailboxes): over the sessions
        // given to run() and, while at least two mailboxes need a sync, over up to
        // parallelMailboxes - 1 more pairs of sessions from openSessions, logged out at the
        // end of the run. One mailbox's round trips then overlap another's.
        int parallelMailboxes = 1;
        using SessionPair = std::array<std::unique_ptr<imap::ImapSession>, 2>;
        std::function<QCoro::Task<SessionPair>()> openSessions;
    };

    // Both servers ready and listed: capabilities checked, QRESYNC enabled, both LISTs (with
    // STATUS) at once, the hierarchy delimiters found.
    struct Listing
    {
        std::array<QList<ListedMailbox>, 2> mailboxes;
        std::array<std::optional<char>, 2> delimiters;
        // The mailbox of that internal name on a side, or nullptr.
        const ListedMailbox *find(state::Side side, const QByteArray &internalName) const;
    };
    static QCoro::Task<Listing> prepare(imap::ImapSession &local, imap::ImapSession &remote,
                                        const Options &options);
    // The LIST that prepare() sends first on a side, for ImapSession::open() to send behind
    // the login; none when the patterns need the server's delimiter first.
    static std::optional<imap::Command> firstListing(const Options &options, state::Side side);

    // Throws ImapError when a server lacks what the algorithm needs, or the listing fails.
    static QCoro::Task<SyncTotals> run(imap::ImapSession &local, imap::ImapSession &remote,
                                       state::StateDatabase &database, SyncEvents &events,
                                       const Options &options);

    // Refuses (ImapError naming the server) a server without QRESYNC, ENABLE,
    // LIST-EXTENDED, LIST-STATUS or UIDPLUS.
    static void checkCapabilities(const imap::ImapSession &session);

private:
    // A mailbox waiting for its sync, and what that sync did.
    struct MailboxJob
    {
        MailboxContext context;
        SyncTotals totals;
        bool copies = false; // LIST-STATUS shows new mail on a side (or a first sync)
    };
    // Syncs the jobs over the given sessions and the extra pairs of options.openSessions,
    // and adds what they did to `totals`.
    static QCoro::Task<void> syncAll(std::vector<std::unique_ptr<MailboxJob>> &jobs,
                                     imap::ImapSession &local, imap::ImapSession &remote,
                                     SyncEvents &events, const Options &options,
                                     SyncTotals &totals);
};

} // namespace twinbox::sync
