#include "MessageMatcher.h"

#include <QHash>

#include <algorithm>

namespace twinbox::sync {

namespace {

QByteArray keyOf(const MessageSummary &message)
{
    return message.messageId + '\n' + QByteArray::number(message.size) + '\n' +
           QByteArray::number(message.internalDate.toSecsSinceEpoch());
}

} // namespace

QList<MessageMatcher::Pair> MessageMatcher::match(const QList<MessageSummary> &local,
                                                  const QList<MessageSummary> &remote)
{
    QHash<QByteArray, QList<MessageSummary>> remoteByKey;
    QList<MessageSummary> remoteSorted = remote;
    std::sort(remoteSorted.begin(), remoteSorted.end(),
              [](const MessageSummary &a, const MessageSummary &b) { return a.uid < b.uid; });
    for (const MessageSummary &message : remoteSorted) {
        if (!message.messageId.isEmpty())
            remoteByKey[keyOf(message)].append(message);
    }
    QList<MessageSummary> localSorted = local;
    std::sort(localSorted.begin(), localSorted.end(),
              [](const MessageSummary &a, const MessageSummary &b) { return a.uid < b.uid; });
    QList<Pair> pairs;
    for (const MessageSummary &message : localSorted) {
        if (message.messageId.isEmpty())
            continue; // nothing to tell two different messages without one apart
        auto it = remoteByKey.find(keyOf(message));
        if (it == remoteByKey.end() || it->isEmpty())
            continue;
        pairs.append({message, it->takeFirst()});
    }
    return pairs;
}

} // namespace twinbox::sync
