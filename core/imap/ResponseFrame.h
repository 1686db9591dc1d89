#pragma once

#include <QByteArray>
#include <QList>

namespace twinbox::imap {

// One complete server response as it came off the wire (RFC 3501 §7): its line segments and
// the literals between them. lines.size() == literals.size() + 1; segment i ends with the
// "{n}" announcing literal i, and the last segment ends the response (CRLF removed).
struct ResponseFrame
{
    struct Literal
    {
        QByteArray data;       // empty when streamed
        qint64 size = 0;       // as announced
        bool streamed = false; // delivered to a BodySink instead of being kept here
    };

    QList<QByteArray> lines;
    QList<Literal> literals;
};

// Receives message bodies (BODY[], BINARY[], RFC822) chunk by chunk as they arrive, so that a
// large message never has to sit whole in memory. `begin` gets the response as far as it
// has arrived, so the receiver can read the UID, FLAGS and INTERNALDATE that precede the body.
class BodySink
{
public:
    virtual ~BodySink() = default;
    virtual void bodyBegin(const ResponseFrame &partial, qint64 size) = 0;
    virtual void bodyData(QByteArrayView chunk) = 0;
    virtual void bodyEnd() = 0;
};

} // namespace twinbox::imap
