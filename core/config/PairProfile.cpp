#include "PairProfile.h"

#include "imap/ModifiedUtf7.h"

#include <QRegularExpression>
#include <QUrl>

namespace twinbox::config {

namespace {

// A display name ("Archive/2024") as it is on the wire, each level in modified UTF-7.
QList<QByteArray> wireLevels(const QString &name)
{
    QList<QByteArray> levels;
    for (const QString &level : name.split(u'/'))
        levels.append(imap::ModifiedUtf7::encode(level));
    return levels;
}

// One list-mailbox entry: a quoted string in which "\0" stands for the server's delimiter.
QString listPattern(const QString &name)
{
    QString quoted;
    const QList<QByteArray> levels = wireLevels(name);
    for (qsizetype i = 0; i < levels.size(); ++i) {
        if (i > 0)
            quoted += QStringLiteral("\\0");
        for (const char c : levels[i]) {
            if (c == '"' || c == '\\')
                quoted += u'\\';
            quoted += QLatin1Char(c);
        }
    }
    return u'"' + quoted + u'"';
}

// ignore-mailbox is a regular expression on internal names (modified UTF-7, levels joined
// by NUL); a shell-style "Spam*" or "Archive/*" becomes one that matches the whole name.
QString excludeExpression(const QStringList &patterns)
{
    QStringList alternatives;
    for (const QString &pattern : patterns) {
        QString expression;
        const QList<QByteArray> levels = wireLevels(pattern);
        for (qsizetype i = 0; i < levels.size(); ++i) {
            if (i > 0)
                expression += QStringLiteral("\\x00");
            for (const char c : levels[i]) {
                if (c == '*')
                    expression += QStringLiteral(".*");
                else if (c == '?')
                    expression += u'.';
                else
                    expression += QRegularExpression::escape(QString(QLatin1Char(c)));
            }
        }
        alternatives.append(expression);
    }
    return alternatives.isEmpty() ? QString()
                                  : QStringLiteral("^(?:") + alternatives.join(u'|') + u')' + u'$';
}

void writeSide(QString &text, const QString &section, const AccountSide &side)
{
    text += u'[' + section + QStringLiteral("]\n");
    auto key = [&text](const QString &name, const QString &value) {
        text += name + QStringLiteral(" = ") + value + u'\n';
    };
    switch (side.security) {
    case AccountSide::Security::Tunnel:
        key(QStringLiteral("type"), QStringLiteral("tunnel"));
        key(QStringLiteral("command"), side.tunnelCommand);
        return;
    case AccountSide::Security::StartTls:
        key(QStringLiteral("type"), QStringLiteral("imap"));
        key(QStringLiteral("STARTTLS"), QStringLiteral("YES"));
        break;
    case AccountSide::Security::Tls:
        key(QStringLiteral("type"), QStringLiteral("imaps"));
        break;
    }
    key(QStringLiteral("host"), side.host);
    if (side.port != 0)
        key(QStringLiteral("port"), QString::number(side.port));
    key(QStringLiteral("username"), side.username);
    if (!side.pinnedKeys.isEmpty()) {
        // The window offers a pin only for a certificate that failed verification (a
        // self-signed one): the pinned key is then the trust, and the key still must match.
        key(QStringLiteral("SSL_verify"), QStringLiteral("NO"));
        key(QStringLiteral("SSL_fingerprint"), side.pinnedKeys.join(u' '));
    }
}

} // namespace

QString PairProfile::nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("Give the pair a name.");
    if (name != name.trimmed())
        return tr("A name cannot begin or end with a space.");
    if (name.size() > 64)
        return tr("A name has at most 64 characters.");
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || !c.isPrint())
            return tr("A name cannot contain \"/\", \"\\\" or control characters.");
    }
    if (name.startsWith(u'.'))
        return tr("A name cannot begin with a dot.");
    return QString();
}

QString PairProfile::databaseFileName(const QString &name)
{
    // Percent-encoded: two names never share a file, and any file system takes it.
    return QStringLiteral("pairs/") + QString::fromLatin1(QUrl::toPercentEncoding(name, " ")) +
           QStringLiteral(".db");
}

QString PairProfile::configText() const
{
    QString text;
    text += QStringLiteral("database = ") + databaseFileName(name) + u'\n';
    QStringList listed;
    for (const QString &mailbox : mailboxes)
        listed.append(listPattern(mailbox));
    for (const QString &pattern : includePatterns)
        listed.append(listPattern(pattern));
    if (!listed.isEmpty())
        text += QStringLiteral("list-mailbox = ") + listed.join(u' ') + u'\n';
    if (!excludePatterns.isEmpty())
        text += QStringLiteral("ignore-mailbox = ") + excludeExpression(excludePatterns) + u'\n';
    text += QStringLiteral("on-mailbox-deleted = ") + onMailboxDeleted + u'\n';
    writeSide(text, QStringLiteral("local"), local);
    writeSide(text, QStringLiteral("remote"), remote);
    return text;
}

std::optional<SyncConfig> PairProfile::toSyncConfig(const SyncConfig::Paths &paths,
                                                    QString *error) const
{
    if (const QString problem = nameProblem(name); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    // A line break in a value would smuggle in another key.
    for (const QString &value : {local.host, local.username, local.tunnelCommand, remote.host,
                                 remote.username, remote.tunnelCommand}) {
        if (value.contains(u'\n') || value.contains(u'\r')) {
            *error = tr("a value of pair %1 contains a line break").arg(name);
            return std::nullopt;
        }
    }
    auto config = SyncConfig::parse(configText(), paths, error);
    if (!config)
        *error = tr("pair %1: %2").arg(name, *error);
    return config;
}

} // namespace twinbox::config
