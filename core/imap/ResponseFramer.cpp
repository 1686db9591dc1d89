#include "ResponseFramer.h"

#include <QCoreApplication>

namespace twinbox::imap {

ResponseFramer::ResponseFramer(FramerLimits limits)
    : m_limits(limits)
{}

bool ResponseFramer::isIdle() const
{
    return m_state == State::Line && m_line.isEmpty() && m_frame.lines.isEmpty();
}

bool ResponseFramer::fail(ProtocolError::Kind kind, const QString &message, QByteArrayView excerpt)
{
    m_state = State::Failed;
    m_error = {kind, message, ProtocolError::quote(excerpt)};
    m_frame = {}; // nothing of a refused response is kept
    m_line.clear();
    return false;
}

bool ResponseFramer::feed(QByteArrayView data,
                          const std::function<void(ResponseFrame &&)> &onResponse,
                          qsizetype *consumed)
{
    const qsizetype total = data.size();
    m_stopRequested = false;
    while (!data.isEmpty() && !m_stopRequested) {
        switch (m_state) {
        case State::Failed:
            return false;
        case State::Line: {
            const qsizetype newline = data.indexOf('\n');
            const QByteArrayView part = newline < 0 ? data : data.first(newline + 1);
            if (m_line.size() + part.size() > m_limits.maxLineLength + 2)
                return fail(ProtocolError::Kind::LineTooLong,
                            tr("response line longer than %1 bytes").arg(m_limits.maxLineLength),
                            QByteArrayView(m_line).isEmpty() ? part : QByteArrayView(m_line));
            m_line += part;
            data = data.sliced(part.size());
            if (newline < 0)
                break;
            if (m_line.size() < 2 || m_line.at(m_line.size() - 2) != '\r')
                return fail(ProtocolError::Kind::BadLineEnd, tr("line ends without CRLF"), m_line);
            m_line.chop(2);
            const QByteArray line = std::exchange(m_line, {});
            if (!completeLine(line, onResponse))
                return false;
            break;
        }
        case State::Literal: {
            ResponseFrame::Literal &literal = m_frame.literals.last();
            const qsizetype take = qsizetype(std::min<qint64>(m_literalRemaining, data.size()));
            literal.data += data.first(take);
            data = data.sliced(take);
            m_literalRemaining -= take;
            if (m_literalRemaining == 0)
                m_state = State::Line;
            break;
        }
        case State::StreamedLiteral: {
            const qsizetype take = qsizetype(std::min<qint64>(m_literalRemaining, data.size()));
            m_sink->bodyData(data.first(take));
            data = data.sliced(take);
            m_literalRemaining -= take;
            if (m_literalRemaining == 0) {
                m_sink->bodyEnd();
                m_state = State::Line;
            }
            break;
        }
        }
    }
    if (consumed)
        *consumed = total - data.size();
    return m_state != State::Failed;
}

bool ResponseFramer::completeLine(QByteArrayView line,
                                  const std::function<void(ResponseFrame &&)> &onResponse)
{
    // Each segment costs memory beyond its bytes (a QByteArray, a Literal): counted too, so
    // that a response of many empty literals cannot grow far past the limit.
    constexpr qsizetype segmentOverhead = 64;
    m_frameSize += line.size() + segmentOverhead;
    if (m_frameSize > m_limits.maxResponseSize)
        return fail(ProtocolError::Kind::FrameTooLarge,
                    tr("response larger than %1 bytes").arg(m_limits.maxResponseSize), line);
    m_frame.lines.append(line.toByteArray());

    // A literal is announced by "{n}" (or "~{n}", RFC 3516 literal8) at the very end of a line.
    if (!line.endsWith('}')) {
        onResponse(std::exchange(m_frame, {}));
        m_frameSize = 0;
        return true;
    }
    const qsizetype open = line.lastIndexOf('{');
    const QByteArrayView digits =
        open < 0 ? QByteArrayView() : line.sliced(open + 1, line.size() - open - 2);
    bool allDigits = !digits.isEmpty();
    for (const char c : digits)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (!allDigits) {
        // Not a literal after all: text such as "* OK [ALERT] {braces}" ends the response.
        onResponse(std::exchange(m_frame, {}));
        m_frameSize = 0;
        return true;
    }
    if (digits.size() > 12)
        return fail(ProtocolError::Kind::LiteralTooLarge, tr("literal size out of range"), line);
    const qint64 size = digits.toLongLong();
    const QByteArrayView before = line.first(open > 0 && line[open - 1] == '~' ? open - 1 : open);
    const bool body = isBodyLiteral(before);
    const qint64 limit = body ? m_limits.maxBodySize : m_limits.maxLiteralSize;
    if (size > limit)
        return fail(ProtocolError::Kind::LiteralTooLarge,
                    tr("literal of %1 bytes exceeds the limit of %2").arg(size).arg(limit), line);

    ResponseFrame::Literal literal;
    literal.size = size;
    if (body && m_sink) {
        literal.streamed = true;
        m_frame.literals.append(literal);
        m_sink->bodyBegin(m_frame, size);
        m_literalRemaining = size;
        m_state = State::StreamedLiteral;
        if (size == 0) {
            m_sink->bodyEnd();
            m_state = State::Line;
        }
        return true;
    }
    m_frameSize += size;
    if (m_frameSize > m_limits.maxResponseSize)
        return fail(ProtocolError::Kind::FrameTooLarge,
                    tr("response larger than %1 bytes").arg(m_limits.maxResponseSize), line);
    literal.data.reserve(qsizetype(size));
    m_frame.literals.append(literal);
    m_literalRemaining = size;
    m_state = size > 0 ? State::Literal : State::Line;
    return true;
}

// A message body in a FETCH response (RFC 3501 §7.4.2, RFC 3516): "BODY[]", "BODY[TEXT]",
// "BODY[]<0>", "BINARY[]", "RFC822", "RFC822.TEXT" right before the literal. Header fetches
// ("BODY[HEADER.FIELDS (...)]") are small and stay bounded by maxLiteralSize.
bool ResponseFramer::isBodyLiteral(QByteArrayView before) const
{
    if (!m_frame.lines.constFirst().startsWith("* ") ||
        !m_frame.lines.constFirst().contains(" FETCH ("))
        return false;
    if (before.endsWith(' '))
        before.chop(1);
    if (before.endsWith('>')) { // partial fetch origin "<n>"
        const qsizetype lt = before.lastIndexOf('<');
        if (lt < 0)
            return false;
        before = before.first(lt);
    }
    for (const char *item : {"BODY[]", "BODY[TEXT]", "BINARY[]", "BINARY[TEXT]", " RFC822",
                             "(RFC822", "RFC822.TEXT"}) {
        if (before.endsWith(item))
            return true;
    }
    return false;
}

} // namespace twinbox::imap
