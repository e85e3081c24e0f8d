#pragma once

#include "remote/clock.h"

#include <QElapsedTimer>
#include <QObject>

#include <map>

class QTimer;

namespace sl {

// The real Clock: a monotonic timer and QTimer single shots.
class SystemClock : public QObject, public Clock
{
    Q_OBJECT

public:
    explicit SystemClock(QObject *parent = nullptr);

    qint64 nowMs() const override;
    TimerId callAfter(qint64 delayMs, std::function<void()> fn) override;
    void cancel(TimerId id) override;

private:
    QElapsedTimer m_elapsed;
    std::map<TimerId, QTimer *> m_timers;
    TimerId m_lastId = 0;
};

} // namespace sl
