#pragma once

#include <QString>

namespace twinbox::config {

// interimap's log-prefix (reference §1.2): printf-like, "%n" the component (local, remote,
// database), "%m" the mailbox, "%%" a percent sign, and "%?X?then&else?" a conditional on
// whether X (n or m) is set, which may nest; inside it "\&", "\?" and "\\" escape. The
// default gives "local(INBOX): ", "remote: " or nothing.
class LogPrefix
{
public:
    static QString defaultFormat() { return QStringLiteral("%?n?%?m?%n(%m)&%n?: ?"); }
    static QString format(const QString &pattern, const QString &component, const QString &mailbox);
};

} // namespace twinbox::config
