#include "QresyncSelect.h"

#include <exception>
#include <limits>

namespace twinbox::sync {

using namespace imap;

Command QresyncSelect::command(const QByteArray &wireName,
                               const std::optional<state::SideState> &known)
{
    Command command("SELECT"); // RFC 3501 §6.3.1
    command.astring(wireName);
    if (known && known->uidValidity != 0 && known->highestModSeq != 0) {
        // RFC 7162 §3.2.5.1: (QRESYNC (uidvalidity modseq)); the server answers with VANISHED
        // (EARLIER) and FETCH for what changed after modseq.
        command.open()
            .atom("QRESYNC")
            .open()
            .number(known->uidValidity)
            .number(known->highestModSeq)
            .close()
            .close();
    } else {
        command.open().atom("CONDSTORE").close(); // RFC 7162 §3.1.8
    }
    return command;
}

QCoro::Task<SelectedMailbox> QresyncSelect::select(ImapSession &session,
                                                   const QByteArray &wireNameIn,
                                                   const std::optional<state::SideState> &knownIn,
                                                   const QString &displayNameIn,
                                                   std::optional<std::uint32_t> summarizeFrom)
{
    // Copies before the first co_await.
    const QByteArray wireName = wireNameIn;
    const std::optional<state::SideState> known = knownIn;
    const QString displayName = displayNameIn;
    const QString server = session.name();
    auto refuse = [&](const QString &why) {
        return ImapError(ImapError::Kind::Protocol, server, why, displayName);
    };

    const Command selectCommand = command(wireName, known);
    auto selecting = session.select(selectCommand, displayName);
    // Both are awaited, whatever the SELECT answered: the FETCH is in flight already. A
    // SELECT that failed (or was never sent: QRESYNC refused) leaves the summaries unused:
    // they may list another mailbox. The SELECT's own error is the one reported.
    std::optional<QCoro::Task<QList<MessageSummary>>> summarizing;
    if (summarizeFrom && !session.enableFailure())
        summarizing = MessageSummary::fetch(
            session,
            SequenceSet::fromRange(*summarizeFrom, std::numeric_limits<std::uint32_t>::max()),
            displayName);
    std::exception_ptr failure;
    std::optional<ImapConnection::Result> reply;
    try {
        reply = co_await selecting;
    } catch (...) {
        failure = std::current_exception();
    }
    std::optional<SummariesFrom> summaries;
    std::exception_ptr summaryFailure;
    if (summarizing) {
        try {
            QList<MessageSummary> listed = co_await *summarizing;
            summaries = SummariesFrom{*summarizeFrom, std::move(listed)};
        } catch (...) {
            summaryFailure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);
    SelectedMailbox selected;
    selected.readOnly =
        reply->status.code && reply->status.code->kind == ResponseCode::Kind::ReadOnly;
    bool uidNextSeen = false;
    for (const Response &response : reply->untagged) {
        if (const auto *status = std::get_if<StatusResponse>(&response); status && status->code) {
            const ResponseCode &code = *status->code;
            switch (code.kind) {
            case ResponseCode::Kind::UidValidity:
                selected.uidValidity = std::uint32_t(code.number);
                break;
            case ResponseCode::Kind::UidNext:
                selected.uidNext = std::uint32_t(code.number);
                uidNextSeen = true;
                break;
            case ResponseCode::Kind::HighestModSeq:
                selected.highestModSeq = code.number;
                break;
            case ResponseCode::Kind::PermanentFlags:
                selected.permanentFlags = code.atoms;
                break;
            case ResponseCode::Kind::Closed:
                // RFC 7162 §3.2.11: what came before [CLOSED] belongs to the mailbox that
                // was selected before; none of it is about this one.
                selected = SelectedMailbox();
                uidNextSeen = false;
                break;
            case ResponseCode::Kind::NoModSeq:
                throw refuse(tr("the mailbox does not support mod-sequences (NOMODSEQ), which "
                                "two-way sync needs"));
            case ResponseCode::Kind::UidNotSticky:
                throw refuse(tr("the mailbox has no persistent UIDs (UIDNOTSTICKY)"));
            default:
                break;
            }
        } else if (const auto *exists = std::get_if<ExistsData>(&response)) {
            selected.exists = exists->count;
        } else if (const auto *vanished = std::get_if<VanishedData>(&response)) {
            selected.vanished.add(vanished->uids);
        } else if (const auto *fetch = std::get_if<FetchData>(&response)) {
            if (fetch->uid)
                selected.changed.append(*fetch);
        } else if (std::holds_alternative<ExpungeData>(response)) {
            throw refuse(
                tr("the server sent EXPUNGE instead of VANISHED although QRESYNC is enabled "
                   "(RFC 7162 violation)"));
        }
    }
    if (selected.uidValidity == 0 || !uidNextSeen)
        throw refuse(tr("the server did not report UIDVALIDITY and UIDNEXT on SELECT"));
    // A new UIDVALIDITY makes the server ignore the QRESYNC parameter: "nothing changed"
    // would be a lie. The caller re-matches the mailbox instead.
    if (known && known->uidValidity != 0 && known->uidValidity != selected.uidValidity)
        throw ImapError(ImapError::Kind::Protocol, server,
                        tr("UIDVALIDITY changed from %1 to %2")
                            .arg(known->uidValidity)
                            .arg(selected.uidValidity),
                        displayName);
    // A summary the server refused is not this mailbox's failure yet: step 3 asks again
    // itself, and meets the error if it lasts. A connection that failed meanwhile is.
    if (summaryFailure && !session.connection().isOpen())
        std::rethrow_exception(summaryFailure);
    selected.newMessages = std::move(summaries);
    co_return selected;
}

} // namespace twinbox::sync
