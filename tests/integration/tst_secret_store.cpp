// Passwords in the OS keychain (a private gnome-keyring here): written, read back,
// removed; and a plain "unavailable" when no keychain runs at all.
#include "AwaitInTest.h"
#include "config/SecretStore.h"

#include <QTest>

using twinbox::config::SecretStore;
using twinbox::test::await;

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void writeReadRemove();
    void unavailableWithoutAKeychain();
};

void TestSecretStore::writeReadRemove()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("run through tests/with-keyring.sh (a private keyring on a private bus)");
    const SecretStore store(QStringLiteral("twinbox-test"));
    const QString key = SecretStore::keyFor(QStringLiteral("home"), QStringLiteral("remote"));
    QCOMPARE(await(store.read(key)).status, SecretStore::Status::NotFound);
    const auto written = await(store.write(key, QStringLiteral("pässwört ✓")));
    QVERIFY2(written.status == SecretStore::Status::Ok, qPrintable(written.message));
    const auto read = await(store.read(key));
    QCOMPARE(read.status, SecretStore::Status::Ok);
    QCOMPARE(read.secret, std::optional<QString>(QStringLiteral("pässwört ✓")));
    QCOMPARE(await(store.read(SecretStore::keyFor(QStringLiteral("home"), QStringLiteral("local"))))
                 .status,
             SecretStore::Status::NotFound); // one entry per side
    QCOMPARE(await(store.remove(key)).status, SecretStore::Status::Ok);
    QCOMPARE(await(store.read(key)).status, SecretStore::Status::NotFound);
}

void TestSecretStore::unavailableWithoutAKeychain()
{
    // Run without a session bus and without a display: nothing to talk to.
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") ||
        !qEnvironmentVariableIsEmpty("DISPLAY"))
        QFAIL("run without DBUS_SESSION_BUS_ADDRESS and DISPLAY");
    const SecretStore store(QStringLiteral("twinbox-test-nobus"));
    const auto result = await(store.write(QStringLiteral("x/remote"), QStringLiteral("secret")));
    QCOMPARE(result.status, SecretStore::Status::Unavailable);
    QVERIFY2(result.message.startsWith(QStringLiteral("the keychain is not available")),
             qPrintable(result.message));
    QVERIFY(!result.message.contains(QStringLiteral("secret")));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secret_store.moc"
