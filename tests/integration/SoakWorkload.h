#pragma once

#include <QByteArray>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QString>

#include <memory>

class QProcess;

namespace twinbox::test {

class DovecotServer;
class SyncHarness;
class TestImapClient;

// A seeded random mail workload on one mailbox of a SyncHarness pair, and the oracle that
// judges the pair after any interleaving of syncs, kills and faults with it.
//
// The oracle must know each message's final flags whatever the timing. A flag removed on one
// side while the other side changes the same message is a conflict, which the sync settles
// by the union of both sides (DESIGN.md): the removal may or may not survive, depending on
// whether a sync ran in between. So the workload never makes such a pair of changes:
// message N belongs to the local side (N % 3 == 0), to the remote side (N % 3 == 1) or to
// both (N % 3 == 2). Only its owner replaces a message's flags; flags are added to shared
// messages from both sides, so their flags are the union of everything ever added.
// Either side may expunge the messages it may change: an expunge wins over a flag change
// on the other side.
class SoakWorkload
{
public:
    struct Findings
    {
        int lost = 0;        // a message that should be on a side and is not
        int duplicates = 0;  // a message found twice on a side
        int resurrected = 0; // an expunged message that came back
        int flagsWrong = 0;  // a message whose flags are not what the changes made them
        int foreign = 0;     // a message the workload never stored
        int changes = 0;     // changes made on the servers
        int total() const { return lost + duplicates + resurrected + flagsWrong + foreign; }
        Findings &operator+=(const Findings &other);
    };

    SoakWorkload(SyncHarness &harness, QByteArray mailbox, quint32 seed);
    ~SoakWorkload();

    // The start of a trial: random new messages on both sides (up to `size` local ones, a
    // third of that remote), the harness set to a state database of the mailbox's own; then,
    // for a trial of an incremental sync, a first sync and random changes after it.
    bool prepare(bool incremental, QString *error, int size = 100);
    QString mailbox() const { return QString::fromLatin1(m_mailbox); }
    // Deletes the mailbox on both servers and its state database: a trial from scratch.
    bool remove(QString *error);
    // Stores `localCount` and `remoteCount` new messages with random flags.
    bool store(int localCount, int remoteCount, QString *error);
    // One random change on a random side: a new message, an expunge, a flag added, an
    // owner's flags replaced. Keeps a selected session on each server between calls.
    bool change(QString *error);
    // Changes the servers now and then while `process` runs, for at most `milliseconds`;
    // true when the process ended within that time. False in *error when a change failed.
    bool changeWhileRunning(QProcess &process, qint64 milliseconds, QString *error);
    // Logs the change sessions out (a server may be restarted between trials).
    void closeSessions();

    // A normal run of twinbox-cli on the mailbox, then check() and the harness's convergence
    // check: empty when all is well.
    QString syncAndCheck();
    // Reads both servers and compares them with what the changes must have made. Empty when
    // they agree; otherwise the differences. Adds what it found to findings().
    QString check();
    const Findings &findings() const { return m_findings; }
    QRandomGenerator &random() { return m_random; }

private:
    enum class Side { Local, Remote };
    struct Expected
    {
        QSet<QByteArray> flags;
        bool alive = true;
        QByteArray hash; // SHA-256 of the body: how the message is recognised on a server
    };

    bool append(Side side, int count, QString *error);
    // The UIDs that hold message `index` on `side`, through the change session.
    QList<quint32> find(Side side, int index, QString *error);
    bool command(Side side, const QByteArray &command, QString *error);
    TestImapClient *session(Side side, QString *error);
    DovecotServer &server(Side side);
    QByteArray serverMailbox(Side side) const;
    // A random message still alive that `side` may change in the way `owned` says.
    int pick(Side side, bool ownedOnly);
    static bool owns(Side side, int index);
    QSet<QByteArray> randomFlags(const QByteArrayList &from);

    SyncHarness &m_harness;
    QByteArray m_mailbox;
    QRandomGenerator m_random;
    QHash<int, Expected> m_expected;
    int m_nextIndex;
    std::unique_ptr<TestImapClient> m_localSession;
    std::unique_ptr<TestImapClient> m_remoteSession;
    Findings m_findings;
};

} // namespace twinbox::test
