#pragma once

#include "ProtocolError.h"
#include "ResponseFrame.h"
#include "Responses.h"

#include <QCoreApplication>

#include <optional>

namespace twinbox::imap {

// Turns one framed server response into its typed form (Responses.h). Strict where the
// grammar is clear (a malformed known response is an error, with the bytes quoted); lenient
// only where real servers are known to differ harmlessly (a trailing space after
// CAPABILITY, "+" without text, untagged responses Twinbox does not use).
class ResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(ResponseParser)

public:
    static std::optional<Response> parse(const ResponseFrame &frame, ProtocolError *error);

    // Parses the FETCH attributes that precede a streamed body (BodySink::bodyBegin), so
    // that the body's receiver knows the UID, FLAGS and INTERNALDATE before the content.
    static std::optional<FetchData> parsePartialFetch(const ResponseFrame &partial,
                                                      ProtocolError *error);

    // "dd-Mon-yyyy hh:mm:ss +zzzz" (RFC 3501 §9 date-time), the form of INTERNALDATE.
    static std::optional<QDateTime> parseDateTime(QByteArrayView text);
};

} // namespace twinbox::imap
