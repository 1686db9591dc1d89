// twinbox-cli against a hostile or broken server: the remote side is a HostileImapServer
// whose answer to one step of a first sync is replaced (garbage, NUL bytes, an endless line,
// a literal claiming 4 GB, deep nesting, numbers that overflow, a wrong tag, an unexpected
// BYE, EXPUNGE under QRESYNC, lying APPENDUIDs, silence...); the local side is a real Dovecot.
// Every conversation must end in an ERROR line that names the server, within the timeout,
// without a crash and with bounded memory; the state database must hold nothing the servers
// do not (no UIDNEXT or HIGHESTMODSEQ advanced, no pair that is not on both); and the next
// run, against the same server behaving, must converge without losing or duplicating mail.
#include "DovecotServer.h"
#include "HostileImapServer.h"
#include "MailboxSnapshot.h"
#include "SeedMessage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using twinbox::test::DovecotConfig;
using twinbox::test::DovecotServer;
using twinbox::test::HostileImapServer;
using twinbox::test::MailboxSnapshot;
using Step = HostileImapServer::Step;
using Hostility = HostileImapServer::Hostility;

namespace {

constexpr qint64 fourGigabytes = qint64(1) << 32;
constexpr qint64 peakRssLimitKb = 150 * 1024;
const QByteArray date = "\"02-Nov-2026 10:00:00 +0000\"";
const QByteArray capabilities =
    "IMAP4rev1 ENABLE QRESYNC CONDSTORE LIST-EXTENDED LIST-STATUS UIDPLUS LITERAL+";

struct Case
{
    const char *name;
    Hostility hostility;
};

Hostility answer(Step step, QByteArray head, bool close = false)
{
    return {step, std::move(head), {}, 0, close, false};
}

Hostility endless(Step step, QByteArray head, QByteArray filler, qint64 bytes = fourGigabytes)
{
    return {step, std::move(head), std::move(filler), bytes, true, false};
}

// The usual answer to the listing, after `extra` lines: the mailbox has two messages.
QByteArray listing(const QByteArray &extra, const QByteArray &status = {})
{
    return extra + "* LIST (\\HasNoChildren) \"/\" {box}\r\n* STATUS {box} (" +
           (status.isEmpty() ? "UIDVALIDITY 7 UIDNEXT 3 HIGHESTMODSEQ 3" : status) +
           ")\r\n{tag} OK listed\r\n";
}

// The usual answer to the SELECT, with `code` lines in place of the usual ones.
QByteArray selected(const QByteArray &codes, const QByteArray &tagged = "OK [READ-WRITE] ok")
{
    return "* FLAGS (\\Seen)\r\n* 2 EXISTS\r\n" + codes + "{tag} " + tagged + "\r\n";
}
const QByteArray usualCodes =
    "* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 3] ok\r\n* OK [HIGHESTMODSEQ 3] ok\r\n";

QByteArray summaryLine(const QByteArray &items)
{
    return "* 1 FETCH (" + items + ")\r\n{tag} OK fetched\r\n";
}

QList<Case> cases()
{
    QByteArray noise;
    for (int i = 0; i < 4096; ++i)
        noise.append(char((i * 37 + 11) % 256));
    const QByteArray goodGreeting = "* PREAUTH [CAPABILITY " + capabilities + "] hi\r\n";
    const QByteArray header = "{2}\r\n\r\n";
    return {
        // The greeting (RFC 3501 §7.1).
        {"garbage greeting", answer(Step::Greeting, "HTTP/1.1 400 Bad Request\r\n\r\n", true)},
        {"BYE greeting", answer(Step::Greeting, "* BYE too many connections\r\n", true)},
        {"NUL in the greeting", answer(Step::Greeting, QByteArray("* PREAUTH hi\0there\r\n", 20))},
        {"endless greeting line", endless(Step::Greeting, "* OK ", QByteArray(65536, 'a'))},
        {"silent server", answer(Step::Greeting, {})},
        {"binary noise", answer(Step::Greeting, noise)},
        {"no QRESYNC", answer(Step::Greeting, "* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] hi\r\n")},
        {"greeting, then gone", answer(Step::Greeting, goodGreeting, true)},
        {"deep nesting in the greeting",
         answer(Step::Greeting, "* PREAUTH [CAPABILITY " + QByteArray(100000, '(') + "] hi\r\n")},
        {"4 GB literal in the greeting",
         endless(Step::Greeting, "* PREAUTH [ALERT] {4294967296}\r\n", QByteArray(65536, 'x'))},
        // The listing (RFC 5258, RFC 5819).
        {"wrong tag", answer(Step::List, "X999 OK listed\r\n")},
        {"tagged BAD", answer(Step::List, "{tag} BAD [PARSE] what?\r\n")},
        {"tagged NO", answer(Step::List, "{tag} NO [UNAVAILABLE] backend down\r\n")},
        {"BYE mid-listing",
         answer(Step::List, "* LIST () \"/\" Other\r\n* BYE going down\r\n", true)},
        {"unprompted continuation", answer(Step::List, "+ send more\r\n")},
        {"4 GB literal mailbox name",
         endless(Step::List, "* LIST () \"/\" {4294967296}\r\n", QByteArray(65536, 'x'))},
        {"endless listing line", endless(Step::List, "* LIST () \"/\" ", QByteArray(65536, 'a'))},
        {"deep nesting in a listing",
         answer(Step::List, "* LIST " + QByteArray(200000, '(') + "\r\n{tag} OK listed\r\n")},
        {"NUL in a mailbox name",
         answer(Step::List, listing(QByteArray("* LIST () \"/\" \"Bad\0Name\"\r\n", 27)))},
        {"UIDNEXT overflow in STATUS",
         answer(Step::List, listing({}, "UIDVALIDITY 7 UIDNEXT 99999999999 HIGHESTMODSEQ 3"))},
        {"HIGHESTMODSEQ overflow in STATUS",
         answer(Step::List,
                listing({}, "UIDVALIDITY 7 UIDNEXT 3 HIGHESTMODSEQ 18446744073709551616"))},
        {"answer to an untagged command", answer(Step::List, "* OK [PARSE] {tag} OK listed\r\n")},
        // ENABLE (RFC 5161) and SELECT (RFC 7162 §3.2.5).
        {"ENABLE without ENABLED", answer(Step::Enable, "{tag} OK enabled\r\n")},
        {"ENABLE refused", answer(Step::Enable, "{tag} NO not here\r\n")},
        {"EXPUNGE under QRESYNC", answer(Step::Select, "* 1 EXPUNGE\r\n" + selected(usualCodes))},
        {"HIGHESTMODSEQ overflow in SELECT",
         answer(Step::Select, selected("* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 3] ok\r\n"
                                       "* OK [HIGHESTMODSEQ 18446744073709551616] ok\r\n"))},
        {"UIDVALIDITY 0",
         answer(Step::Select, selected("* OK [UIDVALIDITY 0] ok\r\n* OK [UIDNEXT 3] ok\r\n"
                                       "* OK [HIGHESTMODSEQ 3] ok\r\n"))},
        {"NOMODSEQ",
         answer(Step::Select, selected("* OK [UIDVALIDITY 7] ok\r\n"
                                       "* OK [UIDNEXT 3] ok\r\n* OK [NOMODSEQ] no\r\n"))},
        {"EXISTS overflow", answer(Step::Select, "* 4294967296 EXISTS\r\n" + selected(usualCodes))},
        {"VANISHED with UID 0",
         answer(Step::Select, "* VANISHED (EARLIER) 0:2\r\n" + selected(usualCodes))},
        {"read-only mailbox", answer(Step::Select, selected(usualCodes, "OK [READ-ONLY] ok"))},
        {"SELECT never answered", answer(Step::Select, "* 2 EXISTS\r\n")},
        // The summary of new messages (UID FETCH, RFC 3501 §6.4.8).
        {"4 GB header literal",
         endless(Step::Summary,
                 "* 1 FETCH (UID 1 BODY[HEADER.FIELDS (MESSAGE-ID)] {4294967296}\r\n",
                 QByteArray(65536, 'x'))},
        {"UID 0", answer(Step::Summary,
                         summaryLine("UID 0 RFC822.SIZE 10 INTERNALDATE " + date +
                                     " FLAGS () BODY[HEADER.FIELDS (MESSAGE-ID)] " + header))},
        {"RFC822.SIZE overflow",
         answer(Step::Summary,
                summaryLine("UID 1 RFC822.SIZE 99999999999999999999 INTERNALDATE " + date +
                            " FLAGS () BODY[HEADER.FIELDS (MESSAGE-ID)] " + header))},
        {"deep nesting in FLAGS",
         answer(Step::Summary, summaryLine("UID 1 FLAGS " + QByteArray(100000, '(')))},
        {"invalid INTERNALDATE",
         answer(Step::Summary, summaryLine("UID 1 RFC822.SIZE 10 INTERNALDATE \"yesterday\" FLAGS "
                                           "() BODY[HEADER.FIELDS (MESSAGE-ID)] " +
                                           header))},
        {"endless FETCH line",
         endless(Step::Summary, "* 1 FETCH (UID 1 FLAGS (", QByteArray("\\Seen ").repeated(8192))},
        {"NUL in FLAGS",
         answer(Step::Summary, summaryLine(QByteArray("UID 1 FLAGS (\\Se\0en)", 20)))},
        {"garbage after the completion",
         answer(Step::Summary, "{tag} OK fetched\r\n\x01\x02garbage\r\n")},
        // The bodies (the copy's source).
        {"body cut mid-literal", answer(Step::Body,
                                        "* 1 FETCH (UID 1 FLAGS () INTERNALDATE " + date +
                                            " BODY[] {1000}\r\nonly a few bytes",
                                        true)},
        {"4 GB body literal",
         endless(Step::Body,
                 "* 1 FETCH (UID 1 FLAGS () INTERNALDATE " + date + " BODY[] {4294967296}\r\n",
                 QByteArray(65536, 'x'))},
        // The check after the writes (CHANGEDSINCE, RFC 7162 §3.1.4).
        {"VANISHED 0 in the check", answer(Step::Check, "* VANISHED 0\r\n{tag} OK fetched\r\n")},
        {"MODSEQ overflow in the check",
         answer(
             Step::Check,
             "* 1 FETCH (UID 1 FLAGS () MODSEQ (18446744073709551616))\r\n{tag} OK fetched\r\n")},
        {"EXPUNGE in the check", answer(Step::Check, "* 1 EXPUNGE\r\n{tag} OK fetched\r\n")},
        {"check never answered", answer(Step::Check, {})},
        // The APPEND of the local message (RFC 3502, APPENDUID: RFC 4315 §3).
        {"APPENDUID without a UID", answer(Step::Append, "{tag} OK [APPENDUID 7] appended\r\n")},
        {"APPENDUID with two UIDs for one message",
         answer(Step::Append, "{tag} OK [APPENDUID 7 5:6] appended\r\n")},
        {"APPENDUID with UID 0", answer(Step::Append, "{tag} OK [APPENDUID 7 0] appended\r\n")},
        {"APPENDUID overflow",
         answer(Step::Append, "{tag} OK [APPENDUID 7 4294967296] appended\r\n")},
        {"APPENDUID of another UIDVALIDITY",
         answer(Step::Append, "{tag} OK [APPENDUID 8 5] appended\r\n")},
        {"BYE instead of an APPEND's answer", answer(Step::Append, "* BYE going down\r\n", true)},
    };
}

QByteArray hashOf(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void conversation_data();
    void conversation();
    void cleanupTestCase();

private:
    struct Run
    {
        bool finished = false;
        int exitCode = -1;
        qint64 peakRssKb = 0;
        QString output;
    };
    Run runCli(const QString &mailbox);
    // Empty when every pair the database holds is on both servers and no mailbox state moved.
    QString databaseProblems(const QString &mailbox, const HostileImapServer &server,
                             bool firstRun);

    std::unique_ptr<DovecotServer> m_local;
    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_port = 0;
};

void TestHostileServer::initTestCase()
{
    m_local = std::make_unique<DovecotServer>(DovecotConfig::named(QStringLiteral("local"), u'/'));
    QString error;
    QVERIFY2(m_local->start(&error), qPrintable(error));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHostileServer::cleanupTestCase()
{
    m_local.reset();
}

void TestHostileServer::conversation_data()
{
    QTest::addColumn<int>("index");
    const QList<Case> all = cases();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all.at(i).name) << i;
}

TestHostileServer::Run TestHostileServer::runCli(const QString &mailbox)
{
    const QString configPath = m_dir->filePath(mailbox + QStringLiteral(".conf"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(configPath));
    config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    config.write(
        "database = " + QFile::encodeName(m_dir->filePath(mailbox + QStringLiteral(".db"))) +
        "\nparallel-mailboxes = 1\n[local]\ntype = tunnel\ncommand = " +
        m_local->tunnelCommandLine().toUtf8() +
        "\n[remote]\ntype = imap\nhost = 127.0.0.1\nport = " + QByteArray::number(m_port) +
        "\nSTARTTLS = NO\npassword = unused\ntimeout = 3\n");
    config.close();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg")));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer holds freed blocks in a quarantine of 256 MB before it reuses them,
    // so a run that frees and reallocates its buffers (a line growing to its 4 MB limit)
    // would show a peak made of memory it no longer holds. A small quarantine keeps the
    // peak about what Twinbox holds, and the limit below the same as in other builds.
    QStringList sanitizerOptions =
        environment.value(QStringLiteral("ASAN_OPTIONS")).split(u':', Qt::SkipEmptyParts);
    sanitizerOptions.append(QStringLiteral("quarantine_size_mb=8"));
    environment.insert(QStringLiteral("ASAN_OPTIONS"), sanitizerOptions.join(u':'));
#endif
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    Run run;
    // The peak resident set, read while it runs (VmHWM: the high-water mark so far).
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &process, [&] {
        QFile status(QStringLiteral("/proc/%1/status").arg(process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                run.peakRssKb =
                    std::max(run.peakRssKb, line.mid(6).trimmed().split(' ')[0].toLongLong());
        }
    });
    sampler.start(10);
    process.start(QStringLiteral(TWINBOX_CLI_PATH),
                  {QStringLiteral("--config=") + configPath, QStringLiteral("--debug"), mailbox});
    run.finished = finished.wait(45000);
    sampler.stop();
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TestHostileServer::databaseProblems(const QString &mailbox, const HostileImapServer &server,
                                            bool firstRun)
{
    const auto local = MailboxSnapshot::read(*m_local, mailbox.toLatin1());
    if (!local)
        return QStringLiteral("cannot read the local mailbox");
    QSet<quint32> remoteUids;
    for (const auto &message : server.messages())
        remoteUids.insert(message.uid);
    QStringList problems;
    const QString connection = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_dir->filePath(mailbox + QStringLiteral(".db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT local_uid, remote_uid FROM mapping"))) {
                while (query.next()) {
                    const quint32 l = query.value(0).toUInt(), r = query.value(1).toUInt();
                    if (!local->prints.contains(l) || !remoteUids.contains(r))
                        problems.append(
                            QStringLiteral("a pair %1-%2 not on both servers").arg(l).arg(r));
                }
            }
            if (firstRun &&
                query.exec(QStringLiteral("SELECT count(*) FROM mailbox_state WHERE uidnext > 0 "
                                          "OR highestmodseq > 0")) &&
                query.next() && query.value(0).toInt() > 0)
                problems.append(QStringLiteral("a UIDNEXT or HIGHESTMODSEQ was stored"));
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return problems.join(QStringLiteral("; "));
}

void TestHostileServer::conversation()
{
    QFETCH(int, index);
    const Case hostile = cases().at(index);
    const QString mailbox = QStringLiteral("Hostile%1").arg(index);
    // One message on the local side, two on the hostile one: both directions are copied.
    const auto localSeed = twinbox::test::makeSeedMessage(1000 + index);
    QString error;
    QVERIFY2(m_local->append(mailbox, {localSeed}, &error), qPrintable(error));
    const QByteArray remoteFirst = twinbox::test::makeSeedMessage(2000 + 2 * index).content;
    const QByteArray remoteSecond = twinbox::test::makeSeedMessage(2001 + 2 * index).content;
    HostileImapServer server(mailbox.toLatin1(), {remoteFirst, remoteSecond});
    m_port = server.port();
    Hostility hostility = hostile.hostility;
    hostility.head.replace("{box}", mailbox.toLatin1());
    server.setHostility(hostility);

    const Run run = runCli(mailbox);
    QVERIFY2(run.finished,
             qPrintable(QStringLiteral("still running after 45 s:\n") + run.output.right(3000)));
    QVERIFY2(server.hostilityPlayed(), qPrintable(run.output.right(3000)));
    QVERIFY2(
        run.exitCode == 1,
        qPrintable(
            QStringLiteral("exit code %1:\n%2").arg(run.exitCode).arg(run.output.right(3000))));
    QStringList errors;
    for (const QString &line : run.output.split(u'\n')) {
        if (line.contains(QStringLiteral("ERROR: ")) && line.contains(QStringLiteral("remote")))
            errors.append(line);
    }
    QVERIFY2(!errors.isEmpty(),
             qPrintable(QStringLiteral("no error naming the server:\n") + run.output.right(3000)));
    qInfo("%s -> %s (peak RSS %lld kB)", hostile.name, qPrintable(errors.constFirst()),
          run.peakRssKb);
    QVERIFY2(run.peakRssKb < peakRssLimitKb,
             qPrintable(QStringLiteral("peak RSS %1 kB").arg(run.peakRssKb)));
    QString problems = databaseProblems(mailbox, server, true);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // The same server, behaving: the next run converges, nothing lost, nothing twice.
    server.clearHostility();
    const Run again = runCli(mailbox);
    QVERIFY2(again.finished && again.exitCode == 0, qPrintable(again.output.right(3000)));
    problems = databaseProblems(mailbox, server, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const auto local = MailboxSnapshot::read(*m_local, mailbox.toLatin1());
    QVERIFY(local);
    QStringList localHashes, remoteHashes;
    for (const QByteArray &print : local->prints)
        localHashes.append(QString::fromLatin1(print.mid(print.lastIndexOf('|') + 1)));
    for (const auto &message : server.messages())
        remoteHashes.append(QString::fromLatin1(hashOf(message.content)));
    localHashes.sort();
    remoteHashes.sort();
    QStringList expected{QString::fromLatin1(hashOf(localSeed.content)),
                         QString::fromLatin1(hashOf(remoteFirst)),
                         QString::fromLatin1(hashOf(remoteSecond))};
    expected.sort();
    QCOMPARE(localHashes, expected);
    QCOMPARE(remoteHashes, expected);
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostile_server.moc"
