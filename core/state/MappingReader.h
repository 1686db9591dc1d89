#pragma once

#include "StateStore.h"

namespace twinbox::state {

// A mailbox's UID pairs read straight through SQLite's C API, on the connection QtSql opened
// (the same transaction, busy timeout and locks). Every sync reads its mailbox's whole
// mapping, and QtSql's driver turns each column of each row into a QVariant, the flags into a
// QString first: 4 200 of the 6 600 instructions a row took (callgrind of an incremental
// sync), some 30 ms of a 20 000-message incremental's client CPU.
class MappingReader
{
public:
    // Throws StateError.
    static QList<MappedMessage> read(StateDatabase &database, qint64 mailbox);
};

} // namespace twinbox::state
