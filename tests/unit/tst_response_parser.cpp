// Every response type of RFC 3501 and the extensions Twinbox uses, from the wire to the typed
// value, plus the malformed forms that must be refused.
#include "imap/ResponseFramer.h"
#include "imap/ResponseParser.h"

#include <QTest>

using namespace twinbox::imap;

namespace {

// Frames and parses exactly one response; fails the test on anything else.
template <typename T>
T parseAs(const QByteArray &wire)
{
    ResponseFramer framer;
    QList<ResponseFrame> frames;
    const bool framed = framer.feed(wire, [&](ResponseFrame &&f) { frames.append(std::move(f)); });
    if (!framed || frames.size() != 1)
        qFatal("framing failed for %s: %s", wire.constData(),
               qPrintable(framer.error().describe()));
    ProtocolError error;
    const auto response = ResponseParser::parse(frames.first(), &error);
    if (!response)
        qFatal("parse failed for %s: %s", wire.constData(), qPrintable(error.describe()));
    if (!std::holds_alternative<T>(*response))
        qFatal("wrong response type (%zu) for %s", response->index(), wire.constData());
    return std::get<T>(*response);
}

ProtocolError parseError(const QByteArray &wire)
{
    ResponseFramer framer;
    QList<ResponseFrame> frames;
    if (!framer.feed(wire, [&](ResponseFrame &&f) { frames.append(std::move(f)); }))
        return framer.error();
    ProtocolError error;
    if (frames.size() != 1 || ResponseParser::parse(frames.first(), &error))
        return {};
    return error;
}

} // namespace

class TestResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void greetings();
    void taggedWithCodes();
    void responseCodes();
    void capabilityAndEnabled();
    void list();
    void status();
    void flagsExistsRecentExpunge();
    void vanished();
    void fetch();
    void fetchEnvelope();
    void fetchPartialBeforeStreamedBody();
    void search();
    void esearch();
    void namespaceAndId();
    void continuation();
    void unknownUntaggedIsKept();
    void internalDate_data();
    void internalDate();
    void malformed_data();
    void malformed();
};

void TestResponseParser::greetings()
{
    auto ok = parseAs<StatusResponse>(
        "* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot ready.\r\n");
    QVERIFY(ok.tag.isEmpty());
    QCOMPARE(ok.status, StatusResponse::Status::Ok);
    QCOMPARE(ok.code->kind, ResponseCode::Kind::Capability);
    QCOMPARE(ok.code->atoms, (QByteArrayList{"IMAP4rev1", "LITERAL+", "AUTH=PLAIN"}));
    QCOMPARE(ok.text, QByteArray("Dovecot ready."));
    QCOMPARE(parseAs<StatusResponse>("* PREAUTH Logged in as alice\r\n").status,
             StatusResponse::Status::Preauth);
    QCOMPARE(parseAs<StatusResponse>("* BYE shutting down\r\n").status,
             StatusResponse::Status::Bye);
}

void TestResponseParser::taggedWithCodes()
{
    auto no = parseAs<StatusResponse>("a7 NO [TRYCREATE] Mailbox doesn't exist: X\r\n");
    QCOMPARE(no.tag, QByteArray("a7"));
    QCOMPARE(no.status, StatusResponse::Status::No);
    QCOMPARE(no.code->kind, ResponseCode::Kind::TryCreate);
    QCOMPARE(no.text, QByteArray("Mailbox doesn't exist: X"));
    auto bad = parseAs<StatusResponse>("a8 bad Error in IMAP command\r\n");
    QCOMPARE(bad.status, StatusResponse::Status::Bad);
    QVERIFY(!bad.code);
    auto bare = parseAs<StatusResponse>("a9 OK\r\n");
    QVERIFY(bare.text.isEmpty());
}

void TestResponseParser::responseCodes()
{
    using K = ResponseCode::Kind;
    auto code = [](const QByteArray &inside) {
        return *parseAs<StatusResponse>("* OK [" + inside + "] text\r\n").code;
    };
    QCOMPARE(code("UIDNEXT 4392").number, 4392u);
    QCOMPARE(code("UIDVALIDITY 3857529045").kind, K::UidValidity);
    QCOMPARE(code("UIDVALIDITY 3857529045").number, 3857529045u);
    QCOMPARE(code("HIGHESTMODSEQ 9223372036854775807").number, 9223372036854775807ull);
    QCOMPARE(code("UNSEEN 12").kind, K::Unseen);
    QCOMPARE(code("NOMODSEQ").kind, K::NoModSeq);
    QCOMPARE(code("UIDNOTSTICKY").kind, K::UidNotSticky);
    QCOMPARE(code("CLOSED").kind, K::Closed);
    QCOMPARE(code("ALERT").kind, K::Alert);
    QCOMPARE(code("OVERQUOTA").kind, K::OverQuota);
    QCOMPARE(code("TOOBIG").kind, K::TooBig);
    QCOMPARE(code("READ-WRITE").kind, K::ReadWrite);
    const auto flags =
        code("PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\*)");
    QCOMPARE(flags.kind, K::PermanentFlags);
    QCOMPARE(flags.atoms.last(), QByteArray("\\*"));
    QCOMPARE(flags.atoms.size(), 7);
    const auto append = code("APPENDUID 38505 3955:3957,3960");
    QCOMPARE(append.kind, K::AppendUid);
    QCOMPARE(append.uidValidity, 38505u);
    QCOMPARE(append.uids.toByteArray(), QByteArray("3955:3957,3960"));
    const auto copy = code("COPYUID 38505 304,319:320 3956:3958");
    QCOMPARE(copy.sourceUids.toByteArray(), QByteArray("304,319:320"));
    QCOMPARE(copy.uids.toByteArray(), QByteArray("3956:3958"));
    const auto modified =
        parseAs<StatusResponse>("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
    QCOMPARE(modified.code->kind, K::Modified);
    QCOMPARE(modified.code->uids.toList(), (QList<std::uint32_t>{7, 9}));
    const auto other = code("X-SOMETHING some text (here)");
    QCOMPARE(other.kind, K::Other);
    QCOMPARE(other.name, QByteArray("X-SOMETHING"));
    QCOMPARE(other.text, QByteArray("some text (here)"));
}

void TestResponseParser::capabilityAndEnabled()
{
    QCOMPARE(parseAs<CapabilityData>("* CAPABILITY IMAP4rev1 QRESYNC COMPRESS=DEFLATE \r\n")
                 .capabilities,
             (QByteArrayList{"IMAP4rev1", "QRESYNC", "COMPRESS=DEFLATE"}));
    QCOMPARE(parseAs<EnabledData>("* ENABLED QRESYNC CONDSTORE\r\n").capabilities,
             (QByteArrayList{"QRESYNC", "CONDSTORE"}));
    QVERIFY(parseAs<EnabledData>("* ENABLED\r\n").capabilities.isEmpty());
}

void TestResponseParser::list()
{
    auto basic = parseAs<ListData>("* LIST (\\HasNoChildren \\Subscribed) \"/\" INBOX\r\n");
    QCOMPARE(basic.attributes, (QByteArrayList{"\\HasNoChildren", "\\Subscribed"}));
    QCOMPARE(basic.delimiter, std::optional<char>('/'));
    QCOMPARE(basic.mailbox, QByteArray("INBOX"));
    auto nil = parseAs<ListData>("* LIST (\\Noselect) NIL \"\"\r\n");
    QVERIFY(!nil.delimiter);
    QVERIFY(nil.mailbox.isEmpty());
    auto escaped = parseAs<ListData>("* LIST () \"\\\\\" \"a \\\"b\\\"\"\r\n");
    QCOMPARE(escaped.delimiter, std::optional<char>('\\'));
    QCOMPARE(escaped.mailbox, QByteArray("a \"b\""));
    auto literal = parseAs<ListData>("* LIST () \".\" {8}\r\nEnvoy\xc3\xa9s\r\n");
    QCOMPARE(literal.mailbox, QByteArray("Envoy\xc3\xa9s"));
    auto extended = parseAs<ListData>("* LIST (\\NonExistent) \"/\" Foo (\"CHILDINFO\" "
                                      "(\"SUBSCRIBED\") \"OLDNAME\" (\"Bar\"))\r\n");
    QCOMPARE(extended.childInfo, QByteArrayList{"SUBSCRIBED"});
    QCOMPARE(extended.oldName, std::optional<QByteArray>("Bar"));
    QVERIFY(parseAs<ListData>("* LSUB () \".\" Sent\r\n").lsub);
    auto bracket = parseAs<ListData>("* LIST () \"/\" a]b\r\n"); // ASTRING-CHAR allows "]"
    QCOMPARE(bracket.mailbox, QByteArray("a]b"));
}

void TestResponseParser::status()
{
    auto s = parseAs<StatusData>(
        "* STATUS \"Sent Items\" (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 "
        "HIGHESTMODSEQ 7011231777 UNSEEN 3 SIZE 123456789 RECENT 0 X-NEW 5)\r\n");
    QCOMPARE(s.mailbox, QByteArray("Sent Items"));
    QCOMPARE(s.messages, 231u);
    QCOMPARE(s.uidNext, 44292u);
    QCOMPARE(s.uidValidity, 1u);
    QCOMPARE(s.highestModSeq, 7011231777ull);
    QCOMPARE(s.unseen, 3u);
    QCOMPARE(s.size, 123456789ull);
    QCOMPARE(s.recent, 0u);
}

void TestResponseParser::flagsExistsRecentExpunge()
{
    QCOMPARE(parseAs<FlagsData>("* FLAGS (\\Answered \\Seen $Junk)\r\n").flags,
             (QByteArrayList{"\\Answered", "\\Seen", "$Junk"}));
    QCOMPARE(parseAs<ExistsData>("* 172 EXISTS\r\n").count, 172u);
    QCOMPARE(parseAs<RecentData>("* 1 RECENT\r\n").count, 1u);
    QCOMPARE(parseAs<ExpungeData>("* 44 EXPUNGE\r\n").sequence, 44u);
}

void TestResponseParser::vanished()
{
    auto earlier = parseAs<VanishedData>("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n");
    QVERIFY(earlier.earlier);
    QCOMPARE(earlier.uids.count(), 1u + 74 + 1 + 92 + 327);
    auto now = parseAs<VanishedData>("* VANISHED 405,407,410\r\n");
    QVERIFY(!now.earlier);
    QCOMPARE(now.uids.toByteArray(), QByteArray("405,407,410"));
    QCOMPARE(parseAs<VanishedData>("* VANISHED 9:7\r\n").uids.toByteArray(), QByteArray("7:9"));
}

void TestResponseParser::fetch()
{
    auto f = parseAs<FetchData>(
        "* 12 FETCH (UID 4827313 FLAGS (\\Seen \\Answered $Label1) MODSEQ (65402) "
        "INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 "
        "BODY[HEADER.FIELDS (MESSAGE-ID)] {21}\r\nMessage-ID: <a@b>\r\n\r\n"
        " BODY[] {5}\r\nhello BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL "
        "\"7BIT\" 5 1 NIL NIL NIL) X-UNKNOWN (a (b c) \"d\"))\r\n");
    QCOMPARE(f.sequence, 12u);
    QCOMPARE(f.uid, 4827313u);
    QCOMPARE(*f.flags, (QByteArrayList{"\\Seen", "\\Answered", "$Label1"}));
    QCOMPARE(f.modSeq, 65402ull);
    QCOMPARE(f.internalDate->toSecsSinceEpoch(), 837596665);
    QCOMPARE(f.size, 4286ull);
    QCOMPARE(f.sections.size(), 2);
    QCOMPARE(f.sections[0].section, QByteArray("HEADER.FIELDS (MESSAGE-ID)"));
    QCOMPARE(*f.sections[0].content, QByteArray("Message-ID: <a@b>\r\n\r\n"));
    QCOMPARE(f.sections[1].section, QByteArray());
    QCOMPARE(*f.sections[1].content, QByteArray("hello"));

    auto flagsOnly = parseAs<FetchData>("* 3 FETCH (FLAGS () UID 7 MODSEQ (12))\r\n");
    QVERIFY(flagsOnly.flags->isEmpty());
    auto nilBody = parseAs<FetchData>("* 3 FETCH (UID 7 BODY[] NIL RFC822 \"x\")\r\n");
    QVERIFY(!nilBody.sections[0].content);
    QCOMPARE(*nilBody.sections[1].content, QByteArray("x"));
}

void TestResponseParser::fetchEnvelope()
{
    auto f = parseAs<FetchData>(
        "* 1 FETCH (ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg\" "
        "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL "
        "((NIL NIL \"imap\" \"cac.washington.edu\")) NIL NIL NIL "
        "\"<B27397-0100000@cac.washington.edu>\"))\r\n");
    QVERIFY(f.envelope);
    QCOMPARE(*f.envelope->subject, QByteArray("IMAP4rev1 WG mtg"));
    QCOMPARE(f.envelope->from.size(), 1);
    QCOMPARE(*f.envelope->from[0].name, QByteArray("Terry Gray"));
    QCOMPARE(*f.envelope->to[0].host, QByteArray("cac.washington.edu"));
    QVERIFY(f.envelope->sender.isEmpty());
    QCOMPARE(*f.envelope->messageId, QByteArray("<B27397-0100000@cac.washington.edu>"));
}

void TestResponseParser::fetchPartialBeforeStreamedBody()
{
    struct Sink : BodySink
    {
        std::optional<FetchData> partial;
        ProtocolError error;
        void bodyBegin(const ResponseFrame &frame, qint64) override
        {
            partial = ResponseParser::parsePartialFetch(frame, &error);
        }
        void bodyData(QByteArrayView) override {}
        void bodyEnd() override {}
    } sink;
    ResponseFramer framer;
    framer.setBodySink(&sink);
    QList<ResponseFrame> frames;
    QVERIFY(
        framer.feed("* 2 FETCH (UID 17 FLAGS (\\Seen) INTERNALDATE \" 2-Nov-2026 10:00:00 +0100\" "
                    "BODY[] {3}\r\nabc)\r\n",
                    [&](ResponseFrame &&f) { frames.append(std::move(f)); }));
    QVERIFY2(sink.partial, qPrintable(sink.error.describe()));
    QCOMPARE(sink.partial->uid, 17u);
    QCOMPARE(*sink.partial->flags, QByteArrayList{"\\Seen"});
    QVERIFY(sink.partial->internalDate);
    ProtocolError error;
    const auto whole = ResponseParser::parse(frames.first(), &error);
    QVERIFY(whole);
    const auto &fetch = std::get<FetchData>(*whole);
    QVERIFY(fetch.sections[0].streamed);
    QCOMPARE(fetch.sections[0].size, 3);
}

void TestResponseParser::search()
{
    QCOMPARE(parseAs<SearchData>("* SEARCH 2 84 882\r\n").numbers,
             (QList<std::uint32_t>{2, 84, 882}));
    QVERIFY(parseAs<SearchData>("* SEARCH\r\n").numbers.isEmpty());
    auto modseq = parseAs<SearchData>("* SEARCH 2 5 6 (MODSEQ 917162500)\r\n");
    QCOMPARE(modseq.modSeq, 917162500ull);
    QCOMPARE(modseq.numbers.size(), 3);
}

void TestResponseParser::esearch()
{
    auto e = parseAs<ESearchData>(
        "* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800 COUNT 15 ALL 7,10:12\r\n");
    QCOMPARE(e.tag, QByteArray("A285"));
    QVERIFY(e.uid);
    QCOMPARE(e.min, 7u);
    QCOMPARE(e.max, 3800u);
    QCOMPARE(e.count, 15u);
    QCOMPARE(e.all->toByteArray(), QByteArray("7,10:12"));
    QVERIFY(!parseAs<ESearchData>("* ESEARCH (TAG \"a\") UID\r\n").all);
}

void TestResponseParser::namespaceAndId()
{
    auto ns = parseAs<NamespaceData>("* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) NIL\r\n");
    QCOMPARE(ns.personal.size(), 1);
    QCOMPARE(ns.personal[0].delimiter, std::optional<char>('/'));
    QCOMPARE(ns.otherUsers[0].prefix, QByteArray("~"));
    QVERIFY(ns.shared.isEmpty());
    auto id = parseAs<IdData>("* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n");
    QCOMPARE(id.fields.size(), 2);
    QCOMPARE(*id.fields[0].second, QByteArray("Dovecot"));
    QVERIFY(!id.fields[1].second);
    QVERIFY(parseAs<IdData>("* ID NIL\r\n").fields.isEmpty());
}

void TestResponseParser::continuation()
{
    QCOMPARE(parseAs<ContinuationRequest>("+ Ready for literal data\r\n").text,
             QByteArray("Ready for literal data"));
    QCOMPARE(parseAs<ContinuationRequest>("+\r\n").text, QByteArray()); // Exchange 2010
    QCOMPARE(parseAs<ContinuationRequest>("+ cj1zY3JhbQ==\r\n").text, QByteArray("cj1zY3JhbQ=="));
}

void TestResponseParser::unknownUntaggedIsKept()
{
    auto unknown = parseAs<UnknownData>("* METADATA INBOX (/private/comment {3}\r\nabc)\r\n");
    QCOMPARE(unknown.name, QByteArray("METADATA"));
}

void TestResponseParser::internalDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("epoch");
    QTest::newRow("utc") << QByteArray("02-Nov-2026 10:00:00 +0000") << qint64(1793613600);
    QTest::newRow("space-padded day")
        << QByteArray(" 2-Nov-2026 11:00:00 +0100") << qint64(1793613600);
    QTest::newRow("negative zone")
        << QByteArray("02-Nov-2026 05:30:00 -0430") << qint64(1793613600);
    QTest::newRow("lowercase month")
        << QByteArray("02-nov-2026 10:00:00 +0000") << qint64(1793613600);
    QTest::newRow("31 feb") << QByteArray("31-Feb-2026 10:00:00 +0000") << qint64(-1);
    QTest::newRow("bad month") << QByteArray("02-Nox-2026 10:00:00 +0000") << qint64(-1);
    QTest::newRow("short") << QByteArray("2-Nov-2026 10:00:00 +0000") << qint64(-1);
    QTest::newRow("no zone sign") << QByteArray("02-Nov-2026 10:00:00 0000 ") << qint64(-1);
    QTest::newRow("hour 25") << QByteArray("02-Nov-2026 25:00:00 +0000") << qint64(-1);
}

void TestResponseParser::internalDate()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, epoch);
    const auto parsed = ResponseParser::parseDateTime(text);
    if (epoch < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(parsed->toSecsSinceEpoch(), epoch);
    }
}

void TestResponseParser::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("kind");
    const int syntax = int(ProtocolError::Kind::Syntax);
    QTest::newRow("garbage") << QByteArray("hello world\r\n") << syntax;
    QTest::newRow("tag without status") << QByteArray("a1\r\n") << syntax;
    QTest::newRow("tagged BYE") << QByteArray("a1 BYE x\r\n") << syntax;
    QTest::newRow("vanished zero") << QByteArray("* VANISHED 0\r\n") << syntax;
    QTest::newRow("vanished star") << QByteArray("* VANISHED 1:*\r\n") << syntax;
    QTest::newRow("modseq overflow") << QByteArray("* 1 FETCH (MODSEQ (9223372036854775808))\r\n")
                                     << int(ProtocolError::Kind::NumberOverflow);
    QTest::newRow("uid overflow") << QByteArray("* 1 FETCH (UID 4294967296)\r\n")
                                  << int(ProtocolError::Kind::NumberOverflow);
    QTest::newRow("uid zero") << QByteArray("* 1 FETCH (UID 0)\r\n") << syntax;
    QTest::newRow("fetch of message 0") << QByteArray("* 0 FETCH (UID 3)\r\n") << syntax;
    QTest::newRow("unterminated fetch") << QByteArray("* 1 FETCH (UID 3\r\n") << syntax;
    QTest::newRow("trailing garbage") << QByteArray("* 3 EXISTS now\r\n") << syntax;
    QTest::newRow("bad internaldate")
        << QByteArray("* 1 FETCH (INTERNALDATE \"yesterday\")\r\n") << syntax;
    QTest::newRow("unterminated quote") << QByteArray("* LIST () \"/\" \"abc\r\n") << syntax;
    QTest::newRow("bad escape") << QByteArray("* LIST () \"/\" \"a\\nb\"\r\n") << syntax;
    QTest::newRow("long delimiter") << QByteArray("* LIST () \"//\" a\r\n") << syntax;
    QTest::newRow("appenduid bad set") << QByteArray("a1 OK [APPENDUID 5 1,,2] done\r\n") << syntax;
    QTest::newRow("appenduid zero validity")
        << QByteArray("a1 OK [APPENDUID 0 1] done\r\n") << syntax;
    QTest::newRow("copyuid size mismatch")
        << QByteArray("a1 OK [COPYUID 5 1:3 7] done\r\n") << syntax;
    QTest::newRow("unclosed code") << QByteArray("a1 OK [UIDNEXT 5 done\r\n") << syntax;
    QTest::newRow("unknown numeric") << QByteArray("* 5 FROBNICATE\r\n") << syntax;
    QTest::newRow("deep nesting") << (QByteArray("* 1 FETCH (X ") + QByteArray(100, '(') +
                                      QByteArray(100, ')') + "))\r\n")
                                  << int(ProtocolError::Kind::NestingTooDeep);
    QTest::newRow("NUL in quoted") << QByteArray("* LIST () \"/\" \"a\0b\"\r\n", 21) << syntax;
    QTest::newRow("body where string expected")
        << QByteArray("* 1 FETCH (INTERNALDATE {26}\r\n02-Nov-2026 10:00:00 +0000)\r\n") << -1;
}

void TestResponseParser::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, kind);
    const ProtocolError error = parseError(wire);
    if (kind < 0) { // a literal where a string may stand is fine: this one must parse
        QVERIFY2(!error.isError(), qPrintable(error.describe()));
        return;
    }
    QVERIFY2(error.isError(), wire.constData());
    QCOMPARE(int(error.kind), kind);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.excerpt.isEmpty());
}

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_response_parser.moc"
