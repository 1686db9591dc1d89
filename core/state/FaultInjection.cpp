#include "FaultInjection.h"

#include <QtGlobal>

#include <atomic>
#include <cstdio>

namespace twinbox::state {

bool FaultInjection::failThisStatement()
{
    static const int failAt = qEnvironmentVariableIntValue("TWINBOX_FAULT_SQL_AT");
    if (failAt <= 0)
        return false;
    static std::atomic<int> statements{0};
    if (++statements != failAt)
        return false;
    // Said where it fires, not only where it is reported: a test can then tell a failure the
    // sync swallowed from a run that ended before the N-th statement.
    std::fprintf(stderr, "%s at statement %d\n", qPrintable(message()), failAt);
    return true;
}

} // namespace twinbox::state
