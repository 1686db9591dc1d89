#include "ResponseParser.h"

#include "ResponseTokenizer.h"

#include <QTimeZone>

namespace twinbox::imap {

namespace {

using Tokens = ResponseTokenizer;

ResponseCode parseCode(Tokens &t)
{
    ResponseCode code;
    code.name = t.upperAtom();
    using K = ResponseCode::Kind;
    static const QList<std::pair<QByteArrayView, K>> plain = {
        {"ALERT", K::Alert},          {"ALREADYEXISTS", K::AlreadyExists},
        {"CLOSED", K::Closed},        {"COMPRESSIONACTIVE", K::CompressionActive},
        {"NOMODSEQ", K::NoModSeq},    {"NONEXISTENT", K::NonExistent},
        {"OVERQUOTA", K::OverQuota},  {"READ-ONLY", K::ReadOnly},
        {"READ-WRITE", K::ReadWrite}, {"TOOBIG", K::TooBig},
        {"TRYCREATE", K::TryCreate},  {"UIDNOTSTICKY", K::UidNotSticky},
    };
    for (const auto &[name, kind] : plain) {
        if (code.name == name) {
            code.kind = kind;
            return code;
        }
    }
    auto sequenceSet = [&t]() {
        const QByteArray text = t.atom();
        const auto set = SequenceSet::parse(text);
        if (!set)
            t.fail(ResponseParser::tr("invalid UID set"));
        return *set;
    };
    if (code.name == "CAPABILITY") {
        code.kind = K::Capability;
        while (t.tryChar(' ')) {
            if (t.peek() != ']')
                code.atoms.append(t.atom());
        }
    } else if (code.name == "PERMANENTFLAGS") {
        code.kind = K::PermanentFlags;
        t.expectSpace();
        code.atoms = t.flagList();
    } else if (code.name == "UIDNEXT" || code.name == "UIDVALIDITY" || code.name == "UNSEEN") {
        code.kind = code.name == "UIDNEXT"       ? K::UidNext
                    : code.name == "UIDVALIDITY" ? K::UidValidity
                                                 : K::Unseen;
        t.expectSpace();
        code.number = t.number();
    } else if (code.name == "HIGHESTMODSEQ") {
        code.kind = K::HighestModSeq;
        t.expectSpace();
        code.number = t.number64();
    } else if (code.name == "APPENDUID") { // RFC 4315 §3
        code.kind = K::AppendUid;
        t.expectSpace();
        code.uidValidity = t.nzNumber();
        t.expectSpace();
        code.uids = sequenceSet();
    } else if (code.name == "COPYUID") {
        code.kind = K::CopyUid;
        t.expectSpace();
        code.uidValidity = t.nzNumber();
        t.expectSpace();
        code.sourceUids = sequenceSet();
        t.expectSpace();
        code.uids = sequenceSet();
        if (code.sourceUids.count() != code.uids.count())
            t.fail(ResponseParser::tr("COPYUID with sets of different sizes"));
    } else if (code.name == "MODIFIED") { // RFC 7162 §3.1.3
        code.kind = K::Modified;
        t.expectSpace();
        code.uids = sequenceSet();
    } else {
        code.kind = K::Other;
        if (t.tryChar(' '))
            code.text = t.until(']');
    }
    return code;
}

StatusResponse parseStatus(Tokens &t, QByteArray tag, StatusResponse::Status status)
{
    StatusResponse response;
    response.tag = std::move(tag);
    response.status = status;
    if (!t.tryChar(' '))
        return response; // "a1 OK" without text: seen in the wild
    if (t.tryChar('[')) {
        response.code = parseCode(t);
        t.expect(']');
        t.tryChar(' ');
    }
    response.text = t.restOfLine();
    return response;
}

std::optional<StatusResponse::Status> statusKeyword(Tokens &t, bool tagged)
{
    using S = StatusResponse::Status;
    if (t.tryKeyword("OK"))
        return S::Ok;
    if (t.tryKeyword("NO"))
        return S::No;
    if (t.tryKeyword("BAD"))
        return S::Bad;
    if (!tagged && t.tryKeyword("BYE"))
        return S::Bye;
    if (!tagged && t.tryKeyword("PREAUTH"))
        return S::Preauth;
    return std::nullopt;
}

QByteArrayList capabilityAtoms(Tokens &t)
{
    QByteArrayList atoms;
    while (t.tryChar(' ')) {
        if (t.atLineEnd())
            break; // a trailing space
        atoms.append(t.atom());
    }
    return atoms;
}

std::optional<char> delimiter(Tokens &t)
{
    if (t.tryKeyword("NIL"))
        return std::nullopt;
    const QByteArray text = t.string();
    if (text.size() != 1)
        t.fail(ResponseParser::tr("invalid hierarchy delimiter"));
    return text.at(0);
}

ListData parseList(Tokens &t, bool lsub)
{
    ListData list;
    list.lsub = lsub;
    t.expectSpace();
    list.attributes = t.flagList();
    t.expectSpace();
    list.delimiter = delimiter(t);
    t.expectSpace();
    list.mailbox = t.astring();
    if (t.tryChar(' ')) { // RFC 5258 mbox-list-extended
        t.parenthesized([&] {
            const QByteArray name = t.astring().toUpper();
            t.expectSpace();
            if (name == "CHILDINFO")
                t.parenthesized([&] { list.childInfo.append(t.astring()); });
            else if (name == "OLDNAME")
                t.parenthesized([&] { list.oldName = t.astring(); });
            else
                t.skipValue();
        });
    }
    return list;
}

StatusData parseStatusData(Tokens &t)
{
    StatusData status;
    t.expectSpace();
    status.mailbox = t.astring();
    t.expectSpace();
    t.parenthesized([&] {
        const QByteArray item = t.upperAtom();
        t.expectSpace();
        if (item == "MESSAGES")
            status.messages = t.number();
        else if (item == "RECENT")
            status.recent = t.number();
        else if (item == "UIDNEXT")
            status.uidNext = t.number();
        else if (item == "UIDVALIDITY")
            status.uidValidity = t.number();
        else if (item == "UNSEEN")
            status.unseen = t.number();
        else if (item == "HIGHESTMODSEQ")
            status.highestModSeq = t.number64();
        else if (item == "SIZE")
            status.size = t.number64();
        else
            t.skipValue();
    });
    return status;
}

QList<Address> addressList(Tokens &t)
{
    QList<Address> addresses;
    if (t.tryKeyword("NIL"))
        return addresses;
    t.expect('(');
    while (!t.tryChar(')')) {
        t.expect('(');
        Address address;
        address.name = t.nstring();
        t.expectSpace();
        address.adl = t.nstring();
        t.expectSpace();
        address.mailbox = t.nstring();
        t.expectSpace();
        address.host = t.nstring();
        t.expect(')');
        addresses.append(address);
    }
    return addresses;
}

Envelope parseEnvelope(Tokens &t)
{
    Envelope e;
    t.expect('(');
    e.date = t.nstring();
    t.expectSpace();
    e.subject = t.nstring();
    for (QList<Address> *list : {&e.from, &e.sender, &e.replyTo, &e.to, &e.cc, &e.bcc}) {
        t.expectSpace();
        *list = addressList(t);
    }
    t.expectSpace();
    e.inReplyTo = t.nstring();
    t.expectSpace();
    e.messageId = t.nstring();
    t.expect(')');
    return e;
}

// Reads a BODY[...], BINARY[...] or RFC822 value. False when a partial response ends here,
// at the streamed body.
bool appendSection(Tokens &t, FetchData &fetch, QByteArray section, bool partial)
{
    if (partial && (t.atEnd() || t.atStreamedLiteral()))
        return false;
    auto value = t.nstringValue();
    fetch.sections.append({std::move(section), std::move(value.data), value.streamed, value.size});
    return true;
}

// Reads "(att SP value ...)" of a FETCH response; with `partial`, stops cleanly where the
// available data ends (before a streamed body).
void parseFetchAttributes(Tokens &t, FetchData &fetch, bool partial)
{
    t.expect('(');
    bool first = true;
    while (!t.tryChar(')')) {
        if (partial && (t.atEnd() || t.atStreamedLiteral()))
            return;
        if (!first)
            t.expectSpace();
        first = false;
        if (partial && (t.atEnd() || t.atStreamedLiteral()))
            return;
        const QByteArray name = t.fetchItemName();
        if (name == "BODY" || name == "BINARY") {
            if (t.peek() == '[') {
                QByteArray section = t.bracketed();
                if (t.tryChar('<')) {
                    t.number();
                    t.expect('>');
                }
                t.expectSpace();
                if (!appendSection(t, fetch, std::move(section), partial))
                    return;
                continue;
            }
        } else if (name == "BINARY.SIZE" && t.peek() == '[') {
            t.bracketed();
        }
        t.expectSpace();
        if (name == "UID") {
            fetch.uid = t.nzNumber();
        } else if (name == "FLAGS") {
            fetch.flags = t.flagList();
        } else if (name == "MODSEQ") { // RFC 7162 §3.1.4.1
            t.expect('(');
            fetch.modSeq = t.number64();
            t.expect(')');
        } else if (name == "INTERNALDATE") {
            const QByteArray text = t.string();
            fetch.internalDate = ResponseParser::parseDateTime(text);
            if (!fetch.internalDate)
                t.fail(ResponseParser::tr("invalid INTERNALDATE"));
        } else if (name == "RFC822.SIZE") {
            fetch.size = t.number64();
        } else if (name == "ENVELOPE") {
            fetch.envelope = parseEnvelope(t);
        } else if (name == "RFC822" || name == "RFC822.TEXT" || name == "RFC822.HEADER") {
            if (!appendSection(t, fetch, name == "RFC822" ? QByteArray() : name.mid(7), partial))
                return;
        } else {
            t.skipValue(); // BODYSTRUCTURE, EMAILID, SAVEDATE, ...: not used
        }
    }
}

ESearchData parseESearch(Tokens &t)
{
    ESearchData search;
    if (t.tryChar(' ')) {
        if (t.tryChar('(')) { // search-correlator
            if (!t.tryKeyword("TAG"))
                t.fail(ResponseParser::tr("expected TAG"));
            t.expectSpace();
            search.tag = t.string();
            t.expect(')');
            if (!t.tryChar(' '))
                return search;
        }
        for (bool first = true; !t.atLineEnd(); first = false) {
            if (!first)
                t.expectSpace();
            const QByteArray name = t.upperAtom();
            if (name == "UID") {
                search.uid = true;
                continue;
            }
            t.expectSpace();
            if (name == "MIN")
                search.min = t.nzNumber();
            else if (name == "MAX")
                search.max = t.nzNumber();
            else if (name == "COUNT")
                search.count = t.number();
            else if (name == "MODSEQ")
                search.modSeq = t.number64();
            else if (name == "ALL") {
                search.all = SequenceSet::parse(t.atom());
                if (!search.all)
                    t.fail(ResponseParser::tr("invalid UID set"));
            } else
                t.skipValue();
        }
    }
    return search;
}

QList<NamespaceData::Entry> namespaceList(Tokens &t)
{
    QList<NamespaceData::Entry> entries;
    if (t.tryKeyword("NIL"))
        return entries;
    t.expect('(');
    while (!t.tryChar(')')) {
        t.expect('(');
        NamespaceData::Entry entry;
        entry.prefix = t.string();
        t.expectSpace();
        entry.delimiter = delimiter(t);
        while (t.tryChar(' ')) // namespace-response-extensions
            t.skipValue();
        t.expect(')');
        entries.append(entry);
    }
    return entries;
}

Response parseUntaggedNumeric(Tokens &t)
{
    const std::uint32_t number = t.number();
    t.expectSpace();
    const QByteArray name = t.upperAtom();
    if (name == "EXISTS")
        return ExistsData{number};
    if (name == "RECENT")
        return RecentData{number};
    if (name == "EXPUNGE") {
        if (number == 0)
            t.fail(ResponseParser::tr("EXPUNGE of message 0"));
        return ExpungeData{number};
    }
    if (name == "FETCH") {
        FetchData fetch;
        fetch.sequence = number;
        if (number == 0)
            t.fail(ResponseParser::tr("FETCH of message 0"));
        t.expectSpace();
        parseFetchAttributes(t, fetch, false);
        return fetch;
    }
    t.fail(ResponseParser::tr("unknown response"));
}

Response parseUntagged(Tokens &t)
{
    if (t.peek() >= '0' && t.peek() <= '9')
        return parseUntaggedNumeric(t);
    if (const auto status = statusKeyword(t, false))
        return parseStatus(t, {}, *status);
    const QByteArray name = t.upperAtom();
    if (name == "CAPABILITY")
        return CapabilityData{capabilityAtoms(t)};
    if (name == "ENABLED")
        return EnabledData{capabilityAtoms(t)};
    if (name == "LIST" || name == "LSUB")
        return parseList(t, name == "LSUB");
    if (name == "STATUS")
        return parseStatusData(t);
    if (name == "FLAGS") {
        t.expectSpace();
        return FlagsData{t.flagList()};
    }
    if (name == "VANISHED") { // RFC 7162 §3.2.10
        VanishedData vanished;
        t.expectSpace();
        if (t.tryChar('(')) {
            if (!t.tryKeyword("EARLIER"))
                t.fail(ResponseParser::tr("expected EARLIER"));
            t.expect(')');
            t.expectSpace();
            vanished.earlier = true;
        }
        const auto uids = SequenceSet::parse(t.atom());
        if (!uids)
            t.fail(ResponseParser::tr("invalid UID set"));
        vanished.uids = *uids;
        return vanished;
    }
    if (name == "SEARCH") {
        SearchData search;
        while (t.tryChar(' ')) {
            if (t.atLineEnd())
                break;
            if (t.tryChar('(')) { // RFC 7162 §3.1.5
                if (!t.tryKeyword("MODSEQ"))
                    t.fail(ResponseParser::tr("expected MODSEQ"));
                t.expectSpace();
                search.modSeq = t.number64();
                t.expect(')');
                break;
            }
            search.numbers.append(t.nzNumber());
        }
        return search;
    }
    if (name == "ESEARCH")
        return parseESearch(t);
    if (name == "NAMESPACE") {
        NamespaceData ns;
        t.expectSpace();
        ns.personal = namespaceList(t);
        t.expectSpace();
        ns.otherUsers = namespaceList(t);
        t.expectSpace();
        ns.shared = namespaceList(t);
        return ns;
    }
    if (name == "ID") {
        IdData id;
        t.expectSpace();
        if (t.tryKeyword("NIL"))
            return id;
        t.parenthesized([&] {
            QByteArray key = t.string();
            t.expectSpace();
            id.fields.append({std::move(key), t.nstring()});
        });
        return id;
    }
    // Anything else is of no use to Twinbox: keep it as text instead of guessing its syntax.
    UnknownData unknown{name, t.restOfLine()};
    t.skipToEnd();
    return unknown;
}

} // namespace

std::optional<Response> ResponseParser::parse(const ResponseFrame &frame, ProtocolError *error)
{
    Tokens t(frame);
    try {
        Response response;
        if (t.tryChar('+')) {
            t.tryChar(' ');
            return ContinuationRequest{t.restOfLine()};
        }
        if (t.tryChar('*')) {
            t.expectSpace();
            response = parseUntagged(t);
        } else {
            QByteArray tag = t.tag();
            t.expectSpace();
            const auto status = statusKeyword(t, true);
            if (!status)
                t.fail(tr("expected OK, NO or BAD after the tag"));
            response = parseStatus(t, std::move(tag), *status);
        }
        if (!t.atEnd())
            t.fail(tr("unexpected data at the end of the response"));
        return response;
    } catch (const Tokens::Failure &failure) {
        *error = failure.error;
        return std::nullopt;
    }
}

std::optional<FetchData> ResponseParser::parsePartialFetch(const ResponseFrame &partial,
                                                           ProtocolError *error)
{
    Tokens t(partial);
    try {
        t.expect('*');
        t.expectSpace();
        FetchData fetch;
        fetch.sequence = t.nzNumber();
        t.expectSpace();
        if (!t.tryKeyword("FETCH"))
            t.fail(tr("expected FETCH"));
        t.expectSpace();
        parseFetchAttributes(t, fetch, true);
        return fetch;
    } catch (const Tokens::Failure &failure) {
        *error = failure.error;
        return std::nullopt;
    }
}

std::optional<QDateTime> ResponseParser::parseDateTime(QByteArrayView text)
{
    // date-day-fixed "-" date-month "-" date-year SP time SP zone; the day may be " 2".
    static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (text.size() != 26 || text[2] != '-' || text[6] != '-' || text[11] != ' ' ||
        text[14] != ':' || text[17] != ':' || text[20] != ' ' ||
        (text[21] != '+' && text[21] != '-'))
        return std::nullopt;
    auto digits = [&](qsizetype from, qsizetype count) -> int {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int day = text[0] == ' ' ? digits(1, 1) : digits(0, 2);
    int month = 0;
    for (int m = 0; m < 12; ++m) {
        if (qstrnicmp(text.data() + 3, months[m], 3) == 0)
            month = m + 1;
    }
    const int year = digits(7, 4);
    const int hour = digits(12, 2), minute = digits(15, 2), second = digits(18, 2);
    const int zoneHours = digits(22, 2), zoneMinutes = digits(24, 2);
    if (day < 1 || month == 0 || year < 0 || hour < 0 || minute < 0 || second < 0 ||
        zoneHours < 0 || zoneMinutes < 0 || zoneMinutes > 59 || zoneHours > 23)
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const int offset = (text[21] == '-' ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60);
    return QDateTime(date, time, QTimeZone(offset));
}

} // namespace twinbox::imap
