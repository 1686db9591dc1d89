#pragma once

#include "SyncEvents.h"
#include "imap/ImapSession.h"
#include "state/StateStore.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <array>
#include <optional>

namespace twinbox::sync {

// Subscriptions of a mailbox that exists on both sides, merged three-way with the database
// as the common ancestor (interimap §3.4): the side that differs from what was last agreed
// changed, and the other follows; when both agree, only the database follows. A mailbox the
// database does not know yet gets the union.
class SubscriptionSync
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionSync)

public:
    struct Plan
    {
        std::array<std::optional<bool>, 2> set; // local, remote: SUBSCRIBE (true) or UNSUBSCRIBE
        bool agreed = false;                    // what the database records afterwards
    };
    static Plan plan(std::optional<bool> stored, bool local, bool remote);

    // Carries out plan() with SUBSCRIBE / UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7), then records
    // the agreed state. `stored`: what the database had agreed, nullopt for a mailbox it did
    // not know. Throws ImapError or StateError.
    static QCoro::Task<void> reconcile(const std::array<imap::ImapSession *, 2> &sessions,
                                       const std::array<QByteArray, 2> &wireNames,
                                       const std::array<bool, 2> &subscribed,
                                       const std::optional<bool> &stored, state::StateStore &store,
                                       qint64 mailbox, const QString &displayName,
                                       SyncEvents &events);
};

} // namespace twinbox::sync
