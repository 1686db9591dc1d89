// The real twinbox-cli against two scripted servers on loopback: what the algorithm cannot
// work with (no QRESYNC, NOMODSEQ, UIDNOTSTICKY, EXPUNGE under QRESYNC, APPEND without
// APPENDUID) ends the run with exit status 1 and one error line that names the server and the
// mailbox, and the state database holds nothing half-done: no UID pair the servers did not
// confirm, no UIDNEXT or HIGHESTMODSEQ stored for a mailbox whose sync failed, and an
// unconfirmed APPEND still in the journal for the next run to find. What a server merely
// declines (creating the parents of a new mailbox) is worked around instead.
#include "CliScripts.h"
#include "FakeImapServer.h"
#include "state/StateDatabase.h"
#include "state/StateStore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using twinbox::test::FakeImapServer;
using namespace twinbox::test::cli_scripts;

namespace {

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

QString sideName(qint64 side)
{
    return side == 0 ? QStringLiteral("local") : QStringLiteral("remote");
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

// INBOX synced before: both sides at HIGHESTMODSEQ 5, message 1 mapped with no flags ('':
// known to be none); and Work with the given local and remote states, when given.
bool storeSyncedInbox(
    const QString &path,
    const std::optional<std::pair<twinbox::state::SideState, twinbox::state::SideState>> &work = {})
{
    twinbox::state::StateDatabase database;
    QString error;
    if (!database.open(path, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    twinbox::state::StateStore store(database);
    const qint64 inbox = store.addMailbox("INBOX", false);
    store.setSideState(inbox, twinbox::state::Side::Local, {localUidValidity, 2, 5});
    store.setSideState(inbox, twinbox::state::Side::Remote, {remoteUidValidity, 2, 5});
    store.addMapping(inbox, {1, 1, QByteArrayList(), {}});
    if (work) {
        const qint64 id = store.addMailbox("Work", false);
        store.setSideState(id, twinbox::state::Side::Local, work->first);
        store.setSideState(id, twinbox::state::Side::Remote, work->second);
    }
    return true;
}

// The check after writing (MailboxSync): `UID FETCH ... (CHANGEDSINCE since VANISHED)` as
// `tag`, answered with `extra`.
Script check(int tag, quint64 since, const Script &extra)
{
    const QByteArray t = "T" + number(quint64(tag));
    Script script = {"C: " + t + " UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE " +
                     number(since) + " VANISHED)"};
    for (const QByteArray &line : extra)
        script.append(line);
    script.append("S: " + t + " OK fetched");
    return script;
}

} // namespace

class TestCliRefusals : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void serverWithoutQresync_data();
    void serverWithoutQresync();
    void qresyncNotEnabledEndsTheRun();
    void mailboxRefusedOnSelect_data();
    void mailboxRefusedOnSelect();
    void expungeDuringTheCheckAfterACopy();
    void expungeDuringTheFetchOfNewMessages();
    void appendWithoutAppendUid();
    void appendWithoutAppendUidIsFoundByTheNextRun();
    void messageStoredBelowOurAppendIsCopied();
    void modifiedStoreKeepsTheOtherSidesChange();
    void mailboxSelectedAgainWhenItsCheckShowsMoreWork();
    void bodyNotSentAsALiteralIsRecordedNotSkipped();
    void parentsCreatedWhenTheServerDoesNot();
    void flatAndHierarchicalNamespacesAreRefused();

private:
    CliRun runCli(const FakeImapServer &local, const FakeImapServer &remote);
    QString databasePath() const { return m_home->filePath(QStringLiteral("state.db")); }

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliRefusals::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliRefusals::cleanup()
{
    m_home.reset();
}

// Runs twinbox-cli once against the two servers and waits for it, serving both scripts
// meanwhile (they live in this process's event loop, so no blocking wait).
CliRun TestCliRefusals::runCli(const FakeImapServer &local, const FakeImapServer &remote)
{
    // A password in the file, although PREAUTH needs none: twinbox-cli asks for one before it
    // connects, and the keychain is not there in a test. 0600, or it warns.
    const QString configPath = m_home->filePath(QStringLiteral("config"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(configPath));
    config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A fake server plays one connection: no second pair for parallel mailboxes.
    QByteArray text =
        "database = " + QFile::encodeName(databasePath()) + "\nparallel-mailboxes = 1\n";
    for (const auto &[name, server] : {std::pair{"local", &local}, std::pair{"remote", &remote}})
        text += QByteArray("[") + name +
                "]\ntype = imap\nhost = 127.0.0.1\nport = " + number(server->port()) +
                "\nSTARTTLS = NO\npassword = unused\ntimeout = 20\n";
    config.write(text);
    config.close();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("xdg")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("xdg")));
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

// Both scripts played to the end: twinbox-cli sent exactly what they expect, in that order,
// and nothing after its LOGOUT.
#define VERIFY_SCRIPT_DONE(server)                                                                 \
    do {                                                                                           \
        QVERIFY2((server).failure().isEmpty(), qPrintable((server).failure()));                    \
        QVERIFY2((server).isDone(),                                                                \
                 qPrintable(QStringLiteral("script not finished; got: ") +                         \
                            QString::fromLatin1((server).receivedLines().join(" | "))));           \
    } while (false)

// A run that failed: exit status 1 and exactly one error line, with this start.
#define VERIFY_REFUSED(run, prefix, keyword)                                                       \
    do {                                                                                           \
        QVERIFY2((run).finished, qPrintable((run).output));                                        \
        QVERIFY2((run).exitCode == 1, qPrintable((run).output));                                   \
        QVERIFY2((run).errorLines.size() == 1, qPrintable((run).output));                          \
        QVERIFY2((run).errorLines.first().startsWith(prefix), qPrintable((run).output));           \
        QVERIFY2((run).errorLines.first().contains(keyword), qPrintable((run).output));            \
    } while (false)

// The usual end of a refusal test: refused as above, and both scripts played to the end.
#define VERIFY_REFUSED_BOTH_DONE(run, prefix, keyword)                                             \
    do {                                                                                           \
        VERIFY_REFUSED(run, prefix, keyword);                                                      \
        VERIFY_SCRIPT_DONE(local);                                                                 \
        VERIFY_SCRIPT_DONE(remote);                                                                \
    } while (false)

// The mailbox failed part-way: `mapping` is all that may be recorded (pairs confirmed by
// APPENDUID), no journal entry is left, and neither side's UIDNEXT nor HIGHESTMODSEQ moved.
#define VERIFY_NOTHING_ADVANCED(mappingRows)                                                       \
    do {                                                                                           \
        const StateRows state = readState(databasePath());                                         \
        QVERIFY2(state.error.isEmpty(), qPrintable(state.error));                                  \
        QCOMPARE(state.mapping, QStringList(mappingRows));                                         \
        QCOMPARE(state.pending, QStringList());                                                    \
        for (const QString &side : std::as_const(state.sides))                                     \
            QVERIFY2(side.endsWith(QStringLiteral(" uidnext 0 highestmodseq 0")),                  \
                     qPrintable(side));                                                            \
    } while (false)

void TestCliRefusals::serverWithoutQresync_data()
{
    QTest::addColumn<bool>("localLacksIt");
    QTest::newRow("local") << true;
    QTest::newRow("remote") << false;
}

void TestCliRefusals::serverWithoutQresync()
{
    // Without QRESYNC (RFC 7162) there is no VANISHED and no flag changes since a mod-sequence:
    // the algorithm cannot run at all, so nothing is enabled, listed or selected.
    QFETCH(bool, localLacksIt);
    const Script lacking = {"S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE LIST-EXTENDED "
                            "LIST-STATUS UIDPLUS LITERAL+] no QRESYNC here"};
    const Script good = {"S: * PREAUTH [CAPABILITY " + goodCapabilities + "] ready"};
    FakeImapServer local((localLacksIt ? lacking : good) + logout(1),
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote((localLacksIt ? good : lacking) + logout(1),
                          FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    const QString server = localLacksIt ? QStringLiteral("local") : QStringLiteral("remote");
    VERIFY_REFUSED_BOTH_DONE(run, server + QStringLiteral(": ERROR: "), QStringLiteral("QRESYNC"));

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mailboxes, 0);
    QCOMPARE(state.sides, QStringList());
    QCOMPARE(state.mapping, QStringList());
    QCOMPARE(state.pending, QStringList());
}

void TestCliRefusals::qresyncNotEnabledEndsTheRun()
{
    // The server advertises QRESYNC but does not enable it (RFC 5161 §3.2: ENABLED lists only
    // what was enabled). The ENABLE went pipelined with the first SELECT; its answer ends the
    // whole run with the capability error (no mailbox can be synced without QRESYNC), as
    // when ENABLE came right after login, instead of failing mailbox after mailbox.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 0, 1, 1};
    Script localScript = opening(localInbox) + firstSelect(localInbox) + logout(4);
    localScript.replace(localScript.indexOf(QByteArray("S: * ENABLED QRESYNC")), "S: * ENABLED");
    FakeImapServer local(localScript, FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(opening(remoteInbox) + firstSelect(remoteInbox) + logout(4),
                          FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    // Once for the run (VERIFY_REFUSED counts the error lines), not once per mailbox.
    VERIFY_REFUSED_BOTH_DONE(run, QStringLiteral("local: ERROR: "),
                             QStringLiteral("the server did not enable QRESYNC"));
    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.sides, QStringList());
    QCOMPARE(state.mapping, QStringList());
}

void TestCliRefusals::mailboxRefusedOnSelect_data()
{
    QTest::addColumn<bool>("onLocal");
    QTest::addColumn<QByteArray>("untagged");
    QTest::addColumn<QString>("keyword");
    // RFC 7162 §3.1.2.2: no mod-sequences, so no flag changes since the stored HIGHESTMODSEQ.
    QTest::newRow("NOMODSEQ on local")
        << true << QByteArray("* OK [NOMODSEQ] no mod-sequences here")
        << QStringLiteral("NOMODSEQ");
    QTest::newRow("NOMODSEQ on remote")
        << false << QByteArray("* OK [NOMODSEQ] no mod-sequences here")
        << QStringLiteral("NOMODSEQ");
    // RFC 4315 §3: UIDs not kept across sessions make the UID mapping meaningless.
    QTest::newRow("UIDNOTSTICKY on local")
        << true << QByteArray("* OK [UIDNOTSTICKY] UIDs are not kept")
        << QStringLiteral("UIDNOTSTICKY");
    QTest::newRow("UIDNOTSTICKY on remote")
        << false << QByteArray("* OK [UIDNOTSTICKY] UIDs are not kept")
        << QStringLiteral("UIDNOTSTICKY");
    // RFC 7162 §3.2.10: with QRESYNC enabled the server must send VANISHED, never EXPUNGE.
    QTest::newRow("EXPUNGE on local")
        << true << QByteArray("* 1 EXPUNGE") << QStringLiteral("EXPUNGE");
    QTest::newRow("EXPUNGE on remote")
        << false << QByteArray("* 1 EXPUNGE") << QStringLiteral("EXPUNGE");
}

void TestCliRefusals::mailboxRefusedOnSelect()
{
    // The other side is healthy and has new mail: a sloppy engine would start copying it, or
    // record the healthy side's UIDNEXT. Both SELECTs are pipelined; after the refusal the
    // only thing left to send is LOGOUT.
    QFETCH(bool, onLocal);
    QFETCH(QByteArray, untagged);
    QFETCH(QString, keyword);
    const Inbox localInbox{localUidValidity, 2, 3, 7};
    const Inbox remoteInbox{remoteUidValidity, 3, 4, 9};
    const Script extra = {"S: " + untagged};
    FakeImapServer local(endingAtExpunge(opening(localInbox) +
                                         firstSelect(localInbox, onLocal ? extra : Script()) +
                                         logout(4)),
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(endingAtExpunge(opening(remoteInbox) +
                                          firstSelect(remoteInbox, onLocal ? Script() : extra) +
                                          logout(4)),
                          FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    const QString server = onLocal ? QStringLiteral("local") : QStringLiteral("remote");
    VERIFY_REFUSED_BOTH_DONE(run, server + QStringLiteral("(INBOX): ERROR: "), keyword);

    // Nothing synced, so nothing that says so (a state row with UIDNEXT and HIGHESTMODSEQ
    // 0, "nothing synced yet", is harmless).
    VERIFY_NOTHING_ADVANCED({});
}

void TestCliRefusals::expungeDuringTheCheckAfterACopy()
{
    // The remote's new message is copied (APPENDUID confirms it), then the check pass that
    // looks for changes made meanwhile (UID FETCH ... CHANGEDSINCE ... VANISHED, RFC 7162
    // §3.2.6) gets an EXPUNGE from the local server. The confirmed pair stays mapped, but the
    // mailbox is not finished: neither UIDNEXT nor HIGHESTMODSEQ may be stored, or the next
    // run would skip what this one never looked at.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
    FakeImapServer local(
        endingAtExpunge(opening(localInbox) + firstSelect(localInbox) + appendOfOneMessage(4) +
                        Script{"S: T4 OK [APPENDUID 11 1] appended",
                               "C: T5 UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE 1 VANISHED)",
                               "S: * 1 EXPUNGE", "S: T5 OK fetched"}),
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        opening(remoteInbox) + firstSelect(remoteInbox) + summaryOfOneMessage(4) +
            bodyOfOneMessage(5) +
            Script{"C: T6 UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE 3 VANISHED)",
                   "S: T6 OK nothing changed"} +
            logout(7),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_REFUSED_BOTH_DONE(run, QStringLiteral("local(INBOX): ERROR: "),
                             QStringLiteral("EXPUNGE"));

    VERIFY_NOTHING_ADVANCED({QStringLiteral("local 1 remote 1")});
}

void TestCliRefusals::expungeDuringTheFetchOfNewMessages()
{
    // RFC 7162 §3.2.10 holds for every command, not only SELECT: an EXPUNGE during the
    // summary FETCH of the remote's new mail is the same violation (interimap fails on it
    // wherever it comes, pm:2476-2486). Here it removes the very message just listed; nothing
    // may be fetched or copied after it.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
    Script summary = summaryOfOneMessage(4);
    summary.insert(summary.size() - 1, "S: * 1 EXPUNGE"); // before the tagged OK
    FakeImapServer local(opening(localInbox) + firstSelect(localInbox) + logout(4),
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        endingAtExpunge(opening(remoteInbox) + firstSelect(remoteInbox) + summary),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_REFUSED_BOTH_DONE(run, QStringLiteral("remote(INBOX): ERROR: "),
                             QStringLiteral("EXPUNGE"));

    VERIFY_NOTHING_ADVANCED({});
}

void TestCliRefusals::appendWithoutAppendUid()
{
    // The local server takes the APPEND but does not say which UID the message got (RFC 4315
    // §3 APPENDUID). The message is on the server, unmapped: the journal entry written before
    // the APPEND must stay, so that the next run looks for it instead of appending it again,
    // and UIDNEXT must not move past it.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
    FakeImapServer local(opening(localInbox) + firstSelect(localInbox) + appendOfOneMessage(4) +
                             Script{"S: T4 OK appended"} + logout(5),
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(opening(remoteInbox) + firstSelect(remoteInbox) + summaryOfOneMessage(4) +
                              bodyOfOneMessage(5) + logout(6),
                          FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_REFUSED_BOTH_DONE(run, QStringLiteral("local(INBOX): ERROR: "),
                             QStringLiteral("APPENDUID"));

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList());
    QCOMPARE(state.pending, QStringList{QStringLiteral("remote 1 %1 %2")
                                            .arg(QString::fromLatin1(messageId))
                                            .arg(messageSize())});
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 0 highestmodseq 0"),
                                       QStringLiteral("remote 22 uidnext 0 highestmodseq 0")}));
}

void TestCliRefusals::messageStoredBelowOurAppendIsCopied()
{
    // Another client stores a message on the local server while twinbox-cli appends there: it
    // gets UID 1, ours UID 2 (APPENDUID), and the check after the writes does not report it
    // (it entered the session's view during the check, as with Dovecot). UIDNEXT 3 must not
    // be believed before the UIDs from 1 on were listed: twinbox-cli lists them, finds UID 1
    // unmapped and goes to copy it. (The network fault soak found this: such a message was
    // left under the stored UIDNEXT, never to be synced.) Here the local server then ends
    // the connection; the pair that APPENDUID confirmed is all the database keeps.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
    FakeImapServer local(opening(localInbox) + firstSelect(localInbox) + appendOfOneMessage(4) +
                             Script{"S: * 2 EXISTS", "S: T4 OK [APPENDUID 11 2] appended",
                                    "C: T5 UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE 1 "
                                    "VANISHED)",
                                    "S: * 2 FETCH (UID 2 MODSEQ (3) FLAGS (\\Seen))",
                                    "S: T5 OK fetched", "C: T6 UID FETCH 1:4294967295 (UID)",
                                    "S: * 1 FETCH (UID 1)", "S: * 2 FETCH (UID 2)",
                                    "S: T6 OK fetched",
                                    "C: T7 UID FETCH 1:4294967295 (UID RFC822.SIZE INTERNALDATE "
                                    "FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])",
                                    "X"},
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(opening(remoteInbox) + firstSelect(remoteInbox) + summaryOfOneMessage(4) +
                              bodyOfOneMessage(5) +
                              Script{"C: T6 UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE 3 "
                                     "VANISHED)",
                                     "S: T6 OK fetched"} +
                              logout(7),
                          FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_REFUSED_BOTH_DONE(run, QStringLiteral("local(INBOX): ERROR: "),
                             QStringLiteral("closed"));
    VERIFY_NOTHING_ADVANCED(QStringList{QStringLiteral("local 2 remote 1")});
}

void TestCliRefusals::appendWithoutAppendUidIsFoundByTheNextRun()
{
    // The run after appendWithoutAppendUid: the journal sends twinbox-cli looking on the local
    // server from the UIDNEXT it had before the APPEND, where the message is (same Message-ID,
    // size and INTERNALDATE). It is mapped, not appended a second time, and the mailbox is
    // finished.
    {
        const Inbox localInbox{localUidValidity, 0, 1, 1};
        const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
        FakeImapServer local(opening(localInbox) + firstSelect(localInbox) + appendOfOneMessage(4) +
                                 Script{"S: T4 OK appended"} + logout(5),
                             FakeImapServer::Mode::LoopbackTcp);
        FakeImapServer remote(opening(remoteInbox) + firstSelect(remoteInbox) +
                                  summaryOfOneMessage(4) + bodyOfOneMessage(5) + logout(6),
                              FakeImapServer::Mode::LoopbackTcp);
        const CliRun first = runCli(local, remote);
        VERIFY_REFUSED(first, QStringLiteral("local(INBOX): ERROR: "), QStringLiteral("APPENDUID"));
    }

    // The message landed as local UID 1; HIGHESTMODSEQ 0 on record means "nothing synced yet",
    // so both SELECTs ask with CONDSTORE again.
    const Inbox localInbox{localUidValidity, 1, 2, 2};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
    // Local T4 is the journal's search from the old UIDNEXT. A first sync that did not finish
    // has no HIGHESTMODSEQ to ask QRESYNC from, so the mapped message's flags and existence
    // are read in full on both sides (local T5, remote T4); then the usual look for new mail,
    // which finds only the message now mapped.
    const auto allFlags = [](int tag) {
        const QByteArray t = "T" + number(quint64(tag));
        return Script{"C: " + t + " UID FETCH 1:4294967295 (UID FLAGS)",
                      "S: * 1 FETCH (UID 1 FLAGS (\\Seen))", "S: " + t + " OK fetched"};
    };
    FakeImapServer local(opening(localInbox) + firstSelect(localInbox) + summaryOfOneMessage(4) +
                             allFlags(5) + summaryOfOneMessage(6) + logout(7),
                         FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(opening(remoteInbox) + firstSelect(remoteInbox) + allFlags(4) +
                              summaryOfOneMessage(5) + logout(6),
                          FakeImapServer::Mode::LoopbackTcp);
    const CliRun run = runCli(local, remote);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.errorLines.isEmpty(), qPrintable(run.output));
    VERIFY_SCRIPT_DONE(local);
    VERIFY_SCRIPT_DONE(remote);

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.pending, QStringList());
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 2"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 3")}));
}

void TestCliRefusals::modifiedStoreKeepsTheOtherSidesChange()
{
    // INBOX was synced before (both sides at HIGHESTMODSEQ 5, message 1 mapped with no flags).
    // The user marked it read locally; the UID STORE that writes \Seen to the remote meets
    // [MODIFIED] (RFC 7162 §3.1.3), because another client set $Other there just after the
    // SELECT. The check reports only the remote's change, not the local one again (its
    // MODSEQ is below what is confirmed). The local \Seen lives on in the stored target, with
    // the remote's base ('') kept because its STORE did not land: the next pass adds the
    // remote's own change, $Other, and both sides get ($Other \Seen). No conflict: nothing
    // was decided for the user. An engine that drops the target writes ($Other) to the local
    // server and loses the user's change.
    QVERIFY(storeSyncedInbox(databasePath()));

    // The remote's LIST-STATUS is what was stored (the other client comes later); the local
    // one shows the change, so INBOX is selected on both.
    const Inbox localInbox{localUidValidity, 1, 2, 10};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 5};
    const auto resync = [](const Inbox &inbox, const Script &extra) {
        return firstSelect(inbox, extra,
                           "SELECT INBOX (QRESYNC (" + number(inbox.uidValidity) + " 5))");
    };
    FakeImapServer local(
        opening(localInbox) +
            resync(localInbox, {"S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (10))"}) +
            check(4, 10, {}) +
            Script{"C: T5 UID STORE 1 (UNCHANGEDSINCE 10) FLAGS.SILENT ($Other \\Seen)",
                   "S: T5 OK stored"} +
            check(6, 10, {"S: * 1 FETCH (UID 1 FLAGS ($Other \\Seen) MODSEQ (11))"}) + logout(7),
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        opening(remoteInbox) + resync(remoteInbox, {}) +
            Script{"C: T4 UID STORE 1 (UNCHANGEDSINCE 5) FLAGS.SILENT (\\Seen)",
                   "S: T4 OK [MODIFIED 1] Conditional STORE failed"} +
            check(5, 5, {"S: * 1 FETCH (UID 1 FLAGS ($Other) MODSEQ (7))"}) +
            Script{"C: T6 UID STORE 1 (UNCHANGEDSINCE 7) FLAGS.SILENT ($Other \\Seen)",
                   "S: T6 OK stored"} +
            check(7, 7, {"S: * 1 FETCH (UID 1 FLAGS ($Other \\Seen) MODSEQ (8))"}) + logout(8),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.errorLines.isEmpty(), qPrintable(run.output));
    VERIFY_SCRIPT_DONE(local);
    VERIFY_SCRIPT_DONE(remote);
    QVERIFY2(!run.output.contains(QStringLiteral("Conflicting flag update")),
             qPrintable(run.output));

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.pending, QStringList());
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 11"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 8")}));

    twinbox::state::StateDatabase database;
    QString error;
    QVERIFY2(database.open(databasePath(), &error), qPrintable(error));
    QSqlQuery query(database.connection());
    QVERIFY2(query.exec(QStringLiteral("SELECT flags, local_base IS NULL AND remote_base IS NULL "
                                       "FROM mapping WHERE local_uid = 1")) &&
                 query.next(),
             qPrintable(query.lastError().text()));
    QCOMPARE(query.value(0).toString(), QStringLiteral("$Other \\Seen"));
    QVERIFY(query.value(1).toBool()); // both STOREs confirmed: no update under way
    QVERIFY2(query.exec(QStringLiteral("SELECT kind, local_uid, remote_uid FROM issue_log")),
             qPrintable(query.lastError().text()));
    QStringList issues;
    while (query.next())
        issues.append(QStringLiteral("%1 local %2 remote %3")
                          .arg(query.value(0).toString())
                          .arg(query.value(1).toLongLong())
                          .arg(query.value(2).toLongLong()));
    QCOMPARE(issues, QStringList());
}

void TestCliRefusals::mailboxSelectedAgainWhenItsCheckShowsMoreWork()
{
    // modifiedStoreKeepsTheOtherSidesChange with a second mailbox, Work, to sync after INBOX:
    // Work's SELECT goes out behind INBOX's check (SelectAhead). That check shows the remote's
    // $Other, which INBOX still has to carry over, so INBOX is selected again (QRESYNC from
    // what its check confirmed), its STOREs and check follow, and Work is selected ahead once
    // more behind that check; Work then syncs from that answer. The second SELECT of INBOX
    // shows a local change made meanwhile ($Mine): it meets the remote's $Other in a
    // three-way merge (a conflict, whose message is named first), and the STOREs are
    // conditional on that SELECT's HIGHESTMODSEQ (12), not on the older check's (10). Both
    // mailboxes end stored and every script runs to its end: nothing is written to Work for
    // INBOX.
    QVERIFY(storeSyncedInbox(databasePath(), std::pair{twinbox::state::SideState{33, 1, 3},
                                                       twinbox::state::SideState{44, 1, 3}}));
    const Inbox localInbox{localUidValidity, 1, 2, 10};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 5};
    const Inbox localWork{33, 0, 1, 4}; // another client's change: Work is selected
    const Inbox remoteWork{44, 0, 1, 3};
    const auto openingWithWork = [](const Inbox &inbox, const Inbox &work) {
        Script script = opening(inbox);
        script.insert(script.size() - 1, "S: * LIST (\\HasNoChildren) \"/\" Work");
        script.insert(script.size() - 1, "S: * STATUS Work (UIDVALIDITY " +
                                             number(work.uidValidity) + " UIDNEXT " +
                                             number(work.uidNext) + " HIGHESTMODSEQ " +
                                             number(work.highestModSeq) + ")");
        return script;
    };
    const auto select = [](const QByteArray &name, const Inbox &inbox, quint64 since, int tag,
                           const Script &extra = {}) {
        return firstSelect(inbox, extra,
                           "SELECT " + name + " (QRESYNC (" + number(inbox.uidValidity) + " " +
                               number(since) + "))",
                           tag);
    };
    FakeImapServer local(
        openingWithWork(localInbox, localWork) +
            select("INBOX", localInbox, 5, 3, {"S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (10))"}) +
            check(4, 10, {}) + select("Work", localWork, 3, 5) +
            select("INBOX", Inbox{localUidValidity, 1, 2, 12}, 10, 6,
                   {"S: * 1 FETCH (UID 1 FLAGS ($Mine \\Seen) MODSEQ (12))"}) +
            Script{"C: T7 UID FETCH 1 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT FROM DATE)])",
                   "S: T7 OK fetched",
                   "C: T8 UID STORE 1 (UNCHANGEDSINCE 12) FLAGS.SILENT ($Mine $Other \\Seen)",
                   "S: T8 OK stored"} +
            check(9, 12, {"S: * 1 FETCH (UID 1 FLAGS ($Mine $Other \\Seen) MODSEQ (13))"}) +
            select("Work", localWork, 3, 10) + logout(11),
        FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(
        openingWithWork(remoteInbox, remoteWork) + select("INBOX", remoteInbox, 5, 3) +
            Script{"C: T4 UID STORE 1 (UNCHANGEDSINCE 5) FLAGS.SILENT (\\Seen)",
                   "S: T4 OK [MODIFIED 1] Conditional STORE failed"} +
            check(5, 5, {"S: * 1 FETCH (UID 1 FLAGS ($Other) MODSEQ (7))"}) +
            select("Work", remoteWork, 3, 6) +
            select("INBOX", Inbox{remoteUidValidity, 1, 2, 7}, 7, 7) +
            Script{"C: T8 UID STORE 1 (UNCHANGEDSINCE 7) FLAGS.SILENT ($Mine $Other \\Seen)",
                   "S: T8 OK stored"} +
            check(9, 7, {"S: * 1 FETCH (UID 1 FLAGS ($Mine $Other \\Seen) MODSEQ (8))"}) +
            select("Work", remoteWork, 3, 10) + logout(11),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.errorLines.isEmpty(), qPrintable(run.output));
    VERIFY_SCRIPT_DONE(local);
    VERIFY_SCRIPT_DONE(remote);
    QVERIFY2(run.output.contains(QStringLiteral("Conflicting flag update in INBOX for local UID 1 "
                                                "($Mine \\Seen) and remote UID 1 ($Other)")),
             qPrintable(run.output));

    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList{QStringLiteral("local 1 remote 1")});
    QCOMPARE(state.sides, (QStringList{QStringLiteral("local 11 uidnext 2 highestmodseq 13"),
                                       QStringLiteral("remote 22 uidnext 2 highestmodseq 8"),
                                       QStringLiteral("local 33 uidnext 1 highestmodseq 4"),
                                       QStringLiteral("remote 44 uidnext 1 highestmodseq 3")}));
    twinbox::state::StateDatabase database;
    QString error;
    QVERIFY2(database.open(databasePath(), &error), qPrintable(error));
    QSqlQuery query(database.connection());
    QVERIFY2(query.exec(QStringLiteral("SELECT flags, local_base IS NULL AND remote_base IS NULL "
                                       "FROM mapping WHERE local_uid = 1")) &&
                 query.next(),
             qPrintable(query.lastError().text()));
    QCOMPARE(query.value(0).toString(), QStringLiteral("$Mine $Other \\Seen"));
    QVERIFY(query.value(1).toBool());
}

void TestCliRefusals::bodyNotSentAsALiteralIsRecordedNotSkipped()
{
    // The remote lists a new message but answers the body FETCH with BODY[] NIL (RFC 3501
    // allows NIL for an nstring). Nothing can be streamed to the local side; the message is
    // still there, so it is recorded as not copied (retried next run), never skipped as if it
    // had been expunged.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 1, 2, 3};
    FakeImapServer local(opening(localInbox) + firstSelect(localInbox) +
                             Script{"C: T4 UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE 1 "
                                    "VANISHED)",
                                    "S: T4 OK nothing"} +
                             logout(5),
                         FakeImapServer::Mode::LoopbackTcp);
    Script again = summaryOfOneMessage(6);
    again[0] = "C: T6 UID FETCH 1 (UID RFC822.SIZE INTERNALDATE FLAGS BODY.PEEK[HEADER.FIELDS "
               "(MESSAGE-ID)])";
    FakeImapServer remote(
        opening(remoteInbox) + firstSelect(remoteInbox) + summaryOfOneMessage(4) +
            Script{"C: T5 UID FETCH 1 (UID FLAGS INTERNALDATE BODY.PEEK[])",
                   "S: * 1 FETCH (UID 1 FLAGS (\\Seen) INTERNALDATE " + internalDate +
                       " BODY[] NIL)",
                   "S: T5 OK fetched"} +
            again +
            Script{"C: T7 UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE 3 VANISHED)",
                   "S: T7 OK nothing"} +
            logout(8),
        FakeImapServer::Mode::LoopbackTcp);
    const CliRun run = runCli(local, remote);
    VERIFY_REFUSED(run, QStringLiteral("local(INBOX): ERROR: "),
                   QStringLiteral("did not send the message's body"));
    VERIFY_SCRIPT_DONE(local);
    VERIFY_SCRIPT_DONE(remote);
    const StateRows state = readState(databasePath());
    QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    QCOMPARE(state.mapping, QStringList());
    QCOMPARE(state.pending, QStringList());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("nil"));
    {
        db.setDatabaseName(databasePath());
        QVERIFY(db.open());
        QSqlQuery refused(db);
        QVERIFY(
            refused.exec(QStringLiteral("SELECT source_side, source_uid FROM refused_message")));
        QVERIFY(refused.next());
        QCOMPARE(refused.value(0).toInt(), 1); // remote
        QCOMPARE(refused.value(1).toInt(), 1);
        QVERIFY(!refused.next());
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("nil"));
}

QTEST_GUILESS_MAIN(TestCliRefusals)
#include "tst_cli_refusals.moc"

void TestCliRefusals::parentsCreatedWhenTheServerDoesNot()
{
    // Local has A/B under a \Noselect A. The remote, unlike Dovecot, does not create the
    // superior names a CREATE needs (RFC 3501 §6.3.3 says it SHOULD): A first, then A/B.
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 0, 1, 1};
    const Inbox child{localUidValidity + 1, 0, 1, 1};
    Script localScript = opening(localInbox);
    const Script children = {"S: * LIST (\\Noselect \\HasChildren) \"/\" A",
                             "S: * LIST (\\HasNoChildren) \"/\" A/B",
                             "S: * STATUS A/B (UIDVALIDITY " + number(child.uidValidity) +
                                 " UIDNEXT 1 HIGHESTMODSEQ 1)"};
    for (const QByteArray &line : children) // before the LIST's tagged OK
        localScript.insert(localScript.size() - 1, line);
    FakeImapServer local(localScript + firstSelect(localInbox) +
                             firstSelect(child, {}, "SELECT A/B (CONDSTORE)", 4) + logout(5),
                         FakeImapServer::Mode::LoopbackTcp);
    // Every mailbox is created or left alone before the first is synced (PairSync).
    FakeImapServer remote(
        opening(remoteInbox) +
            Script{"C: T2 CREATE A/B", "S: T2 NO [NONEXISTENT] no parent A", "C: T3 CREATE A",
                   "S: T3 OK created", "C: T4 CREATE A/B", "S: T4 OK created"} +
            firstSelect(remoteInbox, {}, "SELECT INBOX (CONDSTORE)", 6, true) +
            firstSelect(Inbox{remoteUidValidity + 1, 0, 1, 1}, {}, "SELECT A/B (CONDSTORE)", 7) +
            logout(8),
        FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.errorLines.isEmpty(), qPrintable(run.output));
    QVERIFY2(run.output.contains(QStringLiteral("remote(A/B): Created mailbox")),
             qPrintable(run.output));
    VERIFY_SCRIPT_DONE(local);
    VERIFY_SCRIPT_DONE(remote);
    QCOMPARE(readState(databasePath()).mailboxes, 2); // INBOX and A/B; A holds nothing
}

void TestCliRefusals::flatAndHierarchicalNamespacesAreRefused()
{
    // A flat server (NIL delimiter, RFC 3501 §7.2.2) cannot hold a tree: nothing is synced,
    // with interimap's message (reference §3.3).
    const Inbox localInbox{localUidValidity, 0, 1, 1};
    const Inbox remoteInbox{remoteUidValidity, 0, 1, 1};
    Script localScript = opening(localInbox);
    localScript.insert(localScript.size() - 1, "S: * LIST (\\HasNoChildren) \"/\" Lists/Qt");
    Script remoteScript = opening(remoteInbox);
    for (QByteArray &line : remoteScript)
        line.replace("\"/\"", "NIL");
    remoteScript.insert(remoteScript.size() - 1, "S: * LIST (\\HasNoChildren) NIL Lists");
    FakeImapServer local(localScript + logout(2), FakeImapServer::Mode::LoopbackTcp);
    FakeImapServer remote(remoteScript + logout(2), FakeImapServer::Mode::LoopbackTcp);

    const CliRun run = runCli(local, remote);
    VERIFY_REFUSED_BOTH_DONE(run, QStringLiteral("ERROR: "),
                             QStringLiteral("Local and remote namespaces are neither both flat "
                                            "nor both hierarchical (local \"/\", remote NIL)."));
    QCOMPARE(readState(databasePath()).mailboxes, 0);
}
