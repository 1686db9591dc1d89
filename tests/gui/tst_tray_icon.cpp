#include "TrayIcon.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using Activity = twinbox::sync::PairState::Activity;
using twinbox::TrayIcon;

class TestTrayIcon : public QObject
{
    Q_OBJECT

private slots:
    void eachActivityHasItsOwnIcon();
    void tooltipCarriesTheProgressText();
    void menuActionsEmitTheirSignals();
    void pauseActionTogglesBetweenPauseAndResume();
    void clickingTheIconOpensTheWindow();
    void notificationsAreRateLimitedAndSummarised();

private:
    static QList<QAction *> commands(const TrayIcon &tray);
};

namespace {

const QList<Activity> allActivities = {Activity::Idle, Activity::Syncing, Activity::Paused,
                                       Activity::Error, Activity::NeedsAttention};

QImage render(const QIcon &icon, int size)
{
    return icon.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

QList<QAction *> TestTrayIcon::commands(const TrayIcon &tray)
{
    QList<QAction *> result;
    for (QAction *action : tray.contextMenu()->actions()) {
        if (!action->isSeparator())
            result.append(action);
    }
    return result;
}

void TestTrayIcon::eachActivityHasItsOwnIcon()
{
    TrayIcon tray;
    // At the sizes a tray really uses, every state must look different from every other.
    for (int size : {16, 22}) {
        QList<QImage> images;
        for (Activity activity : allActivities) {
            tray.setOverallState(activity, QString());
            QCOMPARE(tray.overallState(), activity);
            QVERIFY(!tray.icon().isNull());
            const QImage image = render(tray.icon(), size);
            QCOMPARE(image.size(), QSize(size, size));
            // Drawn, not an empty pixmap from a missing resource or SVG plugin.
            QVERIFY(image.pixelColor(size / 2, size / 2).alpha() > 0);
            QCOMPARE(image, render(TrayIcon::iconFor(activity), size));
            images.append(image);
        }
        for (qsizetype i = 0; i < images.size(); ++i) {
            for (qsizetype j = i + 1; j < images.size(); ++j)
                QVERIFY2(images[i] != images[j],
                         qPrintable(
                             QStringLiteral("states %1 and %2 at %3 px").arg(i).arg(j).arg(size)));
        }
    }
}

void TestTrayIcon::tooltipCarriesTheProgressText()
{
    TrayIcon tray;
    QCOMPARE(tray.toolTip(), QStringLiteral("Twinbox"));
    tray.setOverallState(Activity::Syncing, QStringLiteral("Syncing 2 pairs: 40 %"));
    QCOMPARE(tray.toolTip(), QStringLiteral("Twinbox\nSyncing 2 pairs: 40 %"));
    tray.setOverallState(Activity::Idle, QString());
    QCOMPARE(tray.toolTip(), QStringLiteral("Twinbox"));
}

void TestTrayIcon::menuActionsEmitTheirSignals()
{
    TrayIcon tray;
    QCOMPARE(tray.systemTrayIcon()->contextMenu(), tray.contextMenu());
    const QList<QAction *> actions = commands(tray);
    QStringList texts;
    for (QAction *action : actions)
        texts.append(action->text());
    QCOMPARE(texts, (QStringList{QStringLiteral("Sync all now"), QStringLiteral("Pause all"),
                                 QStringLiteral("Open Twinbox"), QStringLiteral("Quit")}));

    QSignalSpy sync(&tray, &TrayIcon::syncAllRequested);
    QSignalSpy pause(&tray, &TrayIcon::pauseAllRequested);
    QSignalSpy open(&tray, &TrayIcon::openRequested);
    QSignalSpy quit(&tray, &TrayIcon::quitRequested);
    actions[0]->trigger();
    QCOMPARE(sync.size(), 1);
    QCOMPARE(pause.size() + open.size() + quit.size(), 0);
    actions[1]->trigger();
    QCOMPARE(pause.size(), 1);
    QCOMPARE(pause.at(0).at(0).toBool(), true);
    actions[2]->trigger();
    QCOMPARE(open.size(), 1);
    actions[3]->trigger();
    QCOMPARE(quit.size(), 1);
    QCOMPARE(sync.size(), 1);
}

void TestTrayIcon::pauseActionTogglesBetweenPauseAndResume()
{
    TrayIcon tray;
    QSignalSpy pause(&tray, &TrayIcon::pauseAllRequested);
    QAction *action = commands(tray).at(1);
    // Asking does not pause: the text follows what the owner of the pairs reports back.
    action->trigger();
    QCOMPARE(action->text(), QStringLiteral("Pause all"));
    tray.setPaused(true);
    QVERIFY(tray.isPaused());
    QCOMPARE(action->text(), QStringLiteral("Resume all"));
    action->trigger();
    tray.setPaused(false);
    QCOMPARE(action->text(), QStringLiteral("Pause all"));
    QCOMPARE(pause.size(), 2);
    QCOMPARE(pause.at(0).at(0).toBool(), true);
    QCOMPARE(pause.at(1).at(0).toBool(), false);
}

void TestTrayIcon::clickingTheIconOpensTheWindow()
{
    TrayIcon tray;
    QSignalSpy open(&tray, &TrayIcon::openRequested);
    emit tray.systemTrayIcon()->activated(QSystemTrayIcon::Context);
    QCOMPARE(open.size(), 0);
    emit tray.systemTrayIcon()->activated(QSystemTrayIcon::Trigger);
    QCOMPARE(open.size(), 1);
    emit tray.systemTrayIcon()->activated(QSystemTrayIcon::DoubleClick);
    QCOMPARE(open.size(), 2);
}

void TestTrayIcon::notificationsAreRateLimitedAndSummarised()
{
    using namespace std::chrono_literals;
    using Clock = twinbox::NotificationThrottle::Clock;
    TrayIcon tray;
    const Clock::time_point start = Clock::time_point{} + 1h;
    Clock::time_point now = start;
    tray.setClock([&now] { return now; });
    tray.setNotificationWindow(30s);

    // Five in a row: the first is shown, the other four are held back.
    for (int i = 1; i <= 5; ++i) {
        tray.notify(QStringLiteral("Sync failed"), QStringLiteral("error %1").arg(i),
                    TrayIcon::Severity::Critical);
        now += 1s;
    }
    QCOMPARE(tray.shownNotifications().size(), 1);
    QCOMPARE(tray.shownNotifications().at(0),
             (TrayIcon::Notification{QStringLiteral("Sync failed"), QStringLiteral("error 1"),
                                     TrayIcon::Severity::Critical}));

    // The next one after the window is shown, with the count of those held back.
    now = start + 30s;
    tray.notify(QStringLiteral("Conflict"), QStringLiteral("INBOX: flags merged"),
                TrayIcon::Severity::Warning);
    QCOMPARE(tray.shownNotifications().size(), 2);
    const TrayIcon::Notification summary = tray.shownNotifications().at(1);
    QCOMPARE(summary.title, QStringLiteral("Conflict"));
    QCOMPARE(summary.severity, TrayIcon::Severity::Warning);
    QVERIFY2(summary.text.startsWith(QStringLiteral("INBOX: flags merged")),
             qPrintable(summary.text));
    QVERIFY2(summary.text.contains(QStringLiteral("and 4 more")), qPrintable(summary.text));

    // The window starts again from the last one shown, and so does the count.
    now = start + 30s + 29s;
    tray.notify(QStringLiteral("Error"), QStringLiteral("held"), TrayIcon::Severity::Critical);
    QCOMPARE(tray.shownNotifications().size(), 2);
    now = start + 30s + 30s;
    tray.notify(QStringLiteral("Error"), QStringLiteral("shown"), TrayIcon::Severity::Critical);
    QCOMPARE(tray.shownNotifications().size(), 3);
    QVERIFY2(tray.shownNotifications().at(2).text.contains(QStringLiteral("and 1 more")),
             qPrintable(tray.shownNotifications().at(2).text));
    now += 31s;
    tray.notify(QStringLiteral("Error"), QStringLiteral("alone"), TrayIcon::Severity::Critical);
    QCOMPARE(tray.shownNotifications().size(), 4);
    QCOMPARE(tray.shownNotifications().at(3).text, QStringLiteral("alone"));
}

QTEST_MAIN(TestTrayIcon)
#include "tst_tray_icon.moc"
