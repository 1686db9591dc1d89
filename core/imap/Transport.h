#pragma once

#include "ConnectionSettings.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QIODevice>

#include <memory>

class QSslSocket;

namespace twinbox::imap {

// The byte stream under IMAP: a TCP socket (TLS from the start for imaps, plain until
// STARTTLS for imap), optionally through a SOCKS5 proxy, or a tunnel command's stdin and
// stdout. TLS follows the SSL_* settings; a certificate that fails verification or a
// configured pin is refused with a message that says why and shows the key's digest.
class Transport
{
    Q_DECLARE_TR_FUNCTIONS(Transport)

public:
    // Throws ImapError (Connection, Tls or Configuration).
    static QCoro::Task<std::unique_ptr<QIODevice>> open(const ConnectionSettings &settings);
    // The TLS handshake after STARTTLS, on the socket open() returned. Completing `end`
    // with a reason gives the handshake up.
    static QCoro::Task<void> startEncryption(QSslSocket &socket, const ConnectionSettings &settings,
                                             Completion<QString> end = {});

private:
    // Completing `connected` with a reason (not empty) gives the connection up.
    static QCoro::Task<std::unique_ptr<QSslSocket>> connectFirst(const ConnectionSettings &settings,
                                                                 Completion<QString> connected);
    // A socket with the SSL_* settings applied; throws ImapError (Configuration).
    static std::unique_ptr<QSslSocket> newSocket(const ConnectionSettings &settings);
    static QCoro::Task<void> awaitHandshake(QSslSocket &socket, const ConnectionSettings &settings,
                                            bool encrypted, Completion<QString> done = {});
};

} // namespace twinbox::imap
