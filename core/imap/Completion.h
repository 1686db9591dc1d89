#pragma once

#include <QTimer>

#include <coroutine>
#include <memory>
#include <optional>

namespace twinbox::imap {

// A value that arrives later, awaitable from a QCoro coroutine exactly once. complete() may
// run inside a socket's signal handler; the waiting coroutine is resumed from the event loop
// instead (a zero timer in the caller's thread), so it never runs inside that handler and
// may freely destroy what called complete().
template <typename T>
class Completion
{
public:
    Completion()
        : m_state(std::make_shared<State>())
    {}

    void complete(T value) const
    {
        if (m_state->value)
            return; // the first outcome wins
        m_state->value = std::move(value);
        if (auto waiter = std::exchange(m_state->waiter, {}))
            QTimer::singleShot(0, [waiter] { waiter.resume(); });
    }
    bool isComplete() const { return m_state->value.has_value(); }

    bool await_ready() const noexcept { return m_state->value.has_value(); }
    void await_suspend(std::coroutine_handle<> waiter) const noexcept { m_state->waiter = waiter; }
    T await_resume() const { return std::move(*m_state->value); }

private:
    struct State
    {
        std::optional<T> value;
        std::coroutine_handle<> waiter;
    };
    std::shared_ptr<State> m_state;
};

} // namespace twinbox::imap
