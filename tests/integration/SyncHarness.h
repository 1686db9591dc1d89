#pragma once

#include "DovecotPair.h"
#include "TestImapClient.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>

#include <functional>
#include <memory>

namespace twinbox::test {

// Runs the real twinbox-cli against two real Dovecot servers (tunnels; "/" local, "."
// remote) with its own configuration, database and XDG directories, and judges the result
// with the independent test client and a direct look into the state database.
class SyncHarness
{
public:
    struct Run
    {
        int exitCode = -1;
        QString output; // standard error: the log
        // The protocol lines the run sent ("local: C: T4 SELECT INBOX ...").
        QStringList commands() const;
        int count(const QString &command) const; // e.g. "SELECT", "UID EXPUNGE"
        QStringList infoLines() const;           // the log without debug lines
        int steps() const; // protocol steps: commands sent and tagged replies received
    };

    explicit SyncHarness(DovecotConfig local = DovecotConfig::named(QStringLiteral("local"), u'/'),
                         DovecotConfig remote = DovecotConfig::named(QStringLiteral("remote"),
                                                                     u'.'));
    bool start(QString *error);

    DovecotServer &local() { return m_local; }
    DovecotServer &remote() { return m_remote; }
    QString databasePath() const { return m_dir.filePath(m_databaseName); }
    // Another state database from now on (writeConfig() to use it).
    void setDatabaseName(const QString &name) { m_databaseName = name; }
    // Added to twinbox-cli's environment.
    void setEnvironment(const QString &name, const QString &value) { m_environment[name] = value; }
    void clearEnvironment() { m_environment.clear(); }
    // Run in twinbox-cli's process before it starts (resource limits); empty: none.
    void setChildProcessModifier(std::function<void()> modifier)
    {
        m_modifier = std::move(modifier);
    }
    QString configPath() const { return m_dir.filePath(QStringLiteral("twinbox.conf")); }

    // Shell commands run before each tunnel's server (`ulimit ...;`), in the tunnel's shell.
    void setTunnelPrelude(const QString &prelude) { m_tunnelPrelude = prelude; }
    // A command the remote tunnel's output is piped through (to hide capabilities).
    void setRemoteTunnelFilter(const QString &filter) { m_remoteFilter = filter; }
    // The remote section's lines instead of its tunnel (a TCP connection, for restarts).
    void setRemoteSection(const QString &lines) { m_remoteSection = lines; }
    // The remote over imaps instead of its tunnel: its host, `port` (0: the server's own, or
    // a proxy's), user, password and CA, then the `extra` lines.
    void setRemoteOverImaps(quint16 port = 0, const QString &extra = {});
    // Writes the configuration: the tunnels, the database, plus `extra` default-section lines
    // and `localExtra`/`remoteExtra` lines for [local]/[remote] (per-side keys such as
    // list-reference), which go after the tunnel or setRemoteSection()'s lines.
    void writeConfig(const QString &extra = {}, const QString &localExtra = {},
                     const QString &remoteExtra = {});
    // twinbox-cli --config=... --debug [arguments]; waits up to timeoutMs.
    Run sync(const QStringList &arguments = {}, int timeoutMs = 600000);
    // interimap itself on the same pair, with its own database (interimapDatabasePath()).
    Run interimap(int timeoutMs = 600000);
    QString interimapDatabasePath() const { return m_dir.filePath(QStringLiteral("interimap.db")); }
    // The same, started and left running (for kill tests); the caller owns the process.
    std::unique_ptr<class QProcess> startSync(const QStringList &arguments = {});

    // An independent client on a server's tunnel, logged in.
    std::unique_ptr<TestImapClient> client(DovecotServer &server);
    // Selects `mailbox` with that client and sends `commands`; false (with a warning) when
    // one is not answered OK.
    bool change(DovecotServer &server, const QByteArray &mailbox, const QByteArrayList &commands);

    // Empty when mailbox (local name, "/" delimiter) converged: the same messages with the
    // same bodies, flags and INTERNALDATE on both sides, the mapping a bijection between
    // them, the stored state equal to both servers' STATUS and no pending append left.
    // Otherwise what differs. `internalName` ("/" for the delimiter) is the database's name
    // when it is not localName, i.e. when a list-reference is stripped from it.
    QString convergence(const QByteArray &localName, const QByteArray &internalName = {});
    // Only what must hold even after a run that failed half-way: every pair the database
    // holds names a message on each side, and the two are alike but for their flags.
    QString pairsProblems(const QByteArray &localName) { return check(localName, {}, true); }
    // Rows of a state database table (for the issue log, refused messages).
    int rowCount(const QString &table, const QString &where = {});
    // Runs one statement on the state database behind twinbox-cli's back (a damaged or
    // outdated state for --repair); false, with a warning, when it fails.
    bool alterDatabase(const QString &statement, const QVariantList &values = {});

    static QByteArray remoteName(const QByteArray &localName);

private:
    QProcessEnvironment privateEnvironment() const;
    QString check(const QByteArray &localName, const QByteArray &internalName, bool pairsOnly);

    QTemporaryDir m_dir;
    QString m_databaseName = QStringLiteral("state.db");
    QMap<QString, QString> m_environment;
    std::function<void()> m_modifier;
    QString m_remoteFilter;
    QString m_tunnelPrelude;
    QString m_remoteSection;
    DovecotServer m_local;
    DovecotServer m_remote;
};

} // namespace twinbox::test
