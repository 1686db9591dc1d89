// SubscriptionSync::plan: the three-way merge of subscriptions, the database as the base.
#include "sync/SubscriptionSync.h"

#include <QTest>

using twinbox::sync::SubscriptionSync;

Q_DECLARE_METATYPE(std::optional<bool>)

class TestSubscriptionSync : public QObject
{
    Q_OBJECT

private slots:
    void plan_data()
    {
        QTest::addColumn<std::optional<bool>>("stored");
        QTest::addColumn<bool>("local");
        QTest::addColumn<bool>("remote");
        QTest::addColumn<int>("setLocal"); // -1 nothing, 0 unsubscribe, 1 subscribe
        QTest::addColumn<int>("setRemote");
        QTest::addColumn<bool>("agreed");
        const std::optional<bool> unknown;
        QTest::newRow("new, subscribed locally: the union")
            << unknown << true << false << -1 << 1 << true;
        QTest::newRow("new, nowhere") << unknown << false << false << -1 << -1 << false;
        QTest::newRow("subscribed locally since")
            << std::optional(false) << true << false << -1 << 1 << true;
        QTest::newRow("unsubscribed locally since")
            << std::optional(true) << false << true << -1 << 0 << false;
        QTest::newRow("unsubscribed remotely since")
            << std::optional(true) << true << false << 0 << -1 << false;
        QTest::newRow("both changed alike: only the database follows")
            << std::optional(false) << true << true << -1 << -1 << true;
    }
    void plan()
    {
        QFETCH(std::optional<bool>, stored);
        QFETCH(bool, local);
        QFETCH(bool, remote);
        QFETCH(int, setLocal);
        QFETCH(int, setRemote);
        QFETCH(bool, agreed);
        const auto decided = SubscriptionSync::plan(stored, local, remote);
        QCOMPARE(decided.set[0] ? int(*decided.set[0]) : -1, setLocal);
        QCOMPARE(decided.set[1] ? int(*decided.set[1]) : -1, setRemote);
        QCOMPARE(decided.agreed, agreed);
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionSync)
#include "tst_subscription_sync.moc"
