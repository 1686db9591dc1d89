#pragma once

#include <QString>

#include <exception>

namespace twinbox::imap {

// Why talking to a server failed. `server` is the side's name ("local", "remote") and
// `mailbox` the mailbox concerned, when there is one, so that what() is the one line a user
// needs: "remote: INBOX: the server closed the connection".
class ImapError : public std::exception
{
public:
    enum class Kind {
        Connection, // could not connect, connection lost, timed out
        Tls,        // handshake failed, certificate rejected
        Protocol,   // the server broke the protocol
        Refused,    // a tagged NO or BAD
        Capability, // the server lacks something required
        Authentication,
        Configuration,
    };

    ImapError(Kind kind, QString server, QString message, QString mailbox = {});

    Kind kind() const { return m_kind; }
    const QString &server() const { return m_server; }
    const QString &mailbox() const { return m_mailbox; }
    const QString &message() const { return m_message; }
    // "server: mailbox: message"
    QString describe() const;
    const char *what() const noexcept override { return m_what.constData(); }

private:
    Kind m_kind;
    QString m_server;
    QString m_message;
    QString m_mailbox;
    QByteArray m_what;
};

} // namespace twinbox::imap
