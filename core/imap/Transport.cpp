#include "Transport.h"

#include "CertificateError.h"
#include "CertificatePin.h"
#include "Completion.h"
#include "EventLoopTurn.h"
#include "ImapError.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QProcess>
#include <QScopeGuard>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace twinbox::imap {

namespace {

// TCP_NODELAY: what a client writes leaves at once. With Nagle's algorithm a write waits
// while one before it is unacknowledged, and the server acknowledges with its next data: the
// login written right behind the TLS handshake's Finished left only with the server's
// session tickets, a round trip later (seen through a 20 ms proxy).
void sendWithoutDelay(QAbstractSocket &socket)
{
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

// SO_KEEPALIVE with Linux's defaults probes a silent peer after two hours; a watch waiting
// for NOTIFY behind a NAT that forgot it would wait that long. interimap's 60 s, then a
// probe every 15 s, four unanswered ones end the connection.
void enableKeepAlive(QAbstractSocket &socket)
{
    socket.setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    const auto fd = int(socket.socketDescriptor());
    if (fd < 0)
        return;
    for (const auto &[option, value] :
         {std::pair{TCP_KEEPIDLE, 60}, std::pair{TCP_KEEPINTVL, 15}, std::pair{TCP_KEEPCNT, 4}})
        ::setsockopt(fd, IPPROTO_TCP, option, &value, sizeof value);
}

// interimap runs a tunnel through the shell only when it needs one (Perl's exec rules).
bool needsShell(const QString &command)
{
    static const QString metacharacters = QStringLiteral("$&*(){}[]'\";\\|?<>~`\n");
    for (const QChar c : command) {
        if (metacharacters.contains(c))
            return true;
    }
    return false;
}

std::optional<QSsl::SslProtocol> protocolFor(const QString &minimum, const QString &maximum,
                                             QString *error)
{
    auto version = [](const QString &name) -> int {
        if (name.isEmpty())
            return 0;
        if (name == QStringLiteral("TLSv1.2"))
            return 12;
        if (name == QStringLiteral("TLSv1.3"))
            return 13;
        if (name == QStringLiteral("TLSv1") || name == QStringLiteral("TLSv1.1") ||
            name == QStringLiteral("SSLv3"))
            return -1; // known but too weak for Qt 6 and for us
        return -2;
    };
    const int low = version(minimum);
    const int high = version(maximum);
    for (const auto &[value, name] : {std::pair{low, minimum}, std::pair{high, maximum}}) {
        if (value == -1) {
            *error = Transport::tr("%1 is no longer supported; the oldest protocol is TLSv1.2")
                         .arg(name);
            return std::nullopt;
        }
        if (value == -2) {
            *error = Transport::tr("unknown TLS protocol version: %1").arg(name);
            return std::nullopt;
        }
    }
    if (high == 12)
        return low == 13 ? std::nullopt : std::optional(QSsl::TlsV1_2);
    if (high == 13 || low == 13)
        return low == 13 ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater;
    return QSsl::TlsV1_2OrLater;
}

std::unique_ptr<QIODevice> startTunnel(const ConnectionSettings &settings)
{
    auto process = std::make_unique<QProcess>();
    if (needsShell(settings.command)) {
        process->setProgram(QStringLiteral("/bin/sh"));
        process->setArguments({QStringLiteral("-c"), settings.command});
    } else {
        QStringList words = QProcess::splitCommand(settings.command);
        process->setProgram(words.takeFirst());
        process->setArguments(words);
    }
    if (settings.nullStderr && settings.debugLevel == 0)
        process->setStandardErrorFile(QProcess::nullDevice());
    else
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Ctrl-C is for Twinbox, which then logs out cleanly; the tunnel must not die first.
    process->setChildProcessModifier([] { ::signal(SIGINT, SIG_IGN); });
    return process;
}

ImapError cannotConnect(const ConnectionSettings &settings, const QString &why,
                        ImapError::Kind kind = ImapError::Kind::Connection)
{
    return ImapError(kind, settings.name,
                     Transport::tr("cannot connect to %1:%2: %3")
                         .arg(settings.host)
                         .arg(settings.effectivePort())
                         .arg(why));
}

// `done` completes with the socket's error, or when `timer` (started here with the
// configured timeout: the server's silence) fires; the caller completes it on success.
void failOnErrorOrSilence(QAbstractSocket &socket, const ConnectionSettings &settings,
                          QObject &guard, QTimer &timer, const Completion<QString> &done)
{
    QObject::connect(&socket, &QAbstractSocket::errorOccurred, &guard,
                     [done, &socket] { done.complete(socket.errorString()); });
    if (settings.timeout.count() > 0) {
        QObject::connect(&timer, &QTimer::timeout, &guard,
                         [done] { done.complete(Transport::tr("timed out")); });
        timer.start(settings.timeout);
    }
}

// Why a connection that its run no longer needs was given up.
QString notNeeded()
{
    return Transport::tr("not connected: the run ended before it needed the server");
}

void throwIfAbandoned(const ConnectionSettings &settings)
{
    if (settings.abandoned && *settings.abandoned)
        throw ImapError(ImapError::Kind::Connection, settings.name, notNeeded());
}

// The run waiting for its connections to be under way goes on (ConnectionSettings).
void announceUnderWay(const ConnectionSettings &settings)
{
    if (settings.underWay)
        settings.underWay->complete(true);
}

// Ends the waits in `stages` (the TCP connect, the TLS handshake) the moment the run's
// database fails its check: a server slow to answer (or silent, with no timeout) must not
// hold back the run's error. Returns once the verdict is in; at once when none is awaited.
QCoro::Task<void> endConnectionIfAbandoned(std::optional<Completion<bool>> verdictIn,
                                           std::array<Completion<QString>, 2> stagesIn)
{
    const std::optional<Completion<bool>> verdict = verdictIn; // copied before the co_await
    const std::array<Completion<QString>, 2> stages = stagesIn;
    if (!verdict)
        co_return;
    if (co_await *verdict)
        co_return;
    for (const Completion<QString> &stage : stages)
        stage.complete(notNeeded());
}

} // namespace

std::unique_ptr<QSslSocket> Transport::newSocket(const ConnectionSettings &settings)
{
    auto socket = std::make_unique<QSslSocket>();
    // Bounded buffering: on a fast link, Qt would otherwise read megabytes of a message body
    // ahead of the code that streams it on.
    socket->setReadBufferSize(256 * 1024);
    QSslConfiguration tls = socket->sslConfiguration();
    auto configurationError = [&](const QString &message) {
        return ImapError(ImapError::Kind::Configuration, settings.name, message);
    };
    if (!settings.sslCaFile.isEmpty() || !settings.sslCaPath.isEmpty()) {
        QList<QSslCertificate> authorities;
        if (!settings.sslCaFile.isEmpty())
            authorities += QSslCertificate::fromPath(settings.sslCaFile);
        if (!settings.sslCaPath.isEmpty())
            authorities +=
                QSslCertificate::fromPath(settings.sslCaPath + QStringLiteral("/*"), QSsl::Pem,
                                          QSslCertificate::PatternSyntax::Wildcard);
        if (authorities.isEmpty())
            throw configurationError(tr("no certificate found in SSL_CAfile/SSL_CApath"));
        tls.setCaCertificates(authorities);
    }
    QString error;
    const auto protocol = protocolFor(settings.sslProtocolMin, settings.sslProtocolMax, &error);
    if (!protocol)
        throw configurationError(error.isEmpty() ? tr("SSL_protocol_min is above SSL_protocol_max")
                                                 : error);
    tls.setProtocol(*protocol);
    if (!settings.sslCipherList.isEmpty())
        tls.setCiphers(settings.sslCipherList);
    if (!settings.sslCipherSuites.isEmpty())
        tls.setBackendConfigurationOption("Ciphersuites", settings.sslCipherSuites);
    // Without verification the certificate is still asked for: a pin may have to check it.
    tls.setPeerVerifyMode(settings.sslVerify ? QSslSocket::VerifyPeer : QSslSocket::QueryPeer);
    socket->setSslConfiguration(tls);
    if (!CertificatePin::parseList(settings.sslFingerprints, &error))
        throw configurationError(error);
    return socket;
}

QCoro::Task<void> Transport::awaitHandshake(QSslSocket &socket, const ConnectionSettings &settings,
                                            bool encrypted, Completion<QString> done)
{
    // `done` completes empty on success, else with the failure (here, or by the caller)
    QStringList tlsProblems;
    QObject guard;
    QObject::connect(&socket, encrypted ? &QSslSocket::encrypted : &QSslSocket::connected, &guard,
                     [done] { done.complete({}); });
    QObject::connect(&socket, &QSslSocket::sslErrors, &guard, [&](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            QString problem = e.errorString();
            if (e.error() == QSslError::HostNameMismatch) {
                // Which name was asked for, and which the certificate holds: the user must
                // tell a typo in the host from a server that is not the one meant.
                const QString asked = settings.verifiedName();
                QStringList names = e.certificate().subjectInfo(QSslCertificate::CommonName);
                const auto alternatives = e.certificate().subjectAlternativeNames();
                for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
                    if ((it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry) &&
                        !names.contains(it.value()))
                        names.append(it.value());
                }
                if (names.size() > 5) // a shared host's list: the first say enough
                    names = names.mid(0, 5) << QStringLiteral("…");
                problem += tr(" (asked for %1; the certificate is for %2)")
                               .arg(asked, names.isEmpty() ? QStringLiteral("-")
                                                           : names.join(QStringLiteral(", ")));
            }
            tlsProblems.append(problem);
        }
    });
    QTimer timer;
    failOnErrorOrSilence(socket, settings, guard, timer, done);
    const QString failure = co_await done;
    if (!failure.isEmpty()) {
        if (!tlsProblems.isEmpty()) {
            const QList<QSslCertificate> chain = socket.peerCertificateChain();
            const QSslCertificate peer = chain.value(0);
            QString message =
                tr("TLS certificate rejected: %1").arg(tlsProblems.join(QStringLiteral("; ")));
            if (!peer.isNull())
                message += tr(" (server key %1; to trust it, set SSL_fingerprint = %1)")
                               .arg(CertificatePin::describe(peer));
            throw CertificateError(settings.name, message, chain, tlsProblems);
        }
        // A handshake the network cut short (a restarting server) is worth another try; one
        // that TLS itself failed is not.
        const bool tlsFailed =
            encrypted && (socket.error() == QAbstractSocket::SslHandshakeFailedError ||
                          socket.error() == QAbstractSocket::SslInternalError ||
                          socket.error() == QAbstractSocket::SslInvalidUserDataError);
        throw cannotConnect(settings, failure,
                            tlsFailed ? ImapError::Kind::Tls : ImapError::Kind::Connection);
    }
    if (encrypted && !settings.sslFingerprints.isEmpty()) {
        QString error;
        const auto pins = CertificatePin::parseList(settings.sslFingerprints, &error);
        const QSslCertificate peer = socket.peerCertificate();
        const bool pinned = std::any_of(pins->begin(), pins->end(),
                                        [&](const auto &pin) { return pin.matches(peer); });
        if (!pinned) {
            const QList<QSslCertificate> chain = socket.peerCertificateChain();
            socket.abort();
            throw CertificateError(
                settings.name,
                tr("the server's key %1 matches no SSL_fingerprint: refusing the connection "
                   "(man in the middle?)")
                    .arg(peer.isNull() ? tr("(none)") : CertificatePin::describe(peer)),
                chain, {tr("The server's key is not one of the keys trusted for it.")});
        }
    }
}

// TLS set up first, then the TCP connection, and the ClientHello as soon as it is made. The
// first QSslSocket of a process takes milliseconds to set up (Qt loads its TLS plugins,
// OpenSSL 3 initialises: 10 ms of CPU on a machine whose page faults cost 16 µs), and a
// server that accepts a connection starts a process for it (Dovecot's imap-login): done the
// other way round, the two compete for the same cores and the ClientHello waits for both
// (issue #8: with the state database opened behind the ClientHellos, SyncJob::run, the first
// byte 66.5 -> 38.1 ms initial, 46.5 -> 36.0 ms no-op, wall times within the noise). The connection
// is made by a QTcpSocket whose descriptor then goes to the QSslSocket, so that TCP_NODELAY is set
// before the handshake; nothing the server sent can be left behind in it: in TLS the
// client speaks first.
QCoro::Task<std::unique_ptr<QSslSocket>>
Transport::connectFirst(const ConnectionSettings &settingsIn, Completion<QString> connectedIn)
{
    const ConnectionSettings settings = settingsIn;    // copied before the first co_await
    const Completion<QString> connected = connectedIn; // empty: success; else the failure
    auto socket = newSocket(settings);
    socket->setProxy(QNetworkProxy::NoProxy);
    QTcpSocket tcp;
    tcp.setProxy(QNetworkProxy::NoProxy);
    QObject guard;
    QObject::connect(&tcp, &QAbstractSocket::connected, &guard,
                     [connected] { connected.complete({}); });
    QTimer timer;
    failOnErrorOrSilence(tcp, settings, guard, timer, connected);
    // A connect still pending after 10 ms waits for the network (a WAN, a firewall that drops
    // the SYN), not for the CPU: the run need not hold its database back for it.
    QTimer slowNetwork;
    slowNetwork.setSingleShot(true);
    QObject::connect(&slowNetwork, &QTimer::timeout, &guard,
                     [&settings] { announceUnderWay(settings); });
    slowNetwork.start(std::chrono::milliseconds(10));
    tcp.connectToHost(settings.host, settings.effectivePort());
    const QString failure = co_await connected;
    slowNetwork.stop();
    if (!failure.isEmpty())
        throw cannotConnect(settings, failure);
    // A descriptor of its own: `tcp` closes the one it holds (close() only, no shutdown()).
    const int descriptor = ::fcntl(int(tcp.socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (descriptor < 0)
        throw cannotConnect(settings, QString::fromLocal8Bit(std::strerror(errno)));
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(descriptor);
        throw cannotConnect(settings, socket->errorString());
    }
    sendWithoutDelay(*socket);
    co_return socket;
}

QCoro::Task<std::unique_ptr<QIODevice>> Transport::open(const ConnectionSettings &settingsIn)
{
    const ConnectionSettings settings = settingsIn; // copied before the first co_await
    // Whatever ends this, the run that waits for the connection to be under way goes on.
    const auto underWay = qScopeGuard([&settings] { announceUnderWay(settings); });
    // Connections that speak first (a tunnel's process, a plain `imap` server's greeting) or
    // go through a proxy start once the caller has had its turn, or the run's database its
    // check: a run that no longer needs them by then (its database failed) does not make
    // them at all.
    if (settings.type != ConnectionSettings::Type::Imaps || !settings.proxy.isEmpty()) {
        announceUnderWay(settings);
        if (settings.databaseChecked)
            co_await *settings.databaseChecked;
        else
            co_await EventLoopTurn();
        throwIfAbandoned(settings);
    }
    if (settings.type == ConnectionSettings::Type::Tunnel) {
        if (settings.command.trimmed().isEmpty())
            throw ImapError(ImapError::Kind::Configuration, settings.name,
                            tr("missing tunnel command"));
        auto tunnel = startTunnel(settings);
        auto *process = static_cast<QProcess *>(tunnel.get());
        Completion<QString> started;
        QObject guard;
        QObject::connect(process, &QProcess::started, &guard, [started] { started.complete({}); });
        QObject::connect(process, &QProcess::errorOccurred, &guard,
                         [started, process] { started.complete(process->errorString()); });
        process->start();
        const QString failure = co_await started;
        if (!failure.isEmpty())
            throw ImapError(ImapError::Kind::Connection, settings.name,
                            tr("cannot start the tunnel command: %1").arg(failure));
        co_return tunnel;
    }

    if (settings.type == ConnectionSettings::Type::Imaps && settings.proxy.isEmpty()) {
        // The connection and its handshake run while the database is checked; the login
        // follows, not before the check has passed.
        const Completion<QString> connectEnd;
        const Completion<QString> handshakeEnd;
        auto verdict =
            endConnectionIfAbandoned(settings.databaseChecked, {connectEnd, handshakeEnd});
        std::unique_ptr<QSslSocket> socket;
        std::exception_ptr failure;
        try {
            socket = co_await connectFirst(settings, connectEnd);
            co_await startEncryption(*socket, settings, handshakeEnd);
        } catch (...) {
            failure = std::current_exception(); // reported once the verdict is in
        }
        announceUnderWay(settings); // the verdict must not wait for this connection
        co_await verdict;
        throwIfAbandoned(settings); // a run that ended wants no error of this connection
        if (failure)
            std::rethrow_exception(failure);
        if (settings.keepAlive)
            enableKeepAlive(*socket);
        co_return std::unique_ptr<QIODevice>(std::move(socket));
    }

    // Plain `imap` (STARTTLS comes later: the server's greeting must not be read by another
    // socket first), or anything through a SOCKS5 proxy.
    auto socket = newSocket(settings);
    if (settings.proxy.isEmpty()) {
        socket->setProxy(QNetworkProxy::NoProxy);
    } else {
        const QUrl url(settings.proxy);
        if (!url.isValid() ||
            (url.scheme() != QStringLiteral("socks5") && url.scheme() != QStringLiteral("socks5h")))
            throw ImapError(ImapError::Kind::Configuration, settings.name,
                            tr("unsupported proxy (only socks5:// and socks5h://): %1")
                                .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
        socket->setProxy(QNetworkProxy(QNetworkProxy::Socks5Proxy, url.host(),
                                       quint16(url.port(1080)), url.userName(), url.password()));
    }
    const bool immediateTls = settings.type == ConnectionSettings::Type::Imaps;
    if (immediateTls) {
        socket->connectToHostEncrypted(settings.host, settings.effectivePort(),
                                       settings.verifiedName());
    } else {
        socket->connectToHost(settings.host, settings.effectivePort());
    }
    co_await awaitHandshake(*socket, settings, immediateTls);
    sendWithoutDelay(*socket);
    if (settings.keepAlive)
        enableKeepAlive(*socket);
    co_return std::unique_ptr<QIODevice>(std::move(socket));
}

QCoro::Task<void> Transport::startEncryption(QSslSocket &socket, const ConnectionSettings &settings,
                                             Completion<QString> end)
{
    socket.setPeerVerifyName(settings.verifiedName());
    socket.startClientEncryption();
    socket.flush(); // the ClientHello on the wire now, not at a later turn of the event loop
    announceUnderWay(settings);
    co_await awaitHandshake(socket, settings, true, end);
}

} // namespace twinbox::imap
