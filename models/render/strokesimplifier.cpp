#include "render/strokesimplifier.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl {

namespace {

double distance(const QPointF &a, const QPointF &b)
{
    // Pixel coordinates are far from overflow: plain sqrt, without hypot's cost.
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    return std::sqrt(dx * dx + dy * dy);
}

// Angle of b - a relative to `reference`, in (-pi, pi].
double relativeAngle(const QPointF &a, const QPointF &b, double reference)
{
    double angle = std::atan2(b.y() - a.y(), b.x() - a.x()) - reference;
    while (angle > M_PI)
        angle -= 2 * M_PI;
    while (angle <= -M_PI)
        angle += 2 * M_PI;
    return angle;
}

// The index of the farthest point after `anchor` that a straight segment
// from `anchor` can reach while passing within `reach` of every point in
// between (the sleeve of Zhao and Saalfeld): the directions that pass a
// point at distance d within `reach` form a cone of half-angle asin(reach/d);
// the segment may end at a point while its direction lies in all the cones
// so far, and while it does not turn back (no point before it lies more than
// `reach` farther away), so that every point projects onto the segment or
// within `reach` of its end.
qsizetype segmentEnd(const QPolygonF &points, qsizetype anchor, double reach)
{
    const QPointF a = points[anchor];
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    double reference = 0;
    bool constrained = false;
    double farthest = 0;
    qsizetype end = anchor + 1;
    for (qsizetype j = anchor + 1; j < points.size(); ++j) {
        const double d = distance(a, points[j]);
        if (d < farthest - reach)
            break; // turning back
        double angle = 0;
        if (d > reach) {
            if (!constrained)
                reference = std::atan2(points[j].y() - a.y(), points[j].x() - a.x());
            angle = relativeAngle(a, points[j], reference);
            if (angle < low || angle > high)
                break;
            end = j;
        } else if (!constrained) {
            end = j; // all so far lie within reach of the anchor
        } // else: a point by the anchor, in no useful direction, is passed over
        farthest = std::max(farthest, d);
        if (d > reach) {
            const double halfCone = std::asin(reach / d);
            low = std::max(low, angle - halfCone);
            high = std::min(high, angle + halfCone);
            constrained = true;
            if (low > high)
                break;
        }
    }
    return end;
}

// Whether a segment's stroke, `margin` pixels on each side, can reach `frame`.
bool reaches(const QPointF &a, const QPointF &b, double margin, const QRectF &frame)
{
    const QRectF grown = frame.adjusted(-margin, -margin, margin, margin);
    // Cheap refusals first: both ends beyond the same side.
    if ((a.x() < grown.left() && b.x() < grown.left()) || (a.x() > grown.right() && b.x() > grown.right())
        || (a.y() < grown.top() && b.y() < grown.top()) || (a.y() > grown.bottom() && b.y() > grown.bottom()))
        return false;
    // A segment passing a corner diagonally is kept: conservative, still exact.
    return true;
}

} // namespace

QPolygonF StrokeSimplifier::simplify(const QPolygonF &points, double tolerance)
{
    if (points.size() <= 2 || !(tolerance > 0))
        return points;
    // A point may project up to `reach` past a segment's end: both ways it
    // stays within reach * sqrt(2) = tolerance of the segment.
    const double reach = tolerance / std::sqrt(2.0);
    QPolygonF kept;
    kept.append(points.first());
    qsizetype anchor = 0;
    while (anchor + 1 < points.size()) {
        anchor = segmentEnd(points, anchor, reach);
        kept.append(points[anchor]);
    }
    return kept;
}

std::vector<QPolygonF> StrokeSimplifier::visibleParts(const QPolygonF &points, double width, const QRectF &frame)
{
    std::vector<QPolygonF> parts;
    if (points.size() < 2) {
        if (!points.isEmpty() && reaches(points.first(), points.first(), width / 2 + 1, frame))
            parts.push_back(points);
        return parts;
    }
    const double margin = width / 2 + 1; // half the stroke and its antialiased edge
    QPolygonF current;
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        if (!reaches(points[i], points[i + 1], margin, frame)) {
            if (current.size() >= 2)
                parts.push_back(std::move(current));
            current.clear();
            continue;
        }
        if (current.isEmpty())
            current.append(points[i]);
        current.append(points[i + 1]);
    }
    if (current.size() >= 2)
        parts.push_back(std::move(current));
    return parts;
}

} // namespace sl
