#pragma once

#include <QString>

namespace twinbox {

// The two accounts of a pair, named as the configuration and the keychain name them.
enum class PairSide { Local, Remote };

inline QString sideKey(PairSide side)
{
    return side == PairSide::Local ? QStringLiteral("local") : QStringLiteral("remote");
}

} // namespace twinbox
