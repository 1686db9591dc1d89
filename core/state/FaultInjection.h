#pragma once

#include <QString>

namespace twinbox::state {

// A test hook after Nextcloud's fail counter and SQLite's own fault-injection tests: with
// TWINBOX_FAULT_SQL_AT=N in the environment, the N-th database statement this process runs
// (BEGIN and COMMIT included) fails as if SQLite had refused it, so that a test can fail each
// statement of a sync in turn and check that nothing is left half-done. Without the variable
// it costs one comparison per statement. The failing statement also says so on standard error.
class FaultInjection
{
public:
    // Counts one statement; true when it is the one that must fail.
    static bool failThisStatement();
    // The error text of an injected failure.
    static QString message() { return QStringLiteral("injected fault (TWINBOX_FAULT_SQL_AT)"); }
};

} // namespace twinbox::state
