#pragma once

// The conversations of tst_cli_refusals' fake servers, built from pieces: the opening every
// run has, a first SELECT, the messages' FETCH and APPEND, the LOGOUT.

#include <QByteArray>
#include <QByteArrayList>

#include <optional>

namespace twinbox::test::cli_scripts {

using Script = QByteArrayList;

// What a server needs for twinbox-cli to start syncing (DESIGN.md: required extensions), and
// LITERAL+ for the streaming APPEND.
inline const QByteArray goodCapabilities =
    "IMAP4rev1 ENABLE QRESYNC CONDSTORE LIST-EXTENDED LIST-STATUS UIDPLUS LITERAL+";

// Different on each side, so that a state row shows which server it describes.
inline constexpr quint32 localUidValidity = 11;
inline constexpr quint32 remoteUidValidity = 22;

// One message, small enough to write out here; RFC822.SIZE and the literals agree with it.
inline const QByteArray internalDate = "\"02-Nov-2026 10:00:00 +0000\"";
inline const QByteArray messageId = "<refusal@twinbox.test>";
inline const QByteArrayList messageLines = {"Message-ID: " + messageId, "", "hello"};
inline qsizetype messageSize()
{
    return messageLines.join("\r\n").size() + 2;
}

// The state of INBOX on one server, as LIST-STATUS (RFC 5819) and SELECT report it.
struct Inbox
{
    quint32 uidValidity = 0;
    quint32 exists = 0;
    quint32 uidNext = 1;
    quint64 highestModSeq = 1;
};

inline QByteArray number(quint64 value)
{
    return QByteArray::number(value);
}

// Every run starts this way: a PREAUTH greeting with capabilities (RFC 3501 §7.1.4) and the
// listing with status as T1 (RFC 5258, RFC 5819), the only command of a no-op sync.
inline Script opening(const Inbox &inbox)
{
    return {
        "S: * PREAUTH [CAPABILITY " + goodCapabilities + "] fake server ready",
        "C: T1 LIST \"\" (\"*\") RETURN (SUBSCRIBED STATUS (UIDVALIDITY UIDNEXT HIGHESTMODSEQ))",
        "S: * LIST (\\HasNoChildren) \"/\" INBOX",
        "S: * STATUS INBOX (UIDVALIDITY " + number(inbox.uidValidity) + " UIDNEXT " +
            number(inbox.uidNext) + " HIGHESTMODSEQ " + number(inbox.highestModSeq) + ")",
        "S: T1 OK listed"};
}

// The opening with a second mailbox listed after INBOX, `name` in its LIST-STATUS.
inline Script openingWith(const Inbox &inbox, const Inbox &other, const QByteArray &name = "Work")
{
    Script script = opening(inbox);
    script.insert(script.size() - 1, "S: * LIST (\\HasNoChildren) \"/\" " + name);
    script.insert(script.size() - 1, "S: * STATUS " + name + " (UIDVALIDITY " +
                                         number(other.uidValidity) + " UIDNEXT " +
                                         number(other.uidNext) + " HIGHESTMODSEQ " +
                                         number(other.highestModSeq) + ")");
    return script;
}

// The first SELECT of INBOX (no state yet, so CONDSTORE: RFC 7162 §3.1.8) as T3, with `extra`
// untagged lines among the usual ones; `command` for a SELECT with QRESYNC parameters. The
// session's first selection (`first`: T3 unless said) has ENABLE QRESYNC (RFC 7162 §3.2.3)
// ahead of it, pipelined, with the tag before (ImapSession::select).
inline Script firstSelect(const Inbox &inbox, const Script &extra = {},
                          const QByteArray &command = "SELECT INBOX (CONDSTORE)", int tag = 3,
                          std::optional<bool> first = std::nullopt)
{
    const QByteArray t = "T" + number(quint64(tag));
    Script script;
    if (first.value_or(tag == 3)) {
        const QByteArray e = "T" + number(quint64(tag - 1));
        script = {"C: " + e + " ENABLE QRESYNC", "S: * ENABLED QRESYNC", "S: " + e + " OK enabled"};
    }
    script += {"C: " + t + " " + command, "S: * " + number(inbox.exists) + " EXISTS",
               "S: * OK [UIDVALIDITY " + number(inbox.uidValidity) + "] ok"};
    for (const QByteArray &line : extra)
        script.append(line);
    script += {"S: * OK [UIDNEXT " + number(inbox.uidNext) + "] ok",
               "S: * OK [HIGHESTMODSEQ " + number(inbox.highestModSeq) + "] ok",
               "S: " + t + " OK [READ-WRITE] selected"};
    return script;
}

// The SELECT of `mailbox` with QRESYNC from HIGHESTMODSEQ `since` (RFC 7162 §3.2.5.1) on a
// server that holds it as `box`, as `tag` (ENABLE ahead of it when that is T3), with `extra`
// untagged lines among the usual ones (firstSelect).
inline Script resyncSelect(const QByteArray &mailbox, const Inbox &box, quint64 since, int tag = 3,
                           const Script &extra = {})
{
    return firstSelect(box, extra,
                       "SELECT " + mailbox + " (QRESYNC (" + number(box.uidValidity) + " " +
                           number(since) + "))",
                       tag);
}

// An EXPUNGE under QRESYNC fails the connection at once (ImapConnection): the server that
// sent it hears nothing more, not even LOGOUT.
inline Script endingAtExpunge(Script script)
{
    const qsizetype at = script.indexOf(QByteArray("S: * 1 EXPUNGE"));
    if (at >= 0)
        script.resize(at + 1);
    return script;
}

// The check after the writes (MailboxSync): `UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE since
// VANISHED)` as `tag` (RFC 7162 §3.1.4.1, §3.2.6), answered with `extra`.
inline Script check(int tag, quint64 since, const Script &extra = {})
{
    const QByteArray t = "T" + number(quint64(tag));
    Script script = {"C: " + t + " UID FETCH 1:4294967295 (UID FLAGS) (CHANGEDSINCE " +
                     number(since) + " VANISHED)"};
    script += extra;
    script.append("S: " + t + " OK fetched");
    return script;
}

// LOGOUT, and the client closes without waiting for the answer (ImapSession::logout).
inline Script logout(int tag)
{
    const QByteArray t = "T" + number(quint64(tag));
    return {"C: " + t + " LOGOUT", "E"};
}

// The source's answer to the summary FETCH of new messages from `from` on (MessageSummary;
// unless said, from `uid`): the message, under UID `uid` (and that sequence number).
inline Script summaryOfOneMessage(int tag, quint32 uid = 1, std::optional<quint32> from = {})
{
    const QByteArray t = "T" + number(quint64(tag));
    const QByteArray header = "Message-ID: " + messageId + "\r\n";
    return {"C: " + t + " UID FETCH " + number(from.value_or(uid)) +
                ":4294967295 (UID RFC822.SIZE INTERNALDATE FLAGS "
                "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])",
            "S: * " + number(uid) + " FETCH (UID " + number(uid) + " RFC822.SIZE " +
                number(quint64(messageSize())) + " INTERNALDATE " + internalDate +
                " FLAGS (\\Seen) BODY[HEADER.FIELDS (MESSAGE-ID)] {" +
                number(quint64(header.size() + 2)) + "}",
            "S: Message-ID: " + messageId,
            "S: ",
            "S: )",
            "S: " + t + " OK fetched"};
}

// The source's answer to the body FETCH that feeds the APPEND (MessageCopier), of the
// message under `uid`.
inline Script bodyOfOneMessage(int tag, quint32 uid = 1)
{
    const QByteArray t = "T" + number(quint64(tag));
    Script script = {
        "C: " + t + " UID FETCH " + number(uid) + " (UID FLAGS INTERNALDATE BODY.PEEK[])",
        "S: * " + number(uid) + " FETCH (UID " + number(uid) + " FLAGS (\\Seen) INTERNALDATE " +
            internalDate + " BODY[] {" + number(quint64(messageSize())) + "}"};
    for (const QByteArray &line : messageLines)
        script.append("S: " + line);
    script += {"S: )", "S: " + t + " OK fetched"};
    return script;
}

// The APPEND the target receives (RFC 3502 with LITERAL+, RFC 7888), up to its answer.
inline Script appendOfOneMessage(int tag, const QByteArray &mailbox = "INBOX")
{
    const QByteArray t = "T" + number(quint64(tag));
    Script script = {"C: " + t + " APPEND " + mailbox + " (\\Seen) " + internalDate + " {" +
                     number(quint64(messageSize())) + "+}"};
    for (const QByteArray &line : messageLines)
        script.append("C: " + line);
    script.append("C: "); // the CRLF that ends the command after the literal
    return script;
}

// `first`, with the command of `next` (its first line) sent right behind its last command,
// before any answer the server gives after it; `next`'s answer follows `first`'s. The server
// waits for that command before it answers: a client that waited for `first`'s answer
// instead stalls until its timeout.
inline Script pipelined(Script first, const Script &next)
{
    qsizetype lastCommand = -1;
    for (qsizetype i = 0; i < first.size(); ++i) {
        if (first.at(i).startsWith("C: "))
            lastCommand = i;
    }
    first.insert(lastCommand + 1, next.first());
    return first + next.mid(1);
}

} // namespace twinbox::test::cli_scripts
