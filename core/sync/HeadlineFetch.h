#pragma once

#include "imap/ImapSession.h"
#include "imap/SequenceSet.h"
#include "state/StateStore.h"

#include <QCoroTask>
#include <QHash>

namespace twinbox::sync {

// Subject, sender and date of a few messages of the selected mailbox, so that an issue
// names the message as a person knows it: `UID FETCH uids (UID BODY.PEEK[HEADER.FIELDS
// (SUBJECT FROM DATE)])` (RFC 3501 §6.4.8). Only for the rare messages of a conflict.
class HeadlineFetch
{
public:
    static QCoro::Task<QHash<std::uint32_t, state::MessageHeadline>>
    fetch(imap::ImapSession &session, const imap::SequenceSet &uids, const QString &displayName);
    static state::MessageHeadline fromHeader(const QByteArray &header);
};

} // namespace twinbox::sync
