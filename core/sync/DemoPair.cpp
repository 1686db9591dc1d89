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

config::PairProfile DemoPair::profile() const
{
    config::PairProfile profile;
    profile.name = tr("Demo");
    const QString base = directory();
    for (auto [side, store] : {std::pair{&profile.local, localStore(base)},
                               std::pair{&profile.remote, remoteStore(base)}}) {
        side->security = config::AccountSide::Security::Tunnel;
        side->tunnelCommand = store.tunnelCommand();
    }
    return profile;
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

// A few hundred messages in a small tree on each side, a handful of them flagged or read:
// enough to watch the progress in the window, small enough to sync in seconds.
bool DemoPair::seed(QString *error) const
{
    const QString base = directory();
    const QByteArrayList people = {"Alice <alice@example.org>", "Bob <bob@example.org>",
                                   "Chloé <chloe@example.org>", "Dieter <dieter@example.org>"};
    const QByteArrayList topics = {"Lunch?",        "Minutes",       "Roadmap", "Invoice",
                                   "Meeting moved", "Release notes", "Weekend", "Budget"};
    auto batch = [&](const QByteArray &prefix, int count) {
        QList<DemoMessage> messages;
        for (int i = 1; i <= count; ++i) {
            const QByteArray number = QByteArray::number(i);
            QByteArrayList flags;
            if (i % 3 != 0)
                flags.append("\\Seen");
            if (i % 17 == 0)
                flags.append("\\Flagged");
            messages.append(message(prefix + '-' + number, people.at(i % people.size()),
                                    topics.at(i % topics.size()) + " #" + number,
                                    "Sample message " + number + " of the Twinbox demo.\r\n" +
                                        QByteArray("Nothing in it is real. ").repeated(i % 40),
                                    flags));
        }
        return messages;
    };
    const DemoStore local = localStore(base);
    const DemoStore remote = remoteStore(base);
    return local.append("INBOX", batch("local-inbox", 120), error) &&
           local.append("Projects/2026", batch("local-projects", 40), error) &&
           local.append("Archive/2025", batch("local-archive", 60), error) &&
           remote.append("INBOX", batch("remote-inbox", 40), error) &&
           remote.append("Lists.Qt", batch("remote-lists", 40), error);
}

} // namespace twinbox::sync
