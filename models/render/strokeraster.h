#pragma once

#include <QColor>
#include <QPointF>
#include <QTransform>

#include <cstdint>
#include <vector>

namespace sl {

// A rasteriser for thin antialiased polylines (ink, lines, projected
// outlines) onto 32-bit premultiplied pixels (QImage's RGB32 or
// ARGB32_Premultiplied), much cheaper than QPainter's stroker for the same
// pixels: a stroke with round joins is the set of points within half its
// width of the polyline, so each pixel's coverage follows from its distance
// to the nearest segment (1 px of antialiasing ramp, like QPainter's).
// A stroke is one shape, as one QPainter path is: where its segments
// overlap, coverage is their maximum, never blended twice (translucent
// highlighter ink shows no darker beads at its joins).
//
// Rows can be drawn apart (each row band by its own thread): a stroke's
// pixels in one band depend on nothing outside it.
class StrokeRaster
{
public:
    struct Stroke
    {
        std::vector<QPointF> points; // device pixels; pixel (i, j) has its centre at (i + 0.5, j + 0.5)
        double halfWidth = 0.5;      // device pixels
        bool flatCaps = false;       // flat ends (lines); else round (ink, outlines); joins are always round
        uint32_t color = 0;          // 0xAARRGGBB, not premultiplied
    };

    // Per-pixel memory of which stroke covered a pixel last and how much
    // (24-bit stroke id, 8-bit coverage), the size of the target: kept from
    // one frame to the next by its owner, cleared only when it is resized or
    // the ids wrap. One per target drawn at a time (row bands share it).
    class Scratch
    {
    public:
        // Ids for `count` strokes on a target of this size; the first returned.
        uint32_t reserve(int width, int height, uint32_t count);
        uint32_t *row(int y) { return m_cells.data() + size_t(y) * size_t(m_width); }

    private:
        std::vector<uint32_t> m_cells;
        int m_width = 0, m_height = 0;
        uint32_t m_next = 1;
    };
    static constexpr uint32_t kMaxId = (1u << 24) - 1;

    // Target pixels: `width` x `height`, `stride` bytes per row, B, G, R, A
    // in memory; `scratch` reserved for this size.
    StrokeRaster(uchar *bits, int width, int height, qsizetype stride, Scratch &scratch);

    // Draws `strokes` in order over the target, in rows [rowBegin, rowEnd),
    // stroke k with id firstId + k (from Scratch::reserve).
    void draw(const std::vector<Stroke> &strokes, uint32_t firstId, int rowBegin, int rowEnd);

    // How a transform from painter to device pixels scales stroke widths.
    static double widthScale(const QTransform &transform);

private:
    void drawSegment(QPointF a, QPointF b, bool flatStart, bool flatEnd, double half, uint32_t id, uint32_t color,
                     int rowBegin, int rowEnd);
    void cover(uint32_t *pixel, uint32_t &cell, int coverage, uint32_t id, uint32_t color) const;

    uchar *m_bits;
    int m_width, m_height;
    qsizetype m_stride;
    Scratch &m_scratch;
};

} // namespace sl
