#include "CertificatePin.h"

#include <QSslKey>

namespace twinbox::imap {

std::optional<QList<CertificatePin>> CertificatePin::parseList(const QStringList &entries,
                                                               QString *error)
{
    static const QList<std::pair<QString, QCryptographicHash::Algorithm>> algorithms = {
        {QStringLiteral("sha256"), QCryptographicHash::Sha256},
        {QStringLiteral("sha384"), QCryptographicHash::Sha384},
        {QStringLiteral("sha512"), QCryptographicHash::Sha512},
        {QStringLiteral("sha1"), QCryptographicHash::Sha1},
    };
    QList<CertificatePin> pins;
    for (const QString &entry : entries) {
        CertificatePin pin;
        QString hex = entry;
        const qsizetype dollar = entry.indexOf(u'$');
        if (dollar >= 0) {
            const QString name = entry.left(dollar).toLower();
            auto it = std::find_if(algorithms.begin(), algorithms.end(),
                                   [&](const auto &a) { return a.first == name; });
            if (it == algorithms.end()) {
                *error = tr("unknown fingerprint algorithm: %1").arg(entry.left(dollar));
                return std::nullopt;
            }
            pin.m_algorithm = it->second;
            hex = entry.mid(dollar + 1);
        }
        hex.remove(u':');
        pin.m_digest = QByteArray::fromHex(hex.toLatin1());
        if (pin.m_digest.size() != QCryptographicHash::hashLength(pin.m_algorithm) ||
            pin.m_digest.toHex() != hex.toLower().toLatin1()) {
            *error = tr("invalid fingerprint: %1").arg(entry);
            return std::nullopt;
        }
        pins.append(pin);
    }
    return pins;
}

QByteArray CertificatePin::spkiDigest(const QSslCertificate &certificate,
                                      QCryptographicHash::Algorithm algorithm)
{
    // QSslKey::toDer() of a public key is its SubjectPublicKeyInfo (OpenSSL's i2d_PUBKEY).
    return QCryptographicHash::hash(certificate.publicKey().toDer(), algorithm);
}

bool CertificatePin::matches(const QSslCertificate &certificate) const
{
    return !certificate.isNull() && spkiDigest(certificate, m_algorithm) == m_digest;
}

QString CertificatePin::describe(const QSslCertificate &certificate)
{
    return QStringLiteral("sha256$") +
           QString::fromLatin1(spkiDigest(certificate, QCryptographicHash::Sha256).toHex());
}

} // namespace twinbox::imap
