#pragma once

#include <QByteArray>
#include <QString>

namespace twinbox::sync {

// Reading single fields of a message header (RFC 5322) without parsing the message: what
// the engine needs to name a message (Message-ID, Subject, From, Date).
class HeaderFields
{
public:
    // The field's body, unfolded (RFC 5322 §2.2.3) and trimmed; empty when it is absent.
    static QByteArray field(const QByteArray &header, QByteArrayView name);
    // A field body as text: encoded words (RFC 2047 §4, "B" and "Q") decoded in their
    // charset, blanks between two encoded words dropped (§6.2), anything else as UTF-8.
    static QString decoded(const QByteArray &body);
};

} // namespace twinbox::sync
