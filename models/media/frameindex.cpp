#include "media/frameindex.h"

#include <algorithm>
#include <cmath>

namespace sl {

FrameIndex::FrameIndex(std::vector<PacketRecord> packets, double secondsPerTick, double containerSeconds)
    : m_secondsPerTick(secondsPerTick)
{
    if (packets.empty())
        return;
    m_firstDts = packets.front().dts;
    for (const PacketRecord &packet : packets)
        m_firstDts = std::min(m_firstDts, packet.dts);
    // Presentation order; a stable sort keeps decode order among equal
    // timestamps (broken files), so indexOfPts still finds one of them.
    std::stable_sort(packets.begin(), packets.end(),
                     [](const PacketRecord &a, const PacketRecord &b) { return a.pts < b.pts; });
    m_frames.reserve(packets.size());
    int keyframe = 0; // a stream that does not start on a keyframe decodes from its start
    for (const PacketRecord &packet : packets) {
        if (packet.keyframe)
            keyframe = int(m_frames.size());
        m_frames.push_back({packet.pts, packet.dts, packet.duration, packet.keyframe, keyframe});
    }

    // The last frame shows for its packet's duration, else the typical spacing.
    m_lastDuration = m_frames.back().duration;
    if (m_lastDuration <= 0 && m_frames.size() > 1) {
        std::vector<qint64> spacing;
        spacing.reserve(m_frames.size() - 1);
        for (size_t i = 1; i < m_frames.size(); ++i)
            spacing.push_back(m_frames[i].pts - m_frames[i - 1].pts);
        std::nth_element(spacing.begin(), spacing.begin() + spacing.size() / 2, spacing.end());
        m_lastDuration = spacing[spacing.size() / 2];
    }
    m_lastDuration = std::max<qint64>(m_lastDuration, 1);
    m_containerSeconds = containerSeconds > 0 ? containerSeconds : readableEnd();
}

double FrameIndex::timeOf(int n) const
{
    return double(m_frames[size_t(n)].pts - m_frames.front().pts) * m_secondsPerTick;
}

double FrameIndex::durationOf(int n) const
{
    if (n + 1 < count())
        return double(m_frames[size_t(n) + 1].pts - m_frames[size_t(n)].pts) * m_secondsPerTick;
    return double(m_lastDuration) * m_secondsPerTick;
}

double FrameIndex::readableEnd() const
{
    return m_frames.empty() ? 0.0 : timeOf(count() - 1) + durationOf(count() - 1);
}

bool FrameIndex::isCutShort() const
{
    // Containers round their length; more than one frame missing is a cut.
    return !m_frames.empty() && m_containerSeconds > readableEnd() + durationOf(count() - 1) * 1.01;
}

double FrameIndex::length() const
{
    return isCutShort() ? readableEnd() : std::max(m_containerSeconds, readableEnd());
}

int FrameIndex::indexAt(double seconds) const
{
    if (m_frames.empty() || std::isnan(seconds))
        return -1;
    if (seconds >= readableEnd() && isCutShort())
        return -1;
    // In ticks, rounded to the nearest tick: a time written as 0.0333... in
    // JSON is frame 1's time at 30 fps, not a hair before it.
    const double ticks = seconds / m_secondsPerTick;
    if (!(ticks < 9e18))
        return count() - 1;
    const qint64 pts = m_frames.front().pts + qint64(std::llround(std::max(ticks, -9e18)));
    return std::max(0, indexOfPts(pts));
}

int FrameIndex::indexOfPts(qint64 pts) const
{
    const auto after = std::upper_bound(m_frames.begin(), m_frames.end(), pts,
                                        [](qint64 value, const Frame &frame) { return value < frame.pts; });
    return int(after - m_frames.begin()) - 1;
}

double FrameIndex::averageRate() const
{
    const double end = readableEnd();
    return end > 0 ? count() / end : 0.0;
}

} // namespace sl
