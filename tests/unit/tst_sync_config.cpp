// twinbox-cli reads interimap's configuration: same format, keys, defaults and errors.
#include "config/IniFile.h"
#include "config/SyncConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using twinbox::config::IniFile;
using twinbox::config::SyncConfig;
using twinbox::imap::ConnectionSettings;

namespace {

const SyncConfig::Paths paths{
    QStringLiteral("/home/u/.config/twinbox"), QStringLiteral("/home/u/.local/share/twinbox"),
    QStringLiteral("/home/u/.config/interimap"), QStringLiteral("/home/u/.local/share/interimap")};

std::optional<SyncConfig> parse(const QString &text, QString *error)
{
    return SyncConfig::parse(text, paths, error);
}

} // namespace

class TestSyncConfig : public QObject
{
    Q_OBJECT

private slots:
    void iniSyntax();
    void interimapExample();
    void defaultsAndInheritance();
    void twinboxKeys();
    void errors_data();
    void errors();
    void programKeysInSidesAreReported();
    void interimapConfigIsFoundWhenTwinboxHasNone();
    void passwordFileReadableByOthersWarns();
};

void TestSyncConfig::iniSyntax()
{
    QString error;
    const auto file = IniFile::parse(
        QStringLiteral("top = 1\n# comment\n; also\n  [ local ]  \nkey  =  a = b  \r\n"
                       "[remote]\nx=\n[local]\nkey = again\n"),
        &error);
    QVERIFY2(file, qPrintable(error));
    QCOMPARE(file->section(QString())->entries.value(0).value, QStringLiteral("1"));
    QCOMPARE(file->section(QStringLiteral("local"))->entries.size(), 1);
    QCOMPARE(file->section(QStringLiteral("local"))->entries.value(0).value,
             QStringLiteral("again"));
    QCOMPARE(file->section(QStringLiteral("remote"))->entries.value(0).value, QString());
    QVERIFY(!IniFile::parse(QStringLiteral("[local]\nno equals sign here\n"), &error));
    QCOMPARE(error,
             QStringLiteral("syntax error at line 2")); // the line may hold a password: not quoted
}

void TestSyncConfig::interimapExample()
{
    // The shape of interimap's own documented configuration.
    QString error;
    const auto config =
        parse(QStringLiteral("database = imap.example.net.db\n"
                             "list-mailbox = INBOX \"Sent Items\" foo/*\n"
                             "ignore-mailbox = ^virtual(?:\\x00|$)\n\n"
                             "[local]\ntype = tunnel\ncommand = /usr/lib/dovecot/imap\n"
                             "null-stderr = YES\n\n"
                             "[remote]\ntype = imaps\nhost = imap.example.net\nusername = guest\n"
                             "password = s3cr3t\nSSL_fingerprint = sha256$"
                             "4ea2bd8b6e7b9e1f6b0b6c0a6e1c6e7b6f1c2e3d4c5b6a798897a6b5c4d3e2f1\n"),
              &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->database, paths.dataDirectory + QStringLiteral("/imap.example.net.db"));
    QCOMPARE(config->listMailbox, QStringLiteral("INBOX \"Sent Items\" foo/*"));
    QCOMPARE(config->local.type, ConnectionSettings::Type::Tunnel);
    QCOMPARE(config->local.command, QStringLiteral("/usr/lib/dovecot/imap"));
    QVERIFY(config->local.nullStderr);
    QCOMPARE(config->remote.type, ConnectionSettings::Type::Imaps);
    QCOMPARE(config->remote.effectivePort(), quint16(993));
    QCOMPARE(config->remote.username, QStringLiteral("guest"));
    QCOMPARE(config->remote.sslFingerprints.size(), 1);
    QVERIFY(config->remote.compress); // interimap's default for a remote server over the network
    QVERIFY(!config->local.compress);
    QVERIFY(config->remotePasswordInFile);
}

void TestSyncConfig::defaultsAndInheritance()
{
    QString error;
    const auto config = parse(
        QStringLiteral("username = shared\nSTARTTLS = no\n[local]\ntype = imap\nhost = 127.0.0.1\n"
                       "[remote]\nhost = mail.example.org\nusername = own\n"),
        &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->local.username, QStringLiteral("shared")); // from the default section
    QCOMPARE(config->remote.username, QStringLiteral("own"));   // overridden
    QCOMPARE(config->local.effectivePort(), quint16(143));
    QVERIFY(!config->local.startTls);
    QCOMPARE(config->database, paths.dataDirectory + QStringLiteral("/mail.example.org.db"));
    // interimap keeps the same pair's state under the same name in its own directory.
    QCOMPARE(config->interimapDatabase,
             paths.interimapDataDirectory + QStringLiteral("/mail.example.org.db"));
    QCOMPARE(config->remote.auth, (QByteArrayList{"SCRAM-SHA-256", "PLAIN", "LOGIN"}));
    QVERIFY(config->remote.sslVerify);
    QCOMPARE(config->logPrefix, QStringLiteral("%?n?%?m?%n(%m)&%n?: ?"));
    QCOMPARE(SyncConfig::resolveConfigPath(QString(), paths),
             paths.configDirectory + QStringLiteral("/config"));
    QCOMPARE(SyncConfig::resolveConfigPath(QStringLiteral("work"), paths),
             paths.configDirectory + QStringLiteral("/work"));
    QCOMPARE(SyncConfig::resolveConfigPath(QStringLiteral("/etc/x"), paths),
             QStringLiteral("/etc/x"));
}

void TestSyncConfig::interimapConfigIsFoundWhenTwinboxHasNone()
{
    QTemporaryDir home;
    const SyncConfig::Paths here{home.filePath(QStringLiteral("twinbox")),
                                 home.filePath(QStringLiteral("data/twinbox")),
                                 home.filePath(QStringLiteral("interimap")),
                                 home.filePath(QStringLiteral("data/interimap"))};
    QVERIFY(QDir().mkpath(here.interimapConfigDirectory));
    QFile theirs(here.interimapConfigDirectory + QStringLiteral("/config"));
    QVERIFY(theirs.open(QIODevice::WriteOnly));
    theirs.close();
    QCOMPARE(SyncConfig::resolveConfigPath(QString(), here), theirs.fileName());
    // Twinbox's own config, once there, comes first.
    QVERIFY(QDir().mkpath(here.configDirectory));
    QFile own(here.configDirectory + QStringLiteral("/config"));
    QVERIFY(own.open(QIODevice::WriteOnly));
    own.close();
    QCOMPARE(SyncConfig::resolveConfigPath(QString(), here), own.fileName());
}

void TestSyncConfig::twinboxKeys()
{
    QString error;
    const auto config =
        parse(QStringLiteral(
                  "[local]\ntype = imap\nhost = mail.lan\nplaintext-auth = yes\nSTARTTLS = NO\n"
                  "auth = plain\nport = imap\n[remote]\npassword-command = pass show mail\n"
                  "timeout = 0\npassword = pässwört ✓\ncompress = no\nport = imaps\n"),
              &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->local.allowPlaintextAuth);
    QCOMPARE(config->local.auth, QByteArrayList{"PLAIN"});
    QCOMPARE(config->remotePasswordCommand, QStringLiteral("pass show mail"));
    QCOMPARE(config->remote.timeout.count(), 0);
    QCOMPARE(config->remote.password, QStringLiteral("pässwört ✓")); // UTF-8, unlike interimap
    QVERIFY(!config->remote.compress);
    QCOMPARE(config->local.port, 143); // service names, as getaddrinfo takes them
    QCOMPARE(config->remote.port, 993);
}

void TestSyncConfig::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("no local") << QStringLiteral("[remote]\n")
                              << QStringLiteral("no section [local]");
    QTest::newRow("unknown key") << QStringLiteral("[local]\nhots = x\n[remote]\n")
                                 << QStringLiteral("line 2: unknown option hots");
    QTest::newRow("bad type") << QStringLiteral("[local]\ntype = pop3\n[remote]\n")
                              << QStringLiteral("line 2: invalid value for type: pop3");
    QTest::newRow("bad yes/no") << QStringLiteral("[local]\nSTARTTLS = maybe\n[remote]\n")
                                << QStringLiteral("line 2: invalid value for STARTTLS: maybe");
    QTest::newRow("relative logfile")
        << QStringLiteral("logfile = log.txt\n[local]\n[remote]\n")
        << QStringLiteral("line 1: invalid value for logfile: log.txt");
    QTest::newRow("port range") << QStringLiteral("[local]\nport = 70000\n[remote]\n")
                                << QStringLiteral("invalid value for port: 70000");
    QTest::newRow("unknown service") << QStringLiteral("[local]\nport = nosuchservice\n[remote]\n")
                                     << QStringLiteral("invalid value for port: nosuchservice");
    QTest::newRow("tunnel without command")
        << QStringLiteral("[local]\ntype = tunnel\n[remote]\n")
        << QStringLiteral("[local]: type = tunnel needs a command");
    QTest::newRow("unknown section") << QStringLiteral("[local]\n[remote]\n[other]\nhost = x\n")
                                     << QStringLiteral("line 4: unknown section [other]");
    QTest::newRow("bad list-mailbox")
        << QStringLiteral("list-mailbox = \"unterminated\n[local]\n[remote]\n")
        << QStringLiteral("invalid value for list-mailbox: \"unterminated");
    QTest::newRow("syntax error does not echo")
        << QStringLiteral("[local]\npassword: hunter2\n[remote]\n")
        << QStringLiteral("syntax error at line 2");
    QTest::newRow("proxy is not echoed")
        << QStringLiteral("[local]\nproxy = socks5://u:hunter2@h\x01\n[remote]\n")
        << QStringLiteral("line 2: invalid value for proxy");
    QTest::newRow("password is not echoed")
        << QStringLiteral("[local]\npassword = a\tb\n[remote]\n")
        << QStringLiteral("line 2: invalid value for password");
}

void TestSyncConfig::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parse(text, &error));
    QCOMPARE(error, message);
}

void TestSyncConfig::programKeysInSidesAreReported()
{
    QString error;
    const auto config =
        parse(QStringLiteral("[local]\ndatabase = other.db\n[remote]\nhost = h\n"), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->database,
             paths.dataDirectory + QStringLiteral("/h.db")); // interimap ignores it too
    QCOMPARE(config->warnings.size(), 1);
    QVERIFY(config->warnings.first().contains(QStringLiteral("database")));
}

void TestSyncConfig::passwordFileReadableByOthersWarns()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[local]\npassword = x\n[remote]\n");
    file.close();
    QString error;
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                QFileDevice::ReadOther));
    auto config = SyncConfig::load(path, paths, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->warnings.size(), 1);
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    config = SyncConfig::load(path, paths, &error);
    QVERIFY(config->warnings.isEmpty());
    QVERIFY(!SyncConfig::load(dir.filePath(QStringLiteral("missing")), paths, &error));
    QCOMPARE(error,
             QStringLiteral("no such config file ") + dir.filePath(QStringLiteral("missing")));
}

QTEST_GUILESS_MAIN(TestSyncConfig)
#include "tst_sync_config.moc"
