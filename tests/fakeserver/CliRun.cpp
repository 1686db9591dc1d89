#include "CliRun.h"

#include "CliScripts.h"
#include "state/StateDatabase.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace twinbox::test {

using cli_scripts::number;

namespace {

QString sideName(qint64 side)
{
    return side == 0 ? QStringLiteral("local") : QStringLiteral("remote");
}

} // namespace

bool storeSyncedInbox(const QString &path,
                      const std::optional<std::pair<state::SideState, state::SideState>> &work)
{
    state::StateDatabase database;
    QString error;
    if (!database.open(path, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    state::StateStore store(database);
    const qint64 inbox = store.addMailbox("INBOX", false);
    store.setSideState(inbox, state::Side::Local, {cli_scripts::localUidValidity, 2, 5});
    store.setSideState(inbox, state::Side::Remote, {cli_scripts::remoteUidValidity, 2, 5});
    store.addMapping(inbox, {1, 1, QByteArrayList(), {}});
    if (work) {
        const qint64 id = store.addMailbox("Work", false);
        store.setSideState(id, state::Side::Local, work->first);
        store.setSideState(id, state::Side::Remote, work->second);
    }
    return true;
}

StateRows readState(const QString &path)
{
    StateRows rows;
    const QString connection = QStringLiteral("tst_cli_refusals-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        const auto run = [&](const char *sql) {
            if (!query.exec(QString::fromLatin1(sql)) && rows.error.isEmpty())
                rows.error = query.lastError().text();
            return rows.error.isEmpty();
        };
        if (!db.open()) {
            rows.error = db.lastError().text();
        } else {
            if (run("SELECT count(*) FROM mailboxes") && query.next())
                rows.mailboxes = query.value(0).toInt();
            if (run("SELECT side, uidvalidity, uidnext, highestmodseq FROM mailbox_state "
                    "ORDER BY idx, side")) {
                while (query.next())
                    rows.sides.append(QStringLiteral("%1 %2 uidnext %3 highestmodseq %4")
                                          .arg(sideName(query.value(0).toLongLong()))
                                          .arg(query.value(1).toLongLong())
                                          .arg(query.value(2).toLongLong())
                                          .arg(query.value(3).toLongLong()));
            }
            if (run("SELECT local_uid, remote_uid FROM mapping ORDER BY idx, local_uid")) {
                while (query.next())
                    rows.mapping.append(QStringLiteral("local %1 remote %2")
                                            .arg(query.value(0).toLongLong())
                                            .arg(query.value(1).toLongLong()));
            }
            if (run("SELECT source_side, source_uid, message_id, size FROM pending_append "
                    "ORDER BY idx, source_side, source_uid")) {
                while (query.next())
                    rows.pending.append(QStringLiteral("%1 %2 %3 %4")
                                            .arg(sideName(query.value(0).toLongLong()))
                                            .arg(query.value(1).toLongLong())
                                            .arg(QString::fromLatin1(query.value(2).toByteArray()))
                                            .arg(query.value(3).toLongLong()));
            }
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

// Runs twinbox-cli once against the two servers and waits for it, serving both scripts
// meanwhile (they live in this process's event loop, so no blocking wait).
CliRun runCli(const QTemporaryDir &home, const FakeImapServer &local, const FakeImapServer &remote)
{
    // A password in the file, although PREAUTH needs none: twinbox-cli asks for one before it
    // connects, and the keychain is not there in a test. 0600, or it warns.
    const QString configPath = home.filePath(QStringLiteral("config"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(configPath));
    config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A fake server plays one connection: no second pair for parallel mailboxes.
    QByteArray text = "database = " + QFile::encodeName(home.filePath(QStringLiteral("state.db"))) +
                      "\nparallel-mailboxes = 1\n";
    for (const auto &[name, server] : {std::pair{"local", &local}, std::pair{"remote", &remote}})
        text += QByteArray("[") + name +
                "]\ntype = imap\nhost = 127.0.0.1\nport = " + number(server->port()) +
                "\nSTARTTLS = NO\npassword = unused\ntimeout = 20\n";
    config.write(text);
    config.close();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("xdg")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("xdg")));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
    QStringList arguments = {QStringLiteral("--config=") + configPath};
    if (qEnvironmentVariableIsSet("TST_CLI_REFUSALS_DEBUG"))
        arguments.append(QStringLiteral("--debug")); // shows the exact command order
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TWINBOX_CLI_PATH), arguments);

    CliRun run;
    run.finished = finished.wait(60000);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output =
        QString::fromUtf8(process.readAllStandardError() + process.readAllStandardOutput());
    for (const QString &line : run.output.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.contains(QStringLiteral("ERROR: ")))
            run.errorLines.append(line);
    }
    if (qEnvironmentVariableIsSet("TST_CLI_REFUSALS_DEBUG"))
        qInfo().noquote() << run.output;
    return run;
}

} // namespace twinbox::test
