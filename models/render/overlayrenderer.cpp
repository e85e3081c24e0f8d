#include "render/overlayrenderer.h"

#include "common/logging.h"
#include "render/markuppainter.h"
#include "render/strokesimplifier.h"
#include "spatial/projector.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Smallest stroke drawn, pixels: thinner would vanish on small previews.
constexpr double kMinWidth = 1.0;

// Label size for a markup width, pixels at the same scale as the width.
double labelPixelSize(double width)
{
    return std::max(12.0, 6.0 * width);
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

// Labels need fonts, which need a QGuiApplication; without one (a bare
// QCoreApplication) they are left out instead of aborting.
bool canDrawText()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

// Draws world-space markup through one camera.
struct WorldPass
{
    MarkupPainter &shapes;
    const Projector &projector;
    double scale;  // stroke pixels per full-size media pixel
    QRectF bounds; // the frame, in painter pixels

    bool draw(const Markup &markup) const
    {
        const double width = std::max(kMinWidth, markup.width * scale);
        const std::vector<cv::Vec3d> &points = markup.worldPoints;
        if (points.empty())
            return false;
        switch (markup.kind) {
        case MarkupKind::Ink:
        case MarkupKind::Line: {
            const auto pieces = projector.projectPolyline(points);
            for (const auto &piece : pieces) {
                for (const QPolygonF &part : drawableParts(toPolygon(piece), width, bounds)) {
                    if (markup.kind == MarkupKind::Ink)
                        shapes.ink(part, markup.color, width);
                    else
                        shapes.line(part, markup.color, width);
                }
            }
            return !pieces.empty();
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
                shapes.arrow(StrokeSimplifier::simplify(toPolygon(pieces[i])), markup.color, width,
                             headVisible && i + 1 == pieces.size());
            return true;
        }
        case MarkupKind::Rect:
        case MarkupKind::Ellipse: {
            // In space these are the outline through their points.
            std::vector<cv::Vec3d> closed = points;
            if (closed.size() > 2)
                closed.push_back(points.front());
            const auto pieces = projector.projectPolyline(closed);
            for (const auto &piece : pieces) {
                for (const QPolygonF &part : drawableParts(toPolygon(piece), width, bounds))
                    shapes.polygon(part, markup.color, width);
            }
            return !pieces.empty();
        }
        case MarkupKind::Text: {
            // A label whose point is out of view is not pulled into it.
            const auto anchor = projector.projectPoint(points.front());
            if (!anchor || !bounds.contains(anchor->x, anchor->y) || !canDrawText())
                return false;
            shapes.label(QPointF(anchor->x, anchor->y), markup.text, markup.color, labelPixelSize(width),
                         bounds);
            return true;
        }
        case MarkupKind::Blur:
            qCDebug(lcRender) << "blur markup" << markup.id << "is image-space only; ignored in world space";
            return false;
        }
        return false;
    }
};

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

bool drawImageMarkup(MarkupPainter &shapes, const Markup &markup, QSize frameSize, double scale)
{
    const double width = std::max(kMinWidth, markup.width * scale);
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
        for (const QPolygonF &part : drawableParts(polygon, width, bounds))
            shapes.ink(part, markup.color, width);
        return true;
    case MarkupKind::Line:
        for (const QPolygonF &part : drawableParts(polygon, width, bounds))
            shapes.line(part, markup.color, width);
        return polygon.size() >= 2;
    case MarkupKind::Arrow:
        if (polygon.size() < 2)
            return false;
        shapes.arrow(QPolygonF{polygon.first(), polygon.last()}, markup.color, width);
        return true;
    case MarkupKind::Rect:
        if (points.size() < 2)
            return false;
        shapes.rect(cornerRect(markup, frameSize), markup.color, width);
        return true;
    case MarkupKind::Ellipse:
        if (points.size() < 2)
            return false;
        shapes.ellipse(cornerRect(markup, frameSize), markup.color, width);
        return true;
    case MarkupKind::Text:
        if (!canDrawText())
            return false;
        shapes.label(polygon.first(), markup.text, markup.color, labelPixelSize(width), bounds);
        return true;
    case MarkupKind::Blur:
        return false; // drawn first, in its own pass
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

} // namespace

OverlayResult OverlayRenderer::paint(QPainter &painter, const CaptureManifest &manifest,
                                     const std::vector<Markup> &worldMarkups, QSize frameSize, double seconds,
                                     const QImage &frame)
{
    return paint(painter, manifest, manifest.poseTrack(), worldMarkups, frameSize, seconds, frame);
}

OverlayResult OverlayRenderer::paint(QPainter &painter, const CaptureManifest &manifest, const PoseTrack &poses,
                                     const std::vector<Markup> &worldMarkups, QSize frameSize, double seconds,
                                     const QImage &frame)
{
    OverlayResult result;
    if (frameSize.isEmpty())
        return result;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    MarkupPainter shapes(painter);

    const bool hasCamera = manifest.camera && manifest.camera->isValid();
    // Widths are pixels of the media at its full size: the camera's image.
    const double scale = hasCamera ? double(frameSize.width()) / manifest.camera->width : 1.0;
    const bool isVideo = manifest.mediaType == MediaType::Video;
    const auto visible = [&](const Markup &m) {
        return m.space == MarkupSpace::Image && (!isVideo || m.visibleAt(seconds));
    };

    // 1. Redactions first: everything else is drawn over the hidden pixels.
    for (const Markup &markup : manifest.markups) {
        if (markup.kind != MarkupKind::Blur || !visible(markup) || markup.imagePoints.size() < 2)
            continue;
        const QRect rect = redactionRect(markup, frameSize);
        if (rect.isEmpty())
            continue;
        shapes.redact(rect, frame, QSizeF(frameSize));
        ++result.imageMarkupsDrawn;
    }

    // 2. World markup through the camera of this frame.
    const bool anyWorld = std::any_of(worldMarkups.begin(), worldMarkups.end(),
                                      [](const Markup &m) { return m.space == MarkupSpace::World; });
    if (anyWorld) {
        const std::optional<Pose> pose = poses.poseAt(seconds);
        if (!hasCamera) {
            result.notice = QCoreApplication::translate(
                "sl::OverlayRenderer", "This capture has no camera intrinsics: 3D markup is not shown.");
        } else if (!pose) {
            result.notice = QCoreApplication::translate(
                "sl::OverlayRenderer", "No camera pose in this capture: 3D markup is not shown.");
        } else {
            const CameraIntrinsics intrinsics =
                manifest.camera->scaledTo(frameSize.width(), frameSize.height());
            const Projector projector(intrinsics, *pose, manifest.axes.value_or(Axes::OpenCV));
            painter.save();
            // OpenCV puts pixel centres on integers, QPainter on half-integers.
            painter.translate(0.5, 0.5);
            const WorldPass pass{shapes, projector, scale, QRectF(QPointF(-0.5, -0.5), QSizeF(frameSize))};
            for (const Markup &markup : worldMarkups) {
                if (markup.space == MarkupSpace::World && pass.draw(markup))
                    ++result.worldMarkupsDrawn;
            }
            painter.restore();
        }
    }

    // 3. Image markup within its time range, in the order it was drawn.
    for (const Markup &markup : manifest.markups) {
        if (markup.kind == MarkupKind::Blur || !visible(markup))
            continue;
        if (drawImageMarkup(shapes, markup, frameSize, scale))
            ++result.imageMarkupsDrawn;
    }

    painter.restore();
    if (!result.notice.isEmpty())
        qCDebug(lcRender) << "overlay of" << manifest.id << ":" << result.notice;
    return result;
}

QImage OverlayRenderer::burnIn(const QImage &frame, const CaptureManifest &manifest,
                               const std::vector<Markup> &worldMarkups, double seconds, OverlayResult *result)
{
    if (frame.isNull()) {
        if (result)
            *result = {};
        return {};
    }
    QImage canvas = frame.convertToFormat(frame.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                                  : QImage::Format_RGB32);
    OverlayResult drawn;
    {
        QPainter painter(&canvas);
        drawn = paint(painter, manifest, worldMarkups, canvas.size(), seconds, frame);
    }
    if (result)
        *result = drawn;
    return frame.format() == QImage::Format_RGB888 ? canvas.convertToFormat(QImage::Format_RGB888) : canvas;
}

} // namespace sl
