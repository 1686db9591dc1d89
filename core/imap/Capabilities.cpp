#include "Capabilities.h"

namespace twinbox::imap {

Capabilities::Capabilities(QByteArrayList names)
{
    for (const QByteArray &name : names)
        m_names.append(name.toUpper());
}

bool Capabilities::has(QByteArrayView name) const
{
    const QByteArray upper = name.toByteArray().toUpper();
    return m_names.contains(upper);
}

QByteArrayList Capabilities::valuesOf(QByteArrayView prefix) const
{
    QByteArrayList values;
    for (const QByteArray &name : m_names) {
        if (name.startsWith(prefix))
            values.append(name.mid(prefix.size()));
    }
    return values;
}

QByteArrayList Capabilities::authMechanisms() const
{
    return valuesOf("AUTH=");
}

QByteArrayList Capabilities::compressionAlgorithms() const
{
    return valuesOf("COMPRESS=");
}

} // namespace twinbox::imap
