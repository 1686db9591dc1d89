// The mailbox list on two real Dovecot servers with different hierarchy delimiters ("/"
// local, "." remote), issue #5: non-ASCII names (modified UTF-7 on the wire, RFC 3501
// §5.1.3, decoded only for people), the list-mailbox, list-reference and ignore-mailbox
// filters (reference §1.2, §3.3-§3.4), and a name that holds the other server's delimiter.
// The wire names are written out here by hand (not with Twinbox's encoder) and checked with
// the independent test client.
#include "MailboxSnapshot.h"
#include "SyncScenario.h"

#include <QTest>

using twinbox::test::DovecotServer;
using twinbox::test::listed;
using twinbox::test::seeds;
using twinbox::test::SyncHarness;

namespace {

// Modified UTF-7 (RFC 3501 §5.1.3) of the names used below.
constexpr char entwuerfe[] = "Entw&APw-rfe"; // Entwürfe
constexpr char groesse[] = "Gr&APYA3w-e";    // Größe
constexpr char cafe[] = "Caf&AOk-";          // Café
constexpr char creme[] = "Cr&AOg-me";        // Crème
const QByteArray entwuerfeGroesse = QByteArray(entwuerfe) + '/' + groesse;
const QByteArray cafeCreme = QByteArray(cafe) + '/' + creme;

QStringList sorted(QStringList names)
{
    names.sort();
    return names;
}

QString log(const SyncHarness::Run &run)
{
    return run.infoLines().join(u'\n');
}

} // namespace

class TestMailboxList : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nonAsciiNamesSyncBothWays();
    void utf8MailboxArgumentsAreEncoded();
    void listMailboxPatternsAndReference();
    void mailboxArgumentsBypassIgnoreAndListMailbox();
    void nameWithTheOtherDelimiterIsReported();

private:
    // Fills mailboxes (wire names; created when missing) of a server with new messages, each
    // one different from all the test made before; false, with a warning, on failure.
    bool fill(DovecotServer &server, const QList<std::pair<QString, int>> &mailboxes);
    // `run` succeeded and `mailboxes` (local wire names; `internal` their database names
    // when a list-reference makes them differ) converged; a second run changes nothing.
    void expectConverged(const SyncHarness::Run &run, const QList<QByteArray> &mailboxes,
                         const QList<QByteArray> &internal = {});

    std::unique_ptr<SyncHarness> m_harness;
    int m_nextSeed = 0;
};

void TestMailboxList::init()
{
    m_harness = std::make_unique<SyncHarness>();
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
}

void TestMailboxList::cleanup()
{
    m_harness.reset();
}

bool TestMailboxList::fill(DovecotServer &server, const QList<std::pair<QString, int>> &mailboxes)
{
    for (const auto &[mailbox, count] : mailboxes) {
        QString error;
        if (!server.append(mailbox, seeds(m_nextSeed, count), &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        m_nextSeed += count;
    }
    return true;
}

void TestMailboxList::expectConverged(const SyncHarness::Run &run,
                                      const QList<QByteArray> &mailboxes,
                                      const QList<QByteArray> &internal)
{
    twinbox::test::expectConverged(*m_harness, run, mailboxes, internal);
}

void TestMailboxList::nonAsciiNamesSyncBothWays()
{
    QVERIFY(fill(m_harness->local(), {{QString::fromLatin1(entwuerfeGroesse), 2}}));
    QVERIFY(
        fill(m_harness->remote(), {{QString::fromLatin1(SyncHarness::remoteName(cafeCreme)), 3}}));
    const SyncHarness::Run run = m_harness->sync();
    const QStringList lines = run.infoLines();
    QVERIFY2(lines.contains(QStringLiteral("remote(Entwürfe/Größe): Created mailbox")) &&
                 lines.contains(QStringLiteral("local(Café/Crème): Created mailbox")),
             qPrintable(log(run)));
    // People read the decoded names; the modified UTF-7 form is for the wire only.
    QVERIFY2(lines.filter(QStringLiteral("&A")).isEmpty(), qPrintable(log(run)));
    QCOMPARE(listed(*m_harness, m_harness->local()),
             sorted({QString::fromLatin1(cafeCreme), QString::fromLatin1(entwuerfeGroesse),
                     QStringLiteral("INBOX")}));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             sorted({QString::fromLatin1(SyncHarness::remoteName(cafeCreme)),
                     QString::fromLatin1(SyncHarness::remoteName(entwuerfeGroesse)),
                     QStringLiteral("INBOX")}));
    expectConverged(run, {entwuerfeGroesse, cafeCreme, "INBOX"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mapping")), 5);
}

void TestMailboxList::utf8MailboxArgumentsAreEncoded()
{
    QVERIFY(fill(m_harness->local(), {{QStringLiteral("INBOX"), 1},
                                      {QString::fromLatin1(entwuerfe), 2},
                                      {QString::fromLatin1(cafe), 2}}));

    // A UTF-8 argument names the mailbox, which is synced, and nothing else.
    const SyncHarness::Run only = m_harness->sync({QStringLiteral("Entwürfe")});
    QVERIFY2(only.exitCode == 0, qPrintable(log(only)));
    QVERIFY2(only.infoLines().contains(QStringLiteral("remote(Entwürfe): Created mailbox")),
             qPrintable(log(only)));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             sorted({QString::fromLatin1(entwuerfe), QStringLiteral("INBOX")}));
    QVERIFY2(m_harness->convergence(entwuerfe).isEmpty(),
             qPrintable(m_harness->convergence(entwuerfe)));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes")), 1);
    QCOMPARE(twinbox::test::MailboxSnapshot::read(m_harness->remote(), "INBOX")->prints.size(), 0);

    expectConverged(m_harness->sync(), {"INBOX", entwuerfe, cafe});

    // --rename with UTF-8 names renames on both servers and in the database.
    const SyncHarness::Run rename = m_harness->sync(
        {QStringLiteral("--rename"), QStringLiteral("Café"), QStringLiteral("Kaffee")});
    QVERIFY2(rename.exitCode == 0, qPrintable(log(rename)));
    QVERIFY2(rename.infoLines().filter(QStringLiteral("&A")).isEmpty(), qPrintable(log(rename)));
    const QStringList expected =
        sorted({QString::fromLatin1(entwuerfe), QStringLiteral("INBOX"), QStringLiteral("Kaffee")});
    QCOMPARE(listed(*m_harness, m_harness->local()), expected);
    QCOMPARE(listed(*m_harness, m_harness->remote()), expected);
    const SyncHarness::Run after = m_harness->sync();
    QCOMPARE(after.count(QStringLiteral("APPEND")), 0);
    expectConverged(after, {"INBOX", entwuerfe, "Kaffee"});
}

void TestMailboxList::listMailboxPatternsAndReference()
{
    QVERIFY(fill(m_harness->local(), {{QStringLiteral("INBOX"), 1},
                                      {QStringLiteral("Lists/dev"), 2},
                                      {QStringLiteral("Other"), 1}}));
    QVERIFY(
        fill(m_harness->remote(), {{QStringLiteral("Lists.ops"), 1}, {QStringLiteral("Misc"), 1}}));

    // "\0" is each server's own delimiter: one pattern reaches "Lists/dev" on local and
    // "Lists.ops" on remote.
    m_harness->writeConfig(QStringLiteral("list-mailbox = INBOX \"Lists\\0*\""));
    const SyncHarness::Run run = m_harness->sync();
    const auto listedWith = [&run](const QString &server, const QString &pattern) {
        return run.commands()
            .filter(server + QStringLiteral(": C: "))
            .filter(QStringLiteral(" LIST "))
            .filter(pattern)
            .size();
    };
    QVERIFY2(listedWith(QStringLiteral("local"), QStringLiteral("Lists/*")) >= 1 &&
                 listedWith(QStringLiteral("remote"), QStringLiteral("Lists.*")) >= 1,
             qPrintable(run.commands().join(u'\n')));
    QCOMPARE(listed(*m_harness, m_harness->local()),
             sorted({QStringLiteral("INBOX"), QStringLiteral("Lists/dev"),
                     QStringLiteral("Lists/ops"), QStringLiteral("Other")}));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             sorted({QStringLiteral("INBOX"), QStringLiteral("Lists.dev"),
                     QStringLiteral("Lists.ops"), QStringLiteral("Misc")}));
    expectConverged(run, {"INBOX", "Lists/dev", "Lists/ops"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes")), 3);

    // list-reference is per server (interimap reads it per section): "Mail/X" on local is
    // "Mail.X" on remote, both the database's "X"; nothing outside "Mail" is touched.
    QVERIFY(fill(m_harness->local(),
                 {{QStringLiteral("Mail/Work"), 2}, {QStringLiteral("Mail/Work/2026"), 1}}));
    QVERIFY(fill(m_harness->remote(), {{QStringLiteral("Mail.Travel"), 1}}));
    m_harness->setDatabaseName(QStringLiteral("reference.db"));
    m_harness->writeConfig({}, QStringLiteral("list-reference = Mail/"),
                           QStringLiteral("list-reference = Mail."));
    const SyncHarness::Run referenced = m_harness->sync();
    QVERIFY2(
        referenced.infoLines().contains(QStringLiteral("remote(Work/2026): Created mailbox")) &&
            referenced.infoLines().contains(QStringLiteral("local(Travel): Created mailbox")),
        qPrintable(log(referenced)));
    QCOMPARE(
        listed(*m_harness, m_harness->local()),
        sorted({QStringLiteral("INBOX"), QStringLiteral("Lists/dev"), QStringLiteral("Lists/ops"),
                QStringLiteral("Mail/Travel"), QStringLiteral("Mail/Work"),
                QStringLiteral("Mail/Work/2026"), QStringLiteral("Other")}));
    QCOMPARE(
        listed(*m_harness, m_harness->remote()),
        sorted({QStringLiteral("INBOX"), QStringLiteral("Lists.dev"), QStringLiteral("Lists.ops"),
                QStringLiteral("Mail.Travel"), QStringLiteral("Mail.Work"),
                QStringLiteral("Mail.Work.2026"), QStringLiteral("Misc")}));
    expectConverged(referenced, {"Mail/Work", "Mail/Work/2026", "Mail/Travel"},
                    {"Work", "Work/2026", "Travel"});
    QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes")), 3);
}

void TestMailboxList::mailboxArgumentsBypassIgnoreAndListMailbox()
{
    QVERIFY(fill(m_harness->local(), {{QStringLiteral("INBOX"), 1},
                                      {QStringLiteral("Spam"), 2},
                                      {QStringLiteral("Spam/Old"), 1},
                                      {QStringLiteral("Work"), 1}}));
    m_harness->writeConfig(QStringLiteral("ignore-mailbox = ^Spam"));
    const SyncHarness::Run run = m_harness->sync();
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             sorted({QStringLiteral("INBOX"), QStringLiteral("Work")}));
    expectConverged(run, {"INBOX", "Work"});

    // Named on the command line, an ignored mailbox is synced (interimap, reference §1.1).
    const SyncHarness::Run named = m_harness->sync({QStringLiteral("Spam")});
    QVERIFY2(named.infoLines().contains(QStringLiteral("remote(Spam): Created mailbox")),
             qPrintable(log(named)));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             sorted({QStringLiteral("INBOX"), QStringLiteral("Spam"), QStringLiteral("Work")}));
    QVERIFY2(m_harness->convergence("Spam").isEmpty(), qPrintable(m_harness->convergence("Spam")));

    // The arguments replace list-mailbox too: a mailbox outside the patterns, when named,
    // is listed and synced.
    QVERIFY(fill(m_harness->local(), {{QStringLiteral("Spam/Old"), 1}}));
    m_harness->writeConfig(QStringLiteral("list-mailbox = INBOX\nignore-mailbox = ^Spam"));
    const SyncHarness::Run outside = m_harness->sync({QStringLiteral("Spam/Old")});
    QVERIFY2(outside.infoLines().contains(QStringLiteral("remote(Spam/Old): Created mailbox")),
             qPrintable(log(outside)));
    QVERIFY2(m_harness->convergence("Spam/Old").isEmpty(),
             qPrintable(m_harness->convergence("Spam/Old")));
    expectConverged(m_harness->sync(), {"INBOX", "Work", "Spam"});

    // So do --rename's (and --delete's): names, not patterns (reference §3.5).
    const SyncHarness::Run rename = m_harness->sync(
        {QStringLiteral("--rename"), QStringLiteral("Work"), QStringLiteral("Job")});
    QVERIFY2(rename.exitCode == 0, qPrintable(log(rename)));
    QCOMPARE(listed(*m_harness, m_harness->remote()),
             sorted({QStringLiteral("INBOX"), QStringLiteral("Job"), QStringLiteral("Spam"),
                     QStringLiteral("Spam.Old")}));
    QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes"),
                                 QStringLiteral("CAST(mailbox AS TEXT) = 'Job'")),
             1);
}

void TestMailboxList::nameWithTheOtherDelimiterIsReported()
{
    // "a.b" is one name on the "/" server; on the "." server it could only be the child "b"
    // of "a", which is another mailbox. It is reported, never created under a changed name.
    // Maildir++ refuses "." in any name, so the local server keeps one directory a mailbox.
    auto local = twinbox::test::DovecotConfig::named(QStringLiteral("local"), u'/');
    local.extraConfig = QStringLiteral("mail_location = maildir:~/Maildir:LAYOUT=fs\n");
    m_harness = std::make_unique<SyncHarness>(local);
    QString error;
    QVERIFY2(m_harness->start(&error), qPrintable(error));
    QVERIFY(fill(
        m_harness->local(),
        {{QStringLiteral("INBOX"), 1}, {QStringLiteral("a.b"), 2}, {QStringLiteral("Fine"), 1}}));
    QVERIFY(fill(m_harness->remote(), {{QStringLiteral("Zeta"), 1}}));
    for (int pass = 0; pass < 2; ++pass) {
        const SyncHarness::Run run = m_harness->sync();
        QCOMPARE(run.exitCode, 1);
        const QStringList errors = run.infoLines().filter(QStringLiteral("ERROR"));
        QVERIFY2(errors == QStringList{QStringLiteral(
                               "remote(a.b): ERROR: the name holds \".\", which is this server's "
                               "hierarchy delimiter, so the mailbox cannot exist here under that "
                               "name")},
                 qPrintable(log(run)));
        QCOMPARE(run.count(QStringLiteral("CREATE")), pass == 0 ? 2 : 0); // Fine, Zeta
        for (const QByteArray mailbox : {"INBOX", "Fine", "Zeta"}) {
            const QString problem = m_harness->convergence(mailbox);
            QVERIFY2(problem.isEmpty(), qPrintable(problem + u'\n' + log(run)));
        }
        QCOMPARE(listed(*m_harness, m_harness->remote()),
                 sorted({QStringLiteral("Fine"), QStringLiteral("INBOX"), QStringLiteral("Zeta")}));
        QCOMPARE(m_harness->rowCount(QStringLiteral("mailboxes"),
                                     QStringLiteral("CAST(mailbox AS TEXT) LIKE 'a%'")),
                 0);
    }
    QCOMPARE(twinbox::test::MailboxSnapshot::read(m_harness->local(), "a.b")->prints.size(), 2);

    // --rename to such a name is refused before either server changes.
    const SyncHarness::Run rename = m_harness->sync(
        {QStringLiteral("--rename"), QStringLiteral("Fine"), QStringLiteral("Fi.ne")});
    QCOMPARE(rename.exitCode, 1);
    QVERIFY2(rename.infoLines().filter(QStringLiteral("ERROR")).size() == 1 &&
                 rename.infoLines().filter(QStringLiteral("ERROR"))[0].startsWith(
                     QStringLiteral("remote(Fi.ne): ERROR: ")),
             qPrintable(log(rename)));
    QCOMPARE(rename.count(QStringLiteral("RENAME")), 0);
    QCOMPARE(listed(*m_harness, m_harness->local()),
             sorted({QStringLiteral("a.b"), QStringLiteral("Fine"), QStringLiteral("INBOX"),
                     QStringLiteral("Zeta")}));
    QVERIFY2(m_harness->convergence("Fine").isEmpty(), qPrintable(m_harness->convergence("Fine")));
}

QTEST_MAIN(TestMailboxList)
#include "tst_mailbox_list.moc"
