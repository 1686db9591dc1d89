#include "imap/CertificatePin.h"
#include "imap/ScramClient.h"

#include <QTest>

using namespace twinbox::imap;

class TestScramClient : public QObject
{
    Q_OBJECT

private slots:
    void rfc7677Example();
    void rfc5802Example();
    void rejectsBadChallenges_data();
    void rejectsBadChallenges();
    void rejectsForgedServerSignature();
    void escapesUserName();
    void parsesPins();
};

// RFC 7677 §3: the SCRAM-SHA-256 exchange of user "user" with password "pencil".
void TestScramClient::rfc7677Example()
{
    ScramClient scram(QCryptographicHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"),
                      "rOprNGfwEbeRWgbNEkqO");
    QCOMPARE(scram.clientFirst(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    const QByteArray final = scram.clientFinal(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QCOMPARE(final, QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                               "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    QVERIFY2(scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="),
             qPrintable(scram.error()));
}

// RFC 5802 §5: the same for SCRAM-SHA-1.
void TestScramClient::rfc5802Example()
{
    ScramClient scram(QCryptographicHash::Sha1, QStringLiteral("user"), QStringLiteral("pencil"),
                      "fyko+d2lbbFgONRv9qkxdawL");
    QCOMPARE(
        scram.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"),
        QByteArray(
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
    QVERIFY(scram.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
}

void TestScramClient::rejectsBadChallenges_data()
{
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::newRow("foreign nonce") << QByteArray("r=someoneelse,s=QSXCR+Q6sek8bf92,i=4096");
    QTest::newRow("nonce not extended") << QByteArray("r=abc,s=QSXCR+Q6sek8bf92,i=4096");
    QTest::newRow("no salt") << QByteArray("r=abcdef,i=4096");
    QTest::newRow("no iterations") << QByteArray("r=abcdef,s=QSXCR+Q6sek8bf92");
    QTest::newRow("zero iterations") << QByteArray("r=abcdef,s=QSXCR+Q6sek8bf92,i=0");
    QTest::newRow("billions of iterations")
        << QByteArray("r=abcdef,s=QSXCR+Q6sek8bf92,i=2000000000");
    QTest::newRow("mandatory extension") << QByteArray("m=x,r=abcdef,s=QSXCR+Q6sek8bf92,i=4096");
}

void TestScramClient::rejectsBadChallenges()
{
    QFETCH(QByteArray, serverFirst);
    ScramClient scram(QCryptographicHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"),
                      "abc");
    QVERIFY(scram.clientFinal(serverFirst).isEmpty());
    QVERIFY(!scram.error().isEmpty());
}

void TestScramClient::rejectsForgedServerSignature()
{
    ScramClient scram(QCryptographicHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"),
                      "rOprNGfwEbeRWgbNEkqO");
    scram.clientFinal(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QVERIFY(!scram.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    QVERIFY(!scram.verifyServerFinal("e=invalid-proof"));
    QVERIFY(scram.error().contains(QStringLiteral("invalid-proof")));
    ScramClient early(QCryptographicHash::Sha256, QStringLiteral("user"), QStringLiteral("pencil"),
                      "x");
    QVERIFY(!early.verifyServerFinal("v=")); // no exchange yet: nothing can verify
}

void TestScramClient::escapesUserName()
{
    ScramClient scram(QCryptographicHash::Sha256, QStringLiteral("a=b,c"), QStringLiteral("x"),
                      "n");
    QCOMPARE(scram.clientFirst(), QByteArray("n,,n=a=3Db=2Cc,r=n"));
}

void TestScramClient::parsesPins()
{
    QString error;
    QVERIFY(CertificatePin::parseList(
        {QStringLiteral("sha256$") + QString(64, u'a'), QString(64, u'B'), // sha256 by default
         QStringLiteral("sha1$") + QStringLiteral("ab:").repeated(19) + QStringLiteral("ab")},
        &error));
    QVERIFY(!CertificatePin::parseList({QStringLiteral("md5$abcd")}, &error));
    QVERIFY(error.contains(QStringLiteral("md5")));
    QVERIFY(!CertificatePin::parseList({QStringLiteral("sha256$abcd")}, &error)); // too short
    QVERIFY(!CertificatePin::parseList({QStringLiteral("sha256$") + QString(64, u'g')},
                                       &error)); // not hex
}

QTEST_GUILESS_MAIN(TestScramClient)
#include "tst_scram_client.moc"
