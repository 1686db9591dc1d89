#include "ModifiedUtf7.h"

namespace twinbox::imap {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == ',')
        return 63;
    return -1;
}

bool printable(char16_t c)
{
    return c >= 0x20 && c <= 0x7e;
}

void flushBase64(QByteArray &out, const QString &name, qsizetype from, qsizetype to)
{
    out += '&';
    std::uint32_t bits = 0;
    int bitCount = 0;
    for (qsizetype i = from; i < to; ++i) {
        bits = (bits << 16) | name.at(i).unicode();
        bitCount += 16;
        while (bitCount >= 6) {
            bitCount -= 6;
            out += alphabet[(bits >> bitCount) & 0x3f];
        }
    }
    if (bitCount > 0)
        out += alphabet[(bits << (6 - bitCount)) & 0x3f];
    out += '-';
}

} // namespace

QByteArray ModifiedUtf7::encode(const QString &name)
{
    QByteArray out;
    out.reserve(name.size());
    qsizetype i = 0;
    while (i < name.size()) {
        const char16_t c = name.at(i).unicode();
        if (c == u'&') {
            out += "&-";
            ++i;
        } else if (printable(c)) {
            out += char(c);
            ++i;
        } else {
            qsizetype end = i;
            while (end < name.size() && !printable(name.at(end).unicode()))
                ++end;
            flushBase64(out, name, i, end);
            i = end;
        }
    }
    return out;
}

std::optional<QString> ModifiedUtf7::decode(QByteArrayView wire)
{
    QString out;
    qsizetype i = 0;
    while (i < wire.size()) {
        const char c = wire[i];
        if (!printable(char16_t(static_cast<unsigned char>(c))))
            return std::nullopt;
        if (c != '&') {
            out += QLatin1Char(c);
            ++i;
            continue;
        }
        const qsizetype end = wire.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) { // "&-"
            out += u'&';
            i = end + 1;
            continue;
        }
        std::uint32_t bits = 0;
        int bitCount = 0;
        QString run;
        for (qsizetype k = i + 1; k < end; ++k) {
            const int value = sextet(wire[k]);
            if (value < 0)
                return std::nullopt;
            bits = (bits << 6) | std::uint32_t(value);
            bitCount += 6;
            if (bitCount >= 16) {
                bitCount -= 16;
                run += QChar(char16_t((bits >> bitCount) & 0xffff));
            }
        }
        // Leftover bits are padding: fewer than 6 of them, and all zero.
        if (bitCount >= 6 || (bits & ((1u << bitCount) - 1)) != 0 || run.isEmpty())
            return std::nullopt;
        for (qsizetype k = 0; k < run.size(); ++k) {
            const QChar ch = run.at(k);
            // Printable ASCII must not be encoded; surrogates must come in pairs.
            if (printable(ch.unicode()))
                return std::nullopt;
            if (ch.isHighSurrogate()) {
                if (k + 1 >= run.size() || !run.at(k + 1).isLowSurrogate())
                    return std::nullopt;
                ++k;
            } else if (ch.isLowSurrogate()) {
                return std::nullopt;
            }
        }
        // Two adjacent encoded runs ("&AOk-&AOk-") are not the canonical form either.
        if (end + 1 < wire.size() && wire[end + 1] == '&' && end + 2 < wire.size() &&
            wire[end + 2] != '-')
            return std::nullopt;
        out += run;
        i = end + 1;
    }
    return out;
}

} // namespace twinbox::imap
