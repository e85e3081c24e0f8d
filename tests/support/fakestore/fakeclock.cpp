#include "fakeclock.h"

namespace sl::test {

Clock::TimerId FakeClock::callAfter(qint64 delayMs, std::function<void()> fn)
{
    const TimerId id = ++m_lastId;
    m_timers[{m_now + qMax<qint64>(0, delayMs), id}] = std::move(fn);
    return id;
}

void FakeClock::cancel(TimerId id)
{
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        if (it->first.second == id) {
            m_timers.erase(it);
            return;
        }
    }
}

void FakeClock::advance(qint64 ms)
{
    const qint64 target = m_now + ms;
    while (!m_timers.empty() && m_timers.begin()->first.first <= target) {
        auto first = m_timers.begin();
        m_now = first->first.first;
        std::function<void()> fn = std::move(first->second);
        m_timers.erase(first);
        fn();
    }
    m_now = target;
}

qint64 FakeClock::nextDueInMs() const
{
    return m_timers.empty() ? -1 : m_timers.begin()->first.first - m_now;
}

} // namespace sl::test
