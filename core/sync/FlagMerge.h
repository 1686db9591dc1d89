#pragma once

#include <QByteArrayList>

#include <optional>

namespace twinbox::sync {

// What to do with one mapped message's flags after both servers reported their state: a
// pure function, so the rules can be tested as a table (isync's sync.c plan, in small).
//
// Flags compare case-insensitively (RFC 3501 §2.3.2) and \Recent is ignored (it is the
// server's, not the user's). When only one side changed, the other follows. When both
// changed to the same flags, nothing is to be done (a change seen twice). When both changed
// differently, that is a conflict: with the last agreed flags known, each side's own
// additions and removals are kept (a three-way merge, so a flag removed on one side is not
// brought back by the other); without them, the union — never a loss.
struct FlagMerge
{
    QByteArrayList merged; // what both sides should hold; the spelling of the first seen
    bool updateLocal = false;
    bool updateRemote = false;
    bool conflict = false;

    static FlagMerge plan(const std::optional<QByteArrayList> &base, const QByteArrayList &local,
                          bool localChanged, const QByteArrayList &remote, bool remoteChanged);

    // What a side reported, plus the agreed keywords it cannot store (PERMANENTFLAGS without
    // "\*" and without them, RFC 3501 §7.1): a server that drops a keyword it does not keep
    // has not removed it, and the other side must not lose it.
    static QByteArrayList withUnstorable(const QByteArrayList &reported,
                                         const std::optional<QByteArrayList> &agreed,
                                         const QByteArrayList &permanentFlags);

    // The normalised form: without \Recent, duplicates removed case-insensitively, sorted.
    static QByteArrayList normalized(const QByteArrayList &flags);
    static bool same(const QByteArrayList &a, const QByteArrayList &b);
};

} // namespace twinbox::sync
