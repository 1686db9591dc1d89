#pragma once

#include "Completion.h"

#include <QByteArrayList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

namespace twinbox::imap {

// How to reach and log into one server: interimap's [local]/[remote] keys with their
// meaning and defaults (reference §1.2), plus Twinbox's own where noted.
struct ConnectionSettings
{
    enum class Type { Imap, Imaps, Tunnel };

    QString name = QStringLiteral("remote"); // "local" or "remote": named in every error
    Type type = Type::Imaps;
    QString host = QStringLiteral("localhost");
    quint16 port = 0; // 0: 993 for imaps, 143 for imap
    QString command;  // the tunnel command
    bool nullStderr = false;
    QString proxy; // socks5://[user:pass@]host[:port] or socks5h://...
    bool startTls = true;
    // Twinbox: credentials may cross an unencrypted TCP connection only when STARTTLS = NO
    // and the host is loopback, or when this is set (key "plaintext-auth").
    bool allowPlaintextAuth = false;
    // Preference order; SCRAM first so the password never crosses the wire when possible.
    QByteArrayList auth = {"SCRAM-SHA-256", "PLAIN", "LOGIN"};
    QString username;
    QString password;
    bool compress = false;

    // TLS (SSL_* keys)
    bool sslVerify = true;
    QString sslCaFile;
    QString sslCaPath;
    std::optional<QString> sslHostname; // unset: the host; empty: no SNI, verify against host
    QString sslProtocolMin;
    QString sslProtocolMax;
    QString sslCipherList;
    QString sslCipherSuites;
    QStringList sslFingerprints; // "[algo$]hex", any of them must match the leaf's SPKI

    std::chrono::milliseconds timeout{std::chrono::seconds(60)}; // server silence; 0: none
    bool keepAlive = false;
    int debugLevel = 0;
    // Set by the caller when the connection is no longer wanted (its run failed before
    // needing it): checked before anything but the TLS handshake reaches the server, and the
    // connection is then given up quietly.
    std::shared_ptr<const bool> abandoned;
    // A single run opens and checks its state database once its connections are under way
    // (SyncJob::run): this one completes `underWay` when its ClientHello is out (or it failed,
    // or it has nothing to send first, or its TCP connect waits on the network), then waits
    // for `databaseChecked` before anything else reaches the server (the login after TLS; a
    // tunnel's command; a plain or proxied connection); a verdict against the run also ends
    // a TCP connect or TLS handshake still under way.
    // Each is awaited by one coroutine only; unset, nothing waits.
    std::optional<Completion<bool>> underWay;
    std::optional<Completion<bool>> databaseChecked;
    // What this server announced before the login on an earlier run (GreetingMemory), for
    // this very address; filled by the caller before the login (read once the connection is
    // up: TLS done, or TCP connected; in a single run, once the database passed its check).
    // With SASL-IR in it, and PLAIN or SCRAM as the first mechanism of `auth` it offers, the
    // login goes out with the connection instead of a round trip later, after the greeting.
    std::shared_ptr<const std::optional<QByteArrayList>> rememberedCapabilities;
    // Set (when given) if the connection failed with a login sent before the greeting on its
    // way: dropped, or answered BAD, by a server that takes none there (GreetingMemory).
    std::shared_ptr<bool> earlyLoginFailed;

    quint16 effectivePort() const { return port != 0 ? port : type == Type::Imap ? 143 : 993; }
    // The name the certificate must carry: SSL_hostname, or the host when it is empty.
    QString verifiedName() const
    {
        return sslHostname && !sslHostname->isEmpty() ? *sslHostname : host;
    }
};

} // namespace twinbox::imap
