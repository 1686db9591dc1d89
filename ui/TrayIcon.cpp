#include "TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace twinbox {

namespace {

using Activity = sync::PairState::Activity;

// Enough for a test or a look back, small enough to never grow with an error storm.
constexpr qsizetype maximumRemembered = 20;

QString iconPath(Activity activity)
{
    switch (activity) {
    case Activity::Idle:
        return QStringLiteral(":/icons/tray-idle.svg");
    case Activity::Syncing:
        return QStringLiteral(":/icons/tray-syncing.svg");
    case Activity::Paused:
        return QStringLiteral(":/icons/tray-paused.svg");
    case Activity::Error:
        return QStringLiteral(":/icons/tray-error.svg");
    case Activity::NeedsAttention:
        return QStringLiteral(":/icons/tray-attention.svg");
    }
    return QStringLiteral(":/icons/tray-idle.svg");
}

QSystemTrayIcon::MessageIcon messageIcon(TrayIcon::Severity severity)
{
    switch (severity) {
    case TrayIcon::Severity::Information:
        return QSystemTrayIcon::Information;
    case TrayIcon::Severity::Warning:
        return QSystemTrayIcon::Warning;
    case TrayIcon::Severity::Critical:
        return QSystemTrayIcon::Critical;
    }
    return QSystemTrayIcon::Information;
}

} // namespace

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_clock([] { return NotificationThrottle::Clock::now(); })
{
    m_syncAll = m_menu->addAction(tr("Sync all now"));
    m_pauseAll = m_menu->addAction(QString());
    m_menu->addSeparator();
    m_open = m_menu->addAction(tr("Open Twinbox"));
    m_quit = m_menu->addAction(tr("Quit"));
    retranslatePauseAction();

    connect(m_syncAll, &QAction::triggered, this, &TrayIcon::syncAllRequested);
    connect(m_pauseAll, &QAction::triggered, this, [this] { emit pauseAllRequested(!m_paused); });
    connect(m_open, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                // The context menu has its own reason; a click or double-click opens the window.
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit openRequested();
            });

    m_tray->setContextMenu(m_menu);
    setOverallState(Activity::Idle, QString());
}

// QSystemTrayIcon does not own its menu (a QWidget cannot have a QObject parent).
TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::iconFor(Activity activity)
{
    return QIcon(iconPath(activity));
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::hide()
{
    m_tray->hide();
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible();
}

void TrayIcon::setOverallState(Activity activity, const QString &tooltip)
{
    m_activity = activity;
    m_tray->setIcon(iconFor(activity));
    const QString name = QStringLiteral("Twinbox");
    m_tray->setToolTip(tooltip.isEmpty() ? name : name + u'\n' + tooltip);
}

QString TrayIcon::toolTip() const
{
    return m_tray->toolTip();
}

QIcon TrayIcon::icon() const
{
    return m_tray->icon();
}

void TrayIcon::setPaused(bool paused)
{
    m_paused = paused;
    retranslatePauseAction();
}

void TrayIcon::retranslatePauseAction()
{
    m_pauseAll->setText(m_paused ? tr("Resume all") : tr("Pause all"));
}

void TrayIcon::notify(const QString &title, const QString &text, Severity severity)
{
    const std::optional<int> heldBack = m_throttle.offer(m_clock());
    if (!heldBack)
        return;
    Notification shown{title, text, severity};
    if (*heldBack > 0)
        shown.text += u'\n' + tr("(and %n more)", nullptr, *heldBack);
    m_tray->showMessage(shown.title, shown.text, messageIcon(severity));
    m_shown.append(shown);
    if (m_shown.size() > maximumRemembered)
        m_shown.removeFirst();
}

void TrayIcon::setNotificationWindow(std::chrono::milliseconds window)
{
    m_throttle.setWindow(window);
}

void TrayIcon::setClock(std::function<NotificationThrottle::Clock::time_point()> clock)
{
    m_clock = std::move(clock);
}

QMenu *TrayIcon::contextMenu() const
{
    return m_menu;
}

} // namespace twinbox
