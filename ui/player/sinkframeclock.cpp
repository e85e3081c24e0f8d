#include "player/sinkframeclock.h"

#include "common/logging.h"

#include <QVideoFrame>

#include <algorithm>

namespace sl {

void SinkFrameClock::reset()
{
    m_offsetUs = 0;
    m_offsetPending = true;
}

double SinkFrameClock::mediaTime(const QVideoFrame &frame, double nominalFrameSeconds, double fallbackSeconds)
{
    const qint64 startUs = frame.startTime();
    if (startUs < 0) // no timestamp: the player's clock is all there is
        return fallbackSeconds;
    if (m_offsetPending) {
        m_offsetUs = startUs;
        m_offsetPending = false;
        qCDebug(lcUi) << "video time offset" << m_offsetUs << "us";
    }
    const double start = double(startUs - m_offsetUs) / 1e6;
    const qint64 endUs = frame.endTime();
    if (endUs > startUs) {
        // After a seek the first frame's start is clipped to the seek target;
        // its end still marks the frame's own end.
        const double end = double(endUs - m_offsetUs) / 1e6;
        if (end - start < 0.9 * nominalFrameSeconds)
            return std::max(0.0, end - nominalFrameSeconds);
    }
    return std::max(0.0, start);
}

} // namespace sl
