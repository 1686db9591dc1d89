#include "SubscriptionSync.h"

namespace twinbox::sync {

using namespace imap;

SubscriptionSync::Plan SubscriptionSync::plan(std::optional<bool> stored, bool local, bool remote)
{
    Plan plan;
    if (local == remote) {
        plan.agreed = local;
        return plan;
    }
    if (!stored) { // not known yet: the union
        plan.agreed = true;
        plan.set[local ? 1 : 0] = true;
        return plan;
    }
    // The side that differs from the last agreed state is the one that changed.
    const bool localChanged = local != *stored;
    plan.agreed = localChanged ? local : remote;
    plan.set[localChanged ? 1 : 0] = plan.agreed;
    return plan;
}

QCoro::Task<void> SubscriptionSync::reconcile(const std::array<ImapSession *, 2> &sessionsIn,
                                              const std::array<QByteArray, 2> &wireNamesIn,
                                              const std::array<bool, 2> &subscribed,
                                              const std::optional<bool> &stored,
                                              state::StateStore &store, qint64 mailbox,
                                              const QString &displayIn, SyncEvents &events)
{
    // Copies before the first co_await.
    const std::array<ImapSession *, 2> sessions = sessionsIn;
    const std::array<QByteArray, 2> wireNames = wireNamesIn;
    const QString displayName = displayIn;
    const Plan decided = plan(stored, subscribed[0], subscribed[1]);
    for (std::size_t side = 0; side < 2; ++side) {
        if (!decided.set[side])
            continue;
        const bool subscribe = *decided.set[side];
        co_await sessions[side]->connection().executeOk(
            Command(subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE").astring(wireNames[side]), displayName);
        events.info(sessions[side]->name(), displayName,
                    subscribe ? tr("Subscribed") : tr("Unsubscribed"));
    }
    if (stored != decided.agreed)
        store.setSubscribed(mailbox, decided.agreed);
}

} // namespace twinbox::sync
