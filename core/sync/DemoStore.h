#pragma once

#include <QByteArrayList>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace twinbox::sync {

// One message the demo puts into a store: its RFC 5322 text and its flags.
struct DemoMessage
{
    QByteArray content;
    QByteArrayList flags;
};

// One private Dovecot mail store of `twinbox-cli --demo`, served by `doveadm exec imap` as a
// stdio tunnel: a pre-authenticated IMAP session with no daemon, no listener and no auth
// process, so nothing can reach it but the process that starts the tunnel.
class DemoStore
{
    Q_DECLARE_TR_FUNCTIONS(DemoStore)

public:
    // directory: an empty directory the mail processes can reach (see DemoPair).
    DemoStore(QString directory, QChar separator);

    // Writes dovecot.conf and makes the mail directory.
    bool create(QString *error) const;
    // The tunnel command for twinbox's configuration ("command =").
    QString tunnelCommand() const;
    // Creates the mailbox unless it is INBOX and appends the messages (RFC 3501 §6.3.11).
    bool append(const QByteArray &mailbox, const QList<DemoMessage> &messages,
                QString *error) const;

private:
    QString configPath() const;
    QString mailDirectory() const;
    QStringList tunnelWords() const;

    QString m_directory;
    QChar m_separator;
};

} // namespace twinbox::sync
