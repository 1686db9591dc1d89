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

} // namespace

std::optional<QByteArrayList> GreetingMemory::recall(const state::StateStore &store,
                                                     state::Side side,
                                                     const ConnectionSettings &settings)
{
    const std::optional<state::AnnouncedCapabilities> kept = store.announcedCapabilities(side);
    if (!kept || kept->address != address(settings) || kept->earlyRefused)
        return std::nullopt;
    return kept->capabilities;
}

std::optional<QByteArrayList> GreetingMemory::update(state::StateStore &store, state::Side side,
                                                     const ConnectionSettings &settings,
                                                     const imap::ImapSession &session)
{
    const std::optional<QByteArrayList> &announced = session.announcedBeforeLogin();
    const std::optional<state::AnnouncedCapabilities> kept = store.announcedCapabilities(side);
    if (announced) {
        const QString where = address(settings);
        const bool same =
            kept && kept->address == where && sameCapabilities(kept->capabilities, *announced);
        const bool refused = session.earlyLoginRefused() || (same && kept->earlyRefused);
        if (!same || kept->earlyRefused != refused)
            store.setAnnouncedCapabilities(side, {where, *announced, refused});
    } else if (kept && !session.loggedInEarly()) {
        store.forgetAnnouncedCapabilities(side);
    }
    return recall(store, side, settings);
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
