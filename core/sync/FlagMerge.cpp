#include "FlagMerge.h"

#include <algorithm>

namespace twinbox::sync {

namespace {

bool containsFlag(const QByteArrayList &flags, const QByteArray &flag)
{
    return std::any_of(flags.begin(), flags.end(), [&](const QByteArray &f) {
        return f.compare(flag, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

QByteArrayList FlagMerge::withUnstorable(const QByteArrayList &reported,
                                         const std::optional<QByteArrayList> &agreed,
                                         const QByteArrayList &permanentFlags)
{
    // An empty list: the server did not say, so it is taken to keep everything.
    if (!agreed || permanentFlags.isEmpty() || containsFlag(permanentFlags, "\\*"))
        return reported;
    QByteArrayList result = reported;
    for (const QByteArray &flag : *agreed) {
        const bool keyword = !flag.startsWith('\\');
        if (keyword && !containsFlag(permanentFlags, flag) && !containsFlag(result, flag))
            result.append(flag);
    }
    return normalized(result);
}

QByteArrayList FlagMerge::normalized(const QByteArrayList &flags)
{
    QByteArrayList result;
    for (const QByteArray &flag : flags) {
        if (flag.compare("\\Recent", Qt::CaseInsensitive) != 0 && !containsFlag(result, flag))
            result.append(flag);
    }
    std::sort(result.begin(), result.end(), [](const QByteArray &a, const QByteArray &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return result;
}

bool FlagMerge::same(const QByteArrayList &a, const QByteArrayList &b)
{
    const QByteArrayList x = normalized(a);
    const QByteArrayList y = normalized(b);
    return x.size() == y.size() &&
           std::equal(x.begin(), x.end(), y.begin(), [](const QByteArray &p, const QByteArray &q) {
               return p.compare(q, Qt::CaseInsensitive) == 0;
           });
}

FlagMerge::OwnChange FlagMerge::ownChange(const QByteArrayList &target, const SideFlags &side)
{
    const QByteArrayList &base = side.base ? *side.base : target;
    OwnChange change;
    for (const QByteArray &flag : normalized(side.now)) {
        if (!containsFlag(base, flag) && !containsFlag(target, flag))
            change.added.append(flag);
    }
    for (const QByteArray &flag : normalized(base)) {
        if (!containsFlag(side.now, flag) && containsFlag(target, flag))
            change.removed.append(flag);
    }
    return change;
}

FlagMerge FlagMerge::plan(const std::optional<QByteArrayList> &target, const SideFlags &local,
                          const SideFlags &remote)
{
    FlagMerge result;
    if (same(local.now, remote.now)) {
        result.merged = normalized(local.now);
        return result;
    }
    QByteArrayList merged;
    if (target) {
        const OwnChange changes[] = {ownChange(*target, local), ownChange(*target, remote)};
        for (const QByteArray &flag : *target) {
            const bool removed =
                containsFlag(changes[0].removed, flag) || containsFlag(changes[1].removed, flag);
            if (!removed)
                merged.append(flag);
        }
        merged += changes[0].added + changes[1].added;
        result.conflict = !changes[0].isEmpty() && !changes[1].isEmpty();
    } else if (local.reported && !remote.reported) {
        merged = local.now;
    } else if (remote.reported && !local.reported) {
        merged = remote.now;
    } else {
        // Both changed (or neither says so, yet they differ): the union, losing nothing.
        merged = local.now + remote.now;
        result.conflict = true;
    }
    result.merged = normalized(merged);
    result.updateLocal = !same(local.now, result.merged);
    result.updateRemote = !same(remote.now, result.merged);
    return result;
}

} // namespace twinbox::sync
