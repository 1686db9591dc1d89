#pragma once

#include "DovecotServer.h"
#include "SeedMessage.h"
#include "SyncHarness.h"

#include <QList>
#include <QStringList>

namespace twinbox::test {

// What the twinbox-cli scenario tests share: seed messages, what a server lists and holds as
// the independent test client reads it, and the check that a run converged.

// Seed messages first..first+count-1, each with `flags`.
QList<SeedMessage> seeds(int first, int count, const QStringList &flags = {});
QStringList seedIds(const QList<int> &indexes); // their Message-IDs, sorted

// The selectable mailboxes a server lists (`selection`: LIST selection options with a trailing
// space, e.g. "(SUBSCRIBED) "), wire names unquoted, sorted; hierarchy-only parents
// (\NonExistent, \NoSelect) left out.
QStringList listed(SyncHarness &harness, DovecotServer &server, const QByteArray &selection = {});
// The Message-IDs a mailbox holds, sorted.
QStringList messageIds(SyncHarness &harness, DovecotServer &server, const QByteArray &mailbox);

// `run` succeeded and `mailboxes` (local names; `internal` their database names when a
// list-reference makes them differ) converged; then a second run that changes nothing and
// selects nothing, after which they are still converged. Fails the current test otherwise
// (QTest::currentTestFailed()).
void expectConverged(SyncHarness &harness, const SyncHarness::Run &run,
                     const QList<QByteArray> &mailboxes, const QList<QByteArray> &internal = {});

} // namespace twinbox::test
