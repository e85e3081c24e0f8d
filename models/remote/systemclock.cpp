#include "remote/systemclock.h"

#include <QTimer>

namespace sl {

SystemClock::SystemClock(QObject *parent) : QObject(parent)
{
    m_elapsed.start();
}

qint64 SystemClock::nowMs() const
{
    return m_elapsed.elapsed();
}

Clock::TimerId SystemClock::callAfter(qint64 delayMs, std::function<void()> fn)
{
    const TimerId id = ++m_lastId;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::CoarseTimer);
    // QTimer takes int milliseconds: a day is far past any wait of ours.
    timer->setInterval(int(qBound<qint64>(0, delayMs, 24LL * 3600 * 1000)));
    connect(timer, &QTimer::timeout, this, [this, id, timer, fn = std::move(fn)] {
        m_timers.erase(id);
        timer->deleteLater();
        fn();
    });
    m_timers[id] = timer;
    timer->start();
    return id;
}

void SystemClock::cancel(TimerId id)
{
    const auto it = m_timers.find(id);
    if (it == m_timers.end())
        return;
    it->second->stop();
    it->second->deleteLater();
    m_timers.erase(it);
}

} // namespace sl
