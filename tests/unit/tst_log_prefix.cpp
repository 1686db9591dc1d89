// interimap's log-prefix format, including its nested conditionals and escapes.
#include "config/LogPrefix.h"

#include <QTest>

using twinbox::config::LogPrefix;

class TestLogPrefix : public QObject
{
    Q_OBJECT

private slots:
    void format_data();
    void format();
};

void TestLogPrefix::format_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("mailbox");
    QTest::addColumn<QString>("expected");
    const QString standard = LogPrefix::defaultFormat();
    QTest::newRow("default, both") << standard << QStringLiteral("local") << QStringLiteral("INBOX")
                                   << QStringLiteral("local(INBOX): ");
    QTest::newRow("default, no mailbox")
        << standard << QStringLiteral("remote") << QString() << QStringLiteral("remote: ");
    QTest::newRow("default, nothing") << standard << QString() << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("[%n] %m: 100%% ") << QStringLiteral("local")
                           << QStringLiteral("Sent") << QStringLiteral("[local] Sent: 100% ");
    QTest::newRow("else branch") << QStringLiteral("%?m?<%m>&<none>?") << QString() << QString()
                                 << QStringLiteral("<none>");
    QTest::newRow("escapes") << QStringLiteral("%?n?a\\&b\\?c\\\\d&x?") << QStringLiteral("local")
                             << QString() << QStringLiteral("a&b?c\\d");
    QTest::newRow("unknown directive kept") << QStringLiteral("%x %n") << QStringLiteral("database")
                                            << QString() << QStringLiteral("%x database");
}

void TestLogPrefix::format()
{
    QFETCH(QString, pattern);
    QFETCH(QString, component);
    QFETCH(QString, mailbox);
    QFETCH(QString, expected);
    QCOMPARE(LogPrefix::format(pattern, component, mailbox), expected);
}

QTEST_GUILESS_MAIN(TestLogPrefix)
#include "tst_log_prefix.moc"
