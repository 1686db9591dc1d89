#include "ScramClient.h"

#include "Pbkdf2.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace twinbox::imap {

namespace {

// RFC 5802 §5.1: "=" and "," in a user name are written =3D and =2C.
QByteArray saslName(const QString &name)
{
    QByteArray escaped = name.toUtf8();
    escaped.replace('=', "=3D");
    escaped.replace(',', "=2C");
    return escaped;
}

QByteArray attribute(const QByteArray &message, char name)
{
    for (const QByteArray &part : message.split(',')) {
        if (part.size() >= 2 && part.at(0) == name && part.at(1) == '=')
            return part.mid(2);
    }
    return {};
}

} // namespace

ScramClient::ScramClient(QCryptographicHash::Algorithm algorithm, const QString &username,
                         const QString &password, QByteArray clientNonce)
    : m_algorithm(algorithm)
    , m_username(saslName(username))
    , m_password(password.toUtf8())
    , m_clientNonce(std::move(clientNonce))
{
    if (m_clientNonce.isEmpty()) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                              random.size() / 4);
        m_clientNonce = random.toBase64(); // base64 has no ","
    }
}

QByteArray ScramClient::clientFirst() const
{
    return "n,,n=" + m_username + ",r=" + m_clientNonce;
}

QByteArray ScramClient::hmac(const QByteArray &key, const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, key, m_algorithm);
}

QByteArray ScramClient::clientFinal(const QByteArray &serverFirst)
{
    const QByteArray nonce = attribute(serverFirst, 'r');
    const QByteArray salt = QByteArray::fromBase64(attribute(serverFirst, 's'));
    bool numeric = false;
    const int iterations = attribute(serverFirst, 'i').toInt(&numeric);
    if (!attribute(serverFirst, 'm').isEmpty()) {
        m_error = tr("the server requires a SCRAM extension Twinbox does not know");
        return {};
    }
    if (!nonce.startsWith(m_clientNonce) || nonce.size() == m_clientNonce.size() ||
        salt.isEmpty() || !numeric || iterations < 1) {
        m_error = tr("malformed SCRAM challenge");
        return {};
    }
    if (iterations > maxIterations) {
        m_error = tr("the server asks for %1 SCRAM iterations, more than %2")
                      .arg(iterations)
                      .arg(maxIterations);
        return {};
    }
    const QByteArray salted = Pbkdf2::firstBlock(m_algorithm, m_password, salt, iterations);
    if (salted.isEmpty()) {
        m_password.fill('\0');
        m_error = tr("the SCRAM key could not be derived");
        return {};
    }
    m_password.fill('\0'); // not needed any more
    const QByteArray clientKey = hmac(salted, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, m_algorithm);
    const QByteArray withoutProof = "c=biws,r=" + nonce; // biws = base64("n,,")
    const QByteArray authMessage = clientFirst().mid(3) + ',' + serverFirst + ',' + withoutProof;
    QByteArray proof = hmac(storedKey, authMessage);
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = char(proof.at(i) ^ clientKey.at(i));
    m_expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
    return withoutProof + ",p=" + proof.toBase64();
}

bool ScramClient::verifyServerFinal(const QByteArray &serverFinal)
{
    const QByteArray failure = attribute(serverFinal, 'e');
    if (!failure.isEmpty()) {
        m_error = tr("the server refused the SCRAM exchange: %1").arg(QString::fromUtf8(failure));
        return false;
    }
    const QByteArray signature = QByteArray::fromBase64(attribute(serverFinal, 'v'));
    if (m_expectedServerSignature.isEmpty() || signature != m_expectedServerSignature) {
        m_error =
            tr("the server could not prove that it knows the password (SCRAM server signature)");
        return false;
    }
    return true;
}

} // namespace twinbox::imap
