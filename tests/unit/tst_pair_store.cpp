// The account pairs the window makes: stored for twinbox-cli --pair, and turned into the very
// configuration twinbox-cli reads.
#include "config/ListMailboxPatterns.h"
#include "config/PairStore.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using twinbox::config::AccountSide;
using twinbox::config::ListMailboxPatterns;
using twinbox::config::PairProfile;
using twinbox::config::PairStore;
using twinbox::config::SyncConfig;
using twinbox::imap::ConnectionSettings;

namespace {

PairProfile sample()
{
    PairProfile profile;
    profile.name = QStringLiteral("Home → Work");
    profile.local = {QStringLiteral("me@home.example"),
                     QStringLiteral("imap.home.example"),
                     0,
                     AccountSide::Security::Tls,
                     QString(),
                     {}};
    profile.remote = {QStringLiteral("me"),
                      QStringLiteral("mail.work.example"),
                      1143,
                      AccountSide::Security::StartTls,
                      QString(),
                      {QStringLiteral("sha256$00ff")}};
    profile.mailboxes = {QStringLiteral("INBOX"), QStringLiteral("Archive/Réunions")};
    profile.includePatterns = {QStringLiteral("Lists/*")};
    profile.excludePatterns = {QStringLiteral("Spam*"), QStringLiteral("Archive/Old?")};
    profile.intervalMinutes = 30;
    profile.push = false;
    profile.onMailboxDeleted = QStringLiteral("recreate");
    return profile;
}

} // namespace

class TestPairStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripAndRemove();
    void namesAreChecked_data();
    void namesAreChecked();
    void databaseFilesNeverCollide();
    void sameConfigurationAsTwinboxCli();
    void tunnelSide();
    void lineBreaksAreRefused();
};

void TestPairStore::roundTripAndRemove()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pairs.conf"));
    QString error;
    PairStore store(file);
    QVERIFY(store.names().isEmpty());
    QVERIFY2(store.save(sample(), &error), qPrintable(error));
    PairProfile second = sample();
    second.name = QStringLiteral("b");
    QVERIFY(store.save(second, &error));
    QCOMPARE(QFile::permissions(file) & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());

    const PairStore reader(file); // another process: the CLI
    QCOMPARE(reader.names(), (QStringList{QStringLiteral("b"), sample().name}));
    const auto loaded = reader.load(sample().name);
    QVERIFY(loaded);
    QCOMPARE(*loaded, sample());
    QVERIFY(!reader.load(QStringLiteral("nobody")));

    PairProfile edited = sample();
    edited.mailboxes.clear();
    QVERIFY(store.save(edited, &error));
    QCOMPARE(reader.load(edited.name)->mailboxes, QStringList()); // replaced, not merged
    QVERIFY(store.remove(edited.name, &error));
    QCOMPARE(reader.names(), QStringList{QStringLiteral("b")});
}

void TestPairStore::namesAreChecked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("plain") << "Personal" << true;
    QTest::newRow("unicode and spaces") << "Boîte → Büro" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("blank") << "   " << false;
    QTest::newRow("padded") << " a" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("backslash") << "a\\b" << false;
    QTest::newRow("newline") << "a\nb" << false;
    QTest::newRow("dot") << ".hidden" << false;
    QTest::newRow("long") << QString(65, u'x') << false;
}

void TestPairStore::namesAreChecked()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    QCOMPARE(PairProfile::nameProblem(name).isEmpty(), accepted);
}

void TestPairStore::databaseFilesNeverCollide()
{
    QStringList files;
    for (const char *name : {"a b", "a_b", "a%20b", "A b", "é"})
        files.append(PairProfile::databaseFileName(QString::fromUtf8(name)));
    files.removeDuplicates();
    QCOMPARE(files.size(), 5);
    for (const QString &file : files)
        QVERIFY2(QRegularExpression(QStringLiteral("^pairs/[A-Za-z0-9%._~ -]+\\.db$"))
                     .match(file)
                     .hasMatch(),
                 qPrintable(file));
}

void TestPairStore::sameConfigurationAsTwinboxCli()
{
    const SyncConfig::Paths paths{QStringLiteral("/c/twinbox"), QStringLiteral("/d/twinbox"),
                                  QStringLiteral("/c/interimap"), QStringLiteral("/d/interimap")};
    QString error;
    const auto config = sample().toSyncConfig(paths, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->database,
             QStringLiteral("/d/twinbox/") + PairProfile::databaseFileName(sample().name));
    QCOMPARE(config->local.type, ConnectionSettings::Type::Imaps);
    QCOMPARE(config->local.host, QStringLiteral("imap.home.example"));
    QCOMPARE(config->local.effectivePort(), 993);
    QCOMPARE(config->local.username, QStringLiteral("me@home.example"));
    QCOMPARE(config->remote.type, ConnectionSettings::Type::Imap);
    QVERIFY(config->remote.startTls);
    QCOMPARE(config->remote.port, 1143);
    QCOMPARE(config->remote.sslFingerprints, QStringList{QStringLiteral("sha256$00ff")});
    QVERIFY(!config->remote.sslVerify); // a pinned key is trusted in place of a CA
    QVERIFY(config->local.sslVerify);
    QCOMPARE(config->onMailboxDeleted, QStringLiteral("recreate"));
    QVERIFY(config->local.password.isEmpty()); // from the keychain, never the store

    // Ticked mailboxes and include patterns: LIST patterns on the wire, "\0" the delimiter.
    const auto patterns = ListMailboxPatterns::parse(config->listMailbox);
    QVERIFY(patterns);
    QCOMPARE(*patterns, (QByteArrayList{"INBOX", QByteArray("Archive\0R&AOk-unions", 20),
                                        QByteArray("Lists\0*", 7)}));
    // Exclude patterns: against internal names (modified UTF-7, levels joined by NUL).
    const QRegularExpression ignore(config->ignoreMailbox);
    QVERIFY(ignore.isValid());
    auto ignored = [&ignore](const QByteArray &internal) {
        return ignore.match(QString::fromLatin1(internal)).hasMatch();
    };
    QVERIFY(ignored("Spam"));
    QVERIFY(ignored("Spam2"));
    QVERIFY(ignored(QByteArray("Archive\0Old1", 12)));
    QVERIFY(!ignored("INBOX"));
    QVERIFY(!ignored("NoSpam"));
    QVERIFY(!ignored(QByteArray("Archive\0Older", 13)));
}

void TestPairStore::tunnelSide()
{
    PairProfile profile = sample();
    profile.local = {
        QString(), QString(), 0, AccountSide::Security::Tunnel, QStringLiteral("doveadm exec imap"),
        {}};
    profile.mailboxes.clear();
    profile.includePatterns.clear();
    profile.excludePatterns.clear();
    QString error;
    const auto config = profile.toSyncConfig(SyncConfig::Paths::standard(), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->local.type, ConnectionSettings::Type::Tunnel);
    QCOMPARE(config->local.command, QStringLiteral("doveadm exec imap"));
    QVERIFY(config->listMailbox.isEmpty());
    QVERIFY(config->ignoreMailbox.isEmpty());
}

void TestPairStore::lineBreaksAreRefused()
{
    PairProfile profile = sample();
    profile.remote.host = QStringLiteral("a\npassword = x");
    QString error;
    QVERIFY(!profile.toSyncConfig(SyncConfig::Paths::standard(), &error));
    QVERIFY2(error.contains(QStringLiteral("line break")), qPrintable(error));
    profile = sample();
    profile.name = QStringLiteral("a/b");
    QVERIFY(!profile.toSyncConfig(SyncConfig::Paths::standard(), &error));
}

QTEST_GUILESS_MAIN(TestPairStore)
#include "tst_pair_store.moc"
