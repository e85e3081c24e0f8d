#include "capture/capturemanifest.h"

namespace sl {

QString mediaTypeName(MediaType type)
{
    return type == MediaType::Video ? QStringLiteral("video") : QStringLiteral("photo");
}

std::optional<MediaType> mediaTypeFromName(const QString &name)
{
    if (name == QLatin1String("photo"))
        return MediaType::Photo;
    if (name == QLatin1String("video"))
        return MediaType::Video;
    return std::nullopt;
}

QString axesName(Axes axes)
{
    return axes == Axes::OpenGL ? QStringLiteral("opengl") : QStringLiteral("opencv");
}

std::optional<Axes> axesFromName(const QString &name)
{
    if (name == QLatin1String("opencv"))
        return Axes::OpenCV;
    if (name == QLatin1String("opengl"))
        return Axes::OpenGL;
    return std::nullopt;
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
