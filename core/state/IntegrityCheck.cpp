#include "IntegrityCheck.h"

#include "StateError.h"

#include <QCoroSignal>
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
    auto promise = std::make_shared<QPromise<QString>>();
    const auto check = [path, promise] {
        promise->start();
        promise->addResult(verdictOf(path));
        promise->finish();
    };
    m_future = promise->future();
    m_watcher.setFuture(m_future);
    m_thread.reset(QThread::create(check));
    m_thread->start();
    if (!m_thread->isRunning() && !m_thread->isFinished())
        check(); // no thread to be had: here, rather than never
}

IntegrityCheck::~IntegrityCheck()
{
    m_thread->wait();
}

QCoro::Task<QString> IntegrityCheck::verdict()
{
    // Through a watcher of this object's own: destroyed with it, it resumes nobody.
    if (!m_future.isFinished())
        co_await qCoro(&m_watcher, &QFutureWatcherBase::finished);
    co_return m_future.result();
}

} // namespace twinbox::state
