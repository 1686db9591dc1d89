#pragma once

#include "MessageSummary.h"
#include "SyncEvents.h"
#include "UidMapping.h"
#include "imap/ImapSession.h"
#include "imap/Responses.h"
#include "state/StateDatabase.h"
#include "state/StateStore.h"
#include "state/Transaction.h"

#include <QCoreApplication>

#include <array>
#include <optional>

namespace twinbox::sync {

class SelectAhead;

// How big one APPEND batch may get: each batch is journalled and committed on its own, so
// these bound both the memory a server needs for a MULTIAPPEND and the work a crash redoes.
struct BatchLimits
{
    int messages = 100;
    qint64 bytes = 8 << 20;
};

// One server's side of the mailbox being synced.
struct SideView
{
    state::Side side = state::Side::Local;
    imap::ImapSession *session = nullptr;
    QByteArray wireName;
    std::uint32_t uidValidity = 0;
    // Every change with MODSEQ <= confirmed has been seen (and is being or was propagated).
    std::uint64_t confirmed = 0;
    // The highest HIGHESTMODSEQ the server reported in a tagged OK (UID EXPUNGE, UID STORE):
    // stored once a later check has shown every change up to it.
    std::uint64_t reportedModSeq = 0;
    // Messages with UID >= copyFrom that are not mapped are new: step 3 copies them.
    std::uint32_t copyFrom = 1;
    // Unmapped messages below copyFrom that step 3 copies too (--repair: those that lost
    // their pair and match nothing on the other side). Cleared once copied.
    imap::SequenceSet alsoCopy;
    // Every UID below it is accounted for: SELECT's UIDNEXT (the copy step lists what lies
    // above copyFrom), or what a listing of the UIDs showed mapped. Never APPENDUID nor a
    // check's FETCH alone: another client's message may sit below the UIDs they name
    // (a check does not report a message that entered the session's view during it).
    std::uint32_t uidNext = 1;
    // One past the highest UID this run's APPENDs got here (APPENDUID, RFC 4315 §3).
    std::uint32_t appendedUpTo = 0;

    // UIDVALIDITY and UIDNEXT as LIST-STATUS showed them before the SELECT (0: not shown).
    std::uint32_t listedUidValidity = 0;
    std::uint32_t listedUidNext = 0;
    QByteArrayList permanentFlags; // from SELECT; empty when the server did not say
    // The summaries of the messages from copyFrom on, answered behind the SELECT where
    // LIST-STATUS showed new mail (summarizeFrom): taken by the first listing of exactly those
    // UIDs, and dropped after the first pass, whose listings they stand for.
    std::optional<SummariesFrom> prefetched;

    QString name() const { return session->name(); }
    // Where step 3 starts on a side whose stored state is `stored`: its UIDNEXT, or 1.
    static std::uint32_t copyStart(const std::optional<state::SideState> &stored)
    {
        return stored && stored->uidNext > 0 ? stored->uidNext : 1;
    }
    // Summaries ahead of at most this many UIDs: where they are thrown away (a read-only
    // mailbox, a refused SELECT, a mailbox selected ahead and then again) a run loses no more
    // than that; a bigger copy does not miss the one exchange they save.
    static constexpr std::uint32_t maxSummarizedAhead = 1000;
    // The UID from which to summarize the messages behind the SELECT (QresyncSelect): where
    // step 3 starts, when LIST-STATUS showed mail from there on (maxSummarizedAhead at most).
    std::optional<std::uint32_t> summarizeFrom(const std::optional<state::SideState> &stored) const
    {
        const std::uint32_t from = copyStart(stored);
        return listedUidNext > from && listedUidNext - from <= maxSummarizedAhead
                   ? std::optional(from)
                   : std::nullopt;
    }
    // MessageSummary::fetch of `uids`, or the prefetched summaries when they are of exactly
    // these UIDs (taken: a later listing asks the server).
    QCoro::Task<QList<MessageSummary>> summaries(const imap::SequenceSet &uids,
                                                 const QString &displayName);
};

// Changes one server reported (SELECT, or a check after writing): the input of step 2.
struct ObservedChanges
{
    imap::SequenceSet vanished;
    QList<imap::FetchData> changed;  // UID, FLAGS, MODSEQ
    std::uint64_t highestModSeq = 0; // the largest MODSEQ among them
};

// Everything the steps of one mailbox share.
struct MailboxContext
{
    Q_DECLARE_TR_FUNCTIONS(MailboxContext)

public:
    qint64 id = 0;
    QByteArray internalName;
    QString displayName;
    std::array<SideView, 2> sides;
    UidMapping mapping;
    state::StateDatabase *database = nullptr;
    state::StateStore *store = nullptr;
    SyncEvents *events = nullptr;
    SyncTotals *totals = nullptr;
    BatchLimits batchLimits;
    // --repair: the mapping is checked against everything both servers hold (RepairPass),
    // not only against what they report as changed.
    bool repair = false;
    // The worker's SelectAhead: it selects the worker's next mailbox behind this one's last
    // check, and may hold this one's SELECT answers (PairSync::syncAll); nullptr: none.
    SelectAhead *ahead = nullptr;

    SideView &side(state::Side which) { return sides[std::size_t(which)]; }
    SideView &other(state::Side which) { return sides[which == state::Side::Local ? 1 : 0]; }
    static state::Side opposite(state::Side which)
    {
        return which == state::Side::Local ? state::Side::Remote : state::Side::Local;
    }
    // Commits, or throws StateError naming the database and the mailbox.
    void commit(state::Transaction &transaction) const;
};

} // namespace twinbox::sync
