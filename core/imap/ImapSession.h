#pragma once

#include "Capabilities.h"
#include "ConnectionSettings.h"
#include "ImapConnection.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <functional>
#include <memory>
#include <optional>

namespace twinbox::imap {

// A logged-in connection to one server and what it offers. open() does everything between
// the TCP connect (or the tunnel's start) and the first real command, in this order:
// transport, TLS (imaps) or STARTTLS (imap), greeting checks, authentication, COMPRESS; the
// login goes before the greeting when an earlier run's greeting said which one the server
// takes (ConnectionSettings::rememberedCapabilities).
// Security rules: TLS is verified unless SSL_verify = NO, pins are enforced when set, a
// missing STARTTLS or a PREAUTH on a connection that should have been upgraded is refused,
// and no credential crosses an unencrypted TCP connection unless the settings allow it.
class ImapSession
{
    Q_DECLARE_TR_FUNCTIONS(ImapSession)

public:
    using WarningSink = std::function<void(const QString &)>;

    // Throws ImapError; the message names the server (settings.name). The arguments are
    // copied before the call returns.
    //
    // `firstCommand`, when given, is the command the caller sends first after login: it goes
    // out right behind the last message of a SASL exchange (SCRAM's final empty line, PLAIN's
    // initial response), before the server's OK, which saves a round trip per login; behind
    // an early login (PLAIN), before the greeting too.
    // executeOk() of the same command then takes its answer. It is not sent early when
    // COMPRESS may follow the login (everything after COMPRESS is compressed), nor with
    // another mechanism, nor if it would need a literal.
    static QCoro::Task<std::unique_ptr<ImapSession>>
    open(const ConnectionSettings &settings, const WarningSink &warn = {},
         const ImapConnection::LogSink &protocolLog = {},
         const std::optional<Command> &firstCommand = std::nullopt);

    ImapConnection &connection() { return *m_connection; }
    // ImapConnection::executeOk(), unless open() sent this very command already: then its
    // answer when OK, else the command is sent again (a server may have run it before the
    // login took effect).
    QCoro::Task<ImapConnection::Result> executeOk(const Command &command,
                                                  const QString &mailbox = {});
    const Capabilities &capabilities() const { return m_capabilities; }
    const QString &name() const { return m_name; }
    bool isEncrypted() const { return m_encrypted; }
    // The mechanism used to log in ("PREAUTH" when none was needed).
    const QByteArray &authMechanism() const { return m_authMechanism; }
    // Whether the login went out with the connection, before the greeting (see
    // ConnectionSettings::rememberedCapabilities).
    bool loggedInEarly() const { return m_loggedInEarly; }
    // Whether the server refused a login sent before its greeting although the greeting
    // offered that very login (then the login after the greeting went through).
    bool earlyLoginRefused() const { return m_earlyLoginRefused; }
    // The capabilities the server announced before the login, for the next run to log in
    // early with: none after PREAUTH, on a connection that STARTTLS upgrades (it cannot log
    // in before the upgrade), or when an early login made asking for them moot.
    const std::optional<QByteArrayList> &announcedBeforeLogin() const { return m_announced; }

    // ENABLE (RFC 5161 §3.1); throws unless the server enabled every extension. What was
    // asked for once is not asked again, even before the server answered.
    QCoro::Task<void> enable(const QByteArrayList &extensionsIn);
    // SELECT or EXAMINE (RFC 3501 §6.3.1-2) with QRESYNC enabled first (RFC 7162 §3.2.3,
    // RFC 5161: before any mailbox is selected). The ENABLE goes only with the session's first
    // selection, pipelined ahead of it: a sync that selects nothing sends none.
    QCoro::Task<ImapConnection::Result> select(const Command &command, const QString &mailbox);
    // Why QRESYNC could not be enabled on this session, once an ENABLE failed.
    const std::optional<ImapError> &enableFailure() const { return m_enableFailure; }
    // LOGOUT (RFC 3501 §6.1.3) and close, without waiting for the answer; never throws.
    QCoro::Task<void> logout();

private:
    ImapSession() = default;

    // A login's answer: the tagged reply, and why SCRAM failed when it did.
    struct LoginReply
    {
        ImapConnection::Result reply;
        QString scramError;
    };

    QCoro::Task<void> refreshCapabilities();
    QCoro::Task<void> authenticate(const ConnectionSettings &settings,
                                   const std::optional<Command> &firstCommand);
    // Sends the login with `mechanism` before it first suspends (open() starts it before the
    // greeting when it goes early) and plays the exchange to its end.
    QCoro::Task<LoginReply> login(const ConnectionSettings &settings, const QByteArray &mechanism,
                                  bool initialResponse, const std::optional<Command> &firstCommand);
    // Throws unless the login was accepted; then takes the capabilities it brought.
    QCoro::Task<void> finishLogin(const QString &server, const QByteArray &mechanism,
                                  const LoginReply &answer);
    // Releases the login being sent and sends `firstCommand` right behind it (see open());
    // nothing when there is none or the login cannot be released.
    void sendAfterLogin(const std::optional<Command> &firstCommand);

    std::unique_ptr<ImapConnection> m_connection;
    Capabilities m_capabilities;
    QByteArrayList m_enabled;   // by ENABLE (RFC 5161), for the whole session
    QByteArrayList m_requested; // sent in an ENABLE, answered or not
    // An ENABLE that failed: every later select() fails with it, as QRESYNC is not on.
    std::optional<ImapError> m_enableFailure;
    QString m_name;
    bool m_encrypted = false;
    QByteArray m_authMechanism;
    bool m_loggedInEarly = false;
    bool m_earlyLoginRefused = false;
    std::optional<QByteArrayList> m_announced;
    // open()'s firstCommand, sent before the login's answer, and its answer to come.
    std::optional<Command> m_earlyCommand;
    std::optional<QCoro::Task<ImapConnection::Result>> m_earlyReply;
};

} // namespace twinbox::imap
