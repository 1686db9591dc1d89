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
    // What an early login may go by at the settings' address: what the last run saw there,
    // unless the server refused a login before its greeting since; nullopt otherwise.
    static std::optional<QByteArrayList> recall(const state::StateStore &store, state::Side side,
                                                const imap::ConnectionSettings &settings);
    // Keeps what `session` saw and returns what recall() now gives, writing only when that
    // changes (most runs write nothing; the order of the capabilities does not count). A
    // server that now pre-authenticates is forgotten; an early login that made asking for
    // the capabilities moot keeps what it was based on; a refused early login is remembered,
    // and no login goes early there until the server announces something else.
    static std::optional<QByteArrayList> update(state::StateStore &store, state::Side side,
                                                const imap::ConnectionSettings &settings,
                                                const imap::ImapSession &session);
    // The connection failed with an early login on its way (ConnectionSettings::
    // earlyLoginFailed): no login goes early there until the server announces something else,
    // so a server that drops such connections costs one failed run, not every other one.
    static void refuse(state::StateStore &store, state::Side side);
};

} // namespace twinbox::sync
