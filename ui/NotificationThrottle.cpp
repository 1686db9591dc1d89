#include "NotificationThrottle.h"

#include <utility>

namespace twinbox {

NotificationThrottle::NotificationThrottle(std::chrono::milliseconds window)
    : m_window(window)
{}

std::optional<int> NotificationThrottle::offer(Clock::time_point now)
{
    if (m_lastShown && now - *m_lastShown < m_window) {
        ++m_heldBack;
        return std::nullopt;
    }
    m_lastShown = now;
    return std::exchange(m_heldBack, 0);
}

} // namespace twinbox
