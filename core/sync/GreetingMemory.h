#pragma once

#include "imap/ConnectionSettings.h"
#include "state/StateStore.h"

#include <QByteArrayList>
#include <QString>

#include <optional>

namespace twinbox::imap {
class ImapSession;
}

namespace twinbox::sync {

// What each server announced before the login, kept in the state database from one run to
// the next: with it the next run sends its login together with the connection instead of a
// round trip later, after the greeting (ImapSession::open, issue #8). It applies only at the
// address it was seen at, and a run that sees something else replaces it.
class GreetingMemory
{
public:
    // Where a server is reached: what must be the same for the memory to apply.
    static QString address(const imap::ConnectionSettings &settings);
    // What the last run saw at the settings' address; nullopt when it saw nothing there.
    static std::optional<QByteArrayList> recall(const state::StateStore &store, state::Side side,
                                                const imap::ConnectionSettings &settings);
    // Keeps what `session` saw, writing only when it differs from what is kept (most runs
    // write nothing). A server that now pre-authenticates is forgotten; an early login that
    // made the capabilities moot keeps what it was based on.
    static void update(state::StateStore &store, state::Side side,
                       const imap::ConnectionSettings &settings, const imap::ImapSession &session);
};

} // namespace twinbox::sync
