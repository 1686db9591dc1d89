#include "GreetingMemory.h"

#include "imap/ImapSession.h"

#include <algorithm>

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

namespace {

bool sameCapabilities(QByteArrayList a, QByteArrayList b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

// What an early login may go by, of what is kept, at `where`.
std::optional<QByteArrayList> applicable(const std::optional<state::AnnouncedCapabilities> &kept,
                                         const QString &where)
{
    if (!kept || kept->address != where || kept->earlyRefused)
        return std::nullopt;
    return kept->capabilities;
}

} // namespace

std::optional<QByteArrayList> GreetingMemory::recall(const state::StateStore &store,
                                                     state::Side side,
                                                     const ConnectionSettings &settings)
{
    return applicable(store.announcedCapabilities(side), address(settings));
}

std::optional<QByteArrayList> GreetingMemory::update(state::StateStore &store, state::Side side,
                                                     const ConnectionSettings &settings,
                                                     const imap::ImapSession &session)
{
    const std::optional<QByteArrayList> &announced = session.announcedBeforeLogin();
    std::optional<state::AnnouncedCapabilities> kept = store.announcedCapabilities(side);
    const QString where = address(settings);
    if (announced) {
        const bool same =
            kept && kept->address == where && sameCapabilities(kept->capabilities, *announced);
        const bool refused = session.earlyLoginRefused() || (same && kept->earlyRefused);
        if (!same || kept->earlyRefused != refused) {
            kept = state::AnnouncedCapabilities{where, *announced, refused};
            store.setAnnouncedCapabilities(side, *kept);
        }
    } else if (kept && !session.loggedInEarly()) {
        store.forgetAnnouncedCapabilities(side);
        kept.reset();
    }
    return applicable(kept, where); // what is kept now, without reading it again
}

void GreetingMemory::refuse(state::StateStore &store, state::Side side)
{
    std::optional<state::AnnouncedCapabilities> kept = store.announcedCapabilities(side);
    if (!kept || kept->earlyRefused)
        return;
    kept->earlyRefused = true;
    store.setAnnouncedCapabilities(side, *kept);
}

} // namespace twinbox::sync
