#include "imap/SequenceSet.h"

#include <QTest>

using twinbox::imap::SequenceSet;

class TestSequenceSet : public QObject
{
    Q_OBJECT

private slots:
    void compactsIntoRanges();
    void parsesWhatServersSend_data();
    void parsesWhatServersSend();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void addMergesAdjacentAndOverlapping();
    void removeSplitsRanges();
    void splitKeepsEachPartWithinLength();
    void handlesTheTopOfTheRange();
};

void TestSequenceSet::compactsIntoRanges()
{
    const auto set = SequenceSet::fromList({9, 1, 2, 3, 7, 10, 11, 12, 3});
    QCOMPARE(set.toByteArray(), QByteArray("1:3,7,9:12"));
    QCOMPARE(set.count(), 8u);
    QVERIFY(set.contains(10));
    QVERIFY(!set.contains(8));
    QCOMPARE(set.max(), 12u);
    QCOMPARE(set.toList(), (QList<std::uint32_t>{1, 2, 3, 7, 9, 10, 11, 12}));
    QCOMPARE(SequenceSet().toByteArray(), QByteArray());
}

void TestSequenceSet::parsesWhatServersSend_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("single") << QByteArray("42") << QByteArray("42");
    QTest::newRow("ranges") << QByteArray("1:3,5,7:9") << QByteArray("1:3,5,7:9");
    QTest::newRow("reversed range") << QByteArray("5:3") << QByteArray("3:5");
    QTest::newRow("unsorted overlapping") << QByteArray("8,1:4,3:6") << QByteArray("1:6,8");
    QTest::newRow("max uid") << QByteArray("4294967295") << QByteArray("4294967295");
}

void TestSequenceSet::parsesWhatServersSend()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, canonical);
    const auto set = SequenceSet::parse(text);
    QVERIFY(set);
    QCOMPARE(set->toByteArray(), canonical);
}

void TestSequenceSet::rejectsInvalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("zero") << QByteArray("0");
    QTest::newRow("zero in range") << QByteArray("0:5");
    QTest::newRow("star") << QByteArray("1:*");
    QTest::newRow("leading zero") << QByteArray("01");
    QTest::newRow("overflow") << QByteArray("4294967296");
    QTest::newRow("trailing comma") << QByteArray("1,");
    QTest::newRow("double colon") << QByteArray("1:2:3");
    QTest::newRow("letters") << QByteArray("1,a");
    QTest::newRow("space") << QByteArray("1, 2");
}

void TestSequenceSet::rejectsInvalid()
{
    QFETCH(QByteArray, text);
    QVERIFY(!SequenceSet::parse(text));
}

void TestSequenceSet::addMergesAdjacentAndOverlapping()
{
    SequenceSet set;
    set.add(10, 12);
    set.add(1, 3);
    set.add(5);
    QCOMPARE(set.toByteArray(), QByteArray("1:3,5,10:12"));
    set.add(4);
    QCOMPARE(set.toByteArray(), QByteArray("1:5,10:12"));
    set.add(6, 11);
    QCOMPARE(set.toByteArray(), QByteArray("1:12"));
    set.add(SequenceSet::fromList({20, 14}));
    QCOMPARE(set.toByteArray(), QByteArray("1:12,14,20"));
}

void TestSequenceSet::removeSplitsRanges()
{
    auto set = SequenceSet::fromRange(1, 10);
    set.remove(5);
    QCOMPARE(set.toByteArray(), QByteArray("1:4,6:10"));
    set.remove(1);
    set.remove(10);
    QCOMPARE(set.toByteArray(), QByteArray("2:4,6:9"));
    set.remove(50);
    QCOMPARE(set.count(), 7u);
}

void TestSequenceSet::splitKeepsEachPartWithinLength()
{
    QList<std::uint32_t> scattered;
    for (std::uint32_t uid = 1000000; scattered.size() < 5000; uid += 2)
        scattered.append(uid);
    const auto set = SequenceSet::fromList(scattered);
    const auto parts = set.split(8000);
    QVERIFY(parts.size() > 1);
    SequenceSet joined;
    for (const auto &part : parts) {
        QVERIFY(part.toByteArray().size() <= 8000);
        joined.add(part);
    }
    QCOMPARE(joined, set);
    QCOMPARE(SequenceSet::fromRange(1, 100).split(8000).size(), 1);
}

void TestSequenceSet::handlesTheTopOfTheRange()
{
    SequenceSet set;
    set.add(UINT32_MAX);
    set.add(UINT32_MAX - 1);
    QCOMPARE(set.toByteArray(), QByteArray("4294967294:4294967295"));
    QCOMPARE(SequenceSet::fromList({UINT32_MAX, UINT32_MAX - 1, 1}).toByteArray(),
             QByteArray("1,4294967294:4294967295"));
}

QTEST_GUILESS_MAIN(TestSequenceSet)
#include "tst_sequence_set.moc"
