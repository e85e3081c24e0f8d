#include "render/strokeraster.h"

#include <QColor>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cstring>
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

// Blends `opaque` (0xffRRGGBB) at `alpha` into pixels [lo, hi] of a row by
// their coverage (0..255 each), and sets that coverage back to zero.
// interpolate255 with a coverage of 0 gives the pixel back and with 255 the
// colour, exactly: no pixel needs a branch.
void blendRow(uint32_t *pixels, uint8_t *coverage, int lo, int hi, uint32_t opaque, int alpha)
{
    int x = lo;
#ifdef __SSE2__
    // Four pixels at a time, each channel in 16 bits: c * a + y * (255 - a)
    // and the rounding of interpolate255 stay below 65536.
    const __m128i zero = _mm_setzero_si128();
    const __m128i colour = _mm_unpacklo_epi8(_mm_set1_epi32(int(opaque)), zero); // two pixels' channels
    const __m128i full = _mm_set1_epi16(255), half = _mm_set1_epi16(0x80);
    const __m128i alpha16 = _mm_set1_epi16(short(alpha)), round = _mm_set1_epi16(127), one = _mm_set1_epi16(1);
    for (; x + 3 <= hi; x += 4) {
        int32_t packed;
        std::memcpy(&packed, coverage + x, 4);
        if (packed == 0)
            continue;
        std::memset(coverage + x, 0, 4);
        __m128i k = _mm_unpacklo_epi8(_mm_cvtsi32_si128(packed), zero); // 16 bits each, four used
        if (alpha != 255) {
            // (c * alpha + 127) / 255, exactly: v / 255 = (v + 1 + (v >> 8)) >> 8 for v < 65535.
            const __m128i v = _mm_add_epi16(_mm_mullo_epi16(k, alpha16), round);
            k = _mm_srli_epi16(_mm_add_epi16(_mm_add_epi16(v, one), _mm_srli_epi16(v, 8)), 8);
        }
        // Each pixel's k on its four channels: k0 k0 k0 k0 k1 k1 k1 k1 (and k2, k3).
        const __m128i k32 = _mm_unpacklo_epi16(k, k);
        const __m128i kLow = _mm_unpacklo_epi32(k32, k32), kHigh = _mm_unpackhi_epi32(k32, k32);
        const __m128i target = _mm_loadu_si128(reinterpret_cast<const __m128i *>(pixels + x));
        const auto mix = [&](__m128i under, __m128i a) {
            __m128i t = _mm_add_epi16(_mm_mullo_epi16(colour, a), _mm_mullo_epi16(under, _mm_sub_epi16(full, a)));
            t = _mm_add_epi16(_mm_add_epi16(t, _mm_srli_epi16(t, 8)), half);
            return _mm_srli_epi16(t, 8);
        };
        const __m128i low = mix(_mm_unpacklo_epi8(target, zero), kLow);
        const __m128i high = mix(_mm_unpackhi_epi8(target, zero), kHigh);
        _mm_storeu_si128(reinterpret_cast<__m128i *>(pixels + x), _mm_packus_epi16(low, high));
    }
#endif
    for (; x <= hi; ++x) {
        const int c = coverage[x];
        if (c == 0)
            continue;
        coverage[x] = 0;
        const uint32_t k = alpha == 255 ? uint32_t(c) : uint32_t((c * alpha + 127) / 255);
        pixels[x] = k == 255 ? opaque : interpolate255(opaque, k, pixels[x]);
    }
}

#if defined(__GNUC__) && defined(__x86_64__)
// What a row of a round-ended segment needs, in floats (Segment::cover).
struct RoundRow
{
    float dx, dy, inverse2, ry, half, p, q, inverse2ab;
    float rx0; // x of the first pixel's centre relative to the segment's start
};

// Whether the processor has AVX: Debian's baseline is SSE2, so the wider
// loop is chosen when the program runs (once: a guarded static costs a
// check on every row).
const bool kHasAvx = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") != 0;
}();
bool hasAvx()
{
    return kHasAvx;
}

// max(u, 0)^2, each lane.
__attribute__((target("avx"))) inline __m256 squareOfPositive(__m256 u)
{
    u = _mm256_max_ps(u, _mm256_setzero_ps());
    return _mm256_mul_ps(u, u);
}

// Segment::cover's SSE2 loop eight pixels at a time (most rows of a thin
// stroke are 5-10 pixels wide: one pass instead of two), the same float
// arithmetic in the same order (no fused multiply-add), so the same coverage.
// Pixels from x0 up to the multiple of eight past x1 (the row buffer is eight
// longer than the target); returns the first pixel not covered.
__attribute__((target("avx"))) int coverRoundAvx(const RoundRow &r, int x0, int x1, uint8_t *coverage)
{
    const __m256 vdx = _mm256_set1_ps(r.dx), vdy = _mm256_set1_ps(r.dy), vinverse2 = _mm256_set1_ps(r.inverse2);
    const __m256 vry = _mm256_set1_ps(r.ry), vhalf = _mm256_set1_ps(r.half);
    const __m256 vp = _mm256_set1_ps(r.p), vq = _mm256_set1_ps(r.q), vinverse2ab = _mm256_set1_ps(r.inverse2ab);
    const __m256 zero = _mm256_setzero_ps(), one = _mm256_set1_ps(1.0f), scale = _mm256_set1_ps(255.0f);
    const __m256 rounding = _mm256_set1_ps(0.5f), steps = _mm256_set_ps(7, 6, 5, 4, 3, 2, 1, 0);
    int x = x0;
    for (; x <= x1; x += 8) {
        const __m256 rx = _mm256_add_ps(_mm256_set1_ps(r.rx0 + float(x - x0)), steps);
        __m256 t = _mm256_mul_ps(_mm256_add_ps(_mm256_mul_ps(rx, vdx), _mm256_mul_ps(vry, vdy)), vinverse2);
        t = _mm256_min_ps(_mm256_max_ps(t, zero), one);
        const __m256 ex = _mm256_sub_ps(rx, _mm256_mul_ps(t, vdx)), ey = _mm256_sub_ps(vry, _mm256_mul_ps(t, vdy));
        const __m256 d = _mm256_sqrt_ps(_mm256_add_ps(_mm256_mul_ps(ex, ex), _mm256_mul_ps(ey, ey)));
        const __m256 u = _mm256_sub_ps(vhalf, d);
        __m256 f = _mm256_add_ps(_mm256_sub_ps(_mm256_sub_ps(squareOfPositive(_mm256_add_ps(u, vp)),
                                                             squareOfPositive(_mm256_add_ps(u, vq))),
                                               squareOfPositive(_mm256_sub_ps(u, vq))),
                                 squareOfPositive(_mm256_sub_ps(u, vp)));
        f = _mm256_min_ps(_mm256_max_ps(_mm256_mul_ps(f, vinverse2ab), zero), one);
        const __m256i c = _mm256_cvttps_epi32(_mm256_add_ps(_mm256_mul_ps(f, scale), rounding));
        const __m128i words = _mm_packs_epi32(_mm256_castsi256_si128(c), _mm256_extractf128_si256(c, 1));
        const __m128i bytes = _mm_packus_epi16(words, _mm_setzero_si128());
        const __m128i before = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(coverage + x));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(coverage + x), _mm_max_epu8(bytes, before));
    }
    return x;
}
#endif

// For each row, an x interval holding every point within `reach` of the
// segment a + t (b - a), t in [0, 1] (a capsule): the strip within reach of
// the line, cut to the capsule's bounding box. Not the capsule's own
// interval: beside its round ends a row's interval takes in up to ~0.4 reach
// more, pixels whose coverage comes out as nothing, where the exact interval
// cost two square roots per row and segment (more than those pixels cost,
// worked out eight or four at a time).
class CapsuleRows
{
public:
    CapsuleRows() = default;
    CapsuleRows(const QPointF &a, const QPointF &b, double reach)
        : m_ax(a.x()), m_ay(a.y()), m_reach(reach)
    {
        m_left = std::min(a.x(), b.x()) - reach;
        m_right = std::max(a.x(), b.x()) + reach;
        const double dx = b.x() - a.x(), dy = b.y() - a.y();
        // Within reach of the line: |dx (y - ay) - dy (x - ax)| / length <= reach.
        m_slanted = std::abs(dy) > 1e-12;
        if (m_slanted) {
            m_xPerY = dx / dy;
            m_bandHalf = reach * std::sqrt(dx * dx + dy * dy) / std::abs(dy);
        }
    }

    void span(double y, double &lo, double &hi) const
    {
        lo = m_left;
        hi = m_right;
        if (m_slanted) {
            const double centre = m_ax + (y - m_ay) * m_xPerY;
            lo = std::max(lo, centre - m_bandHalf);
            hi = std::min(hi, centre + m_bandHalf);
        } else if (std::abs(y - m_ay) > m_reach) {
            lo = std::numeric_limits<double>::infinity(); // a level segment, beyond reach of its row
            hi = -lo;
        }
    }

private:
    double m_ax = 0, m_ay = 0, m_reach = 0, m_left = 0, m_right = -1;
    bool m_slanted = false;
    double m_xPerY = 0, m_bandHalf = 0;
};

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

    // The same without branches, in floats (for loops the compiler can
    // vectorise): the trapezoid's CDF as four clamped squares. An edge along
    // an axis (b = 0) is taken as a hair off it: within 1/2000 of the box.
    struct Branchless
    {
        float p, q, inverse2ab;
        float operator()(float x) const
        {
            const auto square = [](float u) { return u > 0.0f ? u * u : 0.0f; };
            const float f = (square(x + p) - square(x + q) - square(x - q) + square(x - p)) * inverse2ab;
            return std::clamp(f, 0.0f, 1.0f);
        }
    };
    Branchless branchless() const
    {
        const double b = std::max(m_p - m_q, 1e-3), a = m_p + m_q;
        return {float((a + b) / 2), float((a - b) / 2), float(1 / (2 * a * b))};
    }

private:
    double m_p, m_q, m_inverseA, m_inverse2ab, m_atQ;
};

// The first pixel index, of a row `width` pixels wide, at or right of `x`
// (ceil, clamped to 0): without std::ceil, which SSE2 has no instruction for.
// NaN gives 0.
inline int firstPixel(double x, int width)
{
    if (!(x > 0))
        return 0;
    if (!(x < width))
        return width;
    const int i = int(x);
    return i + (double(i) < x ? 1 : 0);
}

// The last pixel index at or left of `x` (floor, clamped to width - 1); -1
// (no pixel) below 0 and for NaN.
inline int lastPixel(double x, int width)
{
    if (!(x >= 0))
        return -1;
    return x < width - 1 ? int(x) : width - 1;
}

// One segment of a stroke, ready to give the coverage of any pixel near it.
class Segment
{
public:
    Segment(const QPointF &a, const QPointF &b, bool flatStart, bool flatEnd, double half)
        : m_a(a), m_flatStart(flatStart), m_flatEnd(flatEnd), m_half(half)
    {
        m_dx = b.x() - a.x();
        m_dy = b.y() - a.y();
        m_length2 = m_dx * m_dx + m_dy * m_dy;
        const bool point = m_length2 < 1e-12;
        m_inverse2 = point ? 0 : 1 / m_length2;
        m_inverse = point ? 0 : 1 / std::sqrt(m_length2);
        m_edge = point ? EdgeCoverage(1, 0) : EdgeCoverage(m_dx * m_inverse, m_dy * m_inverse);
        // Strokes at most a device pixel wide are hairlines, as QPainter draws
        // them (its cosmetic stroker): two pixels across the line's minor axis
        // share one pixel of ink by their distance along that axis.
        m_hairline = half <= 0.5 + 1e-9;
        m_major = point ? 1.0 : std::max(std::abs(m_dx), std::abs(m_dy)) * m_inverse;
        m_reach = m_hairline ? 1.0 : half + m_edge.reach() + (flatStart || flatEnd ? 0.5 : 0.0);
        m_round = !flatStart && !flatEnd && !m_hairline && half >= m_edge.reach();
        m_branchless = m_edge.branchless();
        m_b = b;
        m_rows = CapsuleRows(a, b, m_reach);
        const double top = std::min(a.y(), b.y()) - m_reach, bottom = std::max(a.y(), b.y()) + m_reach;
        // Rows whose centre (y + 0.5) lies within [top, bottom].
        m_valid = std::isfinite(top) && std::isfinite(bottom) && std::isfinite(a.x()) && std::isfinite(b.x());
        m_firstRow = m_valid ? int(std::max(-1e9, std::ceil(top - 0.5))) : 0;
        m_lastRow = m_valid ? int(std::min(1e9, std::floor(bottom - 0.5))) : -1;
    }

    int firstRow() const { return m_firstRow; }
    int lastRow() const { return m_lastRow; }

    // Raises `coverage` (0..255 per pixel of the row `y`, `width` pixels) to
    // this segment's; widens [lo, hi] to the pixels it touched.
    void cover(int y, uint8_t *coverage, int width, int &lo, int &hi) const
    {
        const double py = y + 0.5;
        double left, right;
        m_rows.span(py, left, right);
        const int x0 = firstPixel(left - 0.5, width);
        const int x1 = lastPixel(right - 0.5, width);
        if (x0 > x1)
            return;
        lo = std::min(lo, x0);
        hi = std::max(hi, x1);
        const double ry = py - m_a.y();
        if (m_round) {
            // Round ends, not a hairline, its far edge beyond every pixel
            // the near edge touches (most pixels of most strokes): in floats
            // and without branches (which pixels are inside, on the fringe or
            // outside follows no pattern a processor could predict).
            const float dx = float(m_dx), dy = float(m_dy), inverse2 = float(m_inverse2), fry = float(ry);
            const float half = float(m_half);
            const EdgeCoverage::Branchless edge = m_branchless;
            const float rx0 = float(x0 + 0.5 - m_a.x());
            int x = x0;
#if defined(__GNUC__) && defined(__x86_64__)
            if (hasAvx()) {
                x = coverRoundAvx({dx, dy, inverse2, fry, half, edge.p, edge.q, edge.inverse2ab, rx0}, x0, x1, coverage);
                hi = std::max(hi, std::min(x - 1, width - 1));
                return;
            }
#endif
#ifdef __SSE2__
            // Four pixels at a time, the same arithmetic as below.
            const __m128 vdx = _mm_set1_ps(dx), vdy = _mm_set1_ps(dy), vinverse2 = _mm_set1_ps(inverse2);
            const __m128 vry = _mm_set1_ps(fry), vhalf = _mm_set1_ps(half);
            const __m128 vp = _mm_set1_ps(edge.p), vq = _mm_set1_ps(edge.q), vinverse2ab = _mm_set1_ps(edge.inverse2ab);
            const __m128 zero = _mm_setzero_ps(), one = _mm_set1_ps(1.0f), scale = _mm_set1_ps(255.0f);
            const __m128 rounding = _mm_set1_ps(0.5f), steps = _mm_set_ps(3, 2, 1, 0);
            const auto square = [zero](__m128 u) {
                u = _mm_max_ps(u, zero);
                return _mm_mul_ps(u, u);
            };
            // Past x1 up to the next multiple of four (within the row's
            // buffer, kRowPadding longer than the target): those pixels get their
            // own exact coverage too, mostly nothing.
            for (; x <= x1; x += 4) {
                const __m128 rx = _mm_add_ps(_mm_set1_ps(rx0 + float(x - x0)), steps);
                __m128 t = _mm_mul_ps(_mm_add_ps(_mm_mul_ps(rx, vdx), _mm_mul_ps(vry, vdy)), vinverse2);
                t = _mm_min_ps(_mm_max_ps(t, zero), one);
                const __m128 ex = _mm_sub_ps(rx, _mm_mul_ps(t, vdx)), ey = _mm_sub_ps(vry, _mm_mul_ps(t, vdy));
                const __m128 d = _mm_sqrt_ps(_mm_add_ps(_mm_mul_ps(ex, ex), _mm_mul_ps(ey, ey)));
                const __m128 u = _mm_sub_ps(vhalf, d);
                __m128 f = _mm_add_ps(_mm_sub_ps(_mm_sub_ps(square(_mm_add_ps(u, vp)), square(_mm_add_ps(u, vq))),
                                                 square(_mm_sub_ps(u, vq))),
                                      square(_mm_sub_ps(u, vp)));
                f = _mm_min_ps(_mm_max_ps(_mm_mul_ps(f, vinverse2ab), zero), one);
                const __m128i c = _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(f, scale), rounding));
                const __m128i bytes = _mm_packus_epi16(_mm_packs_epi32(c, c), _mm_setzero_si128());
                int32_t packed;
                std::memcpy(&packed, coverage + x, 4);
                packed = _mm_cvtsi128_si32(_mm_max_epu8(bytes, _mm_cvtsi32_si128(packed)));
                std::memcpy(coverage + x, &packed, 4);
            }
            hi = std::max(hi, std::min(x - 1, width - 1));
#endif
            for (; x <= x1; ++x) {
                const float rx = rx0 + float(x - x0);
                const float t = std::clamp((rx * dx + fry * dy) * inverse2, 0.0f, 1.0f);
                const float ex = rx - t * dx, ey = fry - t * dy;
                const float d = std::sqrt(ex * ex + ey * ey);
                const int c = int(edge(half - d) * 255.0f + 0.5f);
                coverage[x] = uint8_t(std::max(int(coverage[x]), c));
            }
            return;
        }
        for (int x = x0; x <= x1; ++x) {
            const double rx = x + 0.5 - m_a.x();
            const double along = rx * m_dx + ry * m_dy; // t * length^2
            double t = along * m_inverse2;
            if (!m_flatStart)
                t = std::max(t, 0.0);
            if (!m_flatEnd)
                t = std::min(t, 1.0);
            const double ex = rx - t * m_dx, ey = ry - t * m_dy;
            const double d = std::sqrt(ex * ex + ey * ey);
            double c = m_hairline ? 1 - d / m_major : m_edge(m_half - d) - m_edge(-m_half - d);
            if (m_flatStart)
                c = std::min(c, m_edge(along * m_inverse));
            if (m_flatEnd)
                c = std::min(c, m_edge((m_length2 - along) * m_inverse));
            const int value = c >= 1 ? 255 : int(c * 255 + 0.5);
            if (value > coverage[x])
                coverage[x] = uint8_t(value);
        }
    }

private:
    QPointF m_a, m_b;
    bool m_flatStart, m_flatEnd, m_hairline = false, m_round = true, m_valid = true;
    double m_half;
    double m_dx = 0, m_dy = 0, m_length2 = 0, m_inverse2 = 0, m_inverse = 0, m_major = 1, m_reach = 0;
    EdgeCoverage m_edge{1, 0};
    EdgeCoverage::Branchless m_branchless{};
    CapsuleRows m_rows;
    int m_firstRow = 0, m_lastRow = -1;
};

// Coverage worked out past a row's last pixel: the vector loops' width.
constexpr int kRowPadding = 8;

// Rows of coverage worked out before they are blended: 64 rows of a 1080p
// frame are 123 KB, within a core's second-level cache.
constexpr int kChunkRows = 64;

// Rows of the target fetched ahead of the row being drawn.
constexpr int kRowsAhead = 2;

// What one thread reuses from stroke to stroke: a row of coverage (kept all
// zero between rows) and the stroke's segments sorted into rows.
struct Workspace
{
    std::vector<uint8_t> coverage; // kChunkRows rows, each kRowPadding longer than the target's
    std::vector<Segment> segments;
    std::vector<int> rowLo, rowHi; // per row of a chunk: the pixels its coverage touches
};

Workspace &threadWorkspace()
{
    thread_local Workspace workspace;
    return workspace;
}

} // namespace

StrokeRaster::StrokeRaster(uchar *bits, int width, int height, qsizetype stride)
    : m_bits(bits), m_width(width), m_height(height), m_stride(stride)
{
}

double StrokeRaster::widthScale(const QTransform &transform)
{
    return std::sqrt(std::abs(transform.m11() * transform.m22() - transform.m12() * transform.m21()));
}

void StrokeRaster::draw(const std::vector<Stroke> &strokes, int rowBegin, int rowEnd) const
{
    rowBegin = std::max(rowBegin, 0);
    rowEnd = std::min(rowEnd, m_height);
    if (rowBegin >= rowEnd || m_width <= 0)
        return;
    Workspace &w = threadWorkspace();
    // Rows longer than the target's: the last pixels are worked out four or eight at a time.
    if (w.coverage.size() < (size_t(m_width) + kRowPadding) * kChunkRows)
        w.coverage.assign((size_t(m_width) + kRowPadding) * kChunkRows, 0);
    uint8_t *coverage = w.coverage.data();
    for (const Stroke &stroke : strokes) {
        const size_t n = stroke.points.size();
        const int alpha = qAlpha(stroke.color);
        if (n == 0 || stroke.halfWidth <= 0 || alpha == 0)
            continue;
        // The segments that reach into these rows (one point: a dot).
        w.segments.clear();
        int top = rowEnd, bottom = rowBegin - 1;
        const double half = stroke.halfWidth;
        const double margin = std::max(half, 0.5) + 1.5;
        if (stroke.bottom + margin < rowBegin || stroke.top - margin > rowEnd)
            continue; // wholly above or below these rows
        for (size_t i = 0; i + 1 < std::max<size_t>(n, 2); ++i) {
            const QPointF &a = stroke.points[i];
            const QPointF &b = stroke.points[std::min(i + 1, n - 1)];
            if (std::max(a.y(), b.y()) + margin < rowBegin || std::min(a.y(), b.y()) - margin > rowEnd)
                continue;
            const Segment segment(a, b, stroke.flatCaps && i == 0, stroke.flatCaps && i + 2 >= n, half);
            const int first = std::max(segment.firstRow(), rowBegin), last = std::min(segment.lastRow(), rowEnd - 1);
            if (first > last)
                continue;
            w.segments.push_back(segment);
            top = std::min(top, first);
            bottom = std::max(bottom, last);
        }
        if (top > bottom)
            continue;
        // In chunks of rows: each segment's coverage for all its rows of the
        // chunk (its figures stay at hand from row to row), then one blend
        // per row. A pixel's coverage is the largest of its segments' in
        // any order, so the pixels are those of row by row.
        const uint32_t opaque = stroke.color | 0xff000000u;
        const size_t stride = size_t(m_width) + kRowPadding;
        for (int chunkTop = top; chunkTop <= bottom; chunkTop += kChunkRows) {
            const int chunkBottom = std::min(bottom, chunkTop + kChunkRows - 1);
            const int rows = chunkBottom - chunkTop + 1;
            w.rowLo.assign(size_t(rows), m_width);
            w.rowHi.assign(size_t(rows), -1);
            for (const Segment &segment : w.segments) {
                const int last = std::min(segment.lastRow(), chunkBottom);
                for (int y = std::max(segment.firstRow(), chunkTop); y <= last; ++y) {
                    const size_t r = size_t(y - chunkTop);
                    segment.cover(y, coverage + r * stride, m_width, w.rowLo[r], w.rowHi[r]);
                }
            }
            for (int r = 0; r < rows; ++r) {
                // The target's next rows are far apart in memory: asked for
                // early, they arrive while this row is blended.
                const int ahead = r + kRowsAhead;
                if (ahead < rows && w.rowLo[size_t(ahead)] <= w.rowHi[size_t(ahead)]) {
                    const uchar *next = m_bits + (chunkTop + ahead) * m_stride;
                    for (int x = w.rowLo[size_t(ahead)] & ~15; x <= w.rowHi[size_t(ahead)]; x += 16)
                        __builtin_prefetch(next + 4 * x, 1);
                }
                uint8_t *row = coverage + size_t(r) * stride;
                blendRow(reinterpret_cast<uint32_t *>(m_bits + (chunkTop + r) * m_stride), row, w.rowLo[size_t(r)],
                         w.rowHi[size_t(r)], opaque, alpha);
                // What was worked out past the target's last pixel is dropped
                // too: a wider target later would take it for coverage.
                std::memset(row + m_width, 0, kRowPadding);
            }
        }
    }
}

} // namespace sl
