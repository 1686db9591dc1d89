#include "ChangeWriter.h"

#include "FlagMerge.h"

#include <QMap>

#include <vector>

namespace twinbox::sync {

using namespace imap;

QCoro::Task<ChangeWriter::StoreResult>
ChangeWriter::storeFlags(ImapSession &session,
                         const QHash<std::uint32_t, QByteArrayList> &flagsByUidIn,
                         std::uint64_t unchangedSince, const QString &mailboxIn)
{
    const QHash<std::uint32_t, QByteArrayList> flagsByUid = flagsByUidIn; // copies before co_await
    const QString mailbox = mailboxIn;
    // Group the UIDs by the flag list they get: one command per distinct list.
    QMap<QByteArray, std::pair<QByteArrayList, QList<std::uint32_t>>> groups;
    for (auto it = flagsByUid.begin(); it != flagsByUid.end(); ++it) {
        const QByteArrayList flags = FlagMerge::normalized(it.value());
        auto &group = groups[flags.join(' ').toLower()];
        group.first = flags;
        group.second.append(it.key());
    }
    std::vector<QCoro::Task<ImapConnection::Result>> replies; // pipelined
    for (const auto &[flags, uids] : groups) {
        for (const SequenceSet &part : SequenceSet::fromList(uids).split(maxLineLength)) {
            const Command command = Command("UID STORE")
                                        .atom(part.toByteArray())
                                        .open()
                                        .atom("UNCHANGEDSINCE")
                                        .number(unchangedSince)
                                        .close()
                                        .atom("FLAGS.SILENT")
                                        .flags(flags);
            replies.push_back(session.connection().execute(command));
        }
    }
    StoreResult stored;
    for (auto &reply : replies) {
        const ImapConnection::Result result = co_await reply;
        if (result.status.code && result.status.code->kind == ResponseCode::Kind::Modified)
            stored.modified.add(result.status.code->uids);
        else if (result.ok() && result.status.code &&
                 result.status.code->kind == ResponseCode::Kind::HighestModSeq)
            stored.highestModSeq = std::max(stored.highestModSeq, result.status.code->number);
        else if (!result.ok())
            throw ImapError(ImapError::Kind::Refused, session.name(),
                            tr("UID STORE refused: %1").arg(QString::fromUtf8(result.status.text)),
                            mailbox);
    }
    co_return stored;
}

QCoro::Task<std::uint64_t> ChangeWriter::expunge(ImapSession &session, const SequenceSet &uidsIn,
                                                 const QString &mailboxIn)
{
    const SequenceSet uids = uidsIn;
    const QString mailbox = mailboxIn;
    if (!session.capabilities().has("UIDPLUS"))
        throw ImapError(ImapError::Kind::Capability, session.name(),
                        tr("the server does not support UIDPLUS, which Twinbox needs"), mailbox);
    // UID EXPUNGE removes what is \Deleted (RFC 4315 §2.1): it depends on the STORE before
    // it, and RFC 3501 §5.5 forbids pipelining commands whose results depend on each other
    // (a server may run them side by side; Dovecot does so with UID FETCH and UID STORE).
    // The STOREs go together, then the UID EXPUNGEs, once every STORE is answered.
    const QList<SequenceSet> parts = uids.split(maxLineLength);
    std::vector<QCoro::Task<ImapConnection::Result>> marks;
    for (const SequenceSet &part : parts)
        marks.push_back(session.connection().executeOk(Command("UID STORE")
                                                           .atom(part.toByteArray())
                                                           .atom("+FLAGS.SILENT")
                                                           .flags({"\\Deleted"}),
                                                       mailbox));
    for (auto &mark : marks)
        co_await mark;
    std::vector<QCoro::Task<ImapConnection::Result>> removals;
    for (const SequenceSet &part : parts)
        removals.push_back(session.connection().executeOk(
            Command("UID EXPUNGE").atom(part.toByteArray()), mailbox));
    std::uint64_t highestModSeq = 0;
    for (auto &removal : removals) {
        const ImapConnection::Result result = co_await removal;
        if (result.status.code && result.status.code->kind == ResponseCode::Kind::HighestModSeq)
            highestModSeq = std::max(highestModSeq, result.status.code->number);
    }
    co_return highestModSeq;
}

} // namespace twinbox::sync
