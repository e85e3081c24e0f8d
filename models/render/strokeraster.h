#pragma once

#include <QPointF>
#include <QTransform>

#include <cstdint>
#include <limits>
#include <vector>

namespace sl {

// A rasteriser for thin antialiased polylines (ink, lines, projected
// outlines) onto 32-bit premultiplied pixels (QImage's RGB32 or
// ARGB32_Premultiplied), much cheaper than QPainter's stroker for the same
// pixels: a stroke with round joins is the set of points within half its
// width of the polyline, so a pixel's coverage follows from its distance to
// the nearest segment, through the pixel's footprint across that segment
// (exact area coverage along straight edges, as QPainter computes).
// A stroke is one shape: where its segments overlap, a pixel gets their
// largest coverage, blended once (translucent highlighter ink shows no
// darker beads at its joins).
//
// A stroke is drawn in chunks of rows: each segment fills its rows of a
// chunk of coverage held in cache, which is then blended into the target
// once, row by row. Rows can be drawn apart (each row band by its own thread): a stroke's pixels in
// one band depend on nothing outside it.
class StrokeRaster
{
public:
    struct Stroke
    {
        std::vector<QPointF> points; // device pixels; pixel (i, j) has its centre at (i + 0.5, j + 0.5)
        double halfWidth = 0.5;      // device pixels; at most 0.5: a hairline (QPainter's cosmetic stroker)
        bool flatCaps = false;       // flat ends (lines); else round (ink, outlines); joins are always round
        uint32_t color = 0;          // 0xAARRGGBB, not premultiplied
        // The points' smallest and largest y, device pixels, when the caller
        // knows them: a band of rows skips a stroke wholly above or below it
        // without looking at its points. The defaults: look at every point.
        double top = -std::numeric_limits<double>::infinity();
        double bottom = std::numeric_limits<double>::infinity();
    };

    // Target pixels: `width` x `height`, `stride` bytes per row, B, G, R, A in memory.
    StrokeRaster(uchar *bits, int width, int height, qsizetype stride);

    // Draws `strokes` in order over the target, in rows [rowBegin, rowEnd).
    // Safe to call from several threads at once for rows that do not overlap.
    void draw(const std::vector<Stroke> &strokes, int rowBegin, int rowEnd) const;

    // How a transform from painter to device pixels scales stroke widths.
    static double widthScale(const QTransform &transform);

private:
    uchar *m_bits;
    int m_width, m_height;
    qsizetype m_stride;
};

} // namespace sl
