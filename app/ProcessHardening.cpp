#include "ProcessHardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace twinbox {

void hardenProcess(ProcessKind kind)
{
#if defined(Q_OS_LINUX)
    if (kind == ProcessKind::CommandLine)
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#else
    Q_UNUSED(kind)
#endif
#if defined(Q_OS_UNIX)
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
#endif
}

} // namespace twinbox
