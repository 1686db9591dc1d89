#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSslCertificate>
#include <QStringList>

#include <optional>

namespace twinbox::imap {

// SSL_fingerprint: pins of a server's public key, as digests of the leaf certificate's
// SubjectPublicKeyInfo ("sha256$hex", interimap's form; "sha256" is the default algorithm
// and ":" separators are ignored). Pinning the key rather than the certificate survives a
// renewal that keeps the key.
class CertificatePin
{
    Q_DECLARE_TR_FUNCTIONS(CertificatePin)

public:
    // nullopt and *error set when an entry is malformed or names an unknown algorithm.
    static std::optional<QList<CertificatePin>> parseList(const QStringList &entries,
                                                          QString *error);

    bool matches(const QSslCertificate &certificate) const;

    // "sha256$<hex>" of the certificate's public key: what a user would pin.
    static QString describe(const QSslCertificate &certificate);
    static QByteArray spkiDigest(const QSslCertificate &certificate,
                                 QCryptographicHash::Algorithm algorithm);

private:
    QCryptographicHash::Algorithm m_algorithm = QCryptographicHash::Sha256;
    QByteArray m_digest;
};

} // namespace twinbox::imap
