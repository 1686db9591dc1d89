#include "SyncHarness.h"

#include "MailboxSnapshot.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace twinbox::test {

namespace {

// A private connection to the state database, closed when done; read-only unless a test
// damages the database on purpose.
class DatabaseReader
{
public:
    explicit DatabaseReader(const QString &path, bool writable = false)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!writable)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~DatabaseReader() { QSqlDatabase::removeDatabase(m_name); }
    QSqlQuery query(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        query.prepare(statement);
        for (const QVariant &value : values)
            query.addBindValue(value);
        query.exec();
        return query;
    }

private:
    QString m_name;
};

} // namespace

QStringList SyncHarness::Run::commands() const
{
    static const QRegularExpression sent(QStringLiteral("^(local|remote): C: T\\d+ "));
    QStringList lines;
    for (const QString &line : output.split(u'\n')) {
        if (sent.match(line).hasMatch())
            lines.append(line);
    }
    return lines;
}

int SyncHarness::Run::count(const QString &command) const
{
    const QRegularExpression pattern(
        QStringLiteral("C: T\\d+ %1( |$)").arg(QRegularExpression::escape(command)));
    int n = 0;
    for (const QString &line : commands())
        n += line.contains(pattern) ? 1 : 0;
    return n;
}

int SyncHarness::Run::steps() const
{
    static const QRegularExpression step(QStringLiteral("^(local|remote): [CS]: T\\d+ "));
    int n = 0;
    for (const QString &line : output.split(u'\n'))
        n += step.match(line).hasMatch() ? 1 : 0;
    return n;
}

QStringList SyncHarness::Run::infoLines() const
{
    QStringList lines;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.contains(QStringLiteral(": C: ")) && !line.contains(QStringLiteral(": S: ")))
            lines.append(line);
    }
    return lines;
}

SyncHarness::SyncHarness(DovecotConfig local, DovecotConfig remote)
    : m_local(std::move(local))
    , m_remote(std::move(remote))
{}

bool SyncHarness::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    if (!m_local.start(error) || !m_remote.start(error))
        return false;
    writeConfig();
    return true;
}

void SyncHarness::setRemoteOverImaps(quint16 port, const QString &extra)
{
    m_remoteSection =
        QStringLiteral("type = imaps\nhost = %1\nport = %2\nusername = %3\n"
                       "password = %4\nSSL_CAfile = %5\n%6")
            .arg(m_remote.host())
            .arg(port != 0 ? port : m_remote.imapsPort())
            .arg(m_remote.user(), m_remote.password(), m_remote.certificatePath(), extra);
}

void SyncHarness::writeConfig(const QString &extra, const QString &localExtra,
                              const QString &remoteExtra)
{
    QFile file(configPath());
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    const QString remoteTunnel =
        m_tunnelPrelude + (m_remoteFilter.isEmpty() ? m_remote.tunnelCommandLine()
                                                    : m_remote.tunnelCommandLine() +
                                                          QStringLiteral(" | ") + m_remoteFilter);
    const QString remote = m_remoteSection.isEmpty()
                               ? QStringLiteral("type = tunnel\ncommand = %1\n").arg(remoteTunnel)
                               : m_remoteSection;
    file.write(QStringLiteral("database = %1\n%2\n[local]\ntype = tunnel\ncommand = %3\n%4\n"
                              "[remote]\n%5\n%6\n")
                   .arg(databasePath(), extra, m_tunnelPrelude + m_local.tunnelCommandLine(),
                        localExtra, remote, remoteExtra)
                   .toUtf8());
}

std::unique_ptr<QProcess> SyncHarness::startSync(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = privateEnvironment();
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LANGUAGE"));
    for (auto it = m_environment.begin(); it != m_environment.end(); ++it)
        environment.insert(it.key(), it.value());
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    if (m_modifier)
        process->setChildProcessModifier(m_modifier);
    process->start(
        QStringLiteral(TWINBOX_CLI_PATH),
        QStringList{QStringLiteral("--config=") + configPath(), QStringLiteral("--debug")} +
            arguments);
    return process;
}

SyncHarness::Run SyncHarness::sync(const QStringList &arguments, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    auto process = startSync(arguments);
    Run run;
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished();
        run.output = QStringLiteral("TIMEOUT\n");
    }
    run.output += QString::fromUtf8(process->readAllStandardError());
    run.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    if (qEnvironmentVariableIsSet("TWINBOX_TEST_SHOW_LOG")) // for debugging a scenario
        qInfo("twinbox-cli exited with %d after %lld ms:\n%s", run.exitCode, timer.elapsed(),
              qPrintable(run.output));
    return run;
}

QProcessEnvironment SyncHarness::privateEnvironment() const
{
    // The tools' XDG directories in the test's own: nothing read from or written to $HOME.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    return environment;
}

SyncHarness::Run SyncHarness::interimap(int timeoutMs)
{
    const QString configPath = m_dir.filePath(QStringLiteral("interimap.conf"));
    QFile file(configPath);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    // interimap hands the tunnel a socket, which Dovecot's imap takes for inetd and
    // refuses; pipes in between make it a plain stdio session.
    file.write(
        QStringLiteral("database = %1\n[local]\ntype = tunnel\ncommand = cat | %2 | cat\n"
                       "[remote]\ntype = tunnel\ncommand = cat | %3 | cat\n")
            .arg(interimapDatabasePath(), m_local.tunnelCommandLine(), m_remote.tunnelCommandLine())
            .toUtf8());
    file.close();
    QProcess process;
    QProcessEnvironment environment = privateEnvironment();
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("interimap"), {QStringLiteral("--config=") + configPath});
    Run run;
    if (!process.waitForFinished(timeoutMs))
        process.kill();
    process.waitForFinished();
    run.output = QString::fromUtf8(process.readAllStandardError());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

std::unique_ptr<TestImapClient> SyncHarness::client(DovecotServer &server)
{
    auto client = std::make_unique<TestImapClient>();
    QString error;
    if (!client->connectTunnel(server, &error))
        qFatal("%s", qPrintable(error));
    return client;
}

bool SyncHarness::change(DovecotServer &server, const QByteArray &mailbox,
                         const QByteArrayList &commands)
{
    auto session = client(server);
    for (const QByteArray &command : QByteArrayList{"SELECT " + mailbox} + commands) {
        const auto reply = session->command(command, 120000);
        if (!reply.ok()) {
            qWarning("%s: %s: %s %s", qPrintable(server.name()), command.left(80).constData(),
                     reply.status.constData(), reply.text.constData());
            return false;
        }
    }
    session->logout();
    return true;
}

QByteArray SyncHarness::remoteName(const QByteArray &localName)
{
    QByteArray name = localName;
    return name.replace('/', '.');
}

namespace {

// A print without its flags when `strip`: half-way through a sync, flags may still differ.
QByteArray withoutFlags(const QByteArray &print, bool strip)
{
    return strip ? print.mid(print.indexOf('|')) : print;
}

// Flags as a set, for the stored ones against a print's: case does not count (RFC 3501
// §2.3.2), nor the order.
QSet<QString> storedFlags(const QVariant &flags)
{
    QSet<QString> set;
    for (const QString &flag : flags.toString().toLower().split(u' ', Qt::SkipEmptyParts))
        set.insert(flag);
    return set;
}

} // namespace

QString SyncHarness::convergence(const QByteArray &localName, const QByteArray &internalName)
{
    return check(localName, internalName, false);
}

QString SyncHarness::check(const QByteArray &localName, const QByteArray &internalName,
                           bool pairsOnly)
{
    const auto local = MailboxSnapshot::read(m_local, localName);
    const auto remote = MailboxSnapshot::read(m_remote, remoteName(localName));
    if (!local || !remote)
        return QStringLiteral("%1: cannot read both mailboxes").arg(QString::fromLatin1(localName));
    QStringList problems;
    if (!pairsOnly && local->sortedPrints() != remote->sortedPrints())
        problems.append(QStringLiteral("different messages: local %1, remote %2")
                            .arg(local->prints.size())
                            .arg(remote->prints.size()));

    DatabaseReader db(databasePath());
    QByteArray internal = internalName.isEmpty() ? localName : internalName;
    internal.replace('/', '\0');
    QSqlQuery idx =
        db.query(QStringLiteral("SELECT idx FROM mailboxes WHERE mailbox = ?"), {internal});
    if (!idx.next())
        return pairsOnly
                   ? QString()
                   : QStringLiteral("%1: not in the database").arg(QString::fromLatin1(localName));
    const qint64 id = idx.value(0).toLongLong();
    QSqlQuery mapping = db.query(QStringLiteral("SELECT local_uid, remote_uid, flags, local_base, "
                                                "remote_base FROM mapping WHERE idx = ?"),
                                 {id});
    QSet<std::uint32_t> localUids, remoteUids;
    int rows = 0;
    while (mapping.next()) {
        ++rows;
        const auto l = std::uint32_t(mapping.value(0).toLongLong());
        const auto r = std::uint32_t(mapping.value(1).toLongLong());
        localUids.insert(l);
        remoteUids.insert(r);
        if (!local->prints.contains(l) || !remote->prints.contains(r))
            problems.append(
                QStringLiteral("mapping (%1, %2) names a missing message").arg(l).arg(r));
        else if (withoutFlags(local->prints.value(l), pairsOnly) !=
                 withoutFlags(remote->prints.value(r), pairsOnly))
            problems.append(
                QStringLiteral("mapping (%1, %2) pairs different messages").arg(l).arg(r));
        else if (!pairsOnly && !mapping.value(2).isNull() &&
                 storedFlags(mapping.value(2)) != storedFlags(local->prints.value(l).split('|')[0]))
            problems.append(
                QStringLiteral("mapping (%1, %2) stores flags (%3), the servers hold (%4)")
                    .arg(l)
                    .arg(r)
                    .arg(mapping.value(2).toString(),
                         QString::fromUtf8(local->prints.value(l).split('|')[0])));
        if (!pairsOnly && !(mapping.value(3).isNull() && mapping.value(4).isNull()))
            problems.append(
                QStringLiteral("mapping (%1, %2) still has a flag update under way").arg(l).arg(r));
    }
    if (localUids.size() != rows || remoteUids.size() != rows)
        problems.append(QStringLiteral("a message is in two pairs"));
    if (pairsOnly)
        return problems.join(QStringLiteral("; "));
    if (rows != local->prints.size() || rows != remote->prints.size() || localUids.size() != rows ||
        remoteUids.size() != rows)
        problems.append(QStringLiteral("mapping has %1 rows for %2 local and %3 remote messages")
                            .arg(rows)
                            .arg(local->prints.size())
                            .arg(remote->prints.size()));
    for (int side = 0; side < 2; ++side) {
        const MailboxSnapshot &snapshot = side == 0 ? *local : *remote;
        QSqlQuery state = db.query(QStringLiteral("SELECT uidvalidity, uidnext, highestmodseq FROM "
                                                  "mailbox_state WHERE idx = ? AND side = ?"),
                                   {id, side});
        if (!state.next()) {
            problems.append(QStringLiteral("no stored state for side %1").arg(side));
            continue;
        }
        const auto stored = QStringLiteral("%1 %2 %3")
                                .arg(state.value(0).toLongLong())
                                .arg(state.value(1).toLongLong())
                                .arg(state.value(2).toULongLong());
        const auto actual = QStringLiteral("%1 %2 %3")
                                .arg(snapshot.uidValidity)
                                .arg(snapshot.uidNext)
                                .arg(snapshot.highestModSeq);
        if (stored != actual)
            problems.append(QStringLiteral("%1 state stored %2, server says %3")
                                .arg(side == 0 ? QStringLiteral("local") : QStringLiteral("remote"),
                                     stored, actual));
    }
    QSqlQuery pending =
        db.query(QStringLiteral("SELECT count(*) FROM pending_append WHERE idx = ?"), {id});
    if (pending.next() && pending.value(0).toInt() != 0)
        problems.append(QStringLiteral("%1 pending appends left").arg(pending.value(0).toInt()));
    return problems.isEmpty() ? QString()
                              : QString::fromLatin1(localName) + QStringLiteral(": ") +
                                    problems.join(QStringLiteral("; "));
}

bool SyncHarness::alterDatabase(const QString &statement, const QVariantList &values)
{
    DatabaseReader db(databasePath(), true);
    const QSqlQuery query = db.query(statement, values);
    if (query.lastError().isValid()) {
        qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

int SyncHarness::rowCount(const QString &table, const QString &where)
{
    DatabaseReader db(databasePath());
    QSqlQuery query =
        db.query(QStringLiteral("SELECT count(*) FROM %1 %2")
                     .arg(table, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where));
    return query.next() ? query.value(0).toInt() : -1;
}

} // namespace twinbox::test
