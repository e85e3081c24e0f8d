#pragma once

#include "fakeclock.h"

#include <QElapsedTimer>
#include <QTest>

#include <functional>

namespace sl::test {

// Runs the event loop (the in-process server and curl's answers) and moves
// the fake clock to its next timer whenever nothing else is pending, until
// `done` holds; false when it never does (wall-clock guard only).
inline bool runUntil(FakeClock &clock, const std::function<bool()> &done, int maxTimers = 1000)
{
    QElapsedTimer guard;
    guard.start();
    int idleRounds = 0;
    while (!done()) {
        if (guard.elapsed() > 20'000 || maxTimers < 0)
            return false;
        QTest::qWait(2);
        // Give the loopback exchange time before time moves on: only when
        // several rounds passed with nothing done is the next timer due.
        if (++idleRounds >= 10 && clock.pendingTimers() > 0) {
            clock.advance(clock.nextDueInMs());
            --maxTimers;
            idleRounds = 0;
        }
    }
    return true;
}

} // namespace sl::test
