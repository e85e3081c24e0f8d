#include "render/strokesimplifier.h"

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// A direction in the plane, of any positive length.
struct Direction
{
    double x = 1, y = 0;
};

// Whether `b` lies counterclockwise of `a` (or on it): of two directions
// less than half a turn apart, the one at the larger angle. The sign of a
// cross product: the directions' lengths do not matter.
bool atOrAfter(const Direction &a, const Direction &b)
{
    return a.x * b.y - a.y * b.x >= 0;
}

// The index of the farthest point after `anchor` that a straight segment
// from `anchor` can reach while passing within `reach` of every point in
// between (the sleeve of Zhao and Saalfeld): the directions that pass a
// point at distance d within `reach` form a cone of half-angle asin(reach/d);
// the segment may end at a point while its direction lies in all the cones
// so far, and while it does not turn back (no point before it lies more than
// `reach` farther away), so that every point projects onto the segment or
// within `reach` of its end.
//
// The cones are kept as their two edge directions, not as angles: each cone
// is narrower than half a turn, so "between the edges" is the sign of two
// cross products and intersecting cones is picking the inner edge. A cone's
// edges are v turned by -/+ asin(reach / d), here times d^2 (a positive
// scale the signs ignore): v sqrt(d^2 - reach^2) -/+ reach v', v' being v
// turned a quarter. No trigonometry and no division per point.
qsizetype segmentEnd(const QPointF *points, qsizetype count, qsizetype anchor, double reach)
{
    const QPointF a = points[anchor];
    const double reach2 = reach * reach;
    Direction low, high; // the cone's edges, clockwise and counterclockwise
    bool constrained = false;
    double farthest = 0;
    qsizetype end = anchor + 1;
    for (qsizetype j = anchor + 1; j < count; ++j) {
        const double vx = points[j].x() - a.x(), vy = points[j].y() - a.y();
        const double d2 = vx * vx + vy * vy;
        // Pixel coordinates are far from overflow: plain sqrt, without hypot's cost.
        const double d = std::sqrt(d2);
        if (d < farthest - reach)
            break; // turning back
        farthest = std::max(farthest, d);
        if (!(d > reach)) {
            if (!constrained)
                end = j; // all so far lie within reach of the anchor
            continue;    // else: a point by the anchor, in no useful direction, is passed over
        }
        const Direction v{vx, vy};
        if (constrained && (!atOrAfter(low, v) || !atOrAfter(v, high)))
            break;
        end = j;
        const double along = std::sqrt(d2 - reach2);
        const Direction from{vx * along + vy * reach, vy * along - vx * reach};
        const Direction to{vx * along - vy * reach, vy * along + vx * reach};
        if (!constrained || atOrAfter(low, from))
            low = from;
        if (!constrained || atOrAfter(to, high))
            high = to;
        constrained = true;
        if (!atOrAfter(low, high))
            break;
    }
    return end;
}

// Whether a segment's stroke can reach a frame: `grown`, the frame grown by
// the stroke's half width and its antialiased edge.
bool reaches(const QPointF &a, const QPointF &b, const QRectF &grown)
{
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
    QPolygonF kept;
    simplifyInto(points.constData(), points.size(), kept, tolerance);
    return kept;
}

void StrokeSimplifier::simplifyInto(const QPointF *points, qsizetype count, QPolygonF &kept, double tolerance)
{
    if (count <= 2 || !(tolerance > 0)) {
        for (qsizetype i = 0; i < count; ++i)
            kept.append(points[i]);
        return;
    }
    // A point may project up to `reach` past a segment's end: both ways it
    // stays within reach * sqrt(2) = tolerance of the segment.
    const double reach = tolerance / std::sqrt(2.0);
    kept.append(points[0]);
    qsizetype anchor = 0;
    while (anchor + 1 < count) {
        anchor = segmentEnd(points, count, anchor, reach);
        kept.append(points[anchor]);
    }
}

std::vector<QPolygonF> StrokeSimplifier::visibleParts(const QPolygonF &points, double width, const QRectF &frame)
{
    std::vector<Part> ranges;
    visibleRanges(points.constData(), points.size(), width, frame, ranges);
    std::vector<QPolygonF> parts;
    parts.reserve(ranges.size());
    for (const Part &part : ranges)
        parts.push_back(points.mid(part.begin, part.end - part.begin));
    return parts;
}

void StrokeSimplifier::visibleRanges(const QPointF *points, qsizetype count, double width, const QRectF &frame,
                                     std::vector<Part> &parts)
{
    parts.clear();
    const double margin = width / 2 + 1; // half the stroke and its antialiased edge
    if (count < 2) {
        if (count == 1 && reaches(points[0], points[0], frame.adjusted(-margin, -margin, margin, margin)))
            parts.push_back({0, 1});
        return;
    }
    const QRectF grown = frame.adjusted(-margin, -margin, margin, margin);
    qsizetype begin = -1; // first point of the part being grown; -1: none
    for (qsizetype i = 0; i + 1 < count; ++i) {
        if (!reaches(points[i], points[i + 1], grown)) {
            if (begin >= 0)
                parts.push_back({begin, i + 1});
            begin = -1;
            continue;
        }
        if (begin < 0)
            begin = i;
    }
    if (begin >= 0)
        parts.push_back({begin, count});
}

} // namespace sl
