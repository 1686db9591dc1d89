// MessageMatcher: which messages two mailboxes already have in common.
#include "sync/MessageMatcher.h"

#include <QTest>

using twinbox::sync::MessageMatcher;
using twinbox::sync::MessageSummary;

namespace {

MessageSummary message(std::uint32_t uid, const QByteArray &id, qint64 size = 100, int minute = 0)
{
    return {uid, size, QDateTime(QDate(2026, 11, 2), QTime(10, minute), Qt::UTC), {}, id};
}

} // namespace

class TestMessageMatcher : public QObject
{
    Q_OBJECT

private slots:
    void pairsSameIdSizeAndDate()
    {
        const auto pairs = MessageMatcher::match(
            {message(1, "<a@x>"), message(2, "<b@x>"), message(3, "<c@x>", 100, 5)},
            {message(7, "<b@x>"), message(8, "<c@x>", 100, 6), message(9, "<a@x>", 101)});
        QCOMPARE(pairs.size(), 1); // c differs in date, a in size
        QCOMPARE(pairs[0].first.uid, 2u);
        QCOMPARE(pairs[0].second.uid, 7u);
    }
    void equalMessagesPairInUidOrderAndNeverTwice()
    {
        const auto pairs =
            MessageMatcher::match({message(4, "<d@x>"), message(2, "<d@x>"), message(3, "<d@x>")},
                                  {message(20, "<d@x>"), message(10, "<d@x>")});
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(pairs[0].first.uid, 2u);
        QCOMPARE(pairs[0].second.uid, 10u);
        QCOMPARE(pairs[1].first.uid, 3u);
        QCOMPARE(pairs[1].second.uid, 20u);
    }
    void withoutMessageIdNothingIsPaired()
    {
        QVERIFY(MessageMatcher::match({message(1, "")}, {message(1, "")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMessageMatcher)
#include "tst_message_matcher.moc"
