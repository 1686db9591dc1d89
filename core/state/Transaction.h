#pragma once

#include "FaultInjection.h"
#include "StateError.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace twinbox::state {

// A database transaction that rolls back unless commit() is called: an error or an early
// return between BEGIN and COMMIT never leaves half a change behind. BEGIN IMMEDIATE takes
// the write lock at once (as interimap does), so a transaction that reads and then writes
// cannot fail half-way on a concurrent writer; a COMMIT that fails is rolled back.
class Transaction
{
public:
    // Throws StateError when the transaction cannot begin: statements run without one would
    // each commit on their own, which is exactly what a transaction is there to prevent.
    explicit Transaction(QSqlDatabase &db)
        : m_db(db)
    {
        if (FaultInjection::failThisStatement())
            throw StateError(QStringLiteral("database: %1: %2")
                                 .arg(db.databaseName(), FaultInjection::message()));
        QSqlQuery begin(db);
        m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active)
            throw StateError(QStringLiteral("database: %1: %2")
                                 .arg(db.databaseName(), begin.lastError().text()));
    }
    ~Transaction()
    {
        if (m_active)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        if (FaultInjection::failThisStatement()) {
            m_error = FaultInjection::message();
            return false; // still active: the destructor rolls back
        }
        QSqlQuery commit(m_db);
        if (commit.exec(QStringLiteral("COMMIT"))) {
            m_active = false;
            return true;
        }
        m_error = sqlErrorText(commit.lastError()); // for the error the caller reports
        return false;                               // still active: the destructor rolls back
    }
    // Why the last commit() failed.
    const QString &error() const { return m_error; }

private:
    QSqlDatabase &m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace twinbox::state
