#include "annotation/snapshotmanifest.h"

#include "annotation/snapshotturn.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <cmath>

namespace sl::SnapshotManifest {

namespace {

// The moment the frame was seen: the source's capture time plus the frame's
// time, at millisecond precision; the source's own when it does not parse.
QString frameCapturedAt(const QString &sourceCapturedAt, double frameTime)
{
    QDateTime at = QDateTime::fromString(sourceCapturedAt, Qt::ISODateWithMs);
    if (!at.isValid())
        return sourceCapturedAt;
    return at.toUTC().addMSecs(qint64(std::llround(frameTime * 1000.0))).toString(Qt::ISODateWithMs);
}

// A markup of the source as one of the snapshot's own: a new id (the old one
// kept as "copiedFrom"), shown whole on the still, turned with the pixels.
Markup copied(const Markup &markup, int rotation)
{
    Markup copy = markup;
    copy.raw.insert(QStringLiteral("copiedFrom"), markup.id);
    copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    copy.from.reset();
    copy.to.reset();
    for (cv::Point2d &p : copy.imagePoints)
        p = SnapshotTurn::imagePoint(p, rotation);
    return copy;
}

QString modeName(SnapshotMode mode)
{
    return mode == SnapshotMode::Baked ? QStringLiteral("baked") : QStringLiteral("clean");
}

} // namespace

CaptureManifest make(const CaptureManifest &source, const std::vector<Markup> &worldMarkups,
                     const SnapshotOrigin &origin, const QString &id, const QString &media,
                     const QString &author)
{
    CaptureManifest snapshot;
    snapshot.id = id;
    snapshot.assetId = source.assetId;
    snapshot.mediaFile = media;
    snapshot.mediaType = MediaType::Photo;
    snapshot.capturedAt = frameCapturedAt(source.capturedAt, origin.frameTime);
    snapshot.capturedBy = author;
    snapshot.raw.insert(kField, QJsonObject{{QStringLiteral("sourceCapture"), origin.sourceCaptureId},
                                            {QStringLiteral("time"), origin.frameTime},
                                            {QStringLiteral("frame"), origin.frameIndex},
                                            {QStringLiteral("overlay"), modeName(origin.mode)}});

    if (source.camera)
        snapshot.camera = SnapshotTurn::camera(*source.camera, origin.rotation);
    // The pose the overlay used for this frame (the same interpolation).
    if (const std::optional<Pose> pose = source.poseTrack().poseAt(origin.frameTime); pose && source.axes) {
        snapshot.axes = source.axes;
        ManifestPose still;
        still.pose = SnapshotTurn::pose(*pose, *source.axes, origin.rotation);
        still.form = PoseForm::PositionRotation;
        snapshot.poses = {still};
    }

    if (origin.mode == SnapshotMode::Baked)
        return snapshot; // the pixels carry the markup: drawing it again would double it
    snapshot.spatialFrame = source.spatialFrame;
    for (const Markup &markup : source.markups)
        if (markup.space == MarkupSpace::Image && markup.visibleAt(origin.frameTime))
            snapshot.markups.push_back(copied(markup, origin.rotation));
    // Without a spatial frame the source's world markup is its own: the
    // snapshot carries copies so that they still show.
    if (source.spatialFrame.isEmpty())
        for (const Markup &markup : worldMarkups)
            snapshot.markups.push_back(copied(markup, origin.rotation));
    return snapshot;
}

} // namespace sl::SnapshotManifest
