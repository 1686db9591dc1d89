#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace twinbox {

// Lets at most one notification through per time window, so that an error storm (a server
// down for every pair, a network loss) becomes one message instead of a dozen. The ones held
// back are counted and the next message that goes through says how many there were. Pure
// logic on a caller-given clock, so that tests need not wait for the window to pass.
class NotificationThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    explicit NotificationThrottle(std::chrono::milliseconds window = std::chrono::seconds(30));

    void setWindow(std::chrono::milliseconds window) { m_window = window; }
    std::chrono::milliseconds window() const { return m_window; }

    // Returns the number of notifications held back since the last one that went through
    // when this one may be shown now (and resets the count), or nothing when it is held back.
    std::optional<int> offer(Clock::time_point now);

    int heldBack() const { return m_heldBack; }

private:
    std::chrono::milliseconds m_window;
    std::optional<Clock::time_point> m_lastShown;
    int m_heldBack = 0;
};

} // namespace twinbox
