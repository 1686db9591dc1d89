#pragma once

#include "MailboxContext.h"
#include "QresyncSelect.h"
#include "UidMapping.h"

#include <QCoroTask>

#include <array>
#include <exception>
#include <functional>
#include <optional>

namespace twinbox::sync {

// The next mailbox's SELECT, sent by a worker right behind the last check of the mailbox
// before, on the same two sessions: one round trip per mailbox and server less. Nothing the
// check answers depends on the SELECT nor the other way round, so no ambiguity forbids
// sending them together (RFC 3501 §5.5); a SELECT changes the selected state, which servers
// reach only once the commands before it are done, and QRESYNC's [CLOSED] (RFC 7162
// §3.2.11) marks where the new mailbox's data begins. Where LIST-STATUS showed new mail, the
// summary FETCH that depends on the SELECT goes right behind it (QresyncSelect).
//
// It is speculative: when the check shows that the mailbox before needs more work, that
// mailbox is selected again and these answers, summaries included, are discarded (the
// claimed mailbox then sends its own SELECT). A mailbox whose stored UIDVALIDITY needs re-matching
// first is claimed but not selected ahead.
class SelectAhead
{
public:
    // Takes the worker's next mailbox, its sessions set; nullptr when there is none.
    using Claim = std::function<MailboxContext *()>;
    explicit SelectAhead(Claim claim)
        : m_claim(std::move(claim))
    {}

    // Claims the next mailbox (unless one is claimed already) and sends its SELECTs. False
    // when none were sent.
    bool start();
    // The mailbox start() claimed, for the worker to run next (nullptr: none).
    MailboxContext *claimed() const { return m_claimed; }
    // Whether SELECTs of `context` are in flight or answered here, for these stored states
    // (the claim may be released already).
    bool holds(const MailboxContext &context,
               const std::array<std::optional<state::SideState>, 2> &known) const;
    // Reads the mapping of the mailbox whose SELECTs went out, to be called once they are on
    // the wire (after an EventLoopTurn): the client reads while the servers work, instead of
    // after their answers. What the read throws, answers() throws, once the SELECTs are
    // answered: the mailbox meets its own error, and no command is left running.
    void readMapping();
    struct Answers
    {
        std::array<SelectedMailbox, 2> selected;
        std::optional<UidMapping> mapping; // when readMapping() read it
    };
    // Their answers; the claim is over. Once both are in, it throws what the mapping's read
    // threw, or else what a SELECT threw.
    QCoro::Task<Answers> answers();
    // Awaits the SELECTs, whatever they answer, and forgets them: something else was selected
    // since. The claim stays.
    QCoro::Task<void> discard();
    // Forgets the claim once the worker took the claimed mailbox: the next start() claims
    // another. Its SELECTs stay for it (answers() or discard()).
    void release() { m_claimed = nullptr; }

private:
    Claim m_claim;
    MailboxContext *m_claimed = nullptr;
    const MailboxContext *m_selected = nullptr; // whose SELECTs m_local and m_remote are
    std::array<std::optional<state::SideState>, 2> m_known;
    std::optional<QCoro::Task<SelectedMailbox>> m_local;
    std::optional<QCoro::Task<SelectedMailbox>> m_remote;
    std::optional<UidMapping> m_mapping; // of m_selected
    std::exception_ptr m_mappingFailure; // its read's
};

} // namespace twinbox::sync
