#pragma once

#include "NotificationThrottle.h"
#include "sync/PairState.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace twinbox {

// The tray icon: the overall state of all pairs at a glance, a menu for the commands that
// concern them all, and rate-limited notifications. It only shows and asks; whoever owns the
// pairs answers the signals and reports back (setOverallState, setPaused).
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    enum class Severity { Information, Warning, Critical };

    struct Notification
    {
        QString title;
        QString text;
        Severity severity = Severity::Information;
        friend bool operator==(const Notification &, const Notification &) = default;
    };

    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons at all; without one, closing the window must quit.
    static bool available();
    static QIcon iconFor(sync::PairState::Activity activity);

    void show();
    void hide();
    bool isVisible() const;

    // The icon for the overall activity, and the tooltip text (overall progress) under the
    // application's name.
    void setOverallState(sync::PairState::Activity activity, const QString &tooltip);
    sync::PairState::Activity overallState() const { return m_activity; }
    QString toolTip() const;
    QIcon icon() const;

    // Whether all pairs are paused: the menu then offers "Resume all" instead of "Pause all".
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    void notify(const QString &title, const QString &text, Severity severity);
    // The notifications that were shown (not those held back), oldest first, the last few.
    QList<Notification> shownNotifications() const { return m_shown; }

    // For tests: the rate limit's window and the clock it is measured with.
    void setNotificationWindow(std::chrono::milliseconds window);
    void setClock(std::function<NotificationThrottle::Clock::time_point()> clock);

    QMenu *contextMenu() const;
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }

signals:
    void syncAllRequested();
    void pauseAllRequested(bool pause); // true: pause all; false: resume all
    void openRequested();
    void quitRequested();

private:
    void retranslatePauseAction();

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_syncAll;
    QAction *m_pauseAll;
    QAction *m_open;
    QAction *m_quit;
    sync::PairState::Activity m_activity = sync::PairState::Activity::Idle;
    bool m_paused = false;
    NotificationThrottle m_throttle;
    std::function<NotificationThrottle::Clock::time_point()> m_clock;
    QList<Notification> m_shown;
};

} // namespace twinbox
