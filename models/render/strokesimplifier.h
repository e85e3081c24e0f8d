#pragma once

#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace sl {

// Reduces a stroke, already in output pixels, to what the output can show:
// what it drops lies within a fraction of a pixel of what is drawn, so the
// drawn stroke moves by less than that fraction while its cost follows the
// output's resolution instead of the number of points in the manifest.
class StrokeSimplifier
{
public:
    // Largest distance, output pixels, from a dropped point to the simplified
    // polyline: within what antialiasing shows.
    static constexpr double kTolerance = 0.3;

    // Keeps the first and the last point exactly (arrow tips, flat caps) and
    // every point needed to stay within `tolerance` of all the others: one
    // linear pass that grows each kept segment while a line from its start
    // passes within `tolerance` / sqrt(2) of every point it replaces.
    static QPolygonF simplify(const QPolygonF &points, double tolerance = kTolerance);
    // The same for `count` points, appended to `kept` (which keeps its
    // capacity: the planner reuses nothing else per stroke).
    static void simplifyInto(const QPointF *points, qsizetype count, QPolygonF &kept,
                             double tolerance = kTolerance);

    // The parts of a polyline stroked `width` pixels wide that can touch
    // `frame`: segments whose stroke lies wholly outside it are dropped and
    // the polyline is cut there (with round joins and round or flat caps,
    // what is cut off draws nothing inside the frame).
    static std::vector<QPolygonF> visibleParts(const QPolygonF &points, double width, const QRectF &frame);
    // The same as index ranges into `count` points, written to `parts`
    // (cleared first): points [begin, end) of each part, nothing copied.
    struct Part
    {
        qsizetype begin = 0, end = 0;
    };
    static void visibleRanges(const QPointF *points, qsizetype count, double width, const QRectF &frame,
                              std::vector<Part> &parts);
};

} // namespace sl
