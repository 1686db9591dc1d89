#include "GreetingMemory.h"

#include "imap/ImapSession.h"

namespace twinbox::sync {

using imap::ConnectionSettings;

QString GreetingMemory::address(const ConnectionSettings &settings)
{
    switch (settings.type) {
    case ConnectionSettings::Type::Tunnel:
        return QStringLiteral("tunnel:") + settings.command;
    case ConnectionSettings::Type::Imap:
        return QStringLiteral("imap://%1:%2").arg(settings.host).arg(settings.effectivePort());
    case ConnectionSettings::Type::Imaps:
        break;
    }
    return QStringLiteral("imaps://%1:%2").arg(settings.host).arg(settings.effectivePort());
}

std::optional<QByteArrayList> GreetingMemory::recall(const state::StateStore &store,
                                                     state::Side side,
                                                     const ConnectionSettings &settings)
{
    const std::optional<state::AnnouncedCapabilities> kept = store.announcedCapabilities(side);
    if (!kept || kept->address != address(settings))
        return std::nullopt;
    return kept->capabilities;
}

void GreetingMemory::update(state::StateStore &store, state::Side side,
                            const ConnectionSettings &settings, const imap::ImapSession &session)
{
    const std::optional<QByteArrayList> &announced = session.announcedBeforeLogin();
    const std::optional<state::AnnouncedCapabilities> kept = store.announcedCapabilities(side);
    if (announced) {
        const state::AnnouncedCapabilities seen{address(settings), *announced};
        if (kept != seen)
            store.setAnnouncedCapabilities(side, seen);
    } else if (kept && !session.loggedInEarly()) {
        store.forgetAnnouncedCapabilities(side);
    }
}

} // namespace twinbox::sync
