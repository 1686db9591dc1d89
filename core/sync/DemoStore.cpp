#include "DemoStore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace twinbox::sync {

namespace {

// The user name Dovecot reports; the mail processes take it from USER because, without
// `-u`, `doveadm exec imap` does no userdb lookup (that would need the auth daemon).
const QString demoUser = QStringLiteral("demo");

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size()) {
        *error = DemoStore::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString shellWord(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./=+-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    return u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

DemoStore::DemoStore(QString directory, QChar separator)
    : m_directory(std::move(directory))
    , m_separator(separator)
{}

QString DemoStore::configPath() const
{
    return m_directory + QStringLiteral("/dovecot.conf");
}

QString DemoStore::mailDirectory() const
{
    return m_directory + QStringLiteral("/mail");
}

bool DemoStore::create(QString *error) const
{
    for (const char *sub : {"run", "state", "mail"}) {
        if (!QDir(m_directory).mkpath(QString::fromLatin1(sub))) {
            *error = tr("cannot create %1/%2").arg(m_directory, QString::fromLatin1(sub));
            return false;
        }
    }
    // The same choices as the test fixture's DovecotServer::writeConfig, minus what only a
    // daemon needs (listeners, TLS, passdb): as root the mail processes drop to nobody, which
    // must own the mail directory; otherwise they run as the invoking user.
    QString identity;
    if (::geteuid() == 0) {
        const passwd *nobody = ::getpwnam("nobody");
        const group *nogroup = ::getgrnam("nogroup");
        if (!nobody || !nogroup ||
            ::chown(QFile::encodeName(mailDirectory()).constData(), nobody->pw_uid,
                    nogroup->gr_gid) != 0) {
            *error = tr("cannot give the demo's mail store to nobody:nogroup: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        identity = QStringLiteral("mail_uid = nobody\nmail_gid = nogroup\n");
    } else {
        const passwd *me = ::getpwuid(::geteuid());
        const group *myGroup = ::getgrgid(::getegid());
        identity = QStringLiteral("default_internal_user = %1\ndefault_internal_group = %2\n"
                                  "default_login_user = %1\n")
                       .arg(QString::fromLocal8Bit(me ? me->pw_name : "nobody"),
                            QString::fromLocal8Bit(myGroup ? myGroup->gr_name : "nogroup"));
    }
    // Standalone imap logs to stderr whatever log_path says; log_path still keeps doveadm's
    // own messages out of the system log.
    const QString config = QStringLiteral("base_dir = %1/run\n"
                                          "state_dir = %1/state\n"
                                          "log_path = %1/dovecot.log\n"
                                          "protocols = imap\n"
                                          "%2"
                                          "mail_location = maildir:%3/Maildir\n"
                                          "namespace inbox {\n"
                                          "  inbox = yes\n"
                                          "  separator = %4\n"
                                          "}\n")
                               .arg(m_directory, identity, mailDirectory(), QString(m_separator));
    return writeFile(configPath(), config.toUtf8(), error);
}

QStringList DemoStore::tunnelWords() const
{
    // HOME: the mail process changes into it, and root's home is closed to nobody.
    return {QStringLiteral("env"),
            QStringLiteral("USER=") + demoUser,
            QStringLiteral("HOME=") + mailDirectory(),
            QStringLiteral("doveadm"),
            QStringLiteral("-c"),
            configPath(),
            QStringLiteral("exec"),
            QStringLiteral("imap")};
}

QString DemoStore::tunnelCommand() const
{
    QStringList words;
    for (const QString &word : tunnelWords())
        words.append(shellWord(word));
    return words.join(u' ');
}

bool DemoStore::append(const QByteArray &mailbox, const QList<DemoMessage> &messages,
                       QString *error) const
{
    // The whole session is written at once: LITERAL+ (RFC 7888) needs no continuation, and
    // the few small messages fit in the pipe.
    QByteArray session;
    int tag = 0;
    auto command = [&](const QByteArray &text) {
        session += 'd' + QByteArray::number(++tag) + ' ' + text + "\r\n";
    };
    const QByteArray quoted = '"' + mailbox + '"';
    if (mailbox != "INBOX")
        command("CREATE " + quoted);
    for (const DemoMessage &message : messages)
        command("APPEND " + quoted + " (" + message.flags.join(' ') + ") {" +
                QByteArray::number(message.content.size()) + "+}\r\n" + message.content);
    command("LOGOUT");

    QProcess process;
    QStringList words = tunnelWords();
    process.setProgram(words.takeFirst());
    process.setArguments(words);
    process.start();
    if (!process.waitForStarted(10000)) {
        *error = tr("cannot start Dovecot: %1").arg(process.errorString());
        return false;
    }
    process.write(session);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        *error = tr("Dovecot did not answer");
        return false;
    }
    const QByteArray output = process.readAllStandardOutput();
    int okCount = 0;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith('d') && line.contains(" OK "))
            ++okCount;
    }
    if (process.exitStatus() != QProcess::NormalExit || okCount != tag) {
        *error =
            tr("seeding %1 failed: %2")
                .arg(QString::fromUtf8(mailbox),
                     QString::fromLocal8Bit(output + process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

} // namespace twinbox::sync
