#include "IntegrityCheck.h"

#include "StateError.h"

#include <QCoroFuture>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace twinbox::state {

QString IntegrityCheck::verdictOf(const QString &path)
{
    // A connection of this thread's own (QtSql binds a connection to the thread that made it).
    const QString name =
        QStringLiteral("twinbox-check-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // Read-only: a file that fails is left exactly as it is (a read-write connection
        // would fold a write-ahead log into it when it closes).
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open()) {
            verdict = sqlErrorText(db.lastError());
        } else {
            QSqlQuery check(db);
            const bool read = check.exec(QStringLiteral("PRAGMA quick_check(1)")) && check.next();
            verdict = read ? check.value(0).toString() : sqlErrorText(check.lastError());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return verdict.simplified(); // one line: quick_check lists by line
}

IntegrityCheck::IntegrityCheck(const QString &path)
{
    QPromise<QString> promise;
    m_future = promise.future();
    m_thread.reset(QThread::create([path, promise = std::move(promise)]() mutable {
        promise.start();
        promise.addResult(verdictOf(path));
        promise.finish();
    }));
    m_thread->start();
}

IntegrityCheck::~IntegrityCheck()
{
    m_thread->wait();
}

QCoro::Task<QString> IntegrityCheck::verdict()
{
    co_return co_await m_future;
}

} // namespace twinbox::state
