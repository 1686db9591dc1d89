#pragma once

#include <QTimer>

#include <coroutine>

namespace twinbox::imap {

// `co_await EventLoopTurn()` resumes the coroutine from the event loop, after what was queued
// there before it. QSslSocket sends what was written to it from such a queued call, so work
// done after the turn overlaps the server's answer instead of holding the command back.
// (A plain socket, a SOCKS5 proxy or a tunnel's pipe sends when its notifier fires, which
// the turn does not wait for: there the work goes first, as it would without the turn.)
struct EventLoopTurn
{
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> waiter) const
    {
        QTimer::singleShot(0, [waiter] { waiter.resume(); }); // queued in this thread
    }
    void await_resume() const noexcept {}
};

} // namespace twinbox::imap
