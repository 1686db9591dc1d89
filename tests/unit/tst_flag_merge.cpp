// The flag rules of the sync, as a table: one side changed, both changed alike, both
// changed differently with and without the last agreed flags.
#include "sync/FlagMerge.h"

#include <QTest>

using twinbox::sync::FlagMerge;
using Base = std::optional<QByteArrayList>;

Q_DECLARE_METATYPE(Base)

class TestFlagMerge : public QObject
{
    Q_OBJECT

private slots:
    void plan_data();
    void plan();
    void normalizedIgnoresCaseAndRecent();
    void keywordsASideCannotStoreAreNotRemovals();
};

void TestFlagMerge::keywordsASideCannotStoreAreNotRemovals()
{
    const QByteArrayList agreed{"$Label", "$Work", "\\Seen"};
    // PERMANENTFLAGS without \* and without $Label: the server drops $Label on APPEND and
    // STORE; its report without it is no removal. \Seen it can store: that one was removed.
    const QByteArrayList limited{"\\Seen", "\\Flagged", "$Work"};
    QCOMPARE(FlagMerge::withUnstorable({"$Work"}, agreed, limited),
             (QByteArrayList{"$Label", "$Work"}));
    // A server that keeps any keyword (\*), or did not say: the report stands.
    QCOMPARE(FlagMerge::withUnstorable({"$Work"}, agreed, limited + QByteArrayList{"\\*"}),
             QByteArrayList{"$Work"});
    QCOMPARE(FlagMerge::withUnstorable({"$Work"}, agreed, {}), QByteArrayList{"$Work"});
    QCOMPARE(FlagMerge::withUnstorable({"$Work"}, std::nullopt, limited), QByteArrayList{"$Work"});
}

void TestFlagMerge::plan_data()
{
    QTest::addColumn<Base>("base");
    QTest::addColumn<QByteArrayList>("local");
    QTest::addColumn<bool>("localChanged");
    QTest::addColumn<QByteArrayList>("remote");
    QTest::addColumn<bool>("remoteChanged");
    QTest::addColumn<QByteArrayList>("merged");
    QTest::addColumn<bool>("updateLocal");
    QTest::addColumn<bool>("updateRemote");
    QTest::addColumn<bool>("conflict");
    const QByteArrayList none;
    const QByteArrayList seen{"\\Seen"};
    QTest::newRow("nothing to do")
        << Base(seen) << seen << false << seen << false << seen << false << false << false;
    QTest::newRow("local changed")
        << Base(none) << seen << true << none << false << seen << false << true << false;
    QTest::newRow("remote removed a flag")
        << Base(seen) << seen << false << none << true << none << true << false << false;
    QTest::newRow("same change seen twice")
        << Base(none) << QByteArrayList{"\\Seen", "$Label"} << true
        << QByteArrayList{"$label", "\\SEEN"} << true << QByteArrayList{"$Label", "\\Seen"} << false
        << false << false;
    QTest::newRow("\\Recent is not a change")
        << Base(seen) << QByteArrayList{"\\Seen", "\\Recent"} << true << seen << false << seen
        << false << false << false;
    QTest::newRow("conflict, three-way keeps a removal")
        << Base(QByteArrayList{"\\Seen", "\\Flagged"}) << QByteArrayList{"\\Seen"} << true
        << QByteArrayList{"\\Seen", "\\Flagged", "\\Answered"} << true
        << QByteArrayList{"\\Answered", "\\Seen"} << true << true << true;
    QTest::newRow("conflict without base: union")
        << Base() << QByteArrayList{"\\Seen"} << true << QByteArrayList{"\\Flagged"} << true
        << QByteArrayList{"\\Flagged", "\\Seen"} << true << true << true;
    QTest::newRow("conflict where one side already holds the result")
        << Base(none) << QByteArrayList{"\\Seen"} << true << QByteArrayList{"\\Seen", "\\Flagged"}
        << true << QByteArrayList{"\\Flagged", "\\Seen"} << true << false << true;
}

void TestFlagMerge::plan()
{
    QFETCH(Base, base);
    QFETCH(QByteArrayList, local);
    QFETCH(bool, localChanged);
    QFETCH(QByteArrayList, remote);
    QFETCH(bool, remoteChanged);
    QFETCH(QByteArrayList, merged);
    QFETCH(bool, updateLocal);
    QFETCH(bool, updateRemote);
    QFETCH(bool, conflict);
    const FlagMerge result = FlagMerge::plan(base, local, localChanged, remote, remoteChanged);
    QCOMPARE(result.merged, merged);
    QCOMPARE(result.updateLocal, updateLocal);
    QCOMPARE(result.updateRemote, updateRemote);
    QCOMPARE(result.conflict, conflict);
}

void TestFlagMerge::normalizedIgnoresCaseAndRecent()
{
    QCOMPARE(FlagMerge::normalized({"b", "\\Recent", "A", "B", "a"}), (QByteArrayList{"A", "b"}));
    QVERIFY(FlagMerge::same({"\\SEEN", "x"}, {"X", "\\seen", "\\Recent"}));
    QVERIFY(!FlagMerge::same({"\\Seen"}, {}));
}

QTEST_GUILESS_MAIN(TestFlagMerge)
#include "tst_flag_merge.moc"
