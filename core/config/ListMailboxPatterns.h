#pragma once

#include <QByteArrayList>
#include <QString>

#include <optional>

namespace twinbox::config {

// list-mailbox (reference §1.2): space-separated LIST patterns, each a bare run of
// printable characters or a "quoted" string with the escapes \" \\ \0 \a \b \t \n \v \f \r
// and \xHH. "\0" stands for the hierarchy delimiter, which differs per server; "*" and "%"
// stay wildcards.
class ListMailboxPatterns
{
public:
    // nullopt on a malformed value.
    static std::optional<QByteArrayList> parse(const QString &value);
    // A pattern for one server: NUL replaced by its delimiter (or kept when it has none).
    static QByteArray forServer(const QByteArray &pattern, std::optional<char> delimiter);
};

} // namespace twinbox::config
