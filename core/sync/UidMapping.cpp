#include "UidMapping.h"

namespace twinbox::sync {

void UidMapping::load(QList<state::MappedMessage> messages)
{
    // Sized once and moved in: a whole mailbox's pairs, read at every pass.
    m_byLocal.clear();
    m_localByRemote.clear();
    m_byLocal.reserve(messages.size());
    m_localByRemote.reserve(messages.size());
    for (auto &message : messages) {
        const std::uint32_t local = message.localUid;
        m_localByRemote.insert(message.remoteUid, local);
        m_byLocal.emplace(local, std::move(message));
    }
}

const state::MappedMessage *UidMapping::find(state::Side side, std::uint32_t uid) const
{
    std::uint32_t local = uid;
    if (side == state::Side::Remote) {
        const auto it = m_localByRemote.constFind(uid);
        if (it == m_localByRemote.constEnd())
            return nullptr;
        local = it.value();
    }
    const auto it = m_byLocal.constFind(local);
    return it == m_byLocal.constEnd() ? nullptr : &it.value();
}

void UidMapping::add(const state::MappedMessage &message)
{
    m_byLocal.insert(message.localUid, message);
    m_localByRemote.insert(message.remoteUid, message.localUid);
}

void UidMapping::remove(std::uint32_t localUid)
{
    const auto it = m_byLocal.constFind(localUid);
    if (it == m_byLocal.constEnd())
        return;
    m_localByRemote.remove(it->remoteUid);
    m_byLocal.erase(it);
}

void UidMapping::setFlags(const state::MappedMessage &message)
{
    const auto it = m_byLocal.find(message.localUid);
    if (it != m_byLocal.end()) {
        it->flags = message.flags;
        it->base = message.base;
    }
}

} // namespace twinbox::sync
