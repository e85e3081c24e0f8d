#include "render/markuppicker.h"

#include "render/markuphittest.h"
#include "spatial/posetrack.h"
#include "spatial/projector.h"

#include <cmath>

namespace sl {

QPolygonF MarkupPicker::framePointsOf(const Markup &markup, const CaptureManifest &manifest, const PoseTrack &poses,
                                      QSize frameSize, double seconds)
{
    QPolygonF points;
    if (markup.space == MarkupSpace::Image) {
        for (const cv::Point2d &p : markup.imagePoints)
            points.append(QPointF(p.x * frameSize.width(), p.y * frameSize.height()));
        return points;
    }
    const std::optional<Pose> pose = poses.poseAt(seconds);
    if (!manifest.camera || !manifest.camera->isValid() || !pose || frameSize.isEmpty())
        return points;
    const Projector projector(manifest.camera->scaledTo(frameSize.width(), frameSize.height()), *pose,
                              manifest.axes.value_or(Axes::OpenCV));
    for (const cv::Vec3d &p : markup.worldPoints) {
        // OpenCV's pixel centres are integers, QPainter's half-integers.
        if (const std::optional<cv::Point2d> pixel = projector.projectPoint(p))
            points.append(QPointF(pixel->x + 0.5, pixel->y + 0.5));
    }
    return points;
}

std::optional<Markup> MarkupPicker::pick(const CaptureManifest &manifest, const PoseTrack &poses,
                                         const std::vector<Markup> &worldMarkups, const OverlayFilter &filter,
                                         QSize frameSize, double seconds, const QTransform &frameToWidget,
                                         QPointF widgetPos, double slack)
{
    // Widget pixels per painter pixel (the view may turn the frame, never shear it).
    const double pixelScale = std::sqrt(std::abs(frameToWidget.determinant()));
    const bool isVideo = manifest.mediaType == MediaType::Video;
    const auto hit = [&](const Markup &markup) {
        const QPolygonF points = frameToWidget.map(framePointsOf(markup, manifest, poses, frameSize, seconds));
        return !points.isEmpty() && MarkupHitTest::touches(markup, points, pixelScale, widgetPos, slack);
    };
    // Topmost first: image markup is drawn in order, over world markup.
    for (auto it = manifest.markups.rbegin(); it != manifest.markups.rend(); ++it) {
        if (it->space == MarkupSpace::Image && (!isVideo || it->visibleAt(seconds)) && filter.shows(*it)
            && hit(*it))
            return *it;
    }
    for (auto it = worldMarkups.rbegin(); it != worldMarkups.rend(); ++it) {
        if (it->space == MarkupSpace::World && filter.shows(*it) && hit(*it))
            return *it;
    }
    return std::nullopt;
}

} // namespace sl
