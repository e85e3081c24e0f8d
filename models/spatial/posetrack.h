#pragma once

#include "spatial/pose.h"

#include <optional>
#include <vector>

namespace sl {

// A pose sampled at a time (seconds from the media's start).
struct TimedPose
{
    double t = 0;
    Pose pose;
};

// The camera's trajectory over a video: position interpolated linearly,
// rotation by slerp, clamped to the nearest sample outside the sampled range.
class PoseTrack
{
public:
    PoseTrack() = default;
    explicit PoseTrack(std::vector<TimedPose> samples); // times strictly increasing

    bool isEmpty() const { return m_samples.empty(); }
    std::optional<Pose> poseAt(double seconds) const;
    const std::vector<TimedPose> &samples() const { return m_samples; }

private:
    std::vector<TimedPose> m_samples;
};

} // namespace sl
