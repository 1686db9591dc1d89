#pragma once

namespace twinbox {

// Keeps the passwords this process holds out of core files: no core dump on a crash (the
// user's core_pattern may send it to a crash reporter or a world-readable directory), and on
// Linux no ptrace attach or /proc/PID/mem read by other processes of the same user either
// (PR_SET_DUMPABLE, as ssh-agent and gpg-agent do). Called first thing in main().
void hardenProcess();

} // namespace twinbox
