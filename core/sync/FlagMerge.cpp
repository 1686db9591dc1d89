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

FlagMerge FlagMerge::plan(const std::optional<QByteArrayList> &base, const QByteArrayList &local,
                          bool localChanged, const QByteArrayList &remote, bool remoteChanged)
{
    FlagMerge result;
    if (same(local, remote)) {
        result.merged = normalized(local);
        return result;
    }
    if (localChanged && !remoteChanged) {
        result.merged = normalized(local);
        result.updateRemote = true;
        return result;
    }
    if (remoteChanged && !localChanged) {
        result.merged = normalized(remote);
        result.updateLocal = true;
        return result;
    }
    // Both changed (or neither says so, yet they differ: treat it the same way, losing nothing).
    result.conflict = true;
    QByteArrayList merged;
    if (base) {
        // Keep the base minus what either side removed, plus what either side added.
        for (const QByteArray &flag : *base) {
            const bool removed = (!containsFlag(local, flag)) || (!containsFlag(remote, flag));
            if (!removed)
                merged.append(flag);
        }
        for (const QByteArrayList *side : {&local, &remote}) {
            for (const QByteArray &flag : *side) {
                if (!containsFlag(*base, flag))
                    merged.append(flag);
            }
        }
    } else {
        merged = local + remote;
    }
    result.merged = normalized(merged);
    result.updateLocal = !same(local, result.merged);
    result.updateRemote = !same(remote, result.merged);
    return result;
}

} // namespace twinbox::sync
