#pragma once

#include "render/plannedshape.h"

#include <QSizeF>

namespace sl {

// What drawing a shape costs, known before it is drawn, so that the work of
// a frame can be bounded. Two measures: the time drawing it exactly takes
// (antialiased: StrokeRaster for ink, lines and outlines, whose time follows
// the pixels within reach of each segment; QPainter for the rest), and the
// pixels a cheap rasteriser touches drawing it at a reduced scale.
class PaintCost
{
public:
    // The size of a shape, painter pixels, from which both costs follow.
    struct Measure
    {
        double length = 0;   // path length of strokes and outlines
        double width = 0;    // stroke width
        int vertices = 0;    // polyline vertices (joins)
        double boxArea = 0;  // labels: their box, cut to the frame
        int glyphs = 0;      // labels: characters
        double exactNanoseconds = 0;
        // Drawn in pieces of MarkupPainter::kPieceVertices (polylines only;
        // otherwise the exact time).
        double piecewiseNanoseconds = 0;
    };

    // Measures `shape` in a frame of `frameSize` painter pixels. QPainter's
    // time grows with the rows each edge of the stroked outline crosses times
    // the number of edges crossing the same row (one path is rasterised at
    // once): a polyline that crosses itself many times costs far more than
    // its painted area says (300 segments zigzagging across a 1080p frame
    // take seconds). The estimate follows that from a histogram of edge
    // crossings over bands of rows; it errs on the high side.
    static Measure measure(const PlannedShape &shape, QSizeF frameSize);

    // Pixels (and per-vertex work counted as pixels) that drawing a shape of
    // this measure costs at `scale` (layer pixels per painter pixel), strokes
    // at least one layer pixel wide.
    static double reducedPixels(const Measure &measure, double scale);
};

} // namespace sl
