#pragma once

#include "imap/ImapSession.h"
#include "imap/SequenceSet.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QHash>

namespace twinbox::sync {

// Step 2's writes on one selected mailbox (DESIGN.md): flag changes and expunges, batched
// and pipelined. Sequence sets are split so that no command line exceeds maxLineLength.
class ChangeWriter
{
    Q_DECLARE_TR_FUNCTIONS(ChangeWriter)

public:
    static constexpr qsizetype maxLineLength = 8000;

    struct StoreResult
    {
        // The UIDs the server did not change because they changed after `unchangedSince`
        // ([MODIFIED]): the caller re-reads them and tries again.
        imap::SequenceSet modified;
        std::uint64_t highestModSeq = 0; // from the tagged OKs, 0 when not reported
    };

    // One `UID STORE uids (UNCHANGEDSINCE m) FLAGS.SILENT (flags)` per distinct flag list
    // (RFC 7162 §3.1.3).
    static QCoro::Task<StoreResult>
    storeFlags(imap::ImapSession &session, const QHash<std::uint32_t, QByteArrayList> &flagsByUid,
               std::uint64_t unchangedSince, const QString &mailbox);

    // Expunges exactly these UIDs (RFC 4315 §2.1 UID EXPUNGE): other messages marked
    // \Deleted in the mailbox are left alone. The UID EXPUNGE waits for the answer to the
    // STORE of \Deleted it depends on (RFC 3501 §5.5). Returns the mailbox's HIGHESTMODSEQ when the
    // server reported it in the tagged OK (RFC 7162 §3.2.10), 0 otherwise.
    static QCoro::Task<std::uint64_t>
    expunge(imap::ImapSession &session, const imap::SequenceSet &uids, const QString &mailbox);
};

} // namespace twinbox::sync
