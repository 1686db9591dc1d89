#include "MessageSummary.h"

#include "HeaderFields.h"

#include <algorithm>
#include <vector>

namespace twinbox::sync {

using namespace imap;

QByteArray MessageSummary::messageIdFromHeader(const QByteArray &header)
{
    return HeaderFields::field(header, "Message-ID");
}

QCoro::Task<QList<MessageSummary>>
MessageSummary::fetch(ImapSession &session, const SequenceSet &uidsIn, const QString &displayIn)
{
    const SequenceSet uids = uidsIn; // copies before the first co_await
    const QString displayName = displayIn;
    std::vector<QCoro::Task<ImapConnection::Result>> replies; // pipelined
    for (const SequenceSet &part : uids.split(8000)) {
        const Command command = Command("UID FETCH")
                                    .atom(part.toByteArray())
                                    .open()
                                    .atom("UID")
                                    .atom("RFC822.SIZE")
                                    .atom("INTERNALDATE")
                                    .atom("FLAGS")
                                    .atom("BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]")
                                    .close();
        replies.push_back(session.connection().executeOk(command, displayName));
    }
    QList<MessageSummary> summaries;
    for (auto &reply : replies) {
        const ImapConnection::Result result = co_await reply;
        for (const Response &response : result.untagged) {
            const auto *fetch = std::get_if<FetchData>(&response);
            if (!fetch || !fetch->uid || !uids.contains(*fetch->uid) || !fetch->size ||
                !fetch->internalDate)
                continue; // an unsolicited flag report, or a message outside the set
            MessageSummary summary;
            summary.uid = *fetch->uid;
            summary.size = qint64(*fetch->size);
            summary.internalDate = *fetch->internalDate;
            for (const QByteArray &flag : fetch->flags.value_or(QByteArrayList())) {
                if (flag.compare("\\Recent", Qt::CaseInsensitive) != 0)
                    summary.flags.append(flag);
            }
            for (const auto &section : fetch->sections) {
                if (section.section.startsWith("HEADER.FIELDS") && section.content)
                    summary.messageId = messageIdFromHeader(*section.content);
            }
            summaries.append(summary);
        }
    }
    std::sort(summaries.begin(), summaries.end(),
              [](const MessageSummary &a, const MessageSummary &b) { return a.uid < b.uid; });
    co_return summaries;
}

} // namespace twinbox::sync
