#include "ImapSession.h"

#include "ScramClient.h"
#include "Transport.h"

#include <QHostAddress>
#include <QSslSocket>

#include <exception>
#include <optional>

namespace twinbox::imap {

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray plainCredentials(const QString &user, const QString &password)
{
    const QByteArray message = '\0' + user.toUtf8() + '\0' + password.toUtf8(); // RFC 4616
    return message.toBase64();
}

// The first mechanism of the preference list that the server offers; LOGIN (the command,
// RFC 3501 §6.2.3) is always available. Empty: none in common.
QByteArray chosenMechanism(const QByteArrayList &wanted, const Capabilities &capabilities)
{
    const QByteArrayList offered = capabilities.authMechanisms();
    for (const QByteArray &mechanism : wanted) {
        const QByteArray upper = mechanism.toUpper();
        if (upper == "LOGIN" || offered.contains(upper))
            return upper;
    }
    return {};
}

// The mechanism of a login sent before the greeting, with what the server announced: the
// one the login after the greeting would choose, when its first message goes in the
// AUTHENTICATE line (SASL-IR, RFC 4959) and nothing is missing. Empty: none.
QByteArray earlyMechanism(const ConnectionSettings &settings, const Capabilities &announced)
{
    if (settings.username.isEmpty() || settings.password.isEmpty() || !announced.has("SASL-IR") ||
        announced.has("LOGINDISABLED"))
        return {};
    const QByteArray mechanism = chosenMechanism(settings.auth, announced);
    const bool supported =
        mechanism == "PLAIN" || mechanism == "SCRAM-SHA-256" || mechanism == "SCRAM-SHA-1";
    return supported ? mechanism : QByteArray();
}

} // namespace

QCoro::Task<std::unique_ptr<ImapSession>>
ImapSession::open(const ConnectionSettings &settingsIn, const WarningSink &warnIn,
                  const ImapConnection::LogSink &protocolLogIn,
                  const std::optional<Command> &firstCommandIn)
{
    // Copies first: the caller's objects may be temporaries gone after the first co_await.
    ConnectionSettings settings = settingsIn;
    const WarningSink warn = warnIn;
    ImapConnection::LogSink protocolLog = protocolLogIn;
    // Not early when COMPRESS may follow the login: the command would cross it uncompressed.
    const std::optional<Command> firstCommand = settings.compress ? std::nullopt : firstCommandIn;
    auto failure = [&](ImapError::Kind kind, const QString &message) {
        return ImapError(kind, settings.name, message);
    };
    std::unique_ptr<ImapSession> session(new ImapSession);
    session->m_name = settings.name;
    auto device = co_await Transport::open(settings);
    auto *socket = qobject_cast<QSslSocket *>(device.get());
    session->m_encrypted = socket && socket->isEncrypted();
    session->m_connection = std::make_unique<ImapConnection>(settings.name, std::move(device));
    ImapConnection &connection = *session->m_connection;
    connection.setTimeout(settings.timeout);
    if (protocolLog)
        connection.setProtocolLog(settings.debugLevel, std::move(protocolLog));

    const bool plainTcp = settings.type == ConnectionSettings::Type::Imap;
    const bool upgrading = plainTcp && settings.startTls;
    const bool tunnel = settings.type == ConnectionSettings::Type::Tunnel;
    // Loopback is exempt only without a proxy: through one, the bytes cross the network.
    const bool local = isLoopback(settings.host) && settings.proxy.isEmpty();
    auto credentialsMayGo = [&] {
        return tunnel || session->m_encrypted || settings.allowPlaintextAuth || local;
    };

    // The login an earlier run's greeting asked for goes out now, before this greeting: one
    // round trip less per login (issue #8). It is the line the login after the greeting would
    // send (the same mechanism, its first message inside, RFC 4959), over a connection that
    // may carry it as it is: never before STARTTLS. RFC 4959 has the client see SASL-IR on
    // the connection itself: a server that no longer offers it answers BAD, and gets the
    // login it asks for (below).
    QByteArray early;
    if (!upgrading && credentialsMayGo() && settings.rememberedCapabilities &&
        *settings.rememberedCapabilities)
        early = earlyMechanism(settings, Capabilities(**settings.rememberedCapabilities));
    std::optional<QCoro::Task<LoginReply>> earlyLogin;
    if (!early.isEmpty())
        earlyLogin.emplace(session->login(settings, early, true, firstCommand));
    // What ends the connection while the early login is on its way may be the server's
    // answer to it: the caller learns so (the login goes after the greeting next time).
    const std::shared_ptr<bool> earlyFailed = settings.earlyLoginFailed;
    auto noteEarlyFailure = [&earlyLogin, &earlyFailed] {
        if (earlyLogin && earlyFailed)
            *earlyFailed = true;
    };
    // RFC 3501 §7.1: the greeting is OK (log in), PREAUTH (already in) or BYE (go away).
    std::optional<StatusResponse> greeted;
    try {
        greeted = co_await connection.greeting();
    } catch (const ImapError &) {
        noteEarlyFailure();
        throw;
    }
    const StatusResponse greeting = std::move(*greeted);
    if (greeting.status == StatusResponse::Status::Bye) {
        const QString text = QString::fromUtf8(greeting.text);
        connection.abort(text); // an early login ends with it
        throw failure(ImapError::Kind::Connection,
                      tr("the server refused the connection: %1").arg(text));
    }
    bool capabilitiesKnown = false;
    if (greeting.code && greeting.code->kind == ResponseCode::Kind::Capability) {
        session->m_capabilities = Capabilities(greeting.code->atoms);
        capabilitiesKnown = true;
    } else if (!earlyLogin) {
        // With a login on its way, a CAPABILITY would only be answered after it, with what
        // the server offers once logged in.
        co_await session->refreshCapabilities();
        capabilitiesKnown = true;
    }

    const bool preauth = greeting.status == StatusResponse::Status::Preauth;
    if (upgrading) {
        // PREAUTH here leaves no way to upgrade the connection: a man in the middle may be
        // hiding STARTTLS.
        if (preauth)
            throw failure(ImapError::Kind::Tls,
                          tr("PREAUTH greeting on a plaintext connection (man in the "
                             "middle?); set STARTTLS = NO to accept it"));
        if (!session->m_capabilities.has("STARTTLS"))
            throw failure(
                ImapError::Kind::Tls,
                tr("the server does not offer STARTTLS; refusing to continue in plaintext"));
        const auto reply = co_await connection.startTls(); // RFC 3501 §6.2.1
        if (!reply.ok())
            throw failure(ImapError::Kind::Tls,
                          tr("STARTTLS refused: %1").arg(QString::fromUtf8(reply.status.text)));
        co_await Transport::startEncryption(*socket, settings);
        connection.resumeAfterTls();
        session->m_encrypted = true;
        co_await session->refreshCapabilities(); // what was said in plaintext is not trusted
    } else if (capabilitiesKnown && !preauth) {
        session->m_announced = session->m_capabilities.names();
    }
    auto requireImap4 = [&] {
        if (!session->m_capabilities.has("IMAP4rev1"))
            throw failure(ImapError::Kind::Capability,
                          tr("missing IMAP4rev1 capability: not an IMAP4 server?"));
    };
    if (capabilitiesKnown)
        requireImap4();

    if (earlyLogin) {
        std::optional<LoginReply> answered;
        try {
            answered = co_await *earlyLogin;
        } catch (const ImapError &) {
            noteEarlyFailure();
            throw;
        }
        const LoginReply answer = std::move(*answered);
        if (preauth) {
            // Answered BAD: the server needed no login.
            session->m_authMechanism = "PREAUTH";
            if (!capabilitiesKnown)
                co_await session->refreshCapabilities();
        } else if (answer.reply.ok() || !answer.scramError.isEmpty()) {
            co_await session->finishLogin(settings.name, early, answer);
            session->m_loggedInEarly = true;
        } else {
            // Refused. With what the server offers now, would the login after the greeting
            // have been the same? Then a NO is the server's answer to it, not sent twice (a
            // wrong password would count twice); a BAD says the server did not take it before
            // its greeting (RFC 3501 §6.2.2: not run), and it follows the greeting once, as
            // does the login a server that changed since the last run asks for now.
            if (!capabilitiesKnown) {
                co_await session->refreshCapabilities();
                session->m_announced = session->m_capabilities.names();
            }
            const bool unchanged = earlyMechanism(settings, session->m_capabilities) == early;
            if (unchanged && answer.reply.status.status == StatusResponse::Status::No)
                co_await session->finishLogin(settings.name, early, answer);
            session->m_earlyLoginRefused = unchanged;
            // A first command already sent behind the refused login is answered BAD and sent
            // again by executeOk(); a second would take the first's place. (Named, not a
            // temporary in the co_await: GCC 12 destroys such a temporary twice.)
            const std::optional<Command> behindLogin =
                session->m_earlyReply ? std::nullopt : firstCommand;
            co_await session->authenticate(settings, behindLogin);
        }
        requireImap4();
    } else if (preauth) {
        session->m_authMechanism = "PREAUTH";
    } else {
        if (!credentialsMayGo())
            throw failure(ImapError::Kind::Authentication,
                          tr("refusing to send credentials over an unencrypted connection to %1 "
                             "(use imaps or "
                             "STARTTLS, or set plaintext-auth = YES)")
                              .arg(settings.host));
        co_await session->authenticate(settings, firstCommand);
    }
    settings.password.clear(); // this copy is not needed any more

    if (settings.compress) {
        const QByteArrayList algorithms = session->m_capabilities.compressionAlgorithms();
        if (algorithms.contains("DEFLATE")) {
            const auto reply = co_await connection.compress(); // RFC 4978 §3
            const bool alreadyActive =
                reply.status.code &&
                reply.status.code->kind == ResponseCode::Kind::CompressionActive;
            if (!reply.ok() && !alreadyActive)
                throw failure(
                    ImapError::Kind::Refused,
                    tr("COMPRESS DEFLATE refused: %1").arg(QString::fromUtf8(reply.status.text)));
        } else if (!algorithms.isEmpty() && warn) {
            warn(tr("%1: no suitable compression algorithm offered; not compressing")
                     .arg(settings.name));
        }
    }
    if (session->m_capabilities.has("LITERAL+"))
        connection.setLiteralMode(LiteralMode::LiteralPlus);
    else if (session->m_capabilities.has("LITERAL-"))
        connection.setLiteralMode(LiteralMode::LiteralMinus);
    co_return session;
}

QCoro::Task<void> ImapSession::refreshCapabilities()
{
    const Command command("CAPABILITY"); // RFC 3501 §6.1.1
    const auto reply = co_await m_connection->executeOk(command);
    for (const Response &response : reply.untagged) {
        if (const auto *data = std::get_if<CapabilityData>(&response))
            m_capabilities = Capabilities(data->capabilities);
    }
}

QCoro::Task<ImapConnection::Result> ImapSession::executeOk(const Command &commandIn,
                                                           const QString &mailboxIn)
{
    const Command command = commandIn; // copies before the first co_await
    const QString mailbox = mailboxIn;
    if (m_earlyReply && m_earlyCommand->logLine({}, true) == command.logLine({}, true)) {
        auto reply = std::move(*m_earlyReply);
        m_earlyReply.reset();
        m_earlyCommand.reset();
        ImapConnection::Result early = co_await reply;
        if (early.ok())
            co_return early;
        // A server that ran it before the login took effect ("BAD not authenticated") gets
        // it once more, now that the login is answered; a real refusal comes back the same.
    }
    co_return co_await m_connection->executeOk(command, mailbox);
}

void ImapSession::sendAfterLogin(const std::optional<Command> &firstCommand)
{
    // One line, no literal: a synchronising literal would wait for a "+" that the server
    // only sends once logged in. Queued only once the login is released, so that nothing
    // follows a login that failed or a server that did not prove itself (SCRAM).
    if (!firstCommand || firstCommand->serialize("T0", LiteralMode::Synchronizing).size() != 1 ||
        !m_connection->releaseLogin())
        return;
    m_earlyCommand = *firstCommand;
    m_earlyReply.emplace(m_connection->execute(*firstCommand)); // queued behind the login
}

QCoro::Task<void> ImapSession::authenticate(const ConnectionSettings &settings,
                                            const std::optional<Command> &firstCommandIn)
{
    const std::optional<Command> firstCommand = firstCommandIn; // copied before co_await
    const QString server = settings.name;
    auto failure = [&](const QString &message) {
        return ImapError(ImapError::Kind::Authentication, server, message);
    };
    if (settings.username.isEmpty())
        throw failure(tr("missing option username"));
    if (settings.password.isEmpty())
        throw failure(tr("missing password"));
    if (m_capabilities.has("LOGINDISABLED"))
        throw failure(tr("the server disables logins on this connection (LOGINDISABLED)"));
    const QByteArray mechanism = chosenMechanism(settings.auth, m_capabilities);
    if (mechanism.isEmpty())
        throw failure(tr("no common authentication mechanism (server offers: %1)")
                          .arg(QString::fromLatin1(m_capabilities.authMechanisms().join(' '))));
    const LoginReply answer =
        co_await login(settings, mechanism, m_capabilities.has("SASL-IR"), firstCommand);
    co_await finishLogin(server, mechanism, answer);
}

QCoro::Task<ImapSession::LoginReply>
ImapSession::login(const ConnectionSettings &settings, const QByteArray &mechanismIn,
                   bool initialResponse, const std::optional<Command> &firstCommandIn)
{
    // Copies before the first co_await; the command goes out before it (open() relies on it).
    const QByteArray mechanism = mechanismIn;
    const std::optional<Command> firstCommand = firstCommandIn;
    LoginReply answer;
    if (mechanism == "LOGIN") {
        const Command command = Command("LOGIN")
                                    .astring(settings.username.toUtf8())
                                    .astring(settings.password.toUtf8())
                                    .sensitive();
        auto answered = m_connection->execute(command);
        sendAfterLogin(firstCommand); // LOGIN is one command: what follows may follow at once
        answer.reply = co_await answered;
    } else if (mechanism == "PLAIN") { // RFC 4616, RFC 4959 for the initial response
        const QByteArray credentials = plainCredentials(settings.username, settings.password);
        Command command = Command("AUTHENTICATE").atom("PLAIN").sensitive();
        if (initialResponse)
            command.atom(credentials);
        const ImapConnection::ContinuationHandler respond = [this, credentials,
                                                             firstCommand](const QByteArray &) {
            sendAfterLogin(firstCommand); // the credentials are PLAIN's only answer
            return credentials;
        };
        auto answered = m_connection->execute(command, respond);
        if (initialResponse)
            sendAfterLogin(firstCommand); // already said with the command (RFC 4959)
        answer.reply = co_await answered;
    } else if (mechanism == "SCRAM-SHA-256" || mechanism == "SCRAM-SHA-1") { // RFC 7677, RFC 5802
        auto scram = std::make_shared<ScramClient>(
            mechanism == "SCRAM-SHA-256" ? QCryptographicHash::Sha256 : QCryptographicHash::Sha1,
            settings.username, settings.password);
        Command command = Command("AUTHENTICATE").atom(mechanism).sensitive();
        int step = initialResponse ? 1 : 0;
        if (initialResponse)
            command.atom(scram->clientFirst().toBase64());
        QString &scramError = answer.scramError;
        const ImapConnection::ContinuationHandler respond = [&,
                                                             scram](const QByteArray &challenge) {
            const QByteArray data = QByteArray::fromBase64(challenge);
            switch (step++) {
            case 0:
                return scram->clientFirst().toBase64();
            case 1: {
                const QByteArray final = scram->clientFinal(data);
                if (final.isEmpty()) {
                    scramError = scram->error();
                    return QByteArray("*"); // RFC 3501 §6.2.2: cancel
                }
                return final.toBase64();
            }
            default:
                if (!scram->verifyServerFinal(data)) {
                    scramError = scram->error();
                    return QByteArray("*");
                }
                // RFC 5802 §3: the client's empty answer ends the exchange, and the server
                // has proved that it knows the password: the first command may follow.
                sendAfterLogin(firstCommand);
                return QByteArray();
            }
        };
        auto answered = m_connection->execute(command, respond);
        answer.reply = co_await answered;
        // In IMAP the server's final SCRAM message comes as a "+" before the OK: an OK
        // without it means the server never proved that it knows the password.
        if (answer.reply.ok() && step < 3 && scramError.isEmpty())
            scramError = tr("the server ended SCRAM without proving that it knows the password");
    } else {
        throw ImapError(
            ImapError::Kind::Authentication, settings.name,
            tr("unsupported authentication mechanism: %1").arg(QString::fromLatin1(mechanism)));
    }
    co_return answer;
}

QCoro::Task<void> ImapSession::finishLogin(const QString &server, const QByteArray &mechanism,
                                           const LoginReply &answer)
{
    if (!answer.scramError.isEmpty())
        throw ImapError(ImapError::Kind::Authentication, server, answer.scramError);
    if (!answer.reply.ok())
        throw ImapError(ImapError::Kind::Authentication, server,
                        tr("login failed: %1").arg(QString::fromUtf8(answer.reply.status.text)));
    m_authMechanism = mechanism;
    const std::optional<ResponseCode> &code = answer.reply.status.code;
    if (code && code->kind == ResponseCode::Kind::Capability)
        m_capabilities = Capabilities(code->atoms);
    else
        co_await refreshCapabilities();
}

QCoro::Task<void> ImapSession::enable(const QByteArrayList &extensionsIn)
{
    // Copies before the first co_await (the caller's list may be a temporary).
    QByteArrayList extensions;
    for (const QByteArray &extension : extensionsIn) {
        if (!Capabilities(m_requested).has(extension)) // enabled once, enabled for the session
            extensions.append(extension);
    }
    if (extensions.isEmpty())
        co_return;
    m_requested += extensions;
    const QString name = m_name;
    Command command("ENABLE"); // RFC 5161 §3.1
    for (const QByteArray &extension : extensions)
        command.atom(extension);
    std::optional<ImapConnection::Result> reply;
    try {
        reply = co_await m_connection->executeOk(command);
    } catch (const ImapError &error) {
        m_enableFailure = error;
        throw;
    }
    QByteArrayList enabled;
    for (const Response &response : reply->untagged) {
        if (const auto *data = std::get_if<EnabledData>(&response))
            enabled += data->capabilities;
    }
    for (const QByteArray &extension : extensions) {
        if (!Capabilities(enabled).has(extension)) {
            m_enableFailure =
                ImapError(ImapError::Kind::Capability, name,
                          tr("the server did not enable %1").arg(QString::fromLatin1(extension)));
            throw *m_enableFailure;
        }
    }
    m_enabled += enabled;
}

QCoro::Task<ImapConnection::Result> ImapSession::select(const Command &commandIn,
                                                        const QString &mailboxIn)
{
    const Command command = commandIn; // copies before the first co_await
    const QString mailbox = mailboxIn;
    if (m_enableFailure)
        throw *m_enableFailure; // without QRESYNC, no selection is of any use
    auto enabling = enable({"QRESYNC"});
    auto selecting = m_connection->executeOk(command, mailbox);
    // Both are awaited, whatever the first did: the SELECT is in flight already.
    std::exception_ptr failure;
    try {
        co_await enabling;
    } catch (...) {
        failure = std::current_exception();
    }
    std::optional<ImapConnection::Result> reply;
    try {
        reply = co_await selecting;
    } catch (...) {
        if (!failure)
            failure = std::current_exception();
    }
    if (failure)
        std::rethrow_exception(failure);
    co_return std::move(*reply);
}

QCoro::Task<void> ImapSession::logout()
{
    try {
        // Sent, then the connection closed at once: the answer (BYE, OK) carries nothing a
        // client needs, and waiting for it cost a round trip at the end of every run. Every
        // earlier command was answered before this one is sent.
        const Command command("LOGOUT"); // RFC 3501 §6.1.3
        auto answer = m_connection->execute(command);
        m_connection->closeAfterWriting();
        co_await answer; // until the socket is closed (or a tunnel answered and exited)
    } catch (const ImapError &) {
        // "connection closed": the expected end.
    }
}

} // namespace twinbox::imap
