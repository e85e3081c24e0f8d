#include "spatial/posetrack.h"

#include "common/logging.h"

#include <algorithm>
#include <cmath>

namespace sl {

PoseTrack::PoseTrack(std::vector<TimedPose> samples)
    : m_samples(std::move(samples))
{
    // The manifest reader guarantees strictly increasing times; anything else
    // (a caller's bug) is repaired rather than left to break the binary search.
    const auto byTime = [](const TimedPose &a, const TimedPose &b) { return a.t < b.t; };
    if (!std::is_sorted(m_samples.begin(), m_samples.end(), byTime)) {
        qCWarning(lcSpatial) << "PoseTrack: samples out of order; sorting them";
        std::stable_sort(m_samples.begin(), m_samples.end(), byTime);
    }
    const auto sameTime = [](const TimedPose &a, const TimedPose &b) { return a.t == b.t; };
    const auto last = std::unique(m_samples.begin(), m_samples.end(), sameTime);
    if (last != m_samples.end()) {
        qCWarning(lcSpatial) << "PoseTrack: dropping" << (m_samples.end() - last) << "samples with repeated times";
        m_samples.erase(last, m_samples.end());
    }
}

std::optional<Pose> PoseTrack::poseAt(double seconds) const
{
    if (m_samples.empty())
        return std::nullopt;
    // Clamp outside the sampled range; NaN falls to the first sample too.
    if (!(seconds > m_samples.front().t))
        return m_samples.front().pose;
    if (seconds >= m_samples.back().t)
        return m_samples.back().pose;

    // First sample strictly after `seconds`; the one before it is at or before.
    const auto after = std::upper_bound(m_samples.begin(), m_samples.end(), seconds,
                                        [](double t, const TimedPose &p) { return t < p.t; });
    const TimedPose &b = *after;
    const TimedPose &a = *(after - 1);
    const double s = (seconds - a.t) / (b.t - a.t);

    Pose pose;
    pose.position = a.pose.position + s * (b.pose.position - a.pose.position);
    pose.rotation = Quaternion::slerp(a.pose.rotation, b.pose.rotation, s);
    return pose;
}

} // namespace sl
