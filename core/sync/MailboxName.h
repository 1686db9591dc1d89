#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace twinbox::sync {

// A mailbox's name as the state database and both servers agree on it (interimap's
// "internal name"): the wire form (modified UTF-7) without the side's list-reference, with
// that side's hierarchy delimiter replaced by NUL. "Archive/2026" on a "/" server and
// "Archive.2026" on a "." server are the same internal name, "Archive\0" "2026". INBOX is
// case-insensitive (RFC 3501 §5.1) and always spelled "INBOX".
class MailboxName
{
    Q_DECLARE_TR_FUNCTIONS(MailboxName)

public:
    // nullopt when the wire name does not start with the reference (interimap ignores such
    // names) or is empty without it.
    static std::optional<QByteArray> toInternal(const QByteArray &wire,
                                                std::optional<char> delimiter,
                                                const QByteArray &reference = {});
    // nullopt when a component holds the target's delimiter: it cannot be represented there.
    static std::optional<QByteArray> toWire(const QByteArray &internal,
                                            std::optional<char> delimiter,
                                            const QByteArray &reference = {});
    // Why toWire() gives nothing for this server, for people (an error line that names the
    // server and the mailbox).
    static QString unwritableReason(const QByteArray &internal, std::optional<char> delimiter);
    // For people: decoded from modified UTF-7, components joined by `delimiter`.
    static QString display(const QByteArray &internal, QChar delimiter = u'/');
};

} // namespace twinbox::sync
