#include "Command.h"

#include "Grammar.h"

#include <QTimeZone>

namespace twinbox::imap {

namespace {

constexpr qsizetype literalMinusLimit = 4096; // RFC 7888 §5

// RFC 3501 §4.3: a quoted string holds 7-bit text without CR, LF or NUL.
bool isQuotable(QByteArrayView value)
{
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0 || u >= 0x80 || c == '\r' || c == '\n')
            return false;
    }
    return true;
}

QByteArray quoted(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size() + 2);
    out += '"';
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

Command::Command(QByteArrayView name)
    : m_name(name.toByteArray())
{}

bool Command::isAtom(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (const char c : value) {
        if (!isAtomChar(c))
            return false;
    }
    return true;
}

Command &Command::add(QByteArray text, bool isLiteral)
{
    m_parts.append({std::move(text), isLiteral, !m_afterOpen});
    m_afterOpen = false;
    return *this;
}

Command &Command::atom(QByteArrayView atom)
{
    return add(atom.toByteArray());
}

Command &Command::number(quint64 value)
{
    return add(QByteArray::number(value));
}

Command &Command::astring(QByteArrayView value)
{
    if (isAtom(value))
        return add(value.toByteArray());
    return string(value);
}

Command &Command::string(QByteArrayView value)
{
    if (isQuotable(value))
        return add(quoted(value));
    return literal(value);
}

Command &Command::literal(QByteArrayView value)
{
    return add(value.toByteArray(), true);
}

Command &Command::dateTime(const QDateTime &value)
{
    return add(quoted(formatDateTime(value)));
}

Command &Command::open()
{
    add(QByteArrayLiteral("("));
    m_afterOpen = true;
    return *this;
}

Command &Command::close()
{
    m_parts.append({QByteArrayLiteral(")"), false, false});
    m_afterOpen = false;
    return *this;
}

Command &Command::flags(const QByteArrayList &flags)
{
    open();
    for (const QByteArray &flag : flags)
        atom(flag);
    return close();
}

Command &Command::sensitive()
{
    m_sensitive = true;
    return *this;
}

QList<Command::Chunk> Command::serialize(QByteArrayView tag, LiteralMode mode) const
{
    QList<Chunk> chunks;
    QByteArray current = tag.toByteArray() + ' ' + m_name;
    for (const Part &part : m_parts) {
        if (part.spaceBefore)
            current += ' ';
        if (!part.isLiteral) {
            current += part.text;
            continue;
        }
        const bool synchronizing =
            mode == LiteralMode::Synchronizing ||
            (mode == LiteralMode::LiteralMinus && part.text.size() > literalMinusLimit);
        current +=
            '{' + QByteArray::number(part.text.size()) + (synchronizing ? "}\r\n" : "+}\r\n");
        if (synchronizing) {
            chunks.append({std::exchange(current, {}), true});
        }
        current += part.text;
    }
    current += "\r\n";
    chunks.append({current, false});
    return chunks;
}

QByteArray Command::head(QByteArrayView tag) const
{
    QByteArray line = tag.toByteArray() + ' ' + m_name;
    for (const Part &part : m_parts) {
        Q_ASSERT(!part.isLiteral);
        if (part.spaceBefore)
            line += ' ';
        line += part.text;
    }
    return line;
}

QByteArray Command::logLine(QByteArrayView tag, bool revealSecrets) const
{
    QByteArray line = tag.toByteArray() + ' ' + m_name;
    if (m_sensitive && !revealSecrets)
        return line + " [REDACTED]";
    for (const Part &part : m_parts) {
        if (part.spaceBefore)
            line += ' ';
        line += part.isLiteral ? '{' + QByteArray::number(part.text.size()) + "}[...]" : part.text;
    }
    return line;
}

QByteArray Command::formatDateTime(const QDateTime &value)
{
    static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int offset = value.offsetFromUtc();
    const QDateTime local = value.toOffsetFromUtc(offset);
    const QDate date = local.date();
    const QTime time = local.time();
    const int zone = std::abs(offset) / 60;
    char text[32];
    std::snprintf(text, sizeof text, "%02d-%s-%04d %02d:%02d:%02d %c%02d%02d", date.day(),
                  months[date.month() - 1], date.year(), time.hour(), time.minute(), time.second(),
                  offset < 0 ? '-' : '+', zone / 60, zone % 60);
    return QByteArray(text);
}

} // namespace twinbox::imap
