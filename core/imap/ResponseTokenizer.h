#pragma once

#include "ProtocolError.h"
#include "ResponseFrame.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdint>
#include <functional>
#include <optional>

namespace twinbox::imap {

// Reads the tokens of one ResponseFrame (RFC 3501 §9 formal syntax): atoms, numbers, quoted
// strings and literals, lists. Each reader either returns what it read or throws
// ResponseTokenizer::Failure, which ResponseParser turns into a ProtocolError; the exception
// never leaves the parser.
class ResponseTokenizer
{
    Q_DECLARE_TR_FUNCTIONS(ResponseTokenizer)

public:
    struct Failure
    {
        ProtocolError error;
    };

    // A string that may have been a streamed literal (message bodies).
    struct StringValue
    {
        std::optional<QByteArray> data; // nullopt: NIL, or streamed
        bool streamed = false;
        qint64 size = 0;
    };

    static constexpr int maxNesting = 32;

    explicit ResponseTokenizer(const ResponseFrame &frame);

    bool atEnd() const; // nothing left in the whole response
    bool atLineEnd() const;
    // In a partial response (BodySink::bodyBegin): at the literal whose content is streamed.
    bool atStreamedLiteral() const;
    char peek() const; // '\0' at the end of a segment
    bool tryChar(char c);
    void expect(char c);
    void expectSpace() { expect(' '); }
    // Case-insensitive keyword, followed by a non-atom character.
    bool tryKeyword(QByteArrayView keyword);

    QByteArray atom(); // 1*ATOM-CHAR
    QByteArray upperAtom() { return atom().toUpper(); }
    // A FETCH item name (RFC 3501 §7.4.2): an atom that ends before "[" as in "BODY[".
    QByteArray fetchItemName();
    QByteArray flag();          // "\" atom, "\*" or a keyword
    QByteArray tag();           // 1*<ASTRING-CHAR except "+">
    std::uint32_t number();     // fits 32 bits
    std::uint32_t nzNumber();   // and is not 0
    std::uint64_t number64();   // fits 63 bits (RFC 7162 mod-sequence-value)
    QByteArray string();        // quoted or literal
    StringValue nstringValue(); // NIL, quoted or literal, streamed literals flagged
    std::optional<QByteArray> nstring();
    QByteArray astring();
    QByteArray bracketed(); // the raw text between "[" and the matching "]"
    QByteArray restOfLine();
    QByteArray until(char stop); // the bytes before `stop` (not consumed) or the line end
    void skipToEnd();            // the rest of the response, literals included
    // "(" [item *(SP item)] ")": calls readItem for each item.
    void parenthesized(const std::function<void()> &readItem);
    QByteArrayList atomList(); // "(" [atom *(SP atom)] ")"
    QByteArrayList flagList(); // "(" [flag *(SP flag)] ")"
    // Skips one value of any kind: atom, number, string, NIL or a nested list.
    void skipValue(int depth = 0);

    [[noreturn]] void fail(const QString &message) const;
    [[noreturn]] void failAt(ProtocolError::Kind kind, const QString &message) const;

private:
    const QByteArray &line() const { return m_frame.lines.at(m_segment); }
    std::optional<qint64> literalAnnouncement() const;
    const ResponseFrame::Literal &takeLiteral();
    QByteArray quoted();

    const ResponseFrame &m_frame;
    qsizetype m_segment = 0;
    qsizetype m_pos = 0;
};

} // namespace twinbox::imap
