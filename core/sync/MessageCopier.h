#pragma once

#include "imap/ImapSession.h"
#include "imap/SequenceSet.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>

#include <optional>

namespace twinbox::sync {

// Step 3's transfer (DESIGN.md): new messages stream from `UID FETCH` on one server into
// APPEND on the other, with their flags and INTERNALDATE, one MULTIAPPEND (RFC 3502) per
// batch when offered, one APPEND each otherwise; the new UIDs come from APPENDUID
// (RFC 4315). A body is written on as it arrives and is never held whole in memory; reading
// pauses while the target is slower than the source.
class MessageCopier
{
    Q_DECLARE_TR_FUNCTIONS(MessageCopier)

public:
    struct Copied
    {
        std::uint32_t sourceUid = 0;
        std::uint32_t targetUid = 0;
        std::uint32_t targetUidValidity = 0; // from APPENDUID
        QByteArrayList flags;
        QDateTime internalDate;
        qint64 size = 0;
    };
    struct Options
    {
        bool multiAppend = true; // used when the target offers MULTIAPPEND
        // Bytes waiting to be written to the target, plain and encrypted
        // (ImapConnection::bytesToWrite): what a big message adds to memory. With these,
        // one 100 MB message raises peak RSS by 3 MB (tests/bench).
        qint64 pauseAbove = 1 << 20;
        qint64 resumeBelow = 256 << 10;
    };

    // A message the target answered NO for (quota, size, a rule). `batchSize` > 1: it was
    // part of a MULTIAPPEND, which fails as a whole (RFC 3502 §6.3.11), so it may well be
    // fine on its own.
    struct Refusal
    {
        std::uint32_t sourceUid = 0;
        QString reason;
        qsizetype batchSize = 1;
    };

    // What was copied, with its new UIDs, even when something failed on the way: the caller
    // must record these mappings, or the next run would copy them again.
    struct Result
    {
        QList<Copied> copied;
        QList<Refusal> refused;
        std::optional<imap::ImapError> failure; // the first error, naming server and mailbox
    };

    // The source mailbox must be selected, the target mailbox must exist. Without LITERAL+
    // on the target each body waits for the server's continuation (the source's reading
    // pauses meanwhile, so memory stays bounded). An APPEND answered NO is in
    // Result::refused; every other failure is returned in Result::failure together with
    // what was copied before it.
    static QCoro::Task<Result> copy(imap::ImapSession &source, const imap::SequenceSet &uids,
                                    imap::ImapSession &target, const QByteArray &targetMailbox,
                                    const QString &displayName, const Options &options);
};

} // namespace twinbox::sync
