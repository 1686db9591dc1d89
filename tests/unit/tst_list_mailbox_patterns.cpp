// list-mailbox values as interimap reads them: bare and quoted patterns, escapes, and the
// delimiter placeholder.
#include "config/ListMailboxPatterns.h"

#include <QTest>

using twinbox::config::ListMailboxPatterns;

class TestListMailboxPatterns : public QObject
{
    Q_OBJECT

private slots:
    void valid();
    void invalid_data();
    void invalid();
};

void TestListMailboxPatterns::valid()
{
    const auto patterns = ListMailboxPatterns::parse(QStringLiteral(
        "INBOX  \"Sent Items\" foo/* \"Archive\\0%\" \"tab\\there\" \"\\x41\\x2a\" \"q\\\"\\\\\""));
    QVERIFY(patterns);
    QCOMPARE(*patterns, (QByteArrayList{"INBOX", "Sent Items", "foo/*", QByteArray("Archive\0%", 9),
                                        "tab\there", "A*", "q\"\\"}));
    QCOMPARE(ListMailboxPatterns::forServer(patterns->at(3), '.'), QByteArray("Archive.%"));
    QCOMPARE(ListMailboxPatterns::forServer(patterns->at(3), '/'), QByteArray("Archive/%"));
}

void TestListMailboxPatterns::invalid_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("empty") << QString();
    QTest::newRow("only spaces") << QStringLiteral("   ");
    QTest::newRow("unterminated quote") << QStringLiteral("\"abc");
    QTest::newRow("unknown escape") << QStringLiteral("\"a\\qb\"");
    QTest::newRow("short hex") << QStringLiteral("\"\\x4\"");
    QTest::newRow("bad hex") << QStringLiteral("\"\\xzz\"");
    QTest::newRow("parenthesis") << QStringLiteral("a(b");
    QTest::newRow("non-ascii") << QStringLiteral("Envoyés");
    QTest::newRow("empty quoted") << QStringLiteral("\"\"");
    QTest::newRow("glued after quote") << QStringLiteral("\"a\"b");
}

void TestListMailboxPatterns::invalid()
{
    QFETCH(QString, value);
    QVERIFY(!ListMailboxPatterns::parse(value));
}

QTEST_GUILESS_MAIN(TestListMailboxPatterns)
#include "tst_list_mailbox_patterns.moc"
