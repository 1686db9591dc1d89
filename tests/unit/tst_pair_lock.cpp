// One process per account pair: a second process is told who holds the lock, and a
// killed holder leaves no stale lock behind.
#include "state/PairLock.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using twinbox::state::PairLock;

namespace {

// Child mode: take the lock, report, and hold it until killed.
int holdLock(const QString &path)
{
    PairLock lock;
    QString error;
    if (!lock.acquire(path, &error)) {
        std::printf("refused %s\n", qPrintable(error));
        return 3;
    }
    std::printf("held\n");
    std::fflush(stdout);
    QThread::sleep(60);
    return 0;
}

} // namespace

class TestPairLock : public QObject
{
    Q_OBJECT

private slots:
    void secondProcessIsRefusedWithThePid();
    void killedHolderLeavesNoStaleLock();
    void secondLockInTheSameProcessIsRefused();

private:
    QProcess *startHolder(const QString &path);
    QTemporaryDir m_dir;
};

QProcess *TestPairLock::startHolder(const QString &path)
{
    auto *child = new QProcess(this);
    child->start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold-lock"), path});
    child->waitForStarted();
    QByteArray line;
    while (!line.contains('\n') && child->waitForReadyRead(10000))
        line += child->readAllStandardOutput();
    if (line.trimmed() != "held")
        qFatal("the child could not take the lock: %s", line.constData());
    return child;
}

void TestPairLock::secondProcessIsRefusedWithThePid()
{
    const QString path = m_dir.filePath(QStringLiteral("pair.db"));
    QProcess *holder = startHolder(path);
    PairLock lock;
    QString error;
    QVERIFY(!lock.acquire(path, &error));
    QCOMPARE(error, QStringLiteral("already syncing (pid %1)").arg(holder->processId()));
    QVERIFY(!lock.isHeld());
    holder->kill();
    holder->waitForFinished();
}

void TestPairLock::killedHolderLeavesNoStaleLock()
{
    const QString path = m_dir.filePath(QStringLiteral("crash.db"));
    QProcess *holder = startHolder(path);
    holder->kill(); // SIGKILL: no destructor, no cleanup
    holder->waitForFinished();
    PairLock lock;
    QString error;
    QVERIFY2(lock.acquire(path, &error), qPrintable(error));
    QVERIFY(lock.isHeld());
}

void TestPairLock::secondLockInTheSameProcessIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("same.db"));
    PairLock first;
    QString error;
    QVERIFY2(first.acquire(path, &error), qPrintable(error));
    PairLock second;
    QVERIFY(!second.acquire(path, &error));
    QCOMPARE(error,
             QStringLiteral("already syncing (pid %1)").arg(QCoreApplication::applicationPid()));
    // Reading the lock file (as a GUI showing the pid would) must not drop the lock.
    QFile peek(PairLock::lockPathFor(path));
    QVERIFY(peek.open(QIODevice::ReadOnly));
    peek.readAll();
    peek.close();
    QVERIFY(!second.acquire(path, &error));
    first.release();
    QVERIFY2(second.acquire(path, &error), qPrintable(error));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--hold-lock") == 0)
        return holdLock(QString::fromLocal8Bit(argv[2]));
    TestPairLock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pair_lock.moc"
