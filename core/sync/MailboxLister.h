#pragma once

#include "imap/ImapSession.h"
#include "imap/Responses.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <optional>

namespace twinbox::sync {

// One mailbox as a server lists it, with the state that tells whether it changed.
struct ListedMailbox
{
    QByteArray wireName;     // as the server spells it
    QByteArray internalName; // see MailboxName
    std::optional<char> delimiter;
    QByteArrayList attributes;
    bool selectable = true; // not \Noselect / \NonExistent
    bool subscribed = false;
    std::optional<imap::StatusData> status;
};

// Step 1 of the algorithm (DESIGN.md): every mailbox of a server and its UIDVALIDITY,
// UIDNEXT and HIGHESTMODSEQ in one command, LIST-EXTENDED (RFC 5258) with LIST-STATUS
// (RFC 5819): `LIST (opts) reference (patterns) RETURN (SUBSCRIBED STATUS (...))`.
class MailboxLister
{
    Q_DECLARE_TR_FUNCTIONS(MailboxLister)

public:
    struct Request
    {
        QByteArrayList patterns = {"*"}; // list-mailbox, already in wire form
        QByteArray reference;            // list-reference
        QByteArrayList selectOptions;    // list-select-opts
        bool withStatus = true;
    };

    // Throws ImapError (a server without LIST-EXTENDED or LIST-STATUS is refused by name).
    static QCoro::Task<QList<ListedMailbox>> list(imap::ImapSession &session,
                                                  const Request &request);
    static imap::Command command(const Request &request);
};

} // namespace twinbox::sync
