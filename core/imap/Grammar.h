#pragma once

namespace twinbox::imap {

// Character classes of the IMAP formal syntax (RFC 3501 §9), shared by the parser and the
// command builder so that what one accepts as an atom the other sends as one.

// ATOM-CHAR: any CHAR except atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards /
// quoted-specials / resp-specials. 8-bit bytes are not CHAR.
constexpr bool isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case '%':
    case '*':
    case '"':
    case '\\':
    case ']':
        return false;
    default:
        return true;
    }
}

// ASTRING-CHAR = ATOM-CHAR / resp-specials
constexpr bool isAstringChar(char c)
{
    return isAtomChar(c) || c == ']';
}

} // namespace twinbox::imap
