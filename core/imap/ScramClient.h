#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QString>

namespace twinbox::imap {

// The client side of SCRAM (RFC 5802; SCRAM-SHA-256 is RFC 7677), without channel binding.
// The password never crosses the wire, and the server must prove it knows it too: a wrong
// server signature fails the login even if the server says OK.
class ScramClient
{
    Q_DECLARE_TR_FUNCTIONS(ScramClient)

public:
    // A hostile server could ask for billions of PBKDF2 rounds; more than this is refused.
    static constexpr int maxIterations = 1'000'000;

    ScramClient(QCryptographicHash::Algorithm algorithm, const QString &username,
                const QString &password, QByteArray clientNonce = {});

    QByteArray clientFirst() const;
    // Reads "r=...,s=...,i=..." and returns the client-final message; empty and error() set
    // when the server's message is unacceptable.
    QByteArray clientFinal(const QByteArray &serverFirst);
    // Checks "v=..." against the expected server signature.
    bool verifyServerFinal(const QByteArray &serverFinal);
    QString error() const { return m_error; }

private:
    QByteArray hmac(const QByteArray &key, const QByteArray &message) const;

    QCryptographicHash::Algorithm m_algorithm;
    QByteArray m_username; // saslname-escaped
    QByteArray m_password;
    QByteArray m_clientNonce;
    QByteArray m_expectedServerSignature;
    QString m_error;
};

} // namespace twinbox::imap
