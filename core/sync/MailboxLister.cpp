#include "MailboxLister.h"

#include "MailboxName.h"

#include <algorithm>

namespace twinbox::sync {

using namespace imap;

Command MailboxLister::command(const Request &request)
{
    Command command("LIST"); // RFC 5258 §3
    if (!request.selectOptions.isEmpty()) {
        command.open();
        for (const QByteArray &option : request.selectOptions)
            command.atom(option);
        command.close();
    }
    command.string(request.reference).open();
    for (const QByteArray &pattern : request.patterns)
        command.string(pattern); // "*" and "%" stay wildcards inside a quoted string
    command.close().atom("RETURN").open().atom("SUBSCRIBED");
    if (request.withStatus) // RFC 5819 §2
        command.atom("STATUS")
            .open()
            .atom("UIDVALIDITY")
            .atom("UIDNEXT")
            .atom("HIGHESTMODSEQ")
            .close();
    return command.close();
}

QCoro::Task<QList<ListedMailbox>> MailboxLister::list(ImapSession &session,
                                                      const Request &requestIn)
{
    const Request request = requestIn; // copied before the first co_await
    const QString server = session.name();
    for (const QByteArray &needed : {QByteArray("LIST-EXTENDED"), QByteArray("LIST-STATUS")}) {
        if (needed == "LIST-STATUS" && !request.withStatus)
            continue;
        if (!session.capabilities().has(needed))
            throw ImapError(ImapError::Kind::Capability, server,
                            tr("the server does not support %1, which Twinbox needs")
                                .arg(QString::fromLatin1(needed)));
    }
    const Command listCommand = command(request);
    const auto reply = co_await session.executeOk(listCommand); // maybe sent with the login
    QList<ListedMailbox> mailboxes;
    for (const Response &response : reply.untagged) {
        if (const auto *list = std::get_if<ListData>(&response)) {
            ListedMailbox mailbox;
            mailbox.wireName = list->mailbox;
            mailbox.delimiter = list->delimiter;
            mailbox.attributes = list->attributes;
            for (const QByteArray &attribute : list->attributes) {
                const QByteArray lower = attribute.toLower();
                if (lower == "\\noselect" || lower == "\\nonexistent")
                    mailbox.selectable = false;
                if (lower == "\\subscribed")
                    mailbox.subscribed = true;
            }
            const auto internal =
                MailboxName::toInternal(list->mailbox, list->delimiter, request.reference);
            if (!internal)
                continue; // outside the reference: not ours (interimap ignores these too)
            mailbox.internalName = *internal;
            // Under NOTIFY (RFC 5465 §5.4) the server may slip in a LIST of its own news for
            // a mailbox the reply also lists, without the \Subscribed our RETURN asked for:
            // one entry per name, subscribed if either says so.
            auto same = std::find_if(mailboxes.begin(), mailboxes.end(),
                                     [&](const auto &m) { return m.wireName == mailbox.wireName; });
            if (same != mailboxes.end())
                same->subscribed = same->subscribed || mailbox.subscribed;
            else
                mailboxes.append(mailbox);
        } else if (const auto *status = std::get_if<StatusData>(&response)) {
            // A NOTIFY STATUS event may lack what the sync compares: only complete ones count.
            if (!status->uidValidity || !status->uidNext || !status->highestModSeq)
                continue;
            // RFC 5819: the STATUS of a listed mailbox follows its LIST reply.
            for (auto it = mailboxes.rbegin(); it != mailboxes.rend(); ++it) {
                if (it->wireName == status->mailbox) {
                    it->status = *status;
                    break;
                }
            }
        }
    }
    co_return mailboxes;
}

} // namespace twinbox::sync
