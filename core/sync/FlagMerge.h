#pragma once

#include <QByteArrayList>

#include <optional>

namespace twinbox::sync {

// What to do with one mapped message's flags after both servers reported their state: a
// pure function, so the rules can be tested as a table (isync's sync.c plan, in small).
//
// Flags compare case-insensitively (RFC 3501 §2.3.2) and \Recent is ignored (it is the
// server's, not the user's). With the target known (the flags both sides agreed on, or were
// being brought to when a run was cut short), each side's own change is what it added or
// removed since its base, leaving out what only brought it to the target (Twinbox's STORE,
// landed or not): the target plus both sides' changes is the result. A change on both sides
// is a conflict, settled the same way (a three-way merge: a flag removed on one side is not
// brought back by the other; only a flag outside the target can be added, only one inside
// it removed, so the two never contradict). Without a
// target (a database adopted from interimap): one side changed, the other follows; both
// changed differently, the union — never a loss.
struct FlagMerge
{
    // One side of the message.
    struct SideFlags
    {
        QByteArrayList now; // what it holds: as reported, or its base when it reported nothing
        std::optional<QByteArrayList> base; // what it held when the target was decided
        bool reported = false;              // it reported a change (counts without a target)
    };
    // What a side changed of its own accord.
    struct OwnChange
    {
        QByteArrayList added;
        QByteArrayList removed;
        bool isEmpty() const { return added.isEmpty() && removed.isEmpty(); }
    };

    QByteArrayList merged; // what both sides should hold; the spelling of the first seen
    bool updateLocal = false;
    bool updateRemote = false;
    bool conflict = false;

    static FlagMerge plan(const std::optional<QByteArrayList> &target, const SideFlags &local,
                          const SideFlags &remote);
    // A side without base holds the target, so nothing it holds is a change of its own.
    static OwnChange ownChange(const QByteArrayList &target, const SideFlags &side);

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
