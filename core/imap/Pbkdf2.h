#pragma once

#include <QByteArray>
#include <QCryptographicHash>

namespace twinbox::imap {

// PBKDF2 with HMAC-SHA-1 or HMAC-SHA-256 (RFC 8018 §5.2), first block only: SCRAM's Hi()
// (RFC 5802 §2.2) is exactly that, a key one hash long.
//
// Why not OpenSSL's PKCS5_PBKDF2_HMAC: through OpenSSL 3's providers every iteration copies
// an EVP context (allocations included) and took 1.9 ms for SCRAM's 4096 iterations, twice
// per run, on the start-up path of every sync. Here the HMAC's inner and outer pads are
// hashed once and each iteration copies two plain hash states: 0.5 ms.
class Pbkdf2
{
public:
    // Empty for an algorithm other than SHA-1 and SHA-256, or iterations < 1.
    static QByteArray firstBlock(QCryptographicHash::Algorithm algorithm,
                                 const QByteArray &password, const QByteArray &salt,
                                 int iterations);
};

} // namespace twinbox::imap
