#pragma once

#include "MessageSummary.h"

#include <QList>

#include <utility>

namespace twinbox::sync {

// Finds the messages two mailboxes already have in common, so that a first sync of two
// accounts that both hold mail (the usual case when moving providers) pairs them instead of
// copying each to the other side (interimap §7.2 duplicates them all). A pair has the same
// Message-ID (non-empty), size and INTERNALDATE; equal messages on one side pair up in UID
// order. A pure function.
class MessageMatcher
{
public:
    using Pair = std::pair<MessageSummary, MessageSummary>; // local, remote
    static QList<Pair> match(const QList<MessageSummary> &local,
                             const QList<MessageSummary> &remote);
};

} // namespace twinbox::sync
