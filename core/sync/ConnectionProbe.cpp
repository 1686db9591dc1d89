#include "ConnectionProbe.h"

#include "MailboxName.h"
#include "imap/CertificateError.h"
#include "imap/CertificatePin.h"
#include "imap/ImapSession.h"

#include <algorithm>

namespace twinbox::sync {

using namespace imap;

namespace {

// "CN=mail.example.net, O=Example, C=FR": the parts a person recognises, most specific first.
QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    static const QList<std::pair<QSslCertificate::SubjectInfo, QLatin1StringView>> parts = {
        {QSslCertificate::CommonName, QLatin1StringView("CN")},
        {QSslCertificate::OrganizationalUnitName, QLatin1StringView("OU")},
        {QSslCertificate::Organization, QLatin1StringView("O")},
        {QSslCertificate::LocalityName, QLatin1StringView("L")},
        {QSslCertificate::StateOrProvinceName, QLatin1StringView("ST")},
        {QSslCertificate::CountryName, QLatin1StringView("C")},
    };
    QStringList words;
    for (const auto &[info, label] : parts) {
        const QStringList values =
            issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        for (const QString &value : values)
            words.append(label + u'=' + value);
    }
    return words.join(QStringLiteral(", "));
}

// The mailbox list for the tree: a plain LIST works on every server, LIST-EXTENDED or not.
QCoro::Task<QStringList> listMailboxes(ImapSession &session)
{
    const Command command = Command("LIST").string("").string("*"); // RFC 3501 §6.3.8
    const auto reply = co_await session.connection().executeOk(command);
    QStringList names;
    for (const Response &response : reply.untagged) {
        const auto *list = std::get_if<ListData>(&response);
        if (!list)
            continue;
        const bool selectable = std::none_of(
            list->attributes.begin(), list->attributes.end(), [](const QByteArray &attribute) {
                const QByteArray lower = attribute.toLower();
                return lower == "\\noselect" || lower == "\\nonexistent";
            });
        const auto internal = MailboxName::toInternal(list->mailbox, list->delimiter);
        if (!selectable || !internal)
            continue;
        const QString display = MailboxName::display(*internal, u'/');
        if (!names.contains(display))
            names.append(display);
    }
    co_return names;
}

} // namespace

CertificateInfo CertificateInfo::from(const QSslCertificate &certificate,
                                      const QStringList &problems)
{
    CertificateInfo info;
    info.pin = CertificatePin::describe(certificate);
    info.subject = distinguishedName(certificate, false);
    info.issuer = distinguishedName(certificate, true);
    info.notBefore = certificate.effectiveDate();
    info.notAfter = certificate.expiryDate();
    info.problems = problems;
    return info;
}

QStringList ConnectionProbe::findings(const Capabilities &capabilities, QByteArrayList *missing)
{
    QStringList found;
    // DESIGN.md: what the QRESYNC algorithm cannot do without.
    const std::pair<QByteArray, QString> required[] = {
        {"QRESYNC", tr("This server does not support QRESYNC, which two-way sync needs to learn "
                       "what changed since the last sync.")},
        {"ENABLE", tr("This server does not support ENABLE, which two-way sync needs to turn on "
                      "QRESYNC.")},
        {"UIDPLUS", tr("This server does not support UIDPLUS, which two-way sync needs to know "
                       "the numbers of the messages it copies.")},
        {"LIST-EXTENDED", tr("This server does not support LIST-EXTENDED, which two-way sync "
                             "needs to list mailboxes with their state.")},
        {"LIST-STATUS", tr("This server does not support LIST-STATUS, which two-way sync needs "
                           "to see in one step which mailboxes changed.")},
    };
    QByteArrayList absent;
    for (const auto &[name, sentence] : required) {
        if (!capabilities.has(name)) {
            absent.append(name);
            found.append(sentence);
        }
    }
    if (absent.isEmpty())
        found.append(tr("This server supports everything two-way sync needs."));
    if (missing)
        *missing = absent;

    if (capabilities.has("NOTIFY"))
        found.append(tr("It announces changes in every mailbox at once (NOTIFY): changes can "
                        "be synced as soon as they happen."));
    else if (capabilities.has("IDLE"))
        found.append(tr("It announces changes one mailbox at a time (IDLE): changes in the "
                        "watched mailboxes can be synced as soon as they happen."));
    else
        found.append(tr("It cannot announce changes (no NOTIFY or IDLE): Twinbox will check it "
                        "on schedule only."));
    if (!capabilities.has("MULTIAPPEND"))
        found.append(tr("It cannot take several messages in one upload (no MULTIAPPEND): "
                        "copying many messages is slower."));
    if (!capabilities.has("LITERAL+") && !capabilities.has("LITERAL-"))
        found.append(tr("Each message sent to it costs an extra round trip (no LITERAL+)."));
    if (capabilities.compressionAlgorithms().contains("DEFLATE"))
        found.append(tr("It can compress the connection (COMPRESS), which saves bandwidth."));
    else
        found.append(tr("It cannot compress the connection (no COMPRESS): syncing uses more "
                        "bandwidth."));
    return found;
}

QString ConnectionProbe::explain(const ImapError &error)
{
    const QString detail = error.message();
    switch (error.kind()) {
    case ImapError::Kind::Connection:
        return tr("Could not reach the server: %1").arg(detail);
    case ImapError::Kind::Tls:
        if (dynamic_cast<const CertificateError *>(&error))
            return tr("The server's certificate is not trusted: %1")
                .arg(static_cast<const CertificateError &>(error).problems().join(u' '));
        return tr("The secure connection failed: %1").arg(detail);
    case ImapError::Kind::Authentication:
        return tr("The server refused to log in: check the user name and the password (%1).")
            .arg(detail);
    case ImapError::Kind::Capability:
        return tr("The server lacks something Twinbox needs: %1").arg(detail);
    case ImapError::Kind::Protocol:
        return tr("The server does not answer as an IMAP server should: %1").arg(detail);
    case ImapError::Kind::Refused:
        return tr("The server refused a command: %1").arg(detail);
    case ImapError::Kind::Configuration:
        return tr("These settings cannot be used: %1").arg(detail);
    }
    return detail;
}

QCoro::Task<ConnectionReport> ConnectionProbe::run(const ConnectionSettings &settingsIn)
{
    const ConnectionSettings settings = settingsIn; // copied before the first co_await
    ConnectionReport report;
    std::unique_ptr<ImapSession> session;
    try {
        session = co_await ImapSession::open(settings);
    } catch (const CertificateError &error) {
        report.errorKind = error.kind();
        report.error = explain(error);
        if (!error.leaf().isNull())
            report.certificate = CertificateInfo::from(error.leaf(), error.problems());
        co_return report;
    } catch (const ImapError &error) {
        report.errorKind = error.kind();
        report.error = explain(error);
        co_return report;
    } catch (const std::exception &error) {
        report.error = tr("Unexpected failure: %1").arg(QString::fromUtf8(error.what()));
        co_return report;
    }
    report.loggedIn = true;
    report.capabilities = session->capabilities().names();
    report.findings = findings(session->capabilities(), &report.missing);
    report.canPush = session->capabilities().has("NOTIFY") || session->capabilities().has("IDLE");
    try {
        report.mailboxes = co_await listMailboxes(*session);
    } catch (const ImapError &error) {
        report.findings.append(tr("Its mailboxes could not be listed: %1").arg(error.message()));
    }
    co_await session->logout();
    co_return report;
}

} // namespace twinbox::sync
