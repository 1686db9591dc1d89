#pragma once

#include <QByteArray>
#include <QString>

namespace twinbox::imap {

// A server said something the client cannot accept. The connection that received it is
// ended; `excerpt` quotes the offending bytes (truncated, control bytes escaped) so that
// the one-line error a user sees can show what arrived.
struct ProtocolError
{
    enum class Kind {
        None,
        LineTooLong,
        LiteralTooLarge,
        FrameTooLarge,
        MalformedLiteral,
        BadLineEnd,
        Syntax,
        NestingTooDeep,
        NumberOverflow,
    };

    Kind kind = Kind::None;
    QString message;
    QByteArray excerpt;

    bool isError() const { return kind != Kind::None; }
    // "message near: «excerpt»"
    QString describe() const;

    // The printable form of at most `limit` bytes of `bytes`: control and 8-bit bytes become
    // \xHH, CR and LF \r and \n, and "..." marks a cut.
    static QByteArray quote(QByteArrayView bytes, qsizetype limit = 96);
};

} // namespace twinbox::imap
