#include "ResponseTokenizer.h"

#include "Grammar.h"

namespace twinbox::imap {

ResponseTokenizer::ResponseTokenizer(const ResponseFrame &frame)
    : m_frame(frame)
{}

void ResponseTokenizer::fail(const QString &message) const
{
    failAt(ProtocolError::Kind::Syntax, message);
}

void ResponseTokenizer::failAt(ProtocolError::Kind kind, const QString &message) const
{
    // Quote the response from a little before the failure point, so the user sees where;
    // right after a literal, that is the end of the line before it.
    const qsizetype from = std::max<qsizetype>(0, m_pos - 24);
    QByteArray context;
    if (m_pos < 24 && m_segment > 0)
        context = m_frame.lines.at(m_segment - 1).right(24 - m_pos) + "[...]";
    context += QByteArrayView(line()).sliced(from);
    throw Failure{{kind, message, ProtocolError::quote(context)}};
}

bool ResponseTokenizer::atLineEnd() const
{
    return m_pos >= line().size();
}

bool ResponseTokenizer::atEnd() const
{
    return m_segment == m_frame.lines.size() - 1 && atLineEnd();
}

bool ResponseTokenizer::atStreamedLiteral() const
{
    return m_segment == m_frame.lines.size() - 1 && m_segment < m_frame.literals.size() &&
           m_frame.literals.at(m_segment).streamed && (peek() == '{' || peek() == '~');
}

char ResponseTokenizer::peek() const
{
    return atLineEnd() ? '\0' : line().at(m_pos);
}

bool ResponseTokenizer::tryChar(char c)
{
    if (peek() != c || c == '\0')
        return false;
    ++m_pos;
    return true;
}

void ResponseTokenizer::expect(char c)
{
    if (!tryChar(c))
        fail(c == ' ' ? tr("expected a space") : tr("expected “%1”").arg(QLatin1Char(c)));
}

bool ResponseTokenizer::tryKeyword(QByteArrayView keyword)
{
    const QByteArrayView rest = QByteArrayView(line()).sliced(m_pos);
    if (rest.size() < keyword.size() || qstrnicmp(rest.data(), keyword.data(), keyword.size()) != 0)
        return false;
    if (rest.size() > keyword.size() && isAtomChar(rest[keyword.size()]))
        return false;
    m_pos += keyword.size();
    return true;
}

QByteArray ResponseTokenizer::atom()
{
    const qsizetype start = m_pos;
    while (!atLineEnd() && isAtomChar(line().at(m_pos)))
        ++m_pos;
    if (m_pos == start)
        fail(tr("expected an atom"));
    return line().mid(start, m_pos - start);
}

QByteArray ResponseTokenizer::fetchItemName()
{
    const qsizetype start = m_pos;
    while (!atLineEnd() && isAtomChar(line().at(m_pos)) && line().at(m_pos) != '[')
        ++m_pos;
    if (m_pos == start)
        fail(tr("expected a FETCH item"));
    return line().mid(start, m_pos - start).toUpper();
}

QByteArray ResponseTokenizer::flag()
{
    if (tryChar('\\')) {
        if (tryChar('*'))
            return QByteArrayLiteral("\\*");
        return '\\' + atom();
    }
    return atom();
}

QByteArray ResponseTokenizer::tag()
{
    const qsizetype start = m_pos;
    while (!atLineEnd() && isAstringChar(line().at(m_pos)) && line().at(m_pos) != '+')
        ++m_pos;
    if (m_pos == start)
        fail(tr("expected a tag"));
    return line().mid(start, m_pos - start);
}

std::uint64_t ResponseTokenizer::number64()
{
    const qsizetype start = m_pos;
    std::uint64_t value = 0;
    while (!atLineEnd() && line().at(m_pos) >= '0' && line().at(m_pos) <= '9') {
        const auto digit = std::uint64_t(line().at(m_pos) - '0');
        if (value > (INT64_MAX - digit) / 10)
            failAt(ProtocolError::Kind::NumberOverflow, tr("number out of range"));
        value = value * 10 + digit;
        ++m_pos;
    }
    if (m_pos == start)
        fail(tr("expected a number"));
    return value;
}

std::uint32_t ResponseTokenizer::number()
{
    const std::uint64_t value = number64();
    if (value > UINT32_MAX)
        failAt(ProtocolError::Kind::NumberOverflow, tr("number out of range"));
    return std::uint32_t(value);
}

std::uint32_t ResponseTokenizer::nzNumber()
{
    const std::uint32_t value = number();
    if (value == 0)
        fail(tr("zero where a positive number is required"));
    return value;
}

std::optional<qint64> ResponseTokenizer::literalAnnouncement() const
{
    // A literal is "{n}" or "~{n}" and must end its line segment.
    QByteArrayView rest = QByteArrayView(line()).sliced(m_pos);
    if (rest.startsWith('~'))
        rest = rest.sliced(1);
    if (!rest.startsWith('{'))
        return std::nullopt;
    if (m_segment >= m_frame.literals.size() || !rest.endsWith('}'))
        fail(tr("malformed literal"));
    return m_frame.literals.at(m_segment).size;
}

const ResponseFrame::Literal &ResponseTokenizer::takeLiteral()
{
    const ResponseFrame::Literal &literal = m_frame.literals.at(m_segment);
    if (m_segment + 1 >= m_frame.lines.size())
        fail(tr("response ends inside a literal"));
    ++m_segment;
    m_pos = 0;
    return literal;
}

QByteArray ResponseTokenizer::quoted()
{
    expect('"');
    QByteArray value;
    for (;;) {
        if (atLineEnd())
            fail(tr("unterminated quoted string"));
        const char c = line().at(m_pos++);
        if (c == '"')
            return value;
        if (c == '\\') {
            const char escaped = peek();
            if (escaped != '"' && escaped != '\\')
                fail(tr("invalid escape in quoted string"));
            ++m_pos;
            value += escaped;
        } else if (c == '\0') {
            fail(tr("NUL byte in quoted string"));
        } else {
            value += c;
        }
    }
}

QByteArray ResponseTokenizer::string()
{
    if (peek() == '"')
        return quoted();
    if (literalAnnouncement()) {
        const ResponseFrame::Literal &literal = takeLiteral();
        if (literal.streamed)
            fail(tr("message body where a string was expected"));
        return literal.data;
    }
    fail(tr("expected a string"));
}

ResponseTokenizer::StringValue ResponseTokenizer::nstringValue()
{
    if (tryKeyword("NIL"))
        return {};
    if (peek() == '"') {
        QByteArray value = quoted();
        const qint64 size = value.size();
        return {std::move(value), false, size};
    }
    if (literalAnnouncement()) {
        const ResponseFrame::Literal &literal = takeLiteral();
        if (literal.streamed)
            return {std::nullopt, true, literal.size};
        return {literal.data, false, literal.size};
    }
    fail(tr("expected a string or NIL"));
}

std::optional<QByteArray> ResponseTokenizer::nstring()
{
    StringValue value = nstringValue();
    if (value.streamed)
        fail(tr("message body where a string was expected"));
    return value.data;
}

QByteArray ResponseTokenizer::astring()
{
    if (peek() == '"' || literalAnnouncement())
        return string();
    const qsizetype start = m_pos;
    while (!atLineEnd() && isAstringChar(line().at(m_pos)))
        ++m_pos;
    if (m_pos == start)
        fail(tr("expected a string"));
    return line().mid(start, m_pos - start);
}

QByteArray ResponseTokenizer::bracketed()
{
    expect('[');
    const qsizetype start = m_pos;
    bool inQuotes = false;
    for (; !atLineEnd(); ++m_pos) {
        const char c = line().at(m_pos);
        if (inQuotes && c == '\\') {
            ++m_pos;
        } else if (c == '"') {
            inQuotes = !inQuotes;
        } else if (c == ']' && !inQuotes) {
            const QByteArray inside = line().mid(start, m_pos - start);
            ++m_pos;
            return inside;
        }
    }
    fail(tr("missing “]”"));
}

QByteArray ResponseTokenizer::restOfLine()
{
    const QByteArray rest = line().mid(m_pos);
    m_pos = line().size();
    return rest;
}

QByteArray ResponseTokenizer::until(char stop)
{
    qsizetype end = line().indexOf(stop, m_pos);
    if (end < 0)
        end = line().size();
    const QByteArray text = line().mid(m_pos, end - m_pos);
    m_pos = end;
    return text;
}

void ResponseTokenizer::skipToEnd()
{
    m_segment = m_frame.lines.size() - 1;
    m_pos = line().size();
}

void ResponseTokenizer::parenthesized(const std::function<void()> &readItem)
{
    expect('(');
    for (bool first = true; !tryChar(')'); first = false) {
        if (!first)
            expectSpace();
        readItem();
    }
}

QByteArrayList ResponseTokenizer::atomList()
{
    QByteArrayList atoms;
    parenthesized([&] { atoms.append(atom()); });
    return atoms;
}

QByteArrayList ResponseTokenizer::flagList()
{
    QByteArrayList flags;
    parenthesized([&] { flags.append(flag()); });
    return flags;
}

void ResponseTokenizer::skipValue(int depth)
{
    if (depth > maxNesting)
        failAt(ProtocolError::Kind::NestingTooDeep, tr("lists nested too deeply"));
    const char c = peek();
    if (c == '(') {
        parenthesized([&] { skipValue(depth + 1); });
    } else if (c == '"' || c == '{' || c == '~') {
        nstringValue();
    } else if (c == '\\') {
        flag();
    } else {
        // atoms, numbers, NIL, and section specs such as BODY[HEADER] or <0>
        const qsizetype start = m_pos;
        while (!atLineEnd() && (isAstringChar(line().at(m_pos)) || line().at(m_pos) == '['))
            if (line().at(m_pos) == '[')
                bracketed();
            else
                ++m_pos;
        if (m_pos == start)
            fail(tr("unexpected character"));
    }
}

} // namespace twinbox::imap
