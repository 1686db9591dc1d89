#pragma once

#include <QMap>
#include <QString>

namespace twinbox::test {
class DovecotServer;
}

namespace twinbox::bench {

// What a Dovecot test server did during one timed run: the CPU time of its whole process
// tree (the master, its long-lived services, and the login and imap processes it reaped)
// and the IMAP commands it finished after login, by name, from Dovecot's own statistics
// (the `metricConfig()` below, read and reset with `doveadm stats dump -r`).
class ServerMeter
{
public:
    explicit ServerMeter(const test::DovecotServer &server);

    // dovecot.conf lines that count finished commands by name (Dovecot 2.3 statistics).
    static QString metricConfig();

    // Starts a measurement: notes the CPU time so far, forgets the commands counted so far.
    void start();
    // Ends it: the server's CPU seconds since start(), and the commands by name.
    void stop();

    double cpuSeconds() const { return m_cpuSeconds; }
    const QMap<QString, int> &commands() const { return m_commands; }
    // Every command after login except LOGOUT, which ends every session alike.
    int commandsAfterLogin() const;

private:
    double treeCpuSeconds() const;
    QMap<QString, int> dumpCommands() const;

    const test::DovecotServer &m_server;
    double m_cpuAtStart = 0;
    double m_cpuSeconds = 0;
    QMap<QString, int> m_commands;
};

} // namespace twinbox::bench
