#include "imap/Pbkdf2.h"

#include <QTest>

#include <openssl/evp.h>

using namespace twinbox::imap;

class TestPbkdf2 : public QObject
{
    Q_OBJECT

private slots:
    void publishedVectors_data();
    void publishedVectors();
    void matchesOpenSsl_data();
    void matchesOpenSsl();
    void refusesWhatItCannotDerive();
};

void TestPbkdf2::publishedVectors_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("expected"); // hex
    // RFC 6070 §2 (PBKDF2-HMAC-SHA1), the first 20 bytes.
    QTest::newRow("RFC 6070, 1") << int(QCryptographicHash::Sha1) << QByteArray("password")
                                 << QByteArray("salt") << 1
                                 << QByteArray("0c60c80f961f0e71f3a9b524af6012062fe037a6");
    QTest::newRow("RFC 6070, 2") << int(QCryptographicHash::Sha1) << QByteArray("password")
                                 << QByteArray("salt") << 2
                                 << QByteArray("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
    QTest::newRow("RFC 6070, 4096")
        << int(QCryptographicHash::Sha1) << QByteArray("password") << QByteArray("salt") << 4096
        << QByteArray("4b007901b765489abead49d926f721d065a429c1");
    QTest::newRow("RFC 6070, long")
        << int(QCryptographicHash::Sha1) << QByteArray("passwordPASSWORDpassword")
        << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt") << 4096
        << QByteArray("3d2eec4fe41c849b80c8d83662c0e44a8b291a96");
    // RFC 7914 §11 (PBKDF2-HMAC-SHA256), the first 32 bytes; then RFC 6070's inputs with
    // SHA-256, the counterparts other libraries' suites use.
    QTest::newRow("RFC 7914, 1")
        << int(QCryptographicHash::Sha256) << QByteArray("passwd") << QByteArray("salt") << 1
        << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    QTest::newRow("SHA-256, 1")
        << int(QCryptographicHash::Sha256) << QByteArray("password") << QByteArray("salt") << 1
        << QByteArray("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    QTest::newRow("SHA-256, 4096")
        << int(QCryptographicHash::Sha256) << QByteArray("password") << QByteArray("salt") << 4096
        << QByteArray("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

void TestPbkdf2::publishedVectors()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(QByteArray, expected);
    QCOMPARE(
        Pbkdf2::firstBlock(QCryptographicHash::Algorithm(algorithm), password, salt, iterations)
            .toHex(),
        expected);
}

void TestPbkdf2::matchesOpenSsl_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<int>("iterations");
    for (int algorithm : {int(QCryptographicHash::Sha1), int(QCryptographicHash::Sha256)}) {
        // Around the HMAC block size of 64 bytes, where the key is hashed first, and UTF-8.
        for (int length : {0, 1, 63, 64, 65, 200}) {
            QByteArray password(length, 'p');
            for (int i = 0; i < length; ++i)
                password[i] = char('a' + (i * 7) % 26);
            QTest::addRow("%s, %d bytes",
                          algorithm == int(QCryptographicHash::Sha1) ? "SHA-1" : "SHA-256", length)
                << algorithm << password << 4096;
        }
        QTest::addRow("%s, UTF-8, 3 iterations",
                      algorithm == int(QCryptographicHash::Sha1) ? "SHA-1" : "SHA-256")
            << algorithm << QStringLiteral("pässwörd ✓").toUtf8() << 3;
    }
}

void TestPbkdf2::matchesOpenSsl()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, password);
    QFETCH(int, iterations);
    const QByteArray salt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==");
    const bool sha1 = algorithm == int(QCryptographicHash::Sha1);
    QByteArray reference(sha1 ? 20 : 32, Qt::Uninitialized);
    QCOMPARE(PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                               reinterpret_cast<const unsigned char *>(salt.constData()),
                               int(salt.size()), iterations, sha1 ? EVP_sha1() : EVP_sha256(),
                               int(reference.size()),
                               reinterpret_cast<unsigned char *>(reference.data())),
             1);
    QCOMPARE(
        Pbkdf2::firstBlock(QCryptographicHash::Algorithm(algorithm), password, salt, iterations)
            .toHex(),
        reference.toHex());
}

void TestPbkdf2::refusesWhatItCannotDerive()
{
    QVERIFY(Pbkdf2::firstBlock(QCryptographicHash::Sha256, "pencil", "salt", 0).isEmpty());
    QVERIFY(Pbkdf2::firstBlock(QCryptographicHash::Md5, "pencil", "salt", 4096).isEmpty());
}

QTEST_APPLESS_MAIN(TestPbkdf2)
#include "tst_pbkdf2.moc"
