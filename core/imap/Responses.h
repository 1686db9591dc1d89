#pragma once

#include "SequenceSet.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>

#include <cstdint>
#include <optional>
#include <variant>

namespace twinbox::imap {

// Typed server responses (RFC 3501 §7 and the extensions Twinbox uses). Mailbox names stay
// in their wire form (modified UTF-7, ModifiedUtf7 decodes them); flags and capabilities
// keep the server's spelling.

// A bracketed response code (RFC 3501 §7.1, RFC 4315, RFC 7162, RFC 5530).
struct ResponseCode
{
    enum class Kind {
        Alert,
        AlreadyExists,
        AppendUid,  // uidValidity, uids
        Capability, // atoms
        Closed,
        CompressionActive,
        CopyUid,       // uidValidity, sourceUids, uids
        HighestModSeq, // number
        Modified,      // uids (a sequence set of UIDs or numbers)
        NoModSeq,
        NonExistent,
        OverQuota,
        PermanentFlags, // atoms
        ReadOnly,
        ReadWrite,
        TooBig,
        TryCreate,
        UidNext, // number
        UidNotSticky,
        UidValidity, // number
        Unseen,      // number
        Other,       // name and text kept as sent
    };

    Kind kind = Kind::Other;
    QByteArray name;      // as sent, upper-cased
    QByteArray text;      // for Other: everything after the name
    QByteArrayList atoms; // capabilities or flags
    std::uint64_t number = 0;
    std::uint32_t uidValidity = 0;
    SequenceSet sourceUids;
    SequenceSet uids;
};

// OK / NO / BAD / BYE / PREAUTH, tagged or untagged (RFC 3501 §7.1). The greeting is the
// first untagged one.
struct StatusResponse
{
    enum class Status { Ok, No, Bad, Bye, Preauth };
    QByteArray tag; // empty: untagged
    Status status = Status::Ok;
    std::optional<ResponseCode> code;
    QByteArray text;
};

struct ContinuationRequest // "+ text" (RFC 3501 §7.5)
{
    QByteArray text;
};

struct CapabilityData // RFC 3501 §7.2.1
{
    QByteArrayList capabilities;
};

struct EnabledData // RFC 5161 §3.2
{
    QByteArrayList capabilities;
};

struct ListData // RFC 3501 §7.2.2, RFC 5258 (LIST-EXTENDED)
{
    bool lsub = false;
    QByteArrayList attributes;
    std::optional<char> delimiter;     // nullopt: NIL, a flat namespace
    QByteArray mailbox;                // wire form
    QByteArrayList childInfo;          // CHILDINFO extended data
    std::optional<QByteArray> oldName; // OLDNAME extended data (RFC 5465)
};

struct StatusData // RFC 3501 §7.2.4, RFC 7162, RFC 8438
{
    QByteArray mailbox;
    std::optional<std::uint32_t> messages, recent, uidNext, uidValidity, unseen;
    std::optional<std::uint64_t> highestModSeq, size;
};

struct FlagsData // RFC 3501 §7.2.6
{
    QByteArrayList flags;
};

struct ExistsData
{
    std::uint32_t count = 0;
};
struct RecentData
{
    std::uint32_t count = 0;
};
struct ExpungeData
{
    std::uint32_t sequence = 0;
};

struct VanishedData // RFC 7162 §3.2.10
{
    bool earlier = false;
    SequenceSet uids;
};

struct Address // RFC 3501 §7.4.2 ENVELOPE address
{
    std::optional<QByteArray> name, adl, mailbox, host;
};

struct Envelope
{
    std::optional<QByteArray> date, subject;
    QList<Address> from, sender, replyTo, to, cc, bcc;
    std::optional<QByteArray> inReplyTo, messageId;
};

struct FetchData // RFC 3501 §7.4.2, RFC 7162 §3.1.4
{
    std::uint32_t sequence = 0;
    std::optional<std::uint32_t> uid;
    std::optional<QByteArrayList> flags;
    std::optional<std::uint64_t> modSeq;
    std::optional<QDateTime> internalDate;
    std::optional<std::uint64_t> size; // RFC822.SIZE
    std::optional<Envelope> envelope;
    // BODY[...] / BINARY[...] / RFC822 items: the section as sent ("", "TEXT",
    // "HEADER.FIELDS (MESSAGE-ID)") and the content. A streamed body has bodyStreamed set and
    // no content here.
    struct Section
    {
        QByteArray section;
        std::optional<QByteArray> content; // nullopt: NIL
        bool streamed = false;
        qint64 size = 0;
    };
    QList<Section> sections;
};

struct SearchData // RFC 3501 §7.2.5, RFC 7162 §3.1.5
{
    QList<std::uint32_t> numbers;
    std::optional<std::uint64_t> modSeq;
};

struct ESearchData // RFC 4731
{
    QByteArray tag;
    bool uid = false;
    std::optional<std::uint32_t> min, max, count;
    std::optional<SequenceSet> all;
    std::optional<std::uint64_t> modSeq;
};

struct NamespaceData // RFC 2342
{
    struct Entry
    {
        QByteArray prefix;
        std::optional<char> delimiter;
    };
    QList<Entry> personal, otherUsers, shared;
};

struct IdData // RFC 2971
{
    QList<std::pair<QByteArray, std::optional<QByteArray>>> fields; // empty: NIL
};

struct UnknownData // an untagged response Twinbox has no use for, kept as text
{
    QByteArray name;
    QByteArray line;
};

using Response =
    std::variant<StatusResponse, ContinuationRequest, CapabilityData, EnabledData, ListData,
                 StatusData, FlagsData, ExistsData, RecentData, ExpungeData, VanishedData,
                 FetchData, SearchData, ESearchData, NamespaceData, IdData, UnknownData>;

} // namespace twinbox::imap
