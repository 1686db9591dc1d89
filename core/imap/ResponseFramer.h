#pragma once

#include "ProtocolError.h"
#include "ResponseFrame.h"

#include <QCoreApplication>

#include <functional>

namespace twinbox::imap {

// What a server may send before the framer refuses it.
struct FramerLimits
{
    qsizetype maxLineLength = 4 * 1024 * 1024;    // one line segment
    qint64 maxLiteralSize = 1024 * 1024;          // a literal that is not a message body
    qint64 maxBodySize = qint64(1) << 30;         // a message body (streamed or not)
    qsizetype maxResponseSize = 16 * 1024 * 1024; // everything but streamed bodies
};

// Cuts the byte stream from a server into complete responses (RFC 3501 §2.2.2, §4.3): reads
// lines, and after a line ending in "{n}" counts n bytes of literal before reading on. It
// never allocates more than its limits allow, whatever a server announces: a line, a literal
// or a whole response past its limit is a ProtocolError, and the framer accepts no more
// input after one. Message bodies go to the BodySink, when one is set, as they arrive.
class ResponseFramer
{
    Q_DECLARE_TR_FUNCTIONS(ResponseFramer)

public:
    explicit ResponseFramer(FramerLimits limits = {});

    void setBodySink(BodySink *sink) { m_sink = sink; }

    // Consumes `data`, calling onResponse for each response it completes. Returns false
    // once the input is malformed; error() then says why. When onResponse calls
    // stopAfterThisResponse(), feed returns right after that response and *consumed says how
    // many bytes of `data` it used (the rest belongs to another layer, e.g. after COMPRESS).
    bool feed(QByteArrayView data, const std::function<void(ResponseFrame &&)> &onResponse,
              qsizetype *consumed = nullptr);
    void stopAfterThisResponse() { m_stopRequested = true; }

    const ProtocolError &error() const { return m_error; }
    // True between responses: nothing of a response is pending.
    bool isIdle() const;

private:
    enum class State { Line, Literal, StreamedLiteral, Failed };

    bool completeLine(QByteArrayView line, const std::function<void(ResponseFrame &&)> &onResponse);
    bool isBodyLiteral(QByteArrayView lineBeforeLiteral) const;
    bool fail(ProtocolError::Kind kind, const QString &message, QByteArrayView excerpt);

    FramerLimits m_limits;
    BodySink *m_sink = nullptr;
    State m_state = State::Line;
    QByteArray m_line;     // the line being read
    ResponseFrame m_frame; // the response being assembled
    qsizetype m_frameSize = 0;
    qint64 m_literalRemaining = 0;
    bool m_stopRequested = false;
    ProtocolError m_error;
};

} // namespace twinbox::imap
