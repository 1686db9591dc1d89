#include "ProtocolError.h"

#include <QCoreApplication>

namespace twinbox::imap {

QString ProtocolError::describe() const
{
    if (excerpt.isEmpty())
        return message;
    return QCoreApplication::translate("twinbox::imap::ProtocolError", "%1 near: «%2»")
        .arg(message, QString::fromLatin1(excerpt));
}

QByteArray ProtocolError::quote(QByteArrayView bytes, qsizetype limit)
{
    QByteArray out;
    const qsizetype n = std::min(bytes.size(), limit);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\r') {
            out += "\\r";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c >= 0x7f || c == '\\') {
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
        } else {
            out += char(c);
        }
    }
    if (bytes.size() > limit)
        out += "...";
    return out;
}

} // namespace twinbox::imap
