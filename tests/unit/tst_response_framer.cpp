#include "imap/ResponseFramer.h"

#include <QTest>

using namespace twinbox::imap;

namespace {

struct RecordingSink : BodySink
{
    QByteArray prefix;
    qint64 announced = -1;
    QList<QByteArray> chunks;
    int ended = 0;
    void bodyBegin(const ResponseFrame &partial, qint64 size) override
    {
        prefix = partial.lines.join("|");
        announced = size;
    }
    void bodyData(QByteArrayView chunk) override { chunks.append(chunk.toByteArray()); }
    void bodyEnd() override { ++ended; }
};

QList<ResponseFrame> frameAll(ResponseFramer &framer, const QByteArray &input, int chunkSize,
                              bool *ok = nullptr)
{
    QList<ResponseFrame> frames;
    bool good = true;
    for (qsizetype i = 0; i < input.size() && good; i += chunkSize)
        good = framer.feed(
            QByteArrayView(input).sliced(i, std::min<qsizetype>(chunkSize, input.size() - i)),
            [&](ResponseFrame &&f) { frames.append(std::move(f)); });
    if (ok)
        *ok = good;
    return frames;
}

} // namespace

class TestResponseFramer : public QObject
{
    Q_OBJECT

private slots:
    void splitsLinesAtAnyChunking_data();
    void splitsLinesAtAnyChunking();
    void literalsOfEveryForm();
    void streamsBodiesToTheSink();
    void bodiesAreBufferedWithoutASink();
    void headerFetchIsNotStreamed();
    void limits_data();
    void limits();
    void refusesInputAfterAnError();
};

void TestResponseFramer::splitsLinesAtAnyChunking_data()
{
    QTest::addColumn<int>("chunkSize");
    for (int size : {1, 2, 3, 7, 64, 4096})
        QTest::newRow(qPrintable(QString::number(size))) << size;
}

void TestResponseFramer::splitsLinesAtAnyChunking()
{
    QFETCH(int, chunkSize);
    const QByteArray input =
        "* OK [CAPABILITY IMAP4rev1] ready\r\n"
        "* 1 FETCH (UID 5 BODY[HEADER.FIELDS (SUBJECT)] {14}\r\nSubject: x\r\n\r\n)\r\n"
        "* LIST () \"/\" {4}\r\nA\r\nB\r\n"
        "a1 OK done\r\n";
    ResponseFramer framer;
    bool ok = false;
    const auto frames = frameAll(framer, input, chunkSize, &ok);
    QVERIFY(ok);
    QVERIFY(framer.isIdle());
    QCOMPARE(frames.size(), 4);
    QCOMPARE(frames[0].lines, QList<QByteArray>{"* OK [CAPABILITY IMAP4rev1] ready"});
    QCOMPARE(frames[1].lines.size(), 2);
    QCOMPARE(frames[1].literals.at(0).data, QByteArray("Subject: x\r\n\r\n"));
    QCOMPARE(frames[1].lines.at(1), QByteArray(")"));
    QCOMPARE(frames[2].literals.at(0).data, QByteArray("A\r\nB")); // CRLF inside a literal
    QCOMPARE(frames[3].lines, QList<QByteArray>{"a1 OK done"});
}

void TestResponseFramer::literalsOfEveryForm()
{
    ResponseFramer framer;
    bool ok = false;
    const auto frames =
        frameAll(framer,
                 QByteArrayLiteral("* ID (\"a\" {0}\r\n \"b\" ~{3}\r\n\x00\x01\x02)\r\n"
                                   "* OK [ALERT] see {braces}\r\n"
                                   "* OK {12x}\r\n"),
                 5, &ok);
    QVERIFY(ok);
    QCOMPARE(frames.size(), 3);
    QCOMPARE(frames[0].literals.size(), 2);
    QCOMPARE(frames[0].literals[0].data, QByteArray());
    QCOMPARE(frames[0].literals[1].data, QByteArray("\x00\x01\x02", 3)); // literal8 keeps NULs
    QCOMPARE(frames[1].literals.size(), 0); // braces in text are not a literal
    QCOMPARE(frames[2].literals.size(), 0);
}

void TestResponseFramer::streamsBodiesToTheSink()
{
    QByteArray body(3 * 1024 * 1024, 'x');
    for (qsizetype i = 0; i < body.size(); i += 1000)
        body[i] = '\n';
    const QByteArray input =
        "* 3 FETCH (UID 9 FLAGS (\\Seen) INTERNALDATE \"02-Nov-2026 10:00:00 +0000\" BODY[] {" +
        QByteArray::number(body.size()) + "}\r\n" + body + ")\r\n";
    ResponseFramer framer;
    RecordingSink sink;
    framer.setBodySink(&sink);
    bool ok = false;
    const auto frames = frameAll(framer, input, 65536, &ok);
    QVERIFY(ok);
    QCOMPARE(sink.announced, body.size());
    QVERIFY(sink.prefix.startsWith("* 3 FETCH (UID 9"));
    QCOMPARE(sink.chunks.join(), body);
    QVERIFY(sink.chunks.size() > 1); // delivered as it came, not at the end
    QCOMPARE(sink.ended, 1);
    QCOMPARE(frames.size(), 1);
    QVERIFY(frames[0].literals[0].streamed);
    QVERIFY(frames[0].literals[0].data.isEmpty());
    QCOMPARE(frames[0].literals[0].size, body.size());
}

void TestResponseFramer::bodiesAreBufferedWithoutASink()
{
    ResponseFramer framer;
    bool ok = false;
    const auto frames = frameAll(framer, "* 1 FETCH (RFC822 {5}\r\nhello)\r\n", 3, &ok);
    QVERIFY(ok);
    QCOMPARE(frames[0].literals[0].data, QByteArray("hello"));
}

void TestResponseFramer::headerFetchIsNotStreamed()
{
    ResponseFramer framer;
    RecordingSink sink;
    framer.setBodySink(&sink);
    bool ok = false;
    const auto frames = frameAll(
        framer,
        "* 1 FETCH (BODY[HEADER.FIELDS (MESSAGE-ID)] {4}\r\nab\r\n BODY[]<0> {2}\r\nzz)\r\n", 100,
        &ok);
    QVERIFY(ok);
    QCOMPARE(frames[0].literals[0].data, QByteArray("ab\r\n"));
    QVERIFY(frames[0].literals[1].streamed); // a partial body still streams
    QCOMPARE(sink.chunks.join(), QByteArray("zz"));
}

void TestResponseFramer::limits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("kind");
    QTest::newRow("endless line") << QByteArray(5000, 'a') << int(ProtocolError::Kind::LineTooLong);
    QTest::newRow("literal claiming 4 GB") << QByteArray("* 1 FETCH (BODY[] {4294967296}\r\n")
                                           << int(ProtocolError::Kind::LiteralTooLarge);
    QTest::newRow("absurd literal size") << QByteArray("* LIST () \"/\" {99999999999999999999}\r\n")
                                         << int(ProtocolError::Kind::LiteralTooLarge);
    QTest::newRow("big non-body literal")
        << QByteArray("* LIST () \"/\" {2048}\r\n") << int(ProtocolError::Kind::LiteralTooLarge);
    QTest::newRow("bare LF") << QByteArray("* OK hello\n") << int(ProtocolError::Kind::BadLineEnd);
    QTest::newRow("many empty literals")
        << QByteArray("* ID (").append(QByteArray("{0}\r\n").repeated(200))
        << int(ProtocolError::Kind::FrameTooLarge);
    QTest::newRow("too many literals")
        << QByteArray("* ID (").append(
               QByteArray("{900}\r\n").append(QByteArray(900, 'x')).repeated(12))
        << int(ProtocolError::Kind::FrameTooLarge);
}

void TestResponseFramer::limits()
{
    QFETCH(QByteArray, input);
    QFETCH(int, kind);
    FramerLimits limits;
    limits.maxLineLength = 1024;
    limits.maxLiteralSize = 1024;
    limits.maxBodySize = 1024 * 1024;
    limits.maxResponseSize = 8192;
    ResponseFramer framer(limits);
    bool ok = true;
    frameAll(framer, input, 512, &ok);
    QVERIFY(!ok);
    QCOMPARE(int(framer.error().kind), kind);
    QVERIFY(!framer.error().message.isEmpty());
    QVERIFY(framer.error().excerpt.size() <= 100);
}

void TestResponseFramer::refusesInputAfterAnError()
{
    ResponseFramer framer;
    int frames = 0;
    QVERIFY(!framer.feed("* OK a\n", [&](ResponseFrame &&) { ++frames; }));
    QVERIFY(!framer.feed("* OK b\r\n", [&](ResponseFrame &&) { ++frames; }));
    QCOMPARE(frames, 0);
    QCOMPARE(framer.error().excerpt, QByteArray("* OK a\\n"));
}

QTEST_GUILESS_MAIN(TestResponseFramer)
#include "tst_response_framer.moc"
