#include "player/nominalframerate.h"

#include "capture/capturemanifest.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sl {

namespace {

constexpr double kDefaultFps = 30.0;

// The median spacing of a video's pose samples as a rate; 0 when there are too few.
double poseRate(const CaptureManifest &manifest)
{
    const auto &poses = manifest.poses;
    if (manifest.mediaType != MediaType::Video || poses.size() < 3)
        return 0;
    std::vector<double> gaps;
    gaps.reserve(poses.size() - 1);
    for (size_t i = 1; i < poses.size(); ++i)
        gaps.push_back(poses[i].t - poses[i - 1].t);
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    const double median = gaps[gaps.size() / 2];
    return median > 0 ? 1.0 / median : 0;
}

} // namespace

bool plausibleFrameRate(double fps)
{
    return std::isfinite(fps) && fps >= 1.0 && fps <= 480.0;
}

double nominalFrameRate(double containerFps, const CaptureManifest &manifest)
{
    if (plausibleFrameRate(containerFps))
        return containerFps;
    const double poses = poseRate(manifest);
    return plausibleFrameRate(poses) ? poses : kDefaultFps;
}

} // namespace sl
