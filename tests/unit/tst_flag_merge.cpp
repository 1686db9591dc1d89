// The flag rules of the sync, as a table: one side changed, both changed alike, both
// changed differently with and without the last agreed flags, and a run cut short between
// its writes to the two sides.
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
    // A side's base column is nullopt where it holds the target (no update under way).
    QTest::addColumn<Base>("target");
    QTest::addColumn<QByteArrayList>("local");
    QTest::addColumn<Base>("localBase");
    QTest::addColumn<bool>("localReported");
    QTest::addColumn<QByteArrayList>("remote");
    QTest::addColumn<Base>("remoteBase");
    QTest::addColumn<bool>("remoteReported");
    QTest::addColumn<QByteArrayList>("merged");
    QTest::addColumn<bool>("updateLocal");
    QTest::addColumn<bool>("updateRemote");
    QTest::addColumn<bool>("conflict");
    const QByteArrayList none;
    const QByteArrayList seen{"\\Seen"};
    const QByteArrayList shared{"$Shared"};
    QTest::newRow("nothing to do") << Base(seen) << seen << Base() << false << seen << Base()
                                   << false << seen << false << false << false;
    QTest::newRow("local changed") << Base(none) << seen << Base() << true << none << Base()
                                   << false << seen << false << true << false;
    QTest::newRow("remote removed a flag") << Base(seen) << seen << Base() << false << none
                                           << Base() << true << none << true << false << false;
    QTest::newRow("same change seen twice")
        << Base(none) << QByteArrayList{"\\Seen", "$Label"} << Base() << true
        << QByteArrayList{"$label", "\\SEEN"} << Base() << true
        << QByteArrayList{"$Label", "\\Seen"} << false << false << false;
    QTest::newRow("\\Recent is not a change")
        << Base(seen) << QByteArrayList{"\\Seen", "\\Recent"} << Base() << true << seen << Base()
        << false << seen << false << false << false;
    QTest::newRow("conflict, three-way keeps a removal")
        << Base(QByteArrayList{"\\Seen", "\\Flagged"}) << QByteArrayList{"\\Seen"} << Base() << true
        << QByteArrayList{"\\Seen", "\\Flagged", "\\Answered"} << Base() << true
        << QByteArrayList{"\\Answered", "\\Seen"} << true << true << true;
    QTest::newRow("conflict without target: union")
        << Base() << QByteArrayList{"\\Seen"} << Base() << true << QByteArrayList{"\\Flagged"}
        << Base() << true << QByteArrayList{"\\Flagged", "\\Seen"} << true << true << true;
    QTest::newRow("without target, one side reported: the other follows")
        << Base() << seen << Base() << false << none << Base() << true << none << true << false
        << false;
    QTest::newRow("conflict where one side already holds the result")
        << Base(none) << QByteArrayList{"\\Seen"} << Base() << true
        << QByteArrayList{"\\Seen", "\\Flagged"} << Base() << true
        << QByteArrayList{"\\Flagged", "\\Seen"} << true << false << true;

    // A run cut short between the two sides' STOREs (network fault soak, trial 107): the
    // remote's $Shared was to be written to the local side; the local STORE landed, unconfirmed,
    // and then the user removed $Shared on the remote. The local $Shared is our own write, not
    // a change: the removal wins, without a conflict.
    QTest::newRow("our unconfirmed write is no change")
        << Base(shared) << shared << Base(none) << true << none << Base() << true << none << true
        << false << false;
    // The same, with the local STORE confirmed (no base left) and the user's own addition there.
    QTest::newRow("a change after our confirmed write")
        << Base(shared) << QByteArrayList{"$Shared", "$Mine"} << Base() << true << none << Base()
        << true << QByteArrayList{"$Mine"} << true << true << true;
    // Unconfirmed, and the user added $Mine on the local side after it: $Mine is the change.
    QTest::newRow("a change after our unconfirmed write")
        << Base(shared) << QByteArrayList{"$Shared", "$Mine"} << Base(none) << true << none
        << Base() << true << QByteArrayList{"$Mine"} << true << true << true;
    // The local STORE never landed and nobody changed anything: the write is done now.
    QTest::newRow("a write that never landed is resumed")
        << Base(shared) << none << Base(none) << false << shared << Base() << false << shared
        << true << false << false;
    // The known limit: the remote STORE of \Flagged landed unanswered (the run was killed),
    // then the user removed \Flagged there again. Without the STORE's answer that looks
    // exactly like a STORE that never landed, so the write is done again. (Had the answer
    // come, the base would be cleared: the row below.)
    QTest::newRow("unanswered: an undo on the written side looks like a lost write")
        << Base(QByteArrayList{"\\Flagged"}) << QByteArrayList{"\\Flagged"} << Base() << false
        << none << Base(none) << true << QByteArrayList{"\\Flagged"} << false << true << false;
    // Confirmed, then the user took back on the local side what the sync had brought there.
    QTest::newRow("undoing our confirmed write is a change")
        << Base(seen) << none << Base() << true << seen << Base() << false << none << false << true
        << false;
    // Neither write landed; each side changed on its own since: both changes count.
    QTest::newRow("both writes lost, both sides changed")
        << Base(QByteArrayList{"$A", "$B"}) << QByteArrayList{"$A", "$C"}
        << Base(QByteArrayList{"$A"}) << true << QByteArrayList{"$B"}
        << Base(QByteArrayList{"$A", "$B"}) << true << QByteArrayList{"$B", "$C"} << true << true
        << true;
}

void TestFlagMerge::plan()
{
    QFETCH(Base, target);
    QFETCH(QByteArrayList, local);
    QFETCH(Base, localBase);
    QFETCH(bool, localReported);
    QFETCH(QByteArrayList, remote);
    QFETCH(Base, remoteBase);
    QFETCH(bool, remoteReported);
    QFETCH(QByteArrayList, merged);
    QFETCH(bool, updateLocal);
    QFETCH(bool, updateRemote);
    QFETCH(bool, conflict);
    const FlagMerge result =
        FlagMerge::plan(target, {local, localBase ? localBase : target, localReported},
                        {remote, remoteBase ? remoteBase : target, remoteReported});
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
