#include "SoakWorkload.h"

#include "MailboxSnapshot.h"
#include "SeedMessage.h"
#include "SyncHarness.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>

namespace twinbox::test {

namespace {

QByteArray sortedFlags(const QSet<QByteArray> &flags)
{
    QByteArrayList list(flags.begin(), flags.end());
    std::sort(list.begin(), list.end());
    return list.join(' ');
}

} // namespace

SoakWorkload::Findings &SoakWorkload::Findings::operator+=(const Findings &other)
{
    lost += other.lost;
    duplicates += other.duplicates;
    resurrected += other.resurrected;
    flagsWrong += other.flagsWrong;
    foreign += other.foreign;
    changes += other.changes;
    return *this;
}

SoakWorkload::SoakWorkload(SyncHarness &harness, QByteArray mailbox, quint32 seed)
    : m_harness(harness)
    , m_mailbox(std::move(mailbox))
    , m_random(seed)
    , m_nextIndex(1)
{}

SoakWorkload::~SoakWorkload() = default;

bool SoakWorkload::prepare(bool incremental, QString *error, int size)
{
    const auto upTo = [this](int most) { return most / 5 + int(m_random.bounded(most * 4 / 5)); };
    if (!store(upTo(size), upTo(size / 3), error))
        return false;
    m_harness.setDatabaseName(mailbox() + QStringLiteral(".db"));
    m_harness.writeConfig(QStringLiteral("append-batch = 20"));
    if (!incremental)
        return true;
    const SyncHarness::Run first = m_harness.sync({mailbox()});
    if (first.exitCode != 0) {
        *error = QStringLiteral("the first sync failed:\n") + first.infoLines().join(u'\n');
        return false;
    }
    for (int i = int(m_random.bounded(quint32(size * 3 / 10))); i >= 0; --i) {
        if (!change(error))
            return false;
    }
    return true;
}

bool SoakWorkload::remove(QString *error)
{
    for (const Side side : {Side::Local, Side::Remote}) {
        auto client = m_harness.client(server(side));
        if (!client) {
            *error = server(side).name() + QStringLiteral(": cannot connect");
            return false;
        }
        client->command("DELETE \"" + serverMailbox(side) + '"'); // NO when it is not there
        client->logout();
    }
    m_harness.setDatabaseName(mailbox() + QStringLiteral(".db"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(m_harness.databasePath() + suffix);
    return true;
}

bool SoakWorkload::store(int localCount, int remoteCount, QString *error)
{
    return append(Side::Local, localCount, error) && append(Side::Remote, remoteCount, error);
}

bool SoakWorkload::append(Side side, int count, QString *error)
{
    QList<SeedMessage> messages;
    for (int i = 0; i < count; ++i) {
        const int index = m_nextIndex++;
        SeedMessage message = makeSeedMessage(index);
        Expected expected;
        expected.flags = randomFlags({"\\Seen", "\\Flagged", "$Soak"});
        for (const QByteArray &flag : std::as_const(expected.flags))
            message.flags.append(QString::fromLatin1(flag));
        expected.hash =
            QCryptographicHash::hash(message.content, QCryptographicHash::Sha256).toHex();
        m_expected.insert(index, expected);
        messages.append(message);
    }
    ++m_findings.changes;
    return server(side).append(QString::fromLatin1(serverMailbox(side)), messages, error);
}

bool SoakWorkload::change(QString *error)
{
    const Side side = m_random.bounded(2) == 0 ? Side::Local : Side::Remote;
    const quint32 kind = m_random.bounded(100);
    if (kind < 25)
        return append(side, 1 + int(m_random.bounded(3)), error);

    const bool replace = kind >= 70;
    const int index = pick(side, replace);
    if (index == 0)
        return append(side, 1, error);
    const QList<quint32> uids = find(side, index, error);
    if (!error->isEmpty())
        return false;
    if (uids.isEmpty())
        return true; // not copied to this side yet: nothing to change here now
    QByteArrayList set;
    for (quint32 uid : uids)
        set.append(QByteArray::number(uid));
    const QByteArray uidSet = set.join(',');
    Expected &expected = m_expected[index];
    ++m_findings.changes;
    if (kind < 40) {
        expected.alive = false;
        return command(side, "UID STORE " + uidSet + " +FLAGS.SILENT (\\Deleted)", error) &&
               command(side, "UID EXPUNGE " + uidSet, error);
    }
    if (!replace) {
        const QSet<QByteArray> added = randomFlags({"\\Flagged", "\\Answered", "$Shared"});
        expected.flags.unite(added);
        return added.isEmpty() ||
               command(side, "UID STORE " + uidSet + " +FLAGS.SILENT (" + sortedFlags(added) + ')',
                       error);
    }
    expected.flags = randomFlags({"\\Seen", "\\Flagged", "\\Answered", "$Owned"});
    return command(
        side, "UID STORE " + uidSet + " FLAGS.SILENT (" + sortedFlags(expected.flags) + ')', error);
}

bool SoakWorkload::changeWhileRunning(QProcess &process, qint64 milliseconds, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
        if (m_random.bounded(3) == 0 && !change(error))
            return false;
        const qint64 slice = std::min<qint64>(milliseconds - timer.elapsed(), m_random.bounded(40));
        // Waiting also reads what the process logs, which would otherwise fill the pipe.
        if (process.waitForFinished(int(std::max<qint64>(slice, 1))))
            return true;
    }
    return false;
}

int SoakWorkload::pick(Side side, bool ownedOnly)
{
    QList<int> candidates;
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        if (it->alive && (owns(side, it.key()) || (!ownedOnly && it.key() % 3 == 2)))
            candidates.append(it.key());
    }
    if (candidates.isEmpty())
        return 0;
    std::sort(candidates.begin(), candidates.end()); // QHash order is not seeded: keep runs alike
    return candidates.at(int(m_random.bounded(quint32(candidates.size()))));
}

bool SoakWorkload::owns(Side side, int index)
{
    return index % 3 == (side == Side::Local ? 0 : 1);
}

QSet<QByteArray> SoakWorkload::randomFlags(const QByteArrayList &from)
{
    QSet<QByteArray> flags;
    for (const QByteArray &flag : from) {
        if (m_random.bounded(2) == 1)
            flags.insert(flag);
    }
    return flags;
}

QList<quint32> SoakWorkload::find(Side side, int index, QString *error)
{
    TestImapClient *client = session(side, error);
    if (!client)
        return {};
    const auto reply = client->command("UID SEARCH HEADER Message-ID \"<seed-" +
                                       QByteArray::number(index) + "@twinbox.test>\"");
    if (!reply.ok()) {
        *error = QStringLiteral("%1: UID SEARCH: %2 %3")
                     .arg(server(side).name(), QString::fromLatin1(reply.status),
                          QString::fromLatin1(reply.text));
        return {};
    }
    QList<quint32> uids;
    for (const QByteArray &line : reply.untagged) {
        if (!line.startsWith("* SEARCH"))
            continue;
        for (const QByteArray &word : line.mid(8).split(' ')) {
            if (!word.isEmpty())
                uids.append(word.toUInt());
        }
    }
    return uids;
}

bool SoakWorkload::command(Side side, const QByteArray &command, QString *error)
{
    TestImapClient *client = session(side, error);
    if (!client)
        return false;
    const auto reply = client->command(command);
    if (!reply.ok())
        *error = QStringLiteral("%1: %2: %3 %4")
                     .arg(server(side).name(), QString::fromLatin1(command),
                          QString::fromLatin1(reply.status), QString::fromLatin1(reply.text));
    return reply.ok();
}

TestImapClient *SoakWorkload::session(Side side, QString *error)
{
    std::unique_ptr<TestImapClient> &session =
        side == Side::Local ? m_localSession : m_remoteSession;
    if (!session) {
        session = m_harness.client(server(side));
        if (!session || !session->command("SELECT \"" + serverMailbox(side) + '"').ok()) {
            *error = QStringLiteral("%1: cannot select %2")
                         .arg(server(side).name(), QString::fromLatin1(serverMailbox(side)));
            session.reset();
            return nullptr;
        }
    }
    return session.get();
}

void SoakWorkload::closeSessions()
{
    for (std::unique_ptr<TestImapClient> *session : {&m_localSession, &m_remoteSession}) {
        if (*session)
            (*session)->logout();
        session->reset();
    }
}

DovecotServer &SoakWorkload::server(Side side)
{
    return side == Side::Local ? m_harness.local() : m_harness.remote();
}

QByteArray SoakWorkload::serverMailbox(Side side) const
{
    return side == Side::Local ? m_mailbox : SyncHarness::remoteName(m_mailbox);
}

QString SoakWorkload::syncAndCheck()
{
    const SyncHarness::Run run = m_harness.sync({QString::fromLatin1(m_mailbox)});
    if (run.exitCode != 0)
        return QStringLiteral("the normal run failed:\n") + run.infoLines().join(u'\n');
    const QString problems = check();
    const QString convergence = m_harness.convergence(m_mailbox);
    return QString(problems + u'\n' + convergence).trimmed();
}

QString SoakWorkload::check()
{
    QHash<QByteArray, int> indexOfHash;
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it)
        indexOfHash.insert(it->hash, it.key());

    QStringList problems;
    for (const Side side : {Side::Local, Side::Remote}) {
        const QString name = server(side).name();
        const auto snapshot = MailboxSnapshot::read(server(side), serverMailbox(side));
        if (!snapshot)
            return QStringLiteral("%1: cannot read %2").arg(name, QString::fromLatin1(m_mailbox));
        QHash<int, int> copies;
        for (const QByteArray &print : snapshot->prints) {
            // flags|INTERNALDATE|hash
            const QByteArray flags = print.left(print.indexOf('|'));
            const QByteArray hash = print.mid(print.lastIndexOf('|') + 1);
            const int index = indexOfHash.value(hash);
            if (index == 0) {
                ++m_findings.foreign;
                problems.append(
                    QStringLiteral("%1: a message the workload never stored").arg(name));
                continue;
            }
            const Expected &expected = m_expected[index];
            if (++copies[index] == 2) {
                ++m_findings.duplicates;
                problems.append(
                    QStringLiteral("%1: message %2 is there twice").arg(name).arg(index));
            }
            if (!expected.alive) {
                ++m_findings.resurrected;
                problems.append(
                    QStringLiteral("%1: message %2 was expunged and is back").arg(name).arg(index));
            } else if (flags != sortedFlags(expected.flags)) {
                ++m_findings.flagsWrong;
                problems.append(QStringLiteral("%1: message %2 has flags (%3) instead of (%4)")
                                    .arg(name)
                                    .arg(index)
                                    .arg(QString::fromLatin1(flags),
                                         QString::fromLatin1(sortedFlags(expected.flags))));
            }
        }
        for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
            if (it->alive && !copies.contains(it.key())) {
                ++m_findings.lost;
                problems.append(
                    QStringLiteral("%1: message %2 is missing").arg(name).arg(it.key()));
            }
        }
    }
    return problems.join(u'\n');
}

} // namespace twinbox::test
