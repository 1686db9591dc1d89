#pragma once

#include "StateDatabase.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace twinbox::state {

// Adopts interimap's state for an account pair (its schema version 1, reference §2.2): the
// mailboxes with their subscription, each side's UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ,
// and the UID mapping, so that a user who switches does not resync, which would duplicate
// every message. interimap keeps no flags, so the last agreed flags start unknown; the
// engine reads them from the servers when it needs them. interimap's file is only read.
class InterimapImport
{
    Q_DECLARE_TR_FUNCTIONS(InterimapImport)

public:
    struct Summary
    {
        int mailboxes = 0;
        int messages = 0;
    };

    // Into `target`, which must hold no mailbox yet; all or nothing. nullopt with *error
    // ("database: <path>: <cause>") when the file is not an interimap database or a write
    // fails.
    static std::optional<Summary> adopt(const QString &interimapPath, StateDatabase &target,
                                        QString *error);

    // Whether `path` holds an interimap database (schema 1): what `database =` names when
    // an interimap user keeps the configuration.
    static bool isInterimapDatabase(const QString &path);
    // Turns the interimap database at `path` into a Twinbox one in place. A copy is kept
    // first (*backupPath: "<path>.interimap", or with a time stamp when that exists), the
    // state is adopted into a new file next to it, and only a complete one is renamed over
    // `path`: an interruption leaves interimap's file as it was.
    static std::optional<Summary> migrateInPlace(const QString &path, QString *backupPath,
                                                 QString *error);
};

} // namespace twinbox::state
