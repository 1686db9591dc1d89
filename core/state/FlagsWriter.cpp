#include "FlagsWriter.h"

#include "FaultInjection.h"
#include "StateError.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlResult>
#include <QVariant>

#include <sqlite3.h>

namespace twinbox::state {

namespace {

const QString updateFlags = QStringLiteral("UPDATE mapping SET flags = ?, local_base = ?, "
                                           "remote_base = ? WHERE idx = ? AND local_uid = ?");

// The sqlite3_stmt behind a prepared QSqlQuery (the QSQLITE driver hands it out as
// "sqlite3_stmt*"); nullptr with *why for another driver, or a statement QtSql let go.
sqlite3_stmt *statementOf(const QSqlQuery &query, QString *why)
{
    const QVariant handle = query.result() ? query.result()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3_stmt*") != 0) {
        *why = QStringLiteral("not an SQLite connection");
        return nullptr;
    }
    sqlite3_stmt *statement = *static_cast<sqlite3_stmt *const *>(handle.constData());
    if (!statement)
        *why = QStringLiteral("the flag update has no prepared statement");
    return statement;
}

// No flags is stored as '' (known to be none), unknown as NULL; the text is UTF-8, as the
// database's.
int bindFlags(sqlite3_stmt *statement, int index, const std::optional<QByteArray> &text)
{
    if (!text)
        return sqlite3_bind_null(statement, index);
    return sqlite3_bind_text(statement, index, text->constData(), int(text->size()),
                             SQLITE_STATIC); // `text` outlives the step
}

std::optional<QByteArray> joined(const std::optional<QByteArrayList> &flags)
{
    return flags ? std::optional<QByteArray>(flags->join(' ')) : std::nullopt;
}

} // namespace

void FlagsWriter::setFlags(StateDatabase &database, qint64 mailbox, const MappedMessage &message)
{
    const auto failure = [&](const QString &cause) {
        return StateError(StateStore::tr("database: %1: %2").arg(database.path(), cause));
    };
    if (FaultInjection::failThisStatement())
        throw failure(FaultInjection::message());
    bool prepared = false;
    QSqlQuery query = database.takePrepared(updateFlags, &prepared);
    // Given back whatever happens: reset below, it is ready for the next row.
    const auto giveBack = qScopeGuard([&] { database.release(updateFlags, std::move(query)); });
    if (!prepared)
        throw failure(sqlErrorText(query.lastError()));
    QString why;
    sqlite3_stmt *statement = statementOf(query, &why);
    if (!statement)
        throw failure(why);
    const std::optional<QByteArray> flags = joined(message.flags);
    const std::optional<QByteArray> localBase = joined(message.base[0]);
    const std::optional<QByteArray> remoteBase = joined(message.base[1]);
    sqlite3_reset(statement);
    int result = bindFlags(statement, 1, flags);
    if (result == SQLITE_OK)
        result = bindFlags(statement, 2, localBase);
    if (result == SQLITE_OK)
        result = bindFlags(statement, 3, remoteBase);
    if (result == SQLITE_OK)
        result = sqlite3_bind_int64(statement, 4, mailbox);
    if (result == SQLITE_OK)
        result = sqlite3_bind_int64(statement, 5, message.localUid);
    if (result == SQLITE_OK)
        result = sqlite3_step(statement);
    const QString cause = result == SQLITE_DONE
                              ? QString()
                              : QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(statement)));
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement); // no pointer into this frame's texts stays behind
    if (result != SQLITE_DONE)
        throw failure(cause);
}

} // namespace twinbox::state
