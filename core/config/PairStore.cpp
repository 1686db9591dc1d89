#include "PairStore.h"

#include <QFile>

namespace twinbox::config {

namespace {

const QString pairsGroup = QStringLiteral("pairs");

AccountSide readSide(const QSettings &settings, const QString &prefix)
{
    AccountSide side;
    auto value = [&](const char *key) { return settings.value(prefix + QLatin1String(key)); };
    side.username = value("username").toString();
    side.host = value("host").toString();
    side.port = quint16(value("port").toUInt());
    const QString security = value("security").toString();
    side.security = security == QStringLiteral("starttls") ? AccountSide::Security::StartTls
                    : security == QStringLiteral("tunnel") ? AccountSide::Security::Tunnel
                                                           : AccountSide::Security::Tls;
    side.tunnelCommand = value("command").toString();
    side.pinnedKeys = value("pinned-keys").toStringList();
    return side;
}

void writeSide(QSettings &settings, const QString &prefix, const AccountSide &side)
{
    auto set = [&](const char *key, const QVariant &value) {
        settings.setValue(prefix + QLatin1String(key), value);
    };
    set("username", side.username);
    set("host", side.host);
    set("port", side.port);
    set("security", side.security == AccountSide::Security::StartTls ? QStringLiteral("starttls")
                    : side.security == AccountSide::Security::Tunnel ? QStringLiteral("tunnel")
                                                                     : QStringLiteral("tls"));
    set("command", side.tunnelCommand);
    set("pinned-keys", side.pinnedKeys);
}

} // namespace

PairStore::PairStore(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{}

QString PairStore::defaultFileName(const SyncConfig::Paths &paths)
{
    return paths.configDirectory + QStringLiteral("/pairs.conf");
}

QStringList PairStore::names() const
{
    m_settings.sync(); // another process (the window, twinbox-cli) may have written
    m_settings.beginGroup(pairsGroup);
    QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<PairProfile> PairStore::load(const QString &name) const
{
    if (!PairProfile::nameProblem(name).isEmpty() || !names().contains(name))
        return std::nullopt;
    m_settings.beginGroup(pairsGroup + u'/' + name);
    PairProfile profile;
    profile.name = name;
    profile.local = readSide(m_settings, QStringLiteral("local/"));
    profile.remote = readSide(m_settings, QStringLiteral("remote/"));
    profile.mailboxes = m_settings.value(QStringLiteral("mailboxes")).toStringList();
    profile.includePatterns = m_settings.value(QStringLiteral("include")).toStringList();
    profile.excludePatterns = m_settings.value(QStringLiteral("exclude")).toStringList();
    profile.intervalMinutes =
        m_settings.value(QStringLiteral("interval-minutes"), profile.intervalMinutes).toInt();
    profile.push = m_settings.value(QStringLiteral("push"), profile.push).toBool();
    profile.onMailboxDeleted =
        m_settings.value(QStringLiteral("on-mailbox-deleted"), profile.onMailboxDeleted).toString();
    m_settings.endGroup();
    return profile;
}

bool PairStore::save(const PairProfile &profile, QString *error)
{
    if (const QString problem = PairProfile::nameProblem(profile.name); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    m_settings.remove(pairsGroup + u'/' + profile.name); // no key of an older version stays
    m_settings.beginGroup(pairsGroup + u'/' + profile.name);
    writeSide(m_settings, QStringLiteral("local/"), profile.local);
    writeSide(m_settings, QStringLiteral("remote/"), profile.remote);
    m_settings.setValue(QStringLiteral("mailboxes"), profile.mailboxes);
    m_settings.setValue(QStringLiteral("include"), profile.includePatterns);
    m_settings.setValue(QStringLiteral("exclude"), profile.excludePatterns);
    m_settings.setValue(QStringLiteral("interval-minutes"), profile.intervalMinutes);
    m_settings.setValue(QStringLiteral("push"), profile.push);
    m_settings.setValue(QStringLiteral("on-mailbox-deleted"), profile.onMailboxDeleted);
    m_settings.endGroup();
    return commit(error);
}

bool PairStore::remove(const QString &name, QString *error)
{
    m_settings.remove(pairsGroup + u'/' + name);
    return commit(error);
}

bool PairStore::commit(QString *error)
{
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError) {
        *error =
            QCoreApplication::translate("PairStore", "cannot write %1").arg(m_settings.fileName());
        return false;
    }
    // Host names and user names are nobody else's business.
    QFile::setPermissions(m_settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

} // namespace twinbox::config
