#pragma once

#include "MessageSummary.h"
#include "imap/ImapSession.h"
#include "imap/Responses.h"
#include "state/StateStore.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <optional>

namespace twinbox::sync {

// What SELECT with QRESYNC (RFC 7162 §3.2.5) tells about a mailbox since the last sync.
struct SelectedMailbox
{
    std::uint32_t uidValidity = 0;
    std::uint32_t uidNext = 0;
    std::uint64_t highestModSeq = 0;
    std::uint32_t exists = 0;
    bool readOnly = false;
    QByteArrayList permanentFlags;
    imap::SequenceSet vanished;     // expunged since the known HIGHESTMODSEQ
    QList<imap::FetchData> changed; // UID, FLAGS and MODSEQ of messages changed since then
    // The new messages' summaries, when select() was asked for them (`summarizeFrom`).
    std::optional<SummariesFrom> newMessages;
};

// Step 1's SELECT: with the stored state when UIDVALIDITY is known (so the server reports
// only what changed), plain CONDSTORE otherwise. Refuses, naming server and mailbox, what
// the algorithm cannot work with: a mailbox without mod-sequences (NOMODSEQ) or without
// persistent UIDs (UIDNOTSTICKY), and an EXPUNGE where QRESYNC promises VANISHED.
//
// With `summarizeFrom`, the summary FETCH of the messages from that UID on (MessageSummary)
// goes out right behind the SELECT, before its answer: where LIST-STATUS showed new mail,
// step 3's listing costs no exchange of its own. The server runs it once the SELECT is done
// (a SELECT changes the selected state, RFC 3501 §5.5), so it lists the mailbox selected, or
// none when the SELECT failed (§6.3.1). It is awaited in any case, and its answer kept only
// when the SELECT succeeded and passed the checks above; a refused summary just leaves step 3
// to ask itself.
class QresyncSelect
{
    Q_DECLARE_TR_FUNCTIONS(QresyncSelect)

public:
    static QCoro::Task<SelectedMailbox> select(imap::ImapSession &session,
                                               const QByteArray &wireName,
                                               const std::optional<state::SideState> &known,
                                               const QString &displayName,
                                               std::optional<std::uint32_t> summarizeFrom = {});
    static imap::Command command(const QByteArray &wireName,
                                 const std::optional<state::SideState> &known);
};

} // namespace twinbox::sync
