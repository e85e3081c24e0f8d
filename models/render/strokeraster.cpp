#include "render/strokeraster.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl {

namespace {

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "32-bit pixels are read as B, G, R, A bytes");

// (x * a + y * (255 - a)) / 255 on all four bytes at once, rounded, two
// channels per 32-bit lane (Qt's INTERPOLATE_PIXEL_255 does the same).
inline uint32_t interpolate255(uint32_t x, uint32_t a, uint32_t y)
{
    const uint32_t b = 255 - a;
    uint32_t t = (x & 0xff00ff) * a + (y & 0xff00ff) * b;
    t = (t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8;
    t &= 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a + ((y >> 8) & 0xff00ff) * b;
    x = (x + ((x >> 8) & 0xff00ff) + 0x800080);
    x &= 0xff00ff00;
    return x | t;
}

// The x interval [lo, hi] of the row at height y within `reach` of the
// segment a + t d, t in [0, 1] (a capsule: convex, so one interval).
void capsuleSpan(const QPointF &a, const QPointF &b, double reach, double y, double &lo, double &hi)
{
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (const QPointF &end : {a, b}) {
        const double dy = y - end.y();
        if (std::abs(dy) <= reach) {
            const double w = std::sqrt(reach * reach - dy * dy);
            lo = std::min(lo, end.x() - w);
            hi = std::max(hi, end.x() + w);
        }
    }
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double length2 = dx * dx + dy * dy;
    if (length2 < 1e-12)
        return;
    const double length = std::sqrt(length2);
    // Within reach of the line: |dx (y - ay) - dy (x - ax)| / length <= reach.
    double bandLo = -std::numeric_limits<double>::infinity(), bandHi = -bandLo;
    const double across = dx * (y - a.y());
    if (std::abs(dy) > 1e-12) {
        const double x0 = a.x() + (across - reach * length) / dy;
        const double x1 = a.x() + (across + reach * length) / dy;
        bandLo = std::min(x0, x1);
        bandHi = std::max(x0, x1);
    } else if (std::abs(across) > reach * length) {
        return;
    }
    // Beside the segment: 0 <= (x - ax) dx + (y - ay) dy <= length^2.
    const double along = (y - a.y()) * dy;
    if (std::abs(dx) > 1e-12) {
        const double x0 = a.x() - along / dx;
        const double x1 = a.x() + (length2 - along) / dx;
        bandLo = std::max(bandLo, std::min(x0, x1));
        bandHi = std::min(bandHi, std::max(x0, x1));
    } else if (along < 0 || along > length2) {
        return;
    }
    if (bandLo <= bandHi) {
        lo = std::min(lo, bandLo);
        hi = std::max(hi, bandHi);
    }
}

// The share of a pixel (a unit square) on one side of a straight edge, as a
// function of the pixel centre's signed distance x past the edge: the edge's
// direction decides the footprint of the square across it, the sum of two
// uniform widths |cos| and |sin| (a trapezoid), and this is its CDF. Exact
// area coverage for straight edges, which is what QPainter computes.
class EdgeCoverage
{
public:
    // (ux, uy): the edge's unit direction (any unit vector for a round dot).
    EdgeCoverage(double ux, double uy)
    {
        const double a = std::max(std::abs(ux), std::abs(uy)), b = std::min(std::abs(ux), std::abs(uy));
        m_p = (a + b) / 2;
        m_q = (a - b) / 2;
        m_inverseA = 1 / a;
        m_inverse2ab = b > 1e-9 ? 1 / (2 * a * b) : 0;
        m_atQ = b / (2 * a);
    }
    // Covered share, 0..1, of a pixel whose centre lies x inside the edge.
    double operator()(double x) const
    {
        if (x <= -m_p)
            return 0;
        if (x >= m_p)
            return 1;
        if (x < -m_q)
            return (x + m_p) * (x + m_p) * m_inverse2ab;
        if (x <= m_q)
            return m_atQ + (x + m_q) * m_inverseA;
        return 1 - (m_p - x) * (m_p - x) * m_inverse2ab;
    }
    // Beyond this distance past an edge a pixel is not touched.
    double reach() const { return m_p; }

private:
    double m_p, m_q, m_inverseA, m_inverse2ab, m_atQ;
};

} // namespace

uint32_t StrokeRaster::Scratch::reserve(int width, int height, uint32_t count)
{
    const size_t cells = size_t(std::max(0, width)) * size_t(std::max(0, height));
    if (cells > m_cells.size() || m_next + uint64_t(count) > kMaxId) {
        // Larger, or the ids wrap: everything is forgotten once.
        m_cells.assign(std::max(cells, m_cells.size()), 0);
        m_next = 1;
    }
    // Cells of another layout keep older ids, which no stroke drawn from now on has.
    m_width = width;
    m_height = height;
    const uint32_t first = m_next;
    m_next += count;
    return first;
}

StrokeRaster::StrokeRaster(uchar *bits, int width, int height, qsizetype stride, Scratch &scratch)
    : m_bits(bits), m_width(width), m_height(height), m_stride(stride), m_scratch(scratch)
{
}

double StrokeRaster::widthScale(const QTransform &transform)
{
    return std::sqrt(std::abs(transform.m11() * transform.m22() - transform.m12() * transform.m21()));
}

void StrokeRaster::draw(const std::vector<Stroke> &strokes, uint32_t firstId, int rowBegin, int rowEnd)
{
    rowBegin = std::max(rowBegin, 0);
    rowEnd = std::min(rowEnd, m_height);
    if (rowBegin >= rowEnd)
        return;
    for (size_t k = 0; k < strokes.size(); ++k) {
        const Stroke &s = strokes[k];
        const uint32_t id = firstId + uint32_t(k);
        const size_t n = s.points.size();
        if (n == 0 || s.halfWidth <= 0 || qAlpha(s.color) == 0)
            continue;
        if (n == 1) {
            drawSegment(s.points[0], s.points[0], false, false, s.halfWidth, id, s.color, rowBegin, rowEnd);
            continue;
        }
        for (size_t i = 0; i + 1 < n; ++i) {
            drawSegment(s.points[i], s.points[i + 1], s.flatCaps && i == 0, s.flatCaps && i + 2 == n, s.halfWidth,
                        id, s.color, rowBegin, rowEnd);
        }
    }
}

void StrokeRaster::drawSegment(QPointF a, QPointF b, bool flatStart, bool flatEnd, double half, uint32_t id,
                               uint32_t color, int rowBegin, int rowEnd)
{
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double length2 = dx * dx + dy * dy;
    const bool point = length2 < 1e-12;
    const double length = std::sqrt(length2);
    const double inverse2 = point ? 0 : 1 / length2, inverse = point ? 0 : 1 / length;
    // A pixel's coverage is the share of it within `half` of the centre
    // line: both edges of the stroke at distance d, through the footprint
    // of the pixel across this segment's direction.
    const EdgeCoverage edge = point ? EdgeCoverage(1, 0) : EdgeCoverage(dx * inverse, dy * inverse);
    // Strokes at most a device pixel wide are hairlines, as QPainter draws
    // them (its cosmetic stroker): two pixels across the line's minor axis
    // share one pixel of ink by their distance along that axis.
    const bool hairline = half <= 0.5 + 1e-9;
    const double major = point ? 1.0 : std::max(std::abs(dx), std::abs(dy)) * inverse;
    const double reach = hairline ? 1.0 : half + edge.reach() + (flatStart || flatEnd ? 0.5 : 0.0);
    const double top = std::min(a.y(), b.y()) - reach, bottom = std::max(a.y(), b.y()) + reach;
    // Rows whose centre (y + 0.5) lies within [top, bottom].
    if (!std::isfinite(top) || !std::isfinite(bottom))
        return;
    const int y0 = std::max(rowBegin, int(std::ceil(top - 0.5)));
    const int y1 = std::min(rowEnd - 1, int(std::floor(bottom - 0.5)));
    for (int y = y0; y <= y1; ++y) {
        const double py = y + 0.5;
        double lo, hi;
        capsuleSpan(a, b, reach, py, lo, hi);
        const int x0 = std::max(0, int(std::ceil(lo - 0.5)));
        const int x1 = std::min(m_width - 1, int(std::floor(hi - 0.5)));
        if (x0 > x1)
            continue;
        auto *pixels = reinterpret_cast<uint32_t *>(m_bits + y * m_stride);
        uint32_t *cells = m_scratch.row(y);
        const double ry = py - a.y();
        for (int x = x0; x <= x1; ++x) {
            const double rx = x + 0.5 - a.x();
            const double along = rx * dx + ry * dy; // t * length^2
            double t = along * inverse2;
            if (!flatStart)
                t = std::max(t, 0.0);
            if (!flatEnd)
                t = std::min(t, 1.0);
            const double ex = rx - t * dx, ey = ry - t * dy;
            const double d = std::sqrt(ex * ex + ey * ey);
            double coverage = hairline ? 1 - d / major : edge(half - d) - edge(-half - d);
            if (flatStart)
                coverage = std::min(coverage, edge(along * inverse));
            if (flatEnd)
                coverage = std::min(coverage, edge((length2 - along) * inverse));
            if (coverage <= 0)
                continue;
            cover(pixels + x, cells[x], coverage >= 1 ? 255 : int(coverage * 255 + 0.5), id, color);
        }
    }
}

void StrokeRaster::cover(uint32_t *pixel, uint32_t &cell, int coverage, uint32_t id, uint32_t color) const
{
    // What this stroke covered of the pixel already: it is one shape, so
    // the pixel gets the larger coverage, not both.
    const int before = (cell >> 8) == id ? int(cell & 0xff) : 0;
    if (coverage <= before)
        return;
    cell = (id << 8) | uint32_t(coverage);
    const int alpha = qAlpha(color);
    const int was = (before * alpha + 127) / 255, now = (coverage * alpha + 127) / 255;
    if (now <= was)
        return;
    // Over a pixel already blended at `was`, blending again at k brings it
    // to `now`: 1 - now = (1 - was)(1 - k).
    const uint32_t k = was == 0 ? uint32_t(now) : uint32_t(((now - was) * 255 + (255 - was) / 2) / (255 - was));
    *pixel = interpolate255(color | 0xff000000u, k, *pixel);
}

} // namespace sl
