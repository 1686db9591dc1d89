#include "imap/ModifiedUtf7.h"

#include <QTest>

using twinbox::imap::ModifiedUtf7;

class TestModifiedUtf7 : public QObject
{
    Q_OBJECT

private slots:
    void knownEncodings_data();
    void knownEncodings();
    void roundTrips_data();
    void roundTrips();
    void rejectsInvalid_data();
    void rejectsInvalid();
};

void TestModifiedUtf7::knownEncodings_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("wire");
    // RFC 3501 §5.1.3's own example, and the classic cases.
    QTest::newRow("rfc example") << QStringLiteral("~peter/mail/台北/日本語")
                                 << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    QTest::newRow("ampersand") << QStringLiteral("Tom & Jerry") << QByteArray("Tom &- Jerry");
    QTest::newRow("accent") << QStringLiteral("Envoyés") << QByteArray("Envoy&AOk-s");
    QTest::newRow("german") << QStringLiteral("Entwürfe") << QByteArray("Entw&APw-rfe");
    QTest::newRow("plain") << QStringLiteral("INBOX.Sent") << QByteArray("INBOX.Sent");
    QTest::newRow("emoji (surrogate pair)") << QStringLiteral("📧") << QByteArray("&2D3c5w-");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestModifiedUtf7::knownEncodings()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, wire);
    QCOMPARE(ModifiedUtf7::encode(name), wire);
    const auto decoded = ModifiedUtf7::decode(wire);
    QVERIFY(decoded);
    QCOMPARE(*decoded, name);
}

void TestModifiedUtf7::roundTrips_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("mixed") << QStringLiteral("Ärger & Ökonomie/Übersicht 2026");
    QTest::newRow("tabs and controls") << QStringLiteral("a\tb\u0001c");
    QTest::newRow("long run") << QString(300, QChar(0x4e2d));
    QTest::newRow("cyrillic") << QStringLiteral("Входящие");
    QTest::newRow("lone ampersands") << QStringLiteral("&&&");
    QTest::newRow("non-bmp mix") << QStringLiteral("x😀y𝄞z");
}

void TestModifiedUtf7::roundTrips()
{
    QFETCH(QString, name);
    const QByteArray wire = ModifiedUtf7::encode(name);
    for (const char c : wire)
        QVERIFY(c >= 0x20 && c <= 0x7e);
    QCOMPARE(ModifiedUtf7::decode(wire), std::optional<QString>(name));
}

void TestModifiedUtf7::rejectsInvalid_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("unterminated") << QByteArray("a&AOk");
    QTest::newRow("8-bit byte") << QByteArray("Envoy\xc3\xa9s");
    QTest::newRow("control byte") << QByteArray("a\tb");
    QTest::newRow("bad base64 char") << QByteArray("&AO*-");
    QTest::newRow("slash instead of comma") << QByteArray("&U/BTFw-");
    QTest::newRow("encoded ascii") << QByteArray("&AGE-");
    QTest::newRow("non-zero padding") << QByteArray("&AOl-");
    QTest::newRow("too much padding") << QByteArray("&AOkA-");
    QTest::newRow("lone high surrogate") << QByteArray("&2D0-");
    QTest::newRow("lone low surrogate") << QByteArray("&3OY-");
    QTest::newRow("adjacent runs") << QByteArray("&AOk-&AOk-");
}

void TestModifiedUtf7::rejectsInvalid()
{
    QFETCH(QByteArray, wire);
    QCOMPARE(ModifiedUtf7::decode(wire), std::nullopt);
}

QTEST_GUILESS_MAIN(TestModifiedUtf7)
#include "tst_modified_utf7.moc"
