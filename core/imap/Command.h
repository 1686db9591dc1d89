#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QList>

namespace twinbox::imap {

// How the server lets us send literals (RFC 7888).
enum class LiteralMode {
    Synchronizing, // "{n}", then wait for "+" (RFC 3501 §7.5)
    LiteralPlus,   // "{n+}" for any size
    LiteralMinus,  // "{n+}" up to 4096 bytes, "{n}" beyond
};

// One client command (RFC 3501 §6), built from typed arguments so that every string is sent
// in a form the server must read back exactly: atom when it can be, quoted string when it is
// 7-bit text, literal otherwise (8-bit, CR, LF). Arguments are separated by one space;
// open() and close() bracket parenthesised lists.
class Command
{
public:
    // A piece of the command ready for the wire. When waitForContinuation is set, the client
    // must not send the next chunk before the server's "+" (a synchronising literal).
    struct Chunk
    {
        QByteArray bytes;
        bool waitForContinuation = false;
    };

    explicit Command(QByteArrayView name);

    Command &atom(QByteArrayView atom); // sent as is: a keyword, a number, a flag
    Command &number(quint64 value);
    Command &astring(QByteArrayView value);      // atom, quoted or literal, whichever fits
    Command &string(QByteArrayView value);       // quoted or literal (never an atom)
    Command &literal(QByteArrayView value);      // always a literal
    Command &dateTime(const QDateTime &value);   // RFC 3501 §9 date-time, quoted
    Command &open();                             // "("
    Command &close();                            // ")"
    Command &flags(const QByteArrayList &flags); // "(\Seen $Label)"
    // Marks the command as carrying a secret (LOGIN, AUTHENTICATE): logs show its name only.
    Command &sensitive();

    bool isSensitive() const { return m_sensitive; }
    QByteArray name() const { return m_name; }

    // The command with its tag, ready to send, cut where synchronising literals require a
    // continuation request.
    QList<Chunk> serialize(QByteArrayView tag, LiteralMode mode) const;
    // The command's beginning for a streamed command (ImapConnection::startStream): tag and
    // arguments without the final CRLF. Literals are not allowed here.
    QByteArray head(QByteArrayView tag) const;
    // The same for a protocol log: literals shown as "{n}" only, a sensitive command's
    // arguments replaced by "[REDACTED]" unless revealSecrets (--debug given twice).
    QByteArray logLine(QByteArrayView tag, bool revealSecrets = false) const;

    static bool isAtom(QByteArrayView value);
    static QByteArray formatDateTime(const QDateTime &value);

private:
    struct Part
    {
        QByteArray text;
        bool isLiteral = false;
        bool spaceBefore = true;
    };

    Command &add(QByteArray text, bool isLiteral = false);

    QByteArray m_name;
    QList<Part> m_parts;
    bool m_sensitive = false;
    bool m_afterOpen = false;
};

} // namespace twinbox::imap
