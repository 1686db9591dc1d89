#include "FaultInjection.h"

#include <QtGlobal>

#include <atomic>

namespace twinbox::state {

bool FaultInjection::failThisStatement()
{
    static const int failAt = qEnvironmentVariableIntValue("TWINBOX_FAULT_SQL_AT");
    if (failAt <= 0)
        return false;
    static std::atomic<int> statements{0};
    return ++statements == failAt;
}

} // namespace twinbox::state
