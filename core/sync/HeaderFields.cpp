#include "HeaderFields.h"

#include <QRegularExpression>
#include <QStringDecoder>

namespace twinbox::sync {

namespace {

// One encoded word's text, or nullopt when it is not one that can be decoded.
std::optional<QString> decodeWord(const QByteArray &charset, char encoding, QByteArray text)
{
    QByteArray bytes;
    if (encoding == 'B' || encoding == 'b') {
        const auto result =
            QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!result)
            return std::nullopt;
        bytes = *result;
    } else {
        // "Q": "_" is a space, "=XX" a byte (RFC 2047 §4.2).
        text.replace('_', ' ');
        bytes = QByteArray::fromPercentEncoding(text, '=');
    }
    // RFC 2231 §5: a language may follow the charset ("utf-8*en").
    const qsizetype star = charset.indexOf('*');
    const QByteArray name = star < 0 ? charset : charset.left(star);
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return std::nullopt;
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return decoded;
}

} // namespace

QByteArray HeaderFields::field(const QByteArray &header, QByteArrayView name)
{
    QByteArray unfolded = header;
    unfolded.replace("\r\n ", " ").replace("\r\n\t", " ").replace("\n ", " ").replace("\n\t", " ");
    for (const QByteArray &line : unfolded.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QString HeaderFields::decoded(const QByteArray &body)
{
    static const QRegularExpression word(
        QStringLiteral("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?="));
    // Bytes outside encoded words are taken as UTF-8 (RFC 6532), invalid ones replaced.
    const QString text = QString::fromUtf8(body);
    QString result;
    qsizetype position = 0;
    bool lastWasEncoded = false;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString between = text.mid(position, match.capturedStart() - position);
        const auto decodedWord =
            decodeWord(match.captured(1).toLatin1(), match.captured(2).at(0).toLatin1(),
                       match.captured(3).toLatin1());
        if (!(lastWasEncoded && decodedWord && between.trimmed().isEmpty()))
            result += between;
        result += decodedWord.value_or(match.captured(0));
        lastWasEncoded = decodedWord.has_value();
        position = match.capturedEnd();
    }
    result += text.mid(position);
    return result.simplified();
}

} // namespace twinbox::sync
