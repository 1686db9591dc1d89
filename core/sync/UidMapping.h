#pragma once

#include "state/StateStore.h"

#include <QHash>

#include <optional>

namespace twinbox::sync {

// The UID pairs of one mailbox in memory, looked up from either side. The state database
// holds the truth; the engine changes both together (this copy after its transaction
// committed).
class UidMapping
{
public:
    void load(QList<state::MappedMessage> messages);

    // The pair that holds `uid` on `side`.
    const state::MappedMessage *find(state::Side side, std::uint32_t uid) const;
    bool contains(state::Side side, std::uint32_t uid) const { return find(side, uid); }
    void add(const state::MappedMessage &message);
    void remove(std::uint32_t localUid);
    // The flags and side bases of the pair `message` names (its UIDs unchanged).
    void setFlags(const state::MappedMessage &message);
    qsizetype size() const { return m_byLocal.size(); }
    // Every pair, for a range-for (QHash's iterators give the values), without a copy of
    // each: a mailbox's pass goes through them up to three times. Not to be held across a
    // change of the mapping.
    const QHash<std::uint32_t, state::MappedMessage> &all() const { return m_byLocal; }

    // The pair of a message copied from `source` (UID sourceUid) to the other side.
    static state::MappedMessage copyOf(state::Side source, std::uint32_t sourceUid,
                                       std::uint32_t targetUid,
                                       const std::optional<QByteArrayList> &flags)
    {
        return source == state::Side::Local ? state::MappedMessage{sourceUid, targetUid, flags, {}}
                                            : state::MappedMessage{targetUid, sourceUid, flags, {}};
    }
    static std::uint32_t uidOn(const state::MappedMessage &message, state::Side side)
    {
        return side == state::Side::Local ? message.localUid : message.remoteUid;
    }

private:
    QHash<std::uint32_t, state::MappedMessage> m_byLocal;
    QHash<std::uint32_t, std::uint32_t> m_localByRemote;
};

} // namespace twinbox::sync
