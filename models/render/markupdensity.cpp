#include "render/markupdensity.h"

#include "render/markupplan.h"
#include "spatial/posetrack.h"

#include <QRectF>

#include <algorithm>
#include <set>

namespace sl {

namespace {

// Where a planned shape lies, painter pixels, with its stroke (a straight
// horizontal line has an empty bounding box, which intersects nothing).
QRectF extentOf(const PlannedShape &shape)
{
    QRectF extent;
    if (!shape.points.isEmpty())
        extent = shape.points.boundingRect();
    else if (!shape.rect.isNull())
        extent = shape.rect;
    else
        extent = QRectF(shape.anchor, QSizeF(0, 0));
    const double half = std::max(0.5, shape.width / 2);
    return extent.translated(shape.offset).adjusted(-half, -half, half, half);
}

// World markups with a shape in the frame: the plan keeps a markup that is
// merely in front of the camera (its edge indicator points to it), the
// strip counts only what lands in the picture.
int worldMarkupsInFrame(const MarkupPlan &plan, size_t worldCount, QSize frameSize)
{
    const QRectF frame(QPointF(0, 0), QSizeF(frameSize));
    std::set<int> inFrame;
    for (const PlannedShape &shape : plan.shapes)
        if (shape.markup >= 0 && size_t(shape.markup) < worldCount && extentOf(shape).intersects(frame))
            inFrame.insert(shape.markup);
    return int(inFrame.size());
}

} // namespace

std::vector<int> markupDensity(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups,
                               QSize frameSize, double duration, int buckets)
{
    std::vector<int> counts;
    if (buckets < 1 || !(duration > 0))
        return counts;
    if (frameSize.isEmpty() && manifest.camera && manifest.camera->isValid())
        frameSize = QSize(manifest.camera->width, manifest.camera->height);
    counts.assign(size_t(buckets), 0);
    if (frameSize.isEmpty())
        return counts;
    const PoseTrack poses = manifest.poseTrack();
    const double span = duration / buckets;
    for (int b = 0; b < buckets; ++b) {
        const MarkupPlan plan =
            MarkupPlan::make(manifest, poses, worldMarkups, frameSize, (b + 0.5) * span, /*withText=*/false);
        counts[size_t(b)] = worldMarkupsInFrame(plan, worldMarkups.size(), frameSize) + plan.imageMarkupsDrawn;
    }
    return counts;
}

} // namespace sl
