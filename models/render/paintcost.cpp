#include "render/paintcost.h"

#include "render/markuppainter.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sl {

namespace {

using Kind = PlannedShape::Kind;

// Time constants of QPainter's antialiased raster engine, nanoseconds, as
// measured on a 1080p frame (bench_render --calibrate), rounded up.
constexpr double kCallNs = 20'000;     // one draw call: pen set-up, stroker, rasteriser
constexpr double kVertexNs = 2'500;    // one polyline vertex: its join's curves, flattened
constexpr double kCrossingNs = 30;     // one row crossed by one outline edge
constexpr double kCrossingPairNs = 30; // the same, per other edge crossing that row past kFreeEdges
constexpr double kFreeEdges = 24;      // edges in a row that cost no more than one
constexpr double kPixelNs = 8;         // one painted pixel: coverage and blend
constexpr double kLengthNs = 300;      // one pixel of path length: flattening, cells along the edges
constexpr double kGlyphNs = 150'000;   // one label character: outline, halo stroke, fill
constexpr double kGlyphPairNs = 2'000; // per other character of the same line (shared rows)
constexpr double kGlyphPixelSize = 24; // the time of a character grows with its size over this

// Time constants of StrokeRaster (ink, lines, projected outlines, drawn by
// StrokeBatch), nanoseconds: measured on bench_overlay (1,000 strokes, ~2
// million pixels near segments a frame) and on dense strokes of 7,400
// segments (1 and 24 px wide) on a loaded machine, divided by the slowdown
// the same runs showed for decoding a frame (about 3), rounded up.
constexpr double kRasterStrokeNs = 3'000; // one stroke: its points mapped to the device, its rows sorted
constexpr double kRasterVertexNs = 200;   // one segment: its set-up and its rows' spans
constexpr double kRasterPixelNs = 5;      // one pixel near a segment: distance, coverage, blend

// Rows per band of the crossings histogram.
constexpr int kBandRows = 8;

// Time of `crossings` rows crossed by edges over `rows` rows.
double crossingNanoseconds(double crossings, double rows)
{
    const double perRow = crossings / std::max(1.0, rows);
    return crossings * (kCrossingNs + kCrossingPairNs * std::max(0.0, perRow - kFreeEdges));
}

// Rows crossed by the edges of a stroked outline, per band of rows.
class CrossingHistogram
{
public:
    CrossingHistogram(QSizeF frame, double margin)
        : m_top(-margin), m_bottom(frame.height() + margin),
          m_difference(size_t(std::ceil((m_bottom - m_top) / kBandRows)) + 2, 0.0)
    {
    }

    // `edges` edges each crossing the rows from y0 to y1 (cut to the frame).
    void add(double y0, double y1, double edges)
    {
        const double top = std::clamp(std::min(y0, y1), m_top, m_bottom);
        const double bottom = std::clamp(std::max(y0, y1), m_top, m_bottom);
        const int b0 = band(top), b1 = band(bottom);
        // Crossings per band, spread evenly over the bands touched.
        const double each = edges * (bottom - top + 1) / (b1 - b0 + 1);
        m_difference[size_t(b0)] += each;
        m_difference[size_t(b1) + 1] -= each;
    }

    // Nanoseconds for all crossings, each weighed by the edges sharing its row.
    double nanoseconds() const
    {
        double crossings = 0, total = 0;
        for (size_t b = 0; b + 1 < m_difference.size(); ++b) {
            crossings += m_difference[b];
            if (crossings > 0)
                total += crossingNanoseconds(crossings, kBandRows);
        }
        return total;
    }

private:
    int band(double y) const { return std::min(int((y - m_top) / kBandRows), int(m_difference.size()) - 2); }

    double m_top, m_bottom;
    std::vector<double> m_difference; // per band, difference of crossings
};

double distance(const QPointF &a, const QPointF &b)
{
    return std::hypot(b.x() - a.x(), b.y() - a.y());
}

// The crossings of one piece of a polyline drawn in pieces, and its rows.
struct Piece
{
    double crossings = 0;
    double top = std::numeric_limits<double>::max();
    double bottom = std::numeric_limits<double>::lowest();

    void add(double y0, double y1, double edges)
    {
        crossings += edges * (std::abs(y1 - y0) + 1);
        top = std::min({top, y0, y1});
        bottom = std::max({bottom, y0, y1});
    }
    double nanoseconds() const { return crossings > 0 ? crossingNanoseconds(crossings, bottom - top + 1) : 0; }
};

// A stroked polyline (open, or closed when `closed`): its length and QPainter time.
void measurePolyline(const QPolygonF &points, bool closed, double width, QSizeF frame, PaintCost::Measure &m)
{
    m.width = width;
    m.vertices = int(points.size());
    const qsizetype n = points.size();
    if (n == 0)
        return;
    const double half = width / 2;
    CrossingHistogram crossings(frame, half + 1);
    double piecesNanoseconds = 0;
    Piece piece;
    const auto add = [&](qsizetype vertex, double y0, double y1) {
        crossings.add(y0, y1, 2);
        piece.add(y0, y1, 2);
        if ((vertex + 1) % MarkupPainter::kPieceVertices == 0) {
            piecesNanoseconds += piece.nanoseconds();
            piece = Piece();
        }
    };
    const qsizetype segments = closed ? n : n - 1;
    QRectF box(points.first(), QSizeF(0, 0));
    // Caps (round, or the dot of a single point).
    add(-1, points.first().y() - half, points.first().y() + half);
    for (qsizetype i = 0; i < segments; ++i) {
        const QPointF &a = points[i];
        const QPointF &b = points[(i + 1) % n];
        m.length += distance(a, b);
        box |= QRectF(b, QSizeF(0, 0));
        // Both sides of the segment, then the join at its end: an arc on the
        // outside, over more rows the more the path turns.
        add(-1, a.y(), b.y());
        if (i + 1 < n - (closed ? 0 : 1)) {
            const QPointF d0 = b - a;
            const QPointF d1 = points[(i + 2) % n] - b;
            const double turn = std::abs(std::atan2(d0.x() * d1.y() - d0.y() * d1.x(),
                                                    d0.x() * d1.x() + d0.y() * d1.y()));
            const double reach = half * std::min(1.0, turn);
            add(i, b.y() - reach, b.y() + reach);
        }
    }
    add(-1, points.last().y() - half, points.last().y() + half);
    piecesNanoseconds += piece.nanoseconds();

    // Painted pixels: the outline filled once, so no more than its box.
    const QRectF painted = box.adjusted(-half - 1, -half - 1, half + 1, half + 1)
                               .intersected(QRectF(QPointF(0, 0), frame));
    const double area = std::min(m.length * width + double(n) * width * width,
                                 std::max(0.0, painted.width()) * std::max(0.0, painted.height()));
    const double fixed = kVertexNs * double(n) + kLengthNs * m.length + kPixelNs * area;
    m.exactNanoseconds = kCallNs + fixed + crossings.nanoseconds();
    const double pieces = std::ceil(double(n) / MarkupPainter::kPieceVertices);
    m.piecewiseNanoseconds = kCallNs * pieces + fixed + piecesNanoseconds;
}

void measureLabel(const PlannedShape &shape, QSizeF frame, PaintCost::Measure &m)
{
    const QStringList lines = shape.text.trimmed().split(QLatin1Char('\n'));
    const double sizeFactor = 1 + shape.pixelSize / kGlyphPixelSize;
    qsizetype longest = 0;
    for (const QString &line : lines) {
        const double glyphs = double(line.size());
        m.glyphs += int(line.size());
        longest = std::max(longest, line.size());
        m.exactNanoseconds += glyphs * (kGlyphNs + kGlyphPairNs * glyphs) * sizeFactor;
    }
    m.exactNanoseconds += kCallNs;
    // Bold glyphs are about 0.65 of their size wide, lines 1.2 apart, plus the halo.
    const double halo = std::max(2.0, shape.pixelSize / 5.0);
    const double width = 0.65 * shape.pixelSize * double(longest) + 2 * halo;
    const double height = 1.2 * shape.pixelSize * double(lines.size()) + 2 * halo;
    m.boxArea = std::min(width, frame.width()) * std::min(height, frame.height());
    m.width = shape.pixelSize;
}

// A polyline drawn by StrokeRaster: every segment visits the pixels within
// reach of it (half the width and a pixel), joins visited once per segment.
void measureRasterPolyline(const QPolygonF &points, double width, PaintCost::Measure &m)
{
    m.width = width;
    m.vertices = int(points.size());
    for (qsizetype i = 1; i < points.size(); ++i)
        m.length += distance(points[i - 1], points[i]);
    const double across = width + 2;
    const double pixels = m.length * across + double(points.size()) * across * across;
    m.exactNanoseconds = kRasterStrokeNs + kRasterVertexNs * double(points.size()) + kRasterPixelNs * pixels;
}

QPolygonF ellipseOutline(const QRectF &rect)
{
    QPolygonF outline;
    for (int i = 0; i < 16; ++i) {
        const double a = 2 * M_PI * i / 16;
        outline.append(rect.center() + QPointF(rect.width() / 2 * std::cos(a), rect.height() / 2 * std::sin(a)));
    }
    return outline;
}

} // namespace

PaintCost::Measure PaintCost::measure(const PlannedShape &shape, QSizeF frameSize)
{
    Measure m;
    switch (shape.kind) {
    case Kind::Ink:
    case Kind::Line:
    case Kind::Polygon:
        measureRasterPolyline(shape.points, shape.width, m);
        break;
    case Kind::Arrow:
        measurePolyline(shape.points, false, shape.width, frameSize, m);
        // The head: a triangle of about the head's size.
        m.exactNanoseconds += kCallNs + kPixelNs * 10 * shape.width * shape.width;
        break;
    case Kind::Rect: {
        const QRectF r = shape.rect.normalized();
        measurePolyline(QPolygonF{r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}, true, shape.width,
                        frameSize, m);
        break;
    }
    case Kind::Ellipse:
        measurePolyline(ellipseOutline(shape.rect.normalized()), true, shape.width, frameSize, m);
        m.exactNanoseconds += kCrossingNs * 8 * m.length; // flattened curves
        break;
    case Kind::Label:
        measureLabel(shape, frameSize, m);
        break;
    }
    // Only QPainter's polylines (arrows' shafts, outlines) would be cheaper
    // in pieces, and the renderer draws none in pieces: the same time.
    m.piecewiseNanoseconds = m.exactNanoseconds;
    return m;
}

double PaintCost::reducedPixels(const Measure &m, double scale)
{
    // Per vertex or label, the rasteriser's set-up, counted as pixels.
    constexpr double kVertexPixels = 8;
    constexpr double kShapePixels = 64;
    constexpr double kGlyphPixels = 64;
    if (m.glyphs > 0)
        // Glyphs drawn into a mask, then the halo: a distance transform of the box.
        return kShapePixels + kGlyphPixels * m.glyphs + 3 * m.boxArea * scale * scale;
    const double thickness = std::max(1.0, m.width * scale);
    return kShapePixels + kVertexPixels * m.vertices + m.length * scale * thickness
           + m.vertices * thickness * thickness;
}

} // namespace sl
