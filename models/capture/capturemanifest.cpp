#include "capture/capturemanifest.h"

#include "common/enumnames.h"

namespace sl {

namespace {

// Names as written in the manifest ("media.type", "axes").
constexpr EnumNames<MediaType, 2> kMediaTypeNames{{
    {MediaType::Photo, "photo"},
    {MediaType::Video, "video"},
}};

constexpr EnumNames<Axes, 2> kAxesNames{{
    {Axes::OpenCV, "opencv"},
    {Axes::OpenGL, "opengl"},
}};

} // namespace

QString mediaTypeName(MediaType type)
{
    return enumName(kMediaTypeNames, type);
}

std::optional<MediaType> mediaTypeFromName(const QString &name)
{
    return enumFromName(kMediaTypeNames, name);
}

QString axesName(Axes axes)
{
    return enumName(kAxesNames, axes);
}

std::optional<Axes> axesFromName(const QString &name)
{
    return enumFromName(kAxesNames, name);
}

PoseTrack CaptureManifest::poseTrack() const
{
    if (poses.empty())
        return PoseTrack();
    if (mediaType == MediaType::Photo) // its one pose, whatever its t says
        return PoseTrack({TimedPose{0.0, poses.front().pose}});
    std::vector<TimedPose> samples;
    samples.reserve(poses.size());
    for (const ManifestPose &p : poses)
        samples.push_back(TimedPose{p.t, p.pose});
    return PoseTrack(std::move(samples));
}

} // namespace sl
