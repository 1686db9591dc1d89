#pragma once

#include "imap/ImapSession.h"
#include "state/StateStore.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QObject>

#include <array>
#include <chrono>
#include <functional>
#include <optional>

namespace twinbox::sync {

// Between two syncs of a pair in watch mode: waits for a sign that something changed on
// either server, for the polling interval, or for stop(), whichever comes first.
//
// With --notify and NOTIFY (RFC 5465) on both servers, each server announces every change in
// every personal mailbox: messages, flags, and also mailboxes created, renamed or deleted and
// subscriptions, which interimap's --notify ignores; the interval is then only a safety poll.
// Otherwise each server IDLEs (RFC 2177) on its INBOX, where new mail lands, and the interval
// is when the mailbox list is polled (LIST-STATUS) for everything else.
//
// A connection that drops during a wait ends it with the ImapError the connection reported,
// so the caller can reconnect.
class ServerWatch : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Notify, Idle };
    enum class Wake { Change, Interval, Stop };

    // What the state database holds for INBOX on a side, if it knows INBOX.
    using StoredInbox = std::function<std::optional<state::SideState>(state::Side)>;

    // Notify when asked for and both servers offer NOTIFY; Idle otherwise.
    ServerWatch(std::array<imap::ImapSession *, 2> sessions, bool preferNotify,
                StoredInbox storedInbox);

    Mode mode() const { return m_mode; }
    // Why NOTIFY was asked for but is not used (a server refused NOTIFY SET); empty if it is.
    const QString &notifyRefusal() const { return m_notifyRefusal; }
    // Once per login: NOTIFY SET on both servers in Notify mode (Idle mode if one refuses).
    QCoro::Task<void> start();
    // A sync begins: what was announced until now, it covers.
    void syncStarting() { m_changed = false; }
    // Returns Change at once when a change was announced since syncStarting() (NOTIFY
    // events that came while the sync ran, INBOX moved on since the sync stored it).
    // Throws ImapError when a connection fails.
    QCoro::Task<Wake> wait(std::chrono::milliseconds interval);
    // Ends the current wait (a request to quit); every later wait returns Stop at once.
    void stop();
    // "Sync now": ends the current wait with Change, or makes the next one return at once.
    void requestSync();

Q_SIGNALS:
    void woken();

private:
    QCoro::Task<void> beginIdle(std::size_t side);
    QCoro::Task<void> endIdle(std::size_t side);
    void onUntagged(std::size_t side, const imap::Response &response);
    void onUnsolicited(const imap::Response &response);
    void wake();

    std::array<imap::ImapSession *, 2> m_sessions;
    Mode m_mode = Mode::Idle;
    StoredInbox m_storedInbox;
    QString m_notifyRefusal;
    bool m_notifyOverflowed = false;
    std::array<imap::ImapConnection::StreamHandle, 2> m_idle;
    std::array<std::chrono::milliseconds, 2> m_timeouts{};
    std::array<std::uint32_t, 2> m_exists{}; // INBOX's size when the IDLE began
    bool m_listening = false;
    bool m_woken = false;
    bool m_changed = false;
    bool m_stopped = false;
    std::optional<imap::ImapError> m_lost;
};

} // namespace twinbox::sync
