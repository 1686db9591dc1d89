#pragma once

// twinbox-cli run against two scripted servers (FakeImapServer), and what it left in the state
// database: shared by tst_cli_refusals, tst_cli_modified_store and tst_cli_select_ahead.

#include "FakeImapServer.h"
#include "state/StateStore.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <utility>

namespace twinbox::test {

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QStringList errorLines; // the "ERROR: " lines on stderr
    QString output;         // everything, for failure messages
};

// The rows of the state database, as text that a failing QCOMPARE shows readably.
struct StateRows
{
    QString error;
    int mailboxes = 0;
    QStringList sides;   // "local 11 uidnext 0 highestmodseq 0"
    QStringList mapping; // "local 1 remote 1"
    QStringList pending; // "remote 1 <message-id> size"
};

// The rows of the state database at `path`, read without changing it.
StateRows readState(const QString &path);

// INBOX synced before: both sides at HIGHESTMODSEQ 5, message 1 mapped with no flags ('':
// known to be none); and Work with the given local and remote states, when given.
bool storeSyncedInbox(
    const QString &path,
    const std::optional<std::pair<state::SideState, state::SideState>> &work = {});

// Runs twinbox-cli once against the two servers, with its configuration and state database
// ("state.db") in `home`, and waits for it, serving both scripts meanwhile.
CliRun runCli(const QTemporaryDir &home, const FakeImapServer &local, const FakeImapServer &remote);

// A fresh home for each test function: twinbox-cli's configuration and state database.
class CliHome
{
public:
    bool renew()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        return m_dir->isValid();
    }
    void clear() { m_dir.reset(); }
    QString databasePath() const { return m_dir->filePath(QStringLiteral("state.db")); }
    CliRun run(const FakeImapServer &local, const FakeImapServer &remote) const
    {
        return runCli(*m_dir, local, remote);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace twinbox::test

// Both scripts played to the end: twinbox-cli sent exactly what they expect, in that order,
// and nothing after its LOGOUT.
#define VERIFY_SCRIPT_DONE(server)                                                                 \
    do {                                                                                           \
        QVERIFY2((server).failure().isEmpty(), qPrintable((server).failure()));                    \
        QVERIFY2((server).isDone(),                                                                \
                 qPrintable(QStringLiteral("script not finished; got: ") +                         \
                            QString::fromLatin1((server).receivedLines().join(" | "))));           \
    } while (false)

// A run that succeeded: exit status 0, no error line, and both scripts played to the end.
#define VERIFY_RUN_SUCCEEDED(run, local, remote)                                                   \
    do {                                                                                           \
        QVERIFY2((run).finished && (run).exitCode == 0, qPrintable((run).output));                 \
        QVERIFY2((run).errorLines.isEmpty(), qPrintable((run).output));                            \
        VERIFY_SCRIPT_DONE(local);                                                                 \
        VERIFY_SCRIPT_DONE(remote);                                                                \
    } while (false)
