#include "render/markupplan.h"

#include "common/logging.h"
#include "render/strokesimplifier.h"
#include "spatial/posetrack.h"
#include "spatial/projector.h"

#include <QCoreApplication>

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace sl {

namespace {

using Kind = PlannedShape::Kind;

// Smallest stroke drawn, pixels: thinner would vanish on small previews.
constexpr double kMinWidth = 1.0;

// Label size for a markup width, pixels at the same scale as the width.
double labelPixelSize(double width)
{
    return std::max(12.0, 6.0 * width);
}

// A highlighter's ink lets what it marks show through.
constexpr int kHighlighterAlpha = 96; // of 255

QColor strokeColor(const Markup &markup)
{
    QColor color = markup.color;
    if (markup.style == MarkupStyle::Highlighter)
        color.setAlpha(kHighlighterAlpha);
    return color;
}

QPolygonF toPolygon(const std::vector<cv::Point2d> &points)
{
    QPolygonF polygon;
    polygon.reserve(qsizetype(points.size()));
    for (const cv::Point2d &p : points)
        polygon.append(QPointF(p.x, p.y));
    return polygon;
}

// A stroke in painter pixels reduced to what can show in `bounds` at this
// resolution: the cost of drawing follows the output, not the manifest.
std::vector<QPolygonF> drawableParts(const QPolygonF &stroke, double width, const QRectF &bounds)
{
    std::vector<QPolygonF> parts = StrokeSimplifier::visibleParts(stroke, width, bounds);
    for (QPolygonF &part : parts)
        part = StrokeSimplifier::simplify(part);
    return parts;
}

// What planning a world polyline reuses from one markup (and one frame) to
// the next, per thread: projecting and reducing 1,000 strokes then
// allocates only the shapes' own points.
struct PolylineScratch
{
    Projector::Pieces pieces;
    std::vector<QPointF> pixels;
    std::vector<StrokeSimplifier::Part> parts;
    QPolygonF kept;
};

PolylineScratch &polylineScratch()
{
    thread_local PolylineScratch scratch;
    return scratch;
}

// A world polyline through the camera, reduced to what can show in `bounds`
// at this resolution (the cost of drawing follows the output, not the
// manifest): each visible part simplified, handed to `emit` as a polygon.
// Returns whether anything of it lies in front of the camera.
template<typename Emit>
bool planPolyline(const std::vector<cv::Vec3d> &points, const Projector &projector, double width,
                  const QRectF &bounds, Emit emit)
{
    PolylineScratch &scratch = polylineScratch();
    projector.projectPolyline(points.data(), points.size(), scratch.pieces);
    const std::vector<cv::Point2d> &pixels = scratch.pieces.pixels;
    scratch.pixels.resize(pixels.size());
    for (size_t i = 0; i < pixels.size(); ++i)
        scratch.pixels[i] = QPointF(pixels[i].x, pixels[i].y);
    size_t begin = 0;
    for (const size_t end : scratch.pieces.ends) {
        const QPointF *piece = scratch.pixels.data() + begin;
        StrokeSimplifier::visibleRanges(piece, qsizetype(end - begin), width, bounds, scratch.parts);
        for (const StrokeSimplifier::Part &part : scratch.parts) {
            scratch.kept.clear();
            StrokeSimplifier::simplifyInto(piece + part.begin, part.end - part.begin, scratch.kept);
            emit(QPolygonF(scratch.kept.cbegin(), scratch.kept.cend()));
        }
        begin = end;
    }
    return !scratch.pieces.ends.empty();
}

// Collects the shapes of one markup.
struct ShapeSink
{
    std::vector<PlannedShape> &shapes;
    int markup;
    QPointF offset;
    QColor color;
    double width;

    PlannedShape &add(Kind kind)
    {
        PlannedShape shape;
        shape.kind = kind;
        shape.markup = markup;
        shape.offset = offset;
        shape.color = color;
        shape.width = width;
        shapes.push_back(std::move(shape));
        return shapes.back();
    }
    void stroke(Kind kind, QPolygonF points) { add(kind).points = std::move(points); }
    void arrow(QPolygonF points, bool head)
    {
        PlannedShape &shape = add(Kind::Arrow);
        shape.points = std::move(points);
        shape.head = head;
    }
    void box(Kind kind, const QRectF &rect) { add(kind).rect = rect; }
    void label(const QPointF &anchor, const QString &text, double pixelSize, const QRectF &bounds)
    {
        PlannedShape &shape = add(Kind::Label);
        shape.anchor = anchor;
        shape.text = text;
        shape.pixelSize = pixelSize;
        shape.bounds = bounds;
    }
};

// World-space markup through one camera. Painter pixels here are OpenCV's
// (pixel centres on integers): the shapes carry an offset of half a pixel.
bool planWorld(ShapeSink sink, const Markup &markup, const Projector &projector, const QRectF &bounds,
               bool withText)
{
    const double width = sink.width;
    const std::vector<cv::Vec3d> &points = markup.worldPoints;
    if (points.empty())
        return false;
    switch (markup.kind) {
    case MarkupKind::Ink:
    case MarkupKind::Line: {
        const Kind kind = markup.kind == MarkupKind::Ink ? Kind::Ink : Kind::Line;
        return planPolyline(points, projector, width, bounds,
                            [&sink, kind](QPolygonF part) { sink.stroke(kind, std::move(part)); });
    }
    case MarkupKind::Arrow: {
        if (points.size() < 2)
            return false;
        const std::vector<cv::Vec3d> tailToHead{points.front(), points.back()};
        const auto pieces = projector.projectPolyline(tailToHead);
        if (pieces.empty())
            return false;
        // Clipped at the near plane, the head may be behind the camera:
        // then only the visible shaft is drawn.
        const bool headVisible = projector.projectPoint(points.back()).has_value();
        // Not cut to the frame: the head follows the shaft's last pixels.
        for (size_t i = 0; i < pieces.size(); ++i)
            sink.arrow(StrokeSimplifier::simplify(toPolygon(pieces[i])), headVisible && i + 1 == pieces.size());
        return true;
    }
    case MarkupKind::Rect:
    case MarkupKind::Ellipse: {
        // In space these are the outline through their points.
        std::vector<cv::Vec3d> closed = points;
        if (closed.size() > 2)
            closed.push_back(points.front());
        return planPolyline(closed, projector, width, bounds,
                            [&sink](QPolygonF part) { sink.stroke(Kind::Polygon, std::move(part)); });
    }
    case MarkupKind::Text: {
        // A label whose point is out of view is not pulled into it.
        const auto anchor = projector.projectPoint(points.front());
        if (!anchor || !bounds.contains(anchor->x, anchor->y) || !withText)
            return false;
        sink.label(QPointF(anchor->x, anchor->y), markup.text, labelPixelSize(width), bounds);
        return true;
    }
    case MarkupKind::Blur:
        qCDebug(lcRender) << "blur markup" << markup.id << "is image-space only; ignored in world space";
        return false;
    }
    return false;
}

QPointF toPixels(const cv::Point2d &normalised, QSize frameSize)
{
    return {normalised.x * frameSize.width(), normalised.y * frameSize.height()};
}

QRectF cornerRect(const Markup &markup, QSize frameSize)
{
    return QRectF(toPixels(markup.imagePoints.front(), frameSize),
                  toPixels(markup.imagePoints.back(), frameSize))
        .normalized();
}

bool planImage(ShapeSink sink, const Markup &markup, QSize frameSize, bool withText)
{
    const double width = sink.width;
    const std::vector<cv::Point2d> &points = markup.imagePoints;
    if (points.empty())
        return false;
    QPolygonF polygon;
    polygon.reserve(qsizetype(points.size()));
    for (const cv::Point2d &p : points)
        polygon.append(toPixels(p, frameSize));
    const QRectF bounds(QPointF(0, 0), QSizeF(frameSize));
    switch (markup.kind) {
    case MarkupKind::Ink:
        for (QPolygonF &part : drawableParts(polygon, width, bounds))
            sink.stroke(Kind::Ink, std::move(part));
        return true;
    case MarkupKind::Line:
        for (QPolygonF &part : drawableParts(polygon, width, bounds))
            sink.stroke(Kind::Line, std::move(part));
        return polygon.size() >= 2;
    case MarkupKind::Arrow:
        if (polygon.size() < 2)
            return false;
        sink.arrow(QPolygonF{polygon.first(), polygon.last()}, true);
        return true;
    case MarkupKind::Rect:
    case MarkupKind::Ellipse:
        if (points.size() < 2)
            return false;
        sink.box(markup.kind == MarkupKind::Rect ? Kind::Rect : Kind::Ellipse, cornerRect(markup, frameSize));
        return true;
    case MarkupKind::Text:
        if (!withText)
            return false;
        sink.label(polygon.first(), markup.text, labelPixelSize(width), bounds);
        return true;
    case MarkupKind::Blur:
        return false; // redactions are planned apart
    }
    return false;
}

// A redaction rectangle in whole pixels, so it covers every pixel it touches.
QRect redactionRect(const Markup &markup, QSize frameSize)
{
    const QRectF r = cornerRect(markup, frameSize);
    const QRect whole(QPoint(int(std::floor(r.left())), int(std::floor(r.top()))),
                      QPoint(int(std::ceil(r.right())) - 1, int(std::ceil(r.bottom())) - 1));
    return whole.intersected(QRect(QPoint(0, 0), frameSize));
}

// An arrow toward world markup of which nothing lands in the frame: toward
// the mean of its points (metres), the middle of what it marks.
void addEdgeIndicator(std::vector<EdgeIndicator> &indicators, int index, const Markup &markup,
                      const Projector &projector, QSize frameSize)
{
    if (markup.worldPoints.empty())
        return;
    cv::Vec3d mean(0, 0, 0);
    for (const cv::Vec3d &p : markup.worldPoints)
        mean += p;
    mean *= 1.0 / double(markup.worldPoints.size());
    if (std::optional<EdgeIndicator> indicator = EdgeIndicator::toward(projector, mean, QSizeF(frameSize))) {
        indicator->markup = index;
        indicators.push_back(*indicator);
    }
}

// A run of world markups [begin, end) planned on one thread, and what it gave.
struct WorldPart
{
    size_t begin = 0, end = 0;
    std::vector<PlannedShape> shapes;
    std::vector<EdgeIndicator> indicators;
    int drawn = 0;
};

// World points below which the markups are planned on the calling thread:
// fewer cost less than handing them to other threads (some 10-20 us).
constexpr size_t kPointsPerThread = 4096;

// World markups cut into runs of about equal points, one run per worker
// thread and a few more (a run of a thread that was busy is taken by another):
// one run when there are few points.
std::vector<WorldPart> splitWorldMarkups(const std::vector<Markup> &markups)
{
    size_t total = 0;
    for (const Markup &m : markups)
        total += m.worldPoints.size();
    const size_t threads = size_t(std::max(1, cv::getNumThreads()));
    const size_t runs = std::clamp<size_t>(total / kPointsPerThread, 1, threads == 1 ? 1 : 4 * threads);
    std::vector<WorldPart> parts(runs);
    size_t index = 0, seen = 0;
    for (size_t k = 0; k < runs; ++k) {
        parts[k].begin = index;
        const size_t upTo = total * (k + 1) / runs; // points planned by the end of this run
        while (index < markups.size() && (seen < upTo || k + 1 == runs))
            seen += markups[index++].worldPoints.size();
        parts[k].end = index;
    }
    return parts;
}

} // namespace

MarkupPlan MarkupPlan::make(const CaptureManifest &manifest, const PoseTrack &poses,
                            const std::vector<Markup> &worldMarkups, QSize frameSize, double seconds,
                            bool withText, const OverlayFilter &filter)
{
    MarkupPlan plan;
    if (frameSize.isEmpty())
        return plan;

    const bool hasCamera = manifest.camera && manifest.camera->isValid();
    // Widths are pixels of the media at its full size: the camera's image.
    const double scale = hasCamera ? double(frameSize.width()) / manifest.camera->width : 1.0;
    const auto widthOf = [scale](const Markup &m) { return std::max(kMinWidth, m.width * scale); };
    const bool isVideo = manifest.mediaType == MediaType::Video;
    const auto visible = [&](const Markup &m) {
        return m.space == MarkupSpace::Image && (!isVideo || m.visibleAt(seconds)) && filter.shows(m);
    };

    // 1. Redactions first: everything else is drawn over the hidden pixels.
    for (const Markup &markup : manifest.markups) {
        if (markup.kind != MarkupKind::Blur || !visible(markup) || markup.imagePoints.size() < 2)
            continue;
        const QRect rect = redactionRect(markup, frameSize);
        if (rect.isEmpty())
            continue;
        (markup.style == MarkupStyle::Pixelate ? plan.pixelations : plan.redactions).push_back(rect);
        ++plan.imageMarkupsDrawn;
    }

    // 2. World markup through the camera of this frame.
    const auto worldCount = std::count_if(worldMarkups.begin(), worldMarkups.end(),
                                          [](const Markup &m) { return m.space == MarkupSpace::World; });
    if (worldCount > 0) {
        const std::optional<Pose> pose = poses.poseAt(seconds);
        if (!hasCamera) {
            plan.notice = QCoreApplication::translate(
                "sl::OverlayRenderer", "This capture has no camera intrinsics: 3D markup is not shown.");
        } else if (!pose) {
            // Spelled out for one and many: without an English plural file, %n would read "markup(s)".
            plan.notice = worldCount == 1
                ? QCoreApplication::translate("sl::OverlayRenderer",
                                              "This capture has no camera poses: its world markup cannot be placed.")
                : QCoreApplication::translate("sl::OverlayRenderer",
                                              "This capture has no camera poses: its %1 world markups cannot be "
                                              "placed.")
                      .arg(worldCount);
        } else {
            const CameraIntrinsics intrinsics = manifest.camera->scaledTo(frameSize.width(), frameSize.height());
            const Projector projector(intrinsics, *pose, manifest.axes.value_or(Axes::OpenCV));
            // OpenCV puts pixel centres on integers, QPainter on half-integers.
            const QPointF offset(0.5, 0.5);
            const QRectF bounds(QPointF(-0.5, -0.5), QSizeF(frameSize));
            const auto planRange = [&](WorldPart &part) {
                for (size_t i = part.begin; i < part.end; ++i) {
                    const Markup &markup = worldMarkups[i];
                    if (markup.space != MarkupSpace::World || !filter.shows(markup))
                        continue;
                    const ShapeSink sink{part.shapes, int(i), offset, strokeColor(markup), widthOf(markup)};
                    const size_t before = part.shapes.size();
                    planWorld(sink, markup, projector, bounds, withText);
                    // Drawn when something of it lands in the frame; else an arrow points to it.
                    if (part.shapes.size() > before)
                        ++part.drawn;
                    else if (markup.kind != MarkupKind::Blur)
                        addEdgeIndicator(part.indicators, int(i), markup, projector, frameSize);
                }
            };
            std::vector<WorldPart> parts = splitWorldMarkups(worldMarkups);
            if (parts.size() == 1) {
                parts.front().shapes = std::move(plan.shapes); // nothing planned yet: only its capacity
                planRange(parts.front());
            } else {
                // Markups are planned apart (nothing shared but the read-only
                // projector), then joined in their order.
                cv::parallel_for_(cv::Range(0, int(parts.size())), [&](const cv::Range &range) {
                    for (int k = range.start; k < range.end; ++k)
                        planRange(parts[size_t(k)]);
                });
            }
            for (WorldPart &part : parts) {
                if (plan.shapes.empty())
                    plan.shapes = std::move(part.shapes);
                else
                    std::move(part.shapes.begin(), part.shapes.end(), std::back_inserter(plan.shapes));
                plan.edgeIndicators.insert(plan.edgeIndicators.end(), part.indicators.begin(), part.indicators.end());
                plan.worldMarkupsDrawn += part.drawn;
            }
        }
    }

    // 3. Image markup within its time range, in the order it was drawn.
    for (size_t i = 0; i < manifest.markups.size(); ++i) {
        const Markup &markup = manifest.markups[i];
        if (markup.kind == MarkupKind::Blur || !visible(markup))
            continue;
        const ShapeSink sink{plan.shapes, int(worldMarkups.size() + i), QPointF(), strokeColor(markup),
                             widthOf(markup)};
        if (planImage(sink, markup, frameSize, withText))
            ++plan.imageMarkupsDrawn;
    }
    return plan;
}

} // namespace sl
