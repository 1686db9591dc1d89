#include "SelectAhead.h"

#include "BothSides.h"
#include "state/StateError.h"

#include <utility>

namespace twinbox::sync {

using state::Side;

bool SelectAhead::start()
{
    if (m_local)
        return false; // one mailbox ahead at most
    if (!m_claimed)
        m_claimed = m_claim();
    if (!m_claimed)
        return false;
    MailboxContext &next = *m_claimed;
    for (Side side : {Side::Local, Side::Remote}) {
        const SideView &view = next.side(side);
        std::optional<state::SideState> stored;
        try {
            stored = next.store->sideState(next.id, side);
        } catch (const state::StateError &) {
            return false; // the mailbox meets the error itself, in its own run
        }
        // MailboxSync re-matches the mailbox before its SELECT: it selects it itself.
        if (stored && view.listedUidValidity != 0 && stored->uidValidity != view.listedUidValidity)
            return false;
        m_known[std::size_t(side)] = stored;
    }
    m_selected = &next;
    m_mapping.reset();
    m_mappingFailure = nullptr;
    m_local = QresyncSelect::select(*next.sides[0].session, next.sides[0].wireName, m_known[0],
                                    next.displayName, next.sides[0].summarizeFrom(m_known[0]));
    m_remote = QresyncSelect::select(*next.sides[1].session, next.sides[1].wireName, m_known[1],
                                     next.displayName, next.sides[1].summarizeFrom(m_known[1]));
    return true;
}

void SelectAhead::readMapping()
{
    if (!m_selected || m_mapping || m_mappingFailure)
        return;
    try {
        UidMapping mapping;
        mapping.load(m_selected->store->mapping(m_selected->id));
        m_mapping = std::move(mapping);
    } catch (...) {
        m_mappingFailure = std::current_exception(); // the SELECTs are in flight
    }
}

bool SelectAhead::holds(const MailboxContext &context,
                        const std::array<std::optional<state::SideState>, 2> &known) const
{
    return m_local && m_selected == &context && known == m_known;
}

QCoro::Task<SelectAhead::Answers> SelectAhead::answers()
{
    QCoro::Task<SelectedMailbox> local = std::move(*m_local);
    QCoro::Task<SelectedMailbox> remote = std::move(*m_remote);
    Answers answers{{}, std::exchange(m_mapping, std::nullopt)};
    const std::exception_ptr mappingFailure = std::exchange(m_mappingFailure, nullptr);
    m_local.reset();
    m_remote.reset();
    m_selected = nullptr;
    // The database's error first, as everywhere: it stops the pair, a mailbox's does not.
    answers.selected = co_await awaitBothAfter(mappingFailure, local, remote);
    co_return answers;
}

QCoro::Task<void> SelectAhead::discard()
{
    if (!m_local)
        co_return;
    QCoro::Task<SelectedMailbox> local = std::move(*m_local);
    QCoro::Task<SelectedMailbox> remote = std::move(*m_remote);
    m_local.reset();
    m_remote.reset();
    m_selected = nullptr;
    m_mapping.reset();
    m_mappingFailure = nullptr;
    try {
        co_await awaitBoth(local, remote);
    } catch (...) {
        // The claimed mailbox selects itself again and meets the same error, if it lasts.
    }
}

} // namespace twinbox::sync
