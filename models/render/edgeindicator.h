#pragma once

#include <QColor>
#include <QPointF>
#include <QSizeF>

#include <opencv2/core.hpp>

#include <optional>

class QPainter;

namespace sl {

class Projector;

// A small arrow at the picture's edge pointing toward world markup that the
// camera does not see (outside the picture, or behind the camera), so a
// reviewer knows which way it lies. Pure geometry here; painted by
// OverlayRenderer when a view asks for it (the viewers, not exports: an
// exported frame shows what the camera saw, nothing about the view).
struct EdgeIndicator
{
    int markup = -1;  // index into the renderer's list of markups (as PlannedShape::markup)
    QPointF position; // the arrow's tip, painter pixels, `kInset` inside the frame's edge
    double degrees = 0; // direction it points: 0 right, 90 down (painter axes, clockwise)
    bool behind = false; // the markup is behind the camera

    // Distance of the tip from the frame's edge, pixels.
    static constexpr double kInset = 6;

    // The indicator for a world point (metres) seen through `projector`, in
    // a frame of `frameSize` painter pixels (OpenCV pixel centres, as the
    // projector's); nullopt when the point projects inside the frame.
    //
    // The direction goes from the frame's centre toward the projected point.
    // A point behind the camera has no projection (the pinhole mirrors it
    // through the centre): its direction is that of its camera-space x and y
    // (x right, y down), i.e. which way to turn the camera to face it; a
    // point straight behind points down.
    static std::optional<EdgeIndicator> toward(const Projector &projector, const cv::Vec3d &world,
                                               QSizeF frameSize);
    // Where a ray from the centre of `frameSize` in direction (dx, dy) meets
    // the frame inset by kInset.
    static QPointF onEdge(QSizeF frameSize, double dx, double dy);

    // Draws the arrow (a filled triangle with a dark outline) in painter pixels.
    void paint(QPainter &painter, const QColor &color) const;
};

} // namespace sl
