#pragma once

#include "imap/ConnectionSettings.h"
#include "imap/ImapError.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QCoroTask>
#include <QDateTime>
#include <QSslCertificate>
#include <QStringList>

#include <optional>

namespace twinbox::imap {
class Capabilities;
}

namespace twinbox::sync {

// A server certificate that was not trusted, as a person needs to see it before pinning it.
struct CertificateInfo
{
    QString pin; // "sha256$<hex>" of the key: what AccountSide::pinnedKeys and SSL_fingerprint take
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QStringList problems; // why it was not trusted, one sentence each

    static CertificateInfo from(const QSslCertificate &certificate, const QStringList &problems);
};

// What "Test connection" found out about one server.
struct ConnectionReport
{
    bool loggedIn = false;
    QString error; // one line in plain words when !loggedIn
    std::optional<imap::ImapError::Kind> errorKind;
    std::optional<CertificateInfo> certificate; // set when the certificate was not trusted

    QByteArrayList capabilities;
    QByteArrayList missing; // extensions two-way sync needs and the server lacks
    QStringList findings;   // what the server offers and lacks, in plain words
    bool canPush = false;   // NOTIFY or IDLE
    // Every selectable mailbox, decoded, hierarchy levels joined by '/', in the server's order.
    QStringList mailboxes;

    // Logged in, and nothing two-way sync needs is missing.
    bool usable() const { return loggedIn && missing.isEmpty(); }
};

// Logs into one server the way a sync would (ImapSession::open, so the same TLS, pin and
// login rules), then reads its capabilities and its mailbox list, and logs out. For the
// account wizard's "Test connection": it never throws, every failure is in the report.
class ConnectionProbe
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProbe)

public:
    static QCoro::Task<ConnectionReport> run(const imap::ConnectionSettings &settings);

    // The findings for a capability list; *missing gets the names of the required ones absent.
    static QStringList findings(const imap::Capabilities &capabilities, QByteArrayList *missing);
    // One line for a person: what went wrong and what to check.
    static QString explain(const imap::ImapError &error);
};

} // namespace twinbox::sync
