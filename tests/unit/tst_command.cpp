#include "imap/Command.h"

#include <QTest>
#include <QTimeZone>

using twinbox::imap::Command;
using twinbox::imap::LiteralMode;

namespace {

QByteArray wire(const Command &command, LiteralMode mode = LiteralMode::Synchronizing)
{
    QByteArray out;
    for (const auto &chunk : command.serialize("a1", mode))
        out += chunk.bytes;
    return out;
}

} // namespace

class TestCommand : public QObject
{
    Q_OBJECT

private slots:
    void picksTheFormOfEachString_data();
    void picksTheFormOfEachString();
    void literalModes();
    void listsAndFlags();
    void logLineElidesLiteralsAndSecrets();
    void dateTime();
};

void TestCommand::picksTheFormOfEachString_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("atom") << QByteArray("INBOX") << QByteArray("a1 SELECT INBOX\r\n");
    QTest::newRow("space") << QByteArray("Sent Items")
                           << QByteArray("a1 SELECT \"Sent Items\"\r\n");
    QTest::newRow("empty") << QByteArray("") << QByteArray("a1 SELECT \"\"\r\n");
    QTest::newRow("quote and backslash")
        << QByteArray("a\"b\\c") << QByteArray("a1 SELECT \"a\\\"b\\\\c\"\r\n");
    QTest::newRow("wildcard") << QByteArray("a*") << QByteArray("a1 SELECT \"a*\"\r\n");
    QTest::newRow("bracket") << QByteArray("a]") << QByteArray("a1 SELECT \"a]\"\r\n");
    QTest::newRow("8-bit") << QByteArray("Envoy\xc3\xa9s")
                           << QByteArray("a1 SELECT {8}\r\nEnvoy\xc3\xa9s\r\n");
    QTest::newRow("CRLF") << QByteArray("a\r\nb") << QByteArray("a1 SELECT {4}\r\na\r\nb\r\n");
}

void TestCommand::picksTheFormOfEachString()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(wire(Command("SELECT").astring(value)), expected);
}

void TestCommand::literalModes()
{
    const QByteArray password = "p\xc3\xa4ss"; // UTF-8: must be a literal
    const auto command = Command("LOGIN").astring("alice").astring(password);
    const auto sync = command.serialize("a1", LiteralMode::Synchronizing);
    QCOMPARE(sync.size(), 2);
    QCOMPARE(sync[0].bytes, QByteArray("a1 LOGIN alice {5}\r\n"));
    QVERIFY(sync[0].waitForContinuation);
    QCOMPARE(sync[1].bytes, password + "\r\n");
    QVERIFY(!sync[1].waitForContinuation);

    const auto plus = command.serialize("a1", LiteralMode::LiteralPlus);
    QCOMPARE(plus.size(), 1);
    QCOMPARE(plus[0].bytes, "a1 LOGIN alice {5+}\r\n" + password + "\r\n");

    const QByteArray big(5000, '\x80');
    const auto minus = Command("APPEND").astring("INBOX").literal("small").literal(big).serialize(
        "a2", LiteralMode::LiteralMinus);
    QCOMPARE(minus.size(), 2); // the 5000-byte literal must synchronise, the small one need not
    QCOMPARE(minus[0].bytes, QByteArray("a2 APPEND INBOX {5+}\r\nsmall {5000}\r\n"));
    QCOMPARE(minus[1].bytes, big + "\r\n");
}

void TestCommand::listsAndFlags()
{
    QCOMPARE(wire(Command("UID STORE")
                      .atom("1:3")
                      .open()
                      .atom("UNCHANGEDSINCE")
                      .number(12)
                      .close()
                      .atom("FLAGS.SILENT")
                      .flags({"\\Seen", "$Label1"})),
             QByteArray("a1 UID STORE 1:3 (UNCHANGEDSINCE 12) FLAGS.SILENT (\\Seen $Label1)\r\n"));
    QCOMPARE(wire(Command("STORE").flags({})), QByteArray("a1 STORE ()\r\n"));
    QVERIFY(Command::isAtom("\\Seen") == false); // a flag is sent with atom(), not astring()
    QVERIFY(Command::isAtom("$Label1"));
}

void TestCommand::logLineElidesLiteralsAndSecrets()
{
    QCOMPARE(Command("APPEND").astring("INBOX").literal("secret body").logLine("a5"),
             QByteArray("a5 APPEND INBOX {11}[...]"));
    const QByteArray log =
        Command("LOGIN").astring("alice").astring("hunter2").sensitive().logLine("a6");
    QCOMPARE(log, QByteArray("a6 LOGIN [REDACTED]"));
}

void TestCommand::dateTime()
{
    const QDateTime when(QDate(2026, 11, 2), QTime(9, 5, 7), QTimeZone(-(4 * 3600 + 30 * 60)));
    QCOMPARE(Command::formatDateTime(when), QByteArray("02-Nov-2026 09:05:07 -0430"));
    QCOMPARE(Command::formatDateTime(QDateTime(QDate(2026, 1, 31), QTime(23, 0), Qt::UTC)),
             QByteArray("31-Jan-2026 23:00:00 +0000"));
    QCOMPARE(wire(Command("APPEND").dateTime(QDateTime(QDate(2026, 1, 31), QTime(23, 0), Qt::UTC))),
             QByteArray("a1 APPEND \"31-Jan-2026 23:00:00 +0000\"\r\n"));
}

QTEST_GUILESS_MAIN(TestCommand)
#include "tst_command.moc"
