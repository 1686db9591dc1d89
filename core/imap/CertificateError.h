#pragma once

#include "ImapError.h"

#include <QList>
#include <QSslCertificate>
#include <QStringList>

namespace twinbox::imap {

// A TLS certificate that was not trusted: verification failed or no pin matched. It carries
// the peer's chain (leaf first) and the reasons, so that a person can be shown the
// certificate and decide to pin it; callers that only need the message catch ImapError.
class CertificateError : public ImapError
{
public:
    CertificateError(QString server, QString message, QList<QSslCertificate> chain,
                     QStringList problems)
        : ImapError(Kind::Tls, std::move(server), std::move(message))
        , m_chain(std::move(chain))
        , m_problems(std::move(problems))
    {}

    const QList<QSslCertificate> &chain() const { return m_chain; }
    QSslCertificate leaf() const { return m_chain.value(0); }
    // Why it was not trusted, one plain sentence each (Qt's QSslError texts, or the pin).
    const QStringList &problems() const { return m_problems; }

private:
    QList<QSslCertificate> m_chain;
    QStringList m_problems;
};

} // namespace twinbox::imap
