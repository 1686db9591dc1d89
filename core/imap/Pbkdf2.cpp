#include "Pbkdf2.h"

// The one-shot SHA_CTX/SHA256_CTX functions are deprecated in OpenSSL 3 in favour of EVP,
// whose per-call dispatch is precisely the cost avoided here. They stay in OpenSSL 3.x.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <array>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace twinbox::imap {

namespace {

constexpr int hmacBlockSize = 64; // SHA-1 and SHA-256 alike (RFC 2104 §2: B = 64)

// One hash function through its plain OpenSSL state: Init, Update, Final.
template <typename Context, int DigestLength, int (*Init)(Context *),
          int (*Update)(Context *, const void *, size_t), int (*Final)(unsigned char *, Context *)>
struct Hash
{
    using State = Context;
    static constexpr int length = DigestLength;

    static State start(const unsigned char *data, std::size_t size)
    {
        State state;
        Init(&state);
        Update(&state, data, size);
        return state;
    }
    static void add(State &state, const unsigned char *data, std::size_t size)
    {
        Update(&state, data, size);
    }
    static void finish(State &state, unsigned char *digest) { Final(digest, &state); }
};

using Sha1 = Hash<SHA_CTX, SHA_DIGEST_LENGTH, SHA1_Init, SHA1_Update, SHA1_Final>;
using Sha256 = Hash<SHA256_CTX, SHA256_DIGEST_LENGTH, SHA256_Init, SHA256_Update, SHA256_Final>;

template <typename H>
QByteArray derive(const QByteArray &password, const QByteArray &salt, int iterations)
{
    // RFC 2104: a key longer than the block is hashed first, a shorter one padded with zeros.
    std::array<unsigned char, hmacBlockSize> key{};
    const auto *passwordBytes = reinterpret_cast<const unsigned char *>(password.constData());
    if (password.size() > hmacBlockSize) {
        typename H::State state = H::start(passwordBytes, std::size_t(password.size()));
        H::finish(state, key.data());
    } else {
        std::memcpy(key.data(), passwordBytes, std::size_t(password.size()));
    }
    std::array<unsigned char, hmacBlockSize> innerPad;
    std::array<unsigned char, hmacBlockSize> outerPad;
    for (int i = 0; i < hmacBlockSize; ++i) {
        innerPad[std::size_t(i)] = key[std::size_t(i)] ^ 0x36;
        outerPad[std::size_t(i)] = key[std::size_t(i)] ^ 0x5c;
    }
    typename H::State inner = H::start(innerPad.data(), innerPad.size());
    typename H::State outer = H::start(outerPad.data(), outerPad.size());
    // OPENSSL_cleanse, not fill(): a store to memory about to die may be optimised away.
    // The pads and the hash states derived from them are as good as the password.
    OPENSSL_cleanse(key.data(), key.size());
    OPENSSL_cleanse(innerPad.data(), innerPad.size());
    OPENSSL_cleanse(outerPad.data(), outerPad.size());

    // U1 = HMAC(P, S || INT(1)); Ui = HMAC(P, Ui-1); T1 = U1 xor ... xor Uc.
    std::array<unsigned char, H::length> u;
    auto hmac = [&](const unsigned char *data, std::size_t size, const unsigned char *more,
                    std::size_t moreSize) {
        typename H::State state = inner;
        H::add(state, data, size);
        if (moreSize > 0)
            H::add(state, more, moreSize);
        H::finish(state, u.data());
        state = outer;
        H::add(state, u.data(), u.size());
        H::finish(state, u.data());
        OPENSSL_cleanse(&state, sizeof state);
    };
    constexpr std::array<unsigned char, 4> blockIndex = {0, 0, 0, 1};
    hmac(reinterpret_cast<const unsigned char *>(salt.constData()), std::size_t(salt.size()),
         blockIndex.data(), blockIndex.size());
    QByteArray result(reinterpret_cast<const char *>(u.data()), H::length);
    for (int i = 1; i < iterations; ++i) {
        hmac(u.data(), u.size(), nullptr, 0);
        for (int j = 0; j < H::length; ++j)
            result[j] = char(result.at(j) ^ char(u[std::size_t(j)]));
    }
    OPENSSL_cleanse(u.data(), u.size());
    OPENSSL_cleanse(&inner, sizeof inner);
    OPENSSL_cleanse(&outer, sizeof outer);
    return result;
}

} // namespace

QByteArray Pbkdf2::firstBlock(QCryptographicHash::Algorithm algorithm, const QByteArray &password,
                              const QByteArray &salt, int iterations)
{
    if (iterations < 1)
        return {};
    switch (algorithm) {
    case QCryptographicHash::Sha1:
        return derive<Sha1>(password, salt, iterations);
    case QCryptographicHash::Sha256:
        return derive<Sha256>(password, salt, iterations);
    default:
        return {};
    }
}

} // namespace twinbox::imap
