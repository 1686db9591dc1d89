#include "HeadlineFetch.h"

#include "HeaderFields.h"

namespace twinbox::sync {

using namespace imap;

state::MessageHeadline HeadlineFetch::fromHeader(const QByteArray &header)
{
    return {HeaderFields::decoded(HeaderFields::field(header, "Subject")),
            HeaderFields::decoded(HeaderFields::field(header, "From")),
            QString::fromUtf8(HeaderFields::field(header, "Date"))};
}

QCoro::Task<QHash<std::uint32_t, state::MessageHeadline>>
HeadlineFetch::fetch(ImapSession &session, const SequenceSet &uidsIn, const QString &displayIn)
{
    const SequenceSet uids = uidsIn; // copies before the first co_await
    const QString displayName = displayIn;
    QHash<std::uint32_t, state::MessageHeadline> headlines;
    for (const SequenceSet &part : uids.split(8000)) {
        const Command command = Command("UID FETCH")
                                    .atom(part.toByteArray())
                                    .open()
                                    .atom("UID")
                                    .atom("BODY.PEEK[HEADER.FIELDS (SUBJECT FROM DATE)]")
                                    .close();
        const auto reply = co_await session.connection().executeOk(command, displayName);
        for (const Response &response : reply.untagged) {
            const auto *fetch = std::get_if<FetchData>(&response);
            if (!fetch || !fetch->uid || !uids.contains(*fetch->uid))
                continue;
            for (const auto &section : fetch->sections) {
                if (section.section.startsWith("HEADER.FIELDS") && section.content)
                    headlines.insert(*fetch->uid, fromHeader(*section.content));
            }
        }
    }
    co_return headlines;
}

} // namespace twinbox::sync
