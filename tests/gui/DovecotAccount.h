#pragma once

#include "DovecotServer.h"
#include "config/PairProfile.h"

namespace twinbox::test {

// A test server as one account of a pair: IMAPS on loopback, its self-signed key pinned.
inline config::AccountSide accountOf(const DovecotServer &server)
{
    config::AccountSide side;
    side.username = server.user();
    side.host = server.host();
    side.port = server.imapsPort();
    side.security = config::AccountSide::Security::Tls;
    side.pinnedKeys = {QStringLiteral("sha256$") + server.spkiSha256Hex()};
    return side;
}

} // namespace twinbox::test
