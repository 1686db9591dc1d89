#include "MailboxName.h"

#include "imap/ModifiedUtf7.h"

#include <QByteArrayList>
#include <QStringList>

namespace twinbox::sync {

namespace {

QByteArray canonicalInbox(const QByteArray &name)
{
    // Only the first component: "inbox/Sub" is INBOX's child on most servers (RFC 3501 §5.1).
    const qsizetype end = name.indexOf('\0');
    const QByteArray first = end < 0 ? name : name.left(end);
    if (first.compare("INBOX", Qt::CaseInsensitive) != 0)
        return name;
    return "INBOX" + name.mid(first.size());
}

} // namespace

std::optional<QByteArray> MailboxName::toInternal(const QByteArray &wire,
                                                  std::optional<char> delimiter,
                                                  const QByteArray &reference)
{
    if (!wire.startsWith(reference))
        return std::nullopt;
    QByteArray name = wire.mid(reference.size());
    if (name.isEmpty() || name.contains('\0'))
        return std::nullopt;
    if (delimiter)
        name.replace(*delimiter, '\0');
    return canonicalInbox(name);
}

std::optional<QByteArray> MailboxName::toWire(const QByteArray &internal,
                                              std::optional<char> delimiter,
                                              const QByteArray &reference)
{
    if (internal.isEmpty())
        return std::nullopt;
    QByteArray name = internal;
    if (delimiter) {
        if (name.contains(*delimiter))
            return std::nullopt; // "a.b" cannot be one component on a "." server
        name.replace('\0', *delimiter);
    } else if (name.contains('\0')) {
        return std::nullopt; // a flat server has no hierarchy
    }
    return reference + name;
}

QString MailboxName::unwritableReason(const QByteArray &internal, std::optional<char> delimiter)
{
    if (delimiter && internal.contains(*delimiter))
        return tr("the name holds \"%1\", which is this server's hierarchy delimiter, so the "
                  "mailbox cannot exist here under that name")
            .arg(QChar::fromLatin1(*delimiter));
    return tr("the name has hierarchy levels, which this server's flat namespace cannot hold");
}

QString MailboxName::display(const QByteArray &internal, QChar delimiter)
{
    QStringList parts;
    for (const QByteArray &component : internal.split('\0')) {
        const auto decoded = imap::ModifiedUtf7::decode(component);
        parts.append(decoded ? *decoded : QString::fromLatin1(component));
    }
    return parts.join(delimiter);
}

} // namespace twinbox::sync
