#pragma once

#include <QtGlobal>

#include <functional>

namespace sl {

// Time for the asset store client: what time it is and "call me later".
// Injected, so that tests move time forward by hand and never sleep.
class Clock
{
public:
    using TimerId = quint64;

    virtual ~Clock() = default;

    // Milliseconds on a monotonic scale; only differences mean anything.
    virtual qint64 nowMs() const = 0;
    // Calls `fn` once, `delayMs` from now, on the thread that owns the clock
    // (never from within callAfter()).
    virtual TimerId callAfter(qint64 delayMs, std::function<void()> fn) = 0;
    // The call does not happen. Unknown or spent ids are ignored.
    virtual void cancel(TimerId id) = 0;
};

} // namespace sl
