// twinbox-cli takes interimap's command line, with its checks.
#include "config/CliOptions.h"

#include <QTest>

using twinbox::config::CliOptions;

class TestCliOptions : public QObject
{
    Q_OBJECT

private slots:
    void plainSync();
    void valuesInlineOrSeparate();
    void watchAndNotifyDefaults();
    void commandsAndTargets();
    void mailboxArguments();
    void demo();
    void usageErrors_data();
    void usageErrors();
};

namespace {

CliOptions parse(const QStringList &arguments)
{
    QString error;
    const auto options = CliOptions::parse(arguments, &error);
    if (!options)
        qFatal("unexpected usage error: %s", qPrintable(error));
    return *options;
}

} // namespace

void TestCliOptions::plainSync()
{
    const auto options = parse({});
    QCOMPARE(options.command, CliOptions::Command::Sync);
    QVERIFY(!options.watchSeconds);
    QVERIFY(options.mailboxes.isEmpty());
    QCOMPARE(
        parse({QStringLiteral("--debug"), QStringLiteral("--debug"), QStringLiteral("-q")}).debug,
        2);
    QVERIFY(parse({QStringLiteral("--help")}).help);
    QVERIFY(
        parse({QStringLiteral("--version"), QStringLiteral("--delete")}).version); // no checks then
}

void TestCliOptions::valuesInlineOrSeparate()
{
    QCOMPARE(parse({QStringLiteral("--config=work")}).config, QStringLiteral("work"));
    QCOMPARE(parse({QStringLiteral("--config"), QStringLiteral("/etc/x")}).config,
             QStringLiteral("/etc/x"));
    QCOMPARE(parse({QStringLiteral("--pair=Home → Work")}).pair, QStringLiteral("Home → Work"));
    QCOMPARE(parse({QStringLiteral("--pair"), QStringLiteral("b")}).pair, QStringLiteral("b"));
}

void TestCliOptions::watchAndNotifyDefaults()
{
    QCOMPARE(parse({QStringLiteral("--watch")}).watchSeconds, 60);
    QCOMPARE(parse({QStringLiteral("--watch=0")}).watchSeconds, 60);
    QCOMPARE(parse({QStringLiteral("--watch=300")}).watchSeconds, 300);
    const auto separate =
        parse({QStringLiteral("--watch"), QStringLiteral("30"), QStringLiteral("INBOX")});
    QCOMPARE(separate.watchSeconds, 30); // as Getopt::Long reads "--watch 30"
    QCOMPARE(separate.mailboxes, QByteArrayList{"INBOX"});
    QCOMPARE(parse({QStringLiteral("--notify")}).watchSeconds, 900); // --notify implies --watch
    QCOMPARE(parse({QStringLiteral("--notify"), QStringLiteral("--watch=30")}).watchSeconds, 30);
}

void TestCliOptions::commandsAndTargets()
{
    const auto rename =
        parse({QStringLiteral("--rename"), QStringLiteral("--target=local,database"),
               QStringLiteral("A"), QStringLiteral("B")});
    QCOMPARE(rename.command, CliOptions::Command::Rename);
    QCOMPARE(rename.targets, (QStringList{QStringLiteral("local"), QStringLiteral("database")}));
    QCOMPARE(rename.mailboxes, (QByteArrayList{"A", "B"}));
    const auto repeated =
        parse({QStringLiteral("--delete"), QStringLiteral("--target"), QStringLiteral("remote"),
               QStringLiteral("--target=remote"), QStringLiteral("X")});
    QCOMPARE(repeated.targets, QStringList{QStringLiteral("remote")});
    QCOMPARE(parse({QStringLiteral("--repair")}).command, CliOptions::Command::Repair);
}

void TestCliOptions::mailboxArguments()
{
    const auto options =
        parse({QStringLiteral("inbox"), QStringLiteral("Envoy&AOk-s"), QStringLiteral("Envoyés"),
               QStringLiteral("Tom & Jerry"), QStringLiteral("--"), QStringLiteral("--odd")});
    QCOMPARE(options.mailboxes,
             (QByteArrayList{"INBOX", "Envoy&AOk-s", "Envoy&AOk-s", "Tom &- Jerry", "--odd"}));
}

void TestCliOptions::demo()
{
    const auto demo = parse({QStringLiteral("--demo")});
    QVERIFY(demo.demo);
    QVERIFY(!demo.keep);
    QCOMPARE(demo.command, CliOptions::Command::Sync);
    const auto kept =
        parse({QStringLiteral("--keep"), QStringLiteral("--demo"), QStringLiteral("--debug")});
    QVERIFY(kept.demo);
    QVERIFY(kept.keep);
    QCOMPARE(kept.debug, 1);
    const QString usage = CliOptions::usage(QStringLiteral("twinbox-cli"));
    QVERIFY(usage.contains(QStringLiteral("--demo")));
    QVERIFY(usage.contains(QStringLiteral("--keep")));
}

void TestCliOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("two commands")
        << QStringList{QStringLiteral("--repair"), QStringLiteral("--delete"), QStringLiteral("X")}
        << QStringLiteral("only one of --repair, --delete and --rename may be given");
    QTest::newRow("delete without mailbox")
        << QStringList{QStringLiteral("--delete")}
        << QStringLiteral("--delete needs at least one mailbox");
    QTest::newRow("rename with one name")
        << QStringList{QStringLiteral("--rename"), QStringLiteral("A")}
        << QStringLiteral("--rename needs exactly two mailboxes: SOURCE DEST");
    QTest::newRow("repair with watch")
        << QStringList{QStringLiteral("--repair"), QStringLiteral("--watch")}
        << QStringLiteral(
               "--watch and --notify cannot be combined with --repair, --delete or --rename");
    QTest::newRow("target without command")
        << QStringList{QStringLiteral("--target=local")}
        << QStringLiteral("--target goes with --delete or --rename only");
    QTest::newRow("invalid target")
        << QStringList{QStringLiteral("--delete"), QStringLiteral("--target=both"),
                       QStringLiteral("X")}
        << QStringLiteral("invalid target both");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("unknown option --frobnicate");
    QTest::newRow("config without value") << QStringList{QStringLiteral("--config")}
                                          << QStringLiteral("option --config needs a value");
    QTest::newRow("value on a flag") << QStringList{QStringLiteral("--quiet=yes")}
                                     << QStringLiteral("option --quiet takes no value");
    const QString demoAlone = QStringLiteral(
        "--demo cannot be combined with other commands, --watch, --notify, --target, --config, "
        "--pair or mailboxes");
    QTest::newRow("keep without demo")
        << QStringList{QStringLiteral("--keep")} << QStringLiteral("--keep goes with --demo only");
    QTest::newRow("demo with repair")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--repair")} << demoAlone;
    QTest::newRow("demo with delete")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--delete"), QStringLiteral("X")}
        << demoAlone;
    QTest::newRow("demo with watch")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--watch")} << demoAlone;
    QTest::newRow("demo with notify")
        << QStringList{QStringLiteral("--notify"), QStringLiteral("--demo")} << demoAlone;
    QTest::newRow("demo with config")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--config=x")} << demoAlone;
    QTest::newRow("demo with pair")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--pair=x")} << demoAlone;
    QTest::newRow("pair with config")
        << QStringList{QStringLiteral("--pair=x"), QStringLiteral("--config=y")}
        << QStringLiteral("--pair and --config cannot be combined");
    QTest::newRow("pair without a name")
        << QStringList{QStringLiteral("--pair")} << QStringLiteral("option --pair needs a value");
    QTest::newRow("demo with a mailbox")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("INBOX")} << demoAlone;
    QTest::newRow("bad watch") << QStringList{QStringLiteral("--watch=soon")}
                               << QStringLiteral("invalid value for --watch: soon");
}

void TestCliOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!CliOptions::parse(arguments, &error));
    QCOMPARE(error, message);
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
