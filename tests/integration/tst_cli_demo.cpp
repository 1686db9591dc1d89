// `twinbox-cli --demo [--keep]` (packaging issue #7: "installed, `twinbox-cli --demo` syncs"):
// the program itself, run as a user would, with its own Dovecot stores over stdio tunnels.
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestCliDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void demoSyncsBothWaysAndCleansUp();
    void keepLeavesAPairThatSyncsAgain();
    void withoutDovecotOneClearLine();

private:
    struct Run
    {
        int exitCode = -1;
        QString output; // stdout, then stderr
    };
    Run run(const QStringList &arguments, const QString &path = {});
    static QSet<QString> demoDirectories();
    static QStringList summaries(const QString &output);

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliDemo::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

TestCliDemo::Run TestCliDemo::run(const QStringList &arguments, const QString &path)
{
    // A private HOME and XDG directories: the demo must need nothing of the user's.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                             "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString directory = m_home->filePath(QString::fromLatin1(name));
        QDir().mkpath(directory);
        QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        environment.insert(QString::fromLatin1(name), directory);
    }
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LANGUAGE"));
    if (!path.isNull())
        environment.insert(QStringLiteral("PATH"), path);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TWINBOX_CLI_PATH), arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("TIMEOUT\n");
    }
    result.output += QString::fromUtf8(process.readAllStandardOutput()) +
                     QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

QSet<QString> TestCliDemo::demoDirectories()
{
    QSet<QString> found;
    for (const QString &root : {QStringLiteral("/tmp"), QDir::tempPath()}) {
        const auto entries = QDir(root).entryInfoList({QStringLiteral("twinbox-demo-*")},
                                                      QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo &entry : entries)
            found.insert(entry.absoluteFilePath());
    }
    return found;
}

QStringList TestCliDemo::summaries(const QString &output)
{
    QStringList lines;
    for (const QString &line : output.split(u'\n')) {
        if (line.contains(QStringLiteral("Synced ")))
            lines.append(line);
    }
    return lines;
}

void TestCliDemo::demoSyncsBothWaysAndCleansUp()
{
    const QSet<QString> before = demoDirectories();
    const Run demo = run({QStringLiteral("--demo")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.output));
    const QStringList lines = summaries(demo.output);
    QVERIFY2(lines.size() == 2, qPrintable(demo.output));
    // INBOX, Projects/2026 and Lists.Qt (its parent "Lists" cannot be selected): 7 local
    // messages go to remote, 5 remote ones come back.
    QVERIFY2(lines.at(0).contains(QStringLiteral("Synced 4 mailbox(es): 300 message(s) copied")),
             qPrintable(demo.output));
    QVERIFY2(lines.at(0).contains(QStringLiteral("0 failure(s)")), qPrintable(demo.output));
    QVERIFY2(lines.at(1).contains(QStringLiteral(" 0 message(s) copied, 0 flag update(s), "
                                                 "0 expunge(s)")),
             qPrintable(demo.output));
    QVERIFY2(lines.at(1).contains(QStringLiteral("0 failure(s)")), qPrintable(demo.output));
    QCOMPARE(demoDirectories(), before);
}

void TestCliDemo::keepLeavesAPairThatSyncsAgain()
{
    const Run demo = run({QStringLiteral("--demo"), QStringLiteral("--keep")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.output));
    static const QRegularExpression command(QStringLiteral("--config=(\\S+)"));
    const QRegularExpressionMatch match = command.match(demo.output);
    QVERIFY2(match.hasMatch(), qPrintable(demo.output));
    const QString configPath = match.captured(1);
    const QString directory = QFileInfo(configPath).absolutePath();
    QVERIFY2(QFileInfo(directory).fileName().startsWith(QStringLiteral("twinbox-demo-")),
             qPrintable(directory));
    QVERIFY(QFile::exists(configPath));

    // Nothing changed since the demo's second run: QRESYNC's per-mailbox STATUS shows that,
    // so no mailbox is even selected.
    const Run again = run({QStringLiteral("--config=") + configPath, QStringLiteral("--debug")});
    QDir(directory).removeRecursively();
    QVERIFY2(again.exitCode == 0, qPrintable(again.output));
    int selects = 0;
    for (const QString &line : again.output.split(u'\n')) {
        if (line.contains(QStringLiteral(" SELECT ")))
            ++selects;
    }
    QVERIFY2(selects == 0, qPrintable(again.output));
    QVERIFY2(again.output.contains(QStringLiteral("0 message(s) copied")),
             qPrintable(again.output));
}

void TestCliDemo::withoutDovecotOneClearLine()
{
    const QSet<QString> before = demoDirectories();
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const Run demo = run({QStringLiteral("--demo")}, empty.path());
    QCOMPARE(demo.exitCode, 1);
    QCOMPARE(demo.output.trimmed(),
             QStringLiteral("the demo needs Dovecot's IMAP server: apt install dovecot-imapd"));
    QCOMPARE(demoDirectories(), before);
}

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
