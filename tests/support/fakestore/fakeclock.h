#pragma once

#include "remote/clock.h"

#include <map>
#include <utility>

namespace sl::test {

// A Clock whose time moves only when the test says so: advance() fires the
// timers that fall due, in order, at their own time. Tests never sleep.
class FakeClock : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    TimerId callAfter(qint64 delayMs, std::function<void()> fn) override;
    void cancel(TimerId id) override;

    // Moves time forward by `ms`, firing every timer due by then.
    void advance(qint64 ms);
    int pendingTimers() const { return int(m_timers.size()); }
    // When the next timer falls due, ms from now; -1 when none waits.
    qint64 nextDueInMs() const;

private:
    qint64 m_now = 1'000'000; // an arbitrary start: only differences count
    TimerId m_lastId = 0;
    // (due time, id) -> call; ids break ties in the order they were set.
    std::map<std::pair<qint64, TimerId>, std::function<void()>> m_timers;
};

} // namespace sl::test
