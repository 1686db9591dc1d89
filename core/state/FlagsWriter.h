#pragma once

#include "StateStore.h"

namespace twinbox::state {

// A pair's flags and bases written through SQLite's C API, on the statement QtSql prepared
// and keeps (StateDatabase::takePrepared). The engine journals a mailbox's flag targets
// between the servers' SELECT answers and its STOREs, one row per message: QtSql's binding
// of the five values took 28 000 instructions a row (callgrind of a 20 000-message
// incremental sync: 19 M for its 692 rows, on the path the servers wait on).
class FlagsWriter
{
public:
    // Throws StateError.
    static void setFlags(StateDatabase &database, qint64 mailbox, const MappedMessage &message);
};

} // namespace twinbox::state
