#include "ServerMeter.h"

#include "DovecotServer.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QThread>

#include <unistd.h>

namespace twinbox::bench {

namespace {

struct ProcessTimes
{
    qint64 parent = 0;
    qint64 ticks = 0; // utime + stime + cutime + cstime: its own and its reaped children's
};

// /proc/PID/stat (proc(5)): the command name is in parentheses and may hold spaces, so the
// fields are counted from the last ')'. Field 4 is the parent, 14-17 the CPU times.
QHash<qint64, ProcessTimes> allProcesses()
{
    QHash<qint64, ProcessTimes> processes;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = file.readAll();
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 15)
            continue;
        // fields[0] is field 3 (state): field N is fields[N - 3].
        processes.insert(
            pid, {fields[1].toLongLong(), fields[11].toLongLong() + fields[12].toLongLong() +
                                              fields[13].toLongLong() + fields[14].toLongLong()});
    }
    return processes;
}

} // namespace

ServerMeter::ServerMeter(const test::DovecotServer &server)
    : m_server(server)
{}

QString ServerMeter::metricConfig()
{
    return QStringLiteral("metric imap_command {\n"
                          "  filter = event=imap_command_finished\n"
                          "  group_by = cmd_name\n"
                          "}\n");
}

double ServerMeter::treeCpuSeconds() const
{
    const QHash<qint64, ProcessTimes> processes = allProcesses();
    qint64 ticks = 0;
    for (auto it = processes.begin(); it != processes.end(); ++it) {
        // In the tree when the master is among its ancestors (or is the master).
        for (qint64 pid = it.key(); pid > 1; pid = processes.value(pid).parent) {
            if (pid == m_server.masterPid()) {
                ticks += it->ticks;
                break;
            }
            if (!processes.contains(pid))
                break;
        }
    }
    return double(ticks) / double(::sysconf(_SC_CLK_TCK));
}

QMap<QString, int> ServerMeter::dumpCommands() const
{
    QProcess doveadm;
    doveadm.start(QStringLiteral("doveadm"),
                  {QStringLiteral("-c"), m_server.configPath(), QStringLiteral("stats"),
                   QStringLiteral("dump"), QStringLiteral("-r")});
    doveadm.waitForFinished(30000);
    QMap<QString, int> commands;
    // "imap_command_LIST\tduration\t1\t..." : the metric, the field, the count.
    const QList<QByteArray> lines = doveadm.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() > 2 && fields[0].startsWith("imap_command_"))
            commands.insert(QString::fromLatin1(fields[0].mid(13)), fields[2].toInt());
    }
    return commands;
}

void ServerMeter::start()
{
    dumpCommands(); // resets the counts
    m_cpuAtStart = treeCpuSeconds();
}

void ServerMeter::stop()
{
    // The imap process of a client that just left reports its last commands and exits a
    // moment later.
    QThread::msleep(200);
    m_cpuSeconds = treeCpuSeconds() - m_cpuAtStart;
    m_commands = dumpCommands();
}

int ServerMeter::commandsAfterLogin() const
{
    int count = 0;
    for (auto it = m_commands.begin(); it != m_commands.end(); ++it)
        count += it.key() == QStringLiteral("LOGOUT") ? 0 : it.value();
    return count;
}

} // namespace twinbox::bench
