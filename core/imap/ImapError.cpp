#include "ImapError.h"

namespace twinbox::imap {

ImapError::ImapError(Kind kind, QString server, QString message, QString mailbox)
    : m_kind(kind)
    , m_server(std::move(server))
    , m_message(std::move(message))
    , m_mailbox(std::move(mailbox))
    , m_what(describe().toUtf8())
{}

QString ImapError::describe() const
{
    QString line;
    if (!m_server.isEmpty())
        line += m_server + QStringLiteral(": ");
    if (!m_mailbox.isEmpty())
        line += m_mailbox + QStringLiteral(": ");
    return line + m_message;
}

} // namespace twinbox::imap
