#pragma once

#include "imap/ImapSession.h"
#include "imap/SequenceSet.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>

namespace twinbox::sync {

// What identifies a message without its body: enough to journal an APPEND before it is
// sent and to recognise the copy on the target after a crash (Message-ID, size and
// INTERNALDATE together).
struct MessageSummary
{
    std::uint32_t uid = 0;
    qint64 size = 0;
    QDateTime internalDate;
    QByteArrayList flags; // without \Recent
    QByteArray messageId; // "<id@host>" as written, empty when the message has none

    bool sameMessage(const MessageSummary &other) const
    {
        return size == other.size && internalDate == other.internalDate &&
               messageId == other.messageId;
    }

    // `UID FETCH uids (UID RFC822.SIZE INTERNALDATE FLAGS BODY.PEEK[HEADER.FIELDS
    // (MESSAGE-ID)])` (RFC 3501 §6.4.8) on the selected mailbox; UIDs outside `uids` (what
    // "n:*" returns when n is above the highest UID) are dropped. Sorted by UID.
    static QCoro::Task<QList<MessageSummary>>
    fetch(imap::ImapSession &session, const imap::SequenceSet &uids, const QString &displayName);
    // The Message-ID field of a header block (unfolded, trimmed); empty when there is none.
    static QByteArray messageIdFromHeader(const QByteArray &header);
};

// The summaries of the messages from UID `from` on, fetched ahead of the step that lists them
// (QresyncSelect: right behind the SELECT).
struct SummariesFrom
{
    std::uint32_t from = 1;
    QList<MessageSummary> messages;
};

} // namespace twinbox::sync
