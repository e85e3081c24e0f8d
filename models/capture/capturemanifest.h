#pragma once

#include "capture/bookmark.h"
#include "capture/markup.h"
#include "spatial/cameraintrinsics.h"
#include "spatial/pose.h"
#include "spatial/posetrack.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

enum class MediaType { Photo, Video };

// Names as written in the manifest ("photo"/"video", "opencv"/"opengl").
QString mediaTypeName(MediaType type);
std::optional<MediaType> mediaTypeFromName(const QString &name);
QString axesName(Axes axes);
std::optional<Axes> axesFromName(const QString &name);

// How a pose was written, so that a round trip keeps its form.
enum class PoseForm { Matrix, PositionRotation };

struct ManifestPose
{
    double t = 0; // seconds from the media's start; ignored for a photo
    Pose pose;    // camera-to-world, in the manifest's axes
    PoseForm form = PoseForm::Matrix;
    QJsonObject raw; // the object as read
};

// A capture manifest, version 1 (CAPTURE-FORMAT.md). The in-memory form of
// the public contract; ManifestReader and ManifestWriter convert it.
struct CaptureManifest
{
    static constexpr int kFormatVersion = 1;

    QString id;          // capture UUID, the idempotency key
    QString assetId;
    QString mediaFile;   // relative to the manifest's folder
    MediaType mediaType = MediaType::Photo;
    QString capturedAt;  // ISO 8601 as written
    QString capturedBy;
    QString spatialFrame;
    std::optional<CameraIntrinsics> camera;
    std::optional<Axes> axes; // required when poses is non-empty
    std::vector<ManifestPose> poses;
    std::vector<Markup> markups;
    std::vector<Bookmark> bookmarks; // named time ranges (videos)
    QJsonObject raw;     // the whole object as read: unknown fields survive

    bool hasPoses() const { return !poses.empty(); }
    // Poses as a track for interpolation (a photo's single pose holds for all t).
    PoseTrack poseTrack() const;
};

} // namespace sl
