#pragma once

#include "MailboxContext.h"
#include "MailboxLister.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <functional>

namespace twinbox::sync {

// One sync run of an account pair over two logged-in sessions: the required extensions
// checked and QRESYNC enabled, both mailbox lists read at once (LIST-STATUS), each mailbox
// that changed since the stored state synced (MailboxSync), one after the other.
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

    // Throws ImapError when a server lacks what the algorithm needs, or the listing fails.
    static QCoro::Task<SyncTotals> run(imap::ImapSession &local, imap::ImapSession &remote,
                                       state::StateDatabase &database, SyncEvents &events,
                                       const Options &options);

    // Refuses (ImapError naming the server) a server without QRESYNC, ENABLE,
    // LIST-EXTENDED, LIST-STATUS or UIDPLUS.
    static void checkCapabilities(const imap::ImapSession &session);
};

} // namespace twinbox::sync
