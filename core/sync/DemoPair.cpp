#include "DemoPair.h"

#include "DemoStore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <unistd.h>

namespace twinbox::sync {

namespace {

DemoStore localStore(const QString &base)
{
    return DemoStore(base + QStringLiteral("/local"), u'/');
}

DemoStore remoteStore(const QString &base)
{
    return DemoStore(base + QStringLiteral("/remote"), u'.');
}

DemoMessage message(const QByteArray &id, const QByteArray &from, const QByteArray &subject,
                    const QByteArray &body, QByteArrayList flags = {})
{
    const QByteArray text = "From: " + from + "\r\nTo: demo@example.org\r\nSubject: " + subject +
                            "\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\nMessage-ID: <" + id +
                            "@demo.twinbox.invalid>\r\n\r\n" + body + "\r\n";
    return {text, std::move(flags)};
}

} // namespace

DemoPair::DemoPair() = default;

DemoPair::~DemoPair() = default;

QString DemoPair::directoryPrefix()
{
    return QStringLiteral("twinbox-demo-");
}

bool DemoPair::dovecotAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("doveadm")).isEmpty();
}

QString DemoPair::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

QString DemoPair::configPath() const
{
    return directory() + QStringLiteral("/twinbox.conf");
}

void DemoPair::keep()
{
    if (m_dir)
        m_dir->setAutoRemove(false);
}

bool DemoPair::create(QString *error)
{
    // As root, Dovecot's mail processes run as nobody and must reach the stores: /tmp is
    // reachable, a TMPDIR under /root may not be.
    const QString root = ::geteuid() == 0 ? QStringLiteral("/tmp") : QDir::tempPath();
    m_dir =
        std::make_unique<QTemporaryDir>(root + u'/' + directoryPrefix() + QStringLiteral("XXXXXX"));
    if (!m_dir->isValid()) {
        *error = tr("cannot create a temporary directory: %1").arg(m_dir->errorString());
        return false;
    }
    const QString base = directory();
    QFile::setPermissions(base, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                    QFile::ExeOther);
    if (!localStore(base).create(error) || !remoteStore(base).create(error) || !seed(error))
        return false;
    // The stores' own logs go to stderr (standalone imap): null-stderr keeps the demo's
    // output to Twinbox's lines; --debug shows them again.
    const QString config =
        QStringLiteral("database = %1/state.db\n"
                       "\n"
                       "[local]\n"
                       "type = tunnel\n"
                       "command = %2\n"
                       "null-stderr = YES\n"
                       "\n"
                       "[remote]\n"
                       "type = tunnel\n"
                       "command = %3\n"
                       "null-stderr = YES\n")
            .arg(base, localStore(base).tunnelCommand(), remoteStore(base).tunnelCommand());
    QFile file(configPath());
    const QByteArray bytes = config.toUtf8();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        *error = tr("cannot write %1: %2").arg(configPath(), file.errorString());
        return false;
    }
    return true;
}

bool DemoPair::seed(QString *error) const
{
    const QString base = directory();
    const DemoStore local = localStore(base);
    const DemoStore remote = remoteStore(base);
    const QByteArray alice = "Alice <alice@example.org>";
    const QByteArray bob = "Bob <bob@example.org>";
    return local.append(
               "INBOX",
               {message("local-1", alice, "Welcome to Twinbox", "Hello from local.", {"\\Seen"}),
                message("local-2", bob, "Lunch?", "Noon at the usual place?"),
                message("local-3", alice, "Minutes", "Attached: nothing, it is a demo."),
                message("local-4", bob, "Re: Lunch?", "Make it half past."),
                message("local-5", alice, "Weekend", "Any plans?")},
               error) &&
           local.append("Projects/2026",
                        {message("local-6", alice, "Roadmap 2026", "Sync all the things."),
                         message("local-7", bob, "Budget 2026", "Numbers to follow.")},
                        error) &&
           remote.append("INBOX",
                         {message("remote-1", bob, "From the server", "Hello from remote."),
                          message("remote-2", alice, "Invoice", "Paid, thanks.", {"\\Flagged"}),
                          message("remote-3", bob, "Meeting moved", "Now on Thursday.")},
                         error) &&
           remote.append("Lists.Qt",
                         {message("remote-4", alice, "[Qt] 6.4 released", "Release notes inside."),
                          message("remote-5", bob, "[Qt] Re: 6.4 released", "Great news.")},
                         error);
}

} // namespace twinbox::sync
