#include "ListMailboxPatterns.h"

namespace twinbox::config {

namespace {

// interimap's bare-token characters: printable ASCII except SP, '"', '(', ')', '\' and '{'.
bool isBareChar(char c)
{
    return c > 0x20 && c < 0x7f && c != '"' && c != '(' && c != ')' && c != '\\' && c != '{';
}

std::optional<char> escaped(char c)
{
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '0':
        return '\0';
    case 'a':
        return '\a';
    case 'b':
        return '\b';
    case 't':
        return '\t';
    case 'n':
        return '\n';
    case 'v':
        return '\v';
    case 'f':
        return '\f';
    case 'r':
        return '\r';
    default:
        return std::nullopt;
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<QByteArrayList> ListMailboxPatterns::parse(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() == 0 || c.unicode() >= 0x80 || c == u'\r' || c == u'\n')
            return std::nullopt; // ASCII 0x01-0x7F without CR/LF
    }
    const QByteArray text = value.toLatin1();
    QByteArrayList patterns;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == ' ') {
            ++i;
            continue;
        }
        QByteArray pattern;
        if (text.at(i) == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const char c = text.at(i++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c != '\\') {
                    pattern += c;
                    continue;
                }
                if (i >= text.size())
                    return std::nullopt;
                const char e = text.at(i++);
                if (e == 'x') {
                    if (i + 1 >= text.size() || hexValue(text.at(i)) < 0 ||
                        hexValue(text.at(i + 1)) < 0)
                        return std::nullopt;
                    pattern += char(hexValue(text.at(i)) * 16 + hexValue(text.at(i + 1)));
                    i += 2;
                } else if (const auto character = escaped(e)) {
                    pattern += *character;
                } else {
                    return std::nullopt;
                }
            }
            if (!closed || (i < text.size() && text.at(i) != ' '))
                return std::nullopt;
        } else {
            while (i < text.size() && text.at(i) != ' ') {
                if (!isBareChar(text.at(i)))
                    return std::nullopt;
                pattern += text.at(i++);
            }
        }
        if (pattern.isEmpty())
            return std::nullopt;
        patterns.append(pattern);
    }
    if (patterns.isEmpty())
        return std::nullopt;
    return patterns;
}

QByteArray ListMailboxPatterns::forServer(const QByteArray &pattern, std::optional<char> delimiter)
{
    QByteArray result = pattern;
    if (delimiter)
        result.replace('\0', *delimiter);
    return result;
}

} // namespace twinbox::config
