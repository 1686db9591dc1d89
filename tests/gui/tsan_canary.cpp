// The tsan preset's proof that it can fail: a counter written by the timers of two event
// loops, the GUI thread's and a QThread's, with nothing ordering the writes. ThreadSanitizer
// must report it under the suite's own options and suppressions: if they grew wide enough
// to hide races between Qt event loops, the test that runs this fails.
#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace {

int unguarded = 0; // the race, on purpose

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QThread worker;
    QTimer workerTimer;
    workerTimer.setInterval(1);
    QObject::connect(&workerTimer, &QTimer::timeout, [] { unguarded = unguarded + 1; });
    workerTimer.moveToThread(&worker);
    QObject::connect(&worker, &QThread::started, &workerTimer, qOverload<>(&QTimer::start));
    QObject::connect(&worker, &QThread::finished, &workerTimer, &QTimer::stop);
    QTimer guiTimer;
    QObject::connect(&guiTimer, &QTimer::timeout, [] { unguarded = unguarded + 1; });
    guiTimer.start(1);
    worker.start();
    QTimer::singleShot(500, &app, &QCoreApplication::quit);
    const int status = app.exec();
    worker.quit();
    worker.wait();
    std::printf("%d ticks\n", unguarded);
    return status;
}
