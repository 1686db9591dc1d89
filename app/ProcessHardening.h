#pragma once

namespace twinbox {

enum class ProcessKind { CommandLine, Desktop };

// Keeps the passwords this process holds out of core files: no core dump on a crash (the
// user's core_pattern may send it to a crash reporter or a world-readable directory). The
// command line also turns ptrace attach and /proc/PID/mem reads by other processes of the
// same user off (PR_SET_DUMPABLE, as ssh-agent and gpg-agent do); the desktop program
// cannot, as xdg-desktop-portal then refuses it (it must read /proc/PID/root). Called first
// thing in main().
void hardenProcess(ProcessKind kind);

} // namespace twinbox
