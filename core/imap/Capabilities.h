#pragma once

#include <QByteArrayList>

namespace twinbox::imap {

// A server's CAPABILITY list (RFC 3501 §7.2.1): names compare case-insensitively.
class Capabilities
{
public:
    Capabilities() = default;
    explicit Capabilities(QByteArrayList names);

    bool has(QByteArrayView name) const;
    // Every name, upper-cased, in the server's order.
    const QByteArrayList &names() const { return m_names; }
    // The SASL mechanisms offered as AUTH=...
    QByteArrayList authMechanisms() const;
    // The algorithms offered as COMPRESS=...
    QByteArrayList compressionAlgorithms() const;

private:
    QByteArrayList valuesOf(QByteArrayView prefix) const;

    QByteArrayList m_names; // upper-cased
};

} // namespace twinbox::imap
