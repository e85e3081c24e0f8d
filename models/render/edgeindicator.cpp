#include "render/edgeindicator.h"

#include "spatial/projector.h"

#include <QColor>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace sl {

namespace {

// Arrow size, device pixels: length from tip to base, and half its base.
constexpr double kArrowLength = 14;
constexpr double kArrowHalfWidth = 7;

} // namespace

QPointF EdgeIndicator::onEdge(QSizeF frameSize, double dx, double dy)
{
    const QPointF centre(frameSize.width() / 2, frameSize.height() / 2);
    const double halfW = std::max(0.0, frameSize.width() / 2 - kInset);
    const double halfH = std::max(0.0, frameSize.height() / 2 - kInset);
    double t = std::numeric_limits<double>::infinity();
    if (std::abs(dx) > 0)
        t = std::min(t, halfW / std::abs(dx));
    if (std::abs(dy) > 0)
        t = std::min(t, halfH / std::abs(dy));
    if (!std::isfinite(t))
        return centre;
    return centre + QPointF(dx * t, dy * t);
}

std::optional<EdgeIndicator> EdgeIndicator::toward(const Projector &projector, const cv::Vec3d &world,
                                                   QSizeF frameSize)
{
    const cv::Vec3d camera = projector.toCameraCv(world);
    if (!std::isfinite(camera[0]) || !std::isfinite(camera[1]) || !std::isfinite(camera[2]))
        return std::nullopt;
    EdgeIndicator indicator;
    double dx = 0, dy = 0;
    if (const std::optional<cv::Point2d> pixel = projector.projectPoint(world)) {
        // Pixel centres on integers: the frame spans -0.5 .. size - 0.5.
        if (pixel->x >= -0.5 && pixel->y >= -0.5 && pixel->x < frameSize.width() - 0.5
            && pixel->y < frameSize.height() - 0.5)
            return std::nullopt;
        dx = pixel->x + 0.5 - frameSize.width() / 2;
        dy = pixel->y + 0.5 - frameSize.height() / 2;
    } else {
        indicator.behind = true;
        dx = camera[0];
        dy = camera[1];
        if (std::hypot(dx, dy) < 1e-12) {
            dx = 0;
            dy = 1; // straight behind: down, by convention
        }
    }
    indicator.position = onEdge(frameSize, dx, dy);
    indicator.degrees = std::atan2(dy, dx) * 180 / std::numbers::pi;
    return indicator;
}

void EdgeIndicator::paint(QPainter &painter, const QColor &color) const
{
    painter.save();
    painter.translate(position);
    painter.rotate(degrees);
    // The same size on screen whatever the frame's scale in the view.
    const double det = std::abs(painter.worldTransform().determinant());
    const double perDevice = det > 0 ? 1 / std::sqrt(det) : 1.0;
    painter.scale(perDevice, perDevice);
    // Tip at the origin, pointing along +x.
    const QPolygonF arrow{QPointF(0, 0), QPointF(-kArrowLength, -kArrowHalfWidth),
                          QPointF(-kArrowLength * 0.7, 0), QPointF(-kArrowLength, kArrowHalfWidth)};
    painter.setPen(QPen(QColor(0, 0, 0, 200), 1.5));
    QColor fill = color;
    fill.setAlpha(behind ? 150 : 255); // behind the camera: fainter
    painter.setBrush(fill);
    painter.drawPolygon(arrow);
    painter.restore();
}

} // namespace sl
