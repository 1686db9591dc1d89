// password-command: the first output line is the password; failures say why without ever
// showing what the command printed on its standard output.
#include "AwaitInTest.h"
#include "config/PasswordCommand.h"

#include <QTest>

using twinbox::config::PasswordCommand;
using twinbox::test::await;

class TestPasswordCommand : public QObject
{
    Q_OBJECT

private slots:
    void firstLineIsThePassword();
    void failureShowsStderrNotTheSecret();
    void emptyOutputIsAnError();
    void slowCommandTimesOut();
};

void TestPasswordCommand::firstLineIsThePassword()
{
    const auto result =
        await(PasswordCommand::run(QStringLiteral("printf 'pässwört ✓\\r\\nsecond line\\n'")));
    QVERIFY2(result.password, qPrintable(result.error));
    QCOMPARE(*result.password, QStringLiteral("pässwört ✓"));
}

void TestPasswordCommand::failureShowsStderrNotTheSecret()
{
    const auto result = await(
        PasswordCommand::run(QStringLiteral("echo hunter2; echo 'vault is locked' >&2; exit 3")));
    QVERIFY(!result.password);
    QVERIFY2(result.error.contains(QStringLiteral("exit status 3")), qPrintable(result.error));
    QVERIFY(result.error.contains(QStringLiteral("vault is locked")));
    QVERIFY(!result.error.contains(QStringLiteral("hunter2")));
    QVERIFY(!result.error.contains(QStringLiteral("s3cret")));
}

void TestPasswordCommand::emptyOutputIsAnError()
{
    const auto result = await(PasswordCommand::run(QStringLiteral("true")));
    QVERIFY(!result.password);
    QVERIFY(result.error.contains(QStringLiteral("printed no password")));
}

void TestPasswordCommand::slowCommandTimesOut()
{
    const auto result =
        await(PasswordCommand::run(QStringLiteral("sleep 10"), std::chrono::milliseconds(300)));
    QVERIFY(!result.password);
    QVERIFY2(result.error.contains(QStringLiteral("no answer")), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestPasswordCommand)
#include "tst_password_command.moc"
