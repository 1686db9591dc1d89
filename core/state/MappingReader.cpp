#include "MappingReader.h"

#include "FaultInjection.h"
#include "StateError.h"

#include <QHash>
#include <QSqlDriver>
#include <QVariant>

#include <memory>
#include <new>
#include <optional>
#include <sqlite3.h>

namespace twinbox::state {

namespace {

// The sqlite3 handle behind QtSql's connection (the QSQLITE driver hands it out as
// "sqlite3*"); nullptr for another driver.
sqlite3 *handleOf(StateDatabase &database)
{
    const QVariant handle = database.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// Flag columns: NULL is "not known"; text is space-separated flags. Few distinct strings
// occur in a mailbox, so each is split once and the lists shared.
class FlagColumns
{
public:
    std::optional<QByteArrayList> at(sqlite3_stmt *statement, int column)
    {
        if (sqlite3_column_type(statement, column) == SQLITE_NULL)
            return std::nullopt;
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        const int size = sqlite3_column_bytes(statement, column);
        if (!text && size > 0)
            throw std::bad_alloc(); // SQLite ran out of memory converting the value
        const QByteArray raw = QByteArray::fromRawData(text, size); // valid until the next step
        const auto known = m_split.constFind(raw);
        if (known != m_split.constEnd())
            return known.value();
        // A deep copy first: the text is SQLite's until the next step, the lists outlive it.
        const QByteArray owned(text, size);
        QByteArrayList flags = owned.split(' ');
        flags.removeAll(QByteArray());
        m_split.insert(owned, flags);
        return flags;
    }

private:
    QHash<QByteArray, QByteArrayList> m_split;
};

} // namespace

QList<MappedMessage> MappingReader::read(StateDatabase &database, qint64 mailbox)
{
    const auto failure = [&](const QString &cause) {
        return StateError(StateStore::tr("database: %1: %2").arg(database.path(), cause));
    };
    if (FaultInjection::failThisStatement())
        throw failure(FaultInjection::message());
    sqlite3 *handle = handleOf(database);
    if (!handle)
        throw failure(QStringLiteral("not an SQLite connection"));
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(handle,
                           "SELECT local_uid, remote_uid, flags, local_base, remote_base FROM "
                           "mapping WHERE idx = ? ORDER BY local_uid",
                           -1, &prepared, nullptr) != SQLITE_OK)
        throw failure(QString::fromUtf8(sqlite3_errmsg(handle)));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(prepared,
                                                                           sqlite3_finalize);
    sqlite3_bind_int64(prepared, 1, mailbox);
    FlagColumns flags;
    QList<MappedMessage> messages;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(prepared)) == SQLITE_ROW)
        messages.append({std::uint32_t(sqlite3_column_int64(prepared, 0)),
                         std::uint32_t(sqlite3_column_int64(prepared, 1)),
                         flags.at(prepared, 2),
                         {flags.at(prepared, 3), flags.at(prepared, 4)}});
    if (step != SQLITE_DONE)
        throw failure(QString::fromUtf8(sqlite3_errmsg(handle)));
    return messages;
}

} // namespace twinbox::state
