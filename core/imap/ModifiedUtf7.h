#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace twinbox::imap {

// Mailbox names on the wire are "modified UTF-7" (RFC 3501 §5.1.3): printable ASCII stands for
// itself except "&", which is written "&-"; everything else is UTF-16 in a modified base64
// ("," instead of "/") between "&" and "-".
class ModifiedUtf7
{
public:
    static QByteArray encode(const QString &name);
    // Strict: a name that a conforming server cannot have produced (a raw 8-bit or control
    // byte, an unterminated or needlessly encoded run, bad padding, a lone surrogate) is
    // rejected instead of being turned into something else.
    static std::optional<QString> decode(QByteArrayView wire);
};

} // namespace twinbox::imap
