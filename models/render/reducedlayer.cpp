#include "render/reducedlayer.h"

#include "render/markuppainter.h"
#include "render/strokesimplifier.h"

#include <QImage>
#include <QPainter>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace sl {

namespace {

using Kind = PlannedShape::Kind;

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "QImage::Format_ARGB32 is read as B, G, R, A bytes");

// Fractional bits of OpenCV's drawing coordinates.
constexpr int kShift = 4;
constexpr double kOne = 1 << kShift;
// Long strokes: ends rounded to quarters of a layer pixel.
constexpr int kQuarterShift = 2;
constexpr double kQuarters = 1 << kQuarterShift;
// Up to this many vertices a stroke is drawn as one polyline.
constexpr qsizetype kFewVertices = 64;

cv::Point fixedPoint(const QPointF &p)
{
    return {int(std::lround(p.x() * kOne)), int(std::lround(p.y() * kOne))};
}

cv::Scalar bgra(const QColor &color)
{
    // Markup colours are opaque (#RRGGBB): premultiplied is the colour itself.
    return cv::Scalar(color.blue(), color.green(), color.red(), 255);
}

// Blends `color` (premultiplied B, G, R, A, 0..1 per channel) at `coverage`
// (0..1) over the pixel.
inline void blend(uchar *pixel, const float *color, float coverage)
{
    if (coverage <= 0)
        return;
    const float keep = 1 - coverage * color[3];
    for (int c = 0; c < 4; ++c)
        pixel[c] = uchar(std::lround(color[c] * 255 * coverage + pixel[c] * keep));
}

} // namespace

ReducedLayer::ReducedLayer(QSize frameSize, double scale)
    : m_frameSize(frameSize)
{
    const int w = std::max(1, int(std::ceil(frameSize.width() * scale)));
    const int h = std::max(1, int(std::ceil(frameSize.height() * scale)));
    m_sx = double(w) / frameSize.width();
    m_sy = double(h) / frameSize.height();
    m_pixels = cv::Mat(h, w, CV_8UC4, cv::Scalar::all(0));
}

QPointF ReducedLayer::toLayer(const QPointF &point, const QPointF &offset) const
{
    const QPointF p = point + offset;
    return {p.x() * m_sx - 0.5, p.y() * m_sy - 0.5};
}

void ReducedLayer::stroke(const QPolygonF &points, const QPointF &offset, const cv::Scalar &color, double width)
{
    if (points.isEmpty())
        return;
    QPolygonF layer;
    layer.reserve(points.size());
    for (const QPointF &p : points)
        layer.append(toLayer(p, offset));
    // What the layer's resolution cannot show is dropped here too.
    layer = StrokeSimplifier::simplify(layer);
    const int thickness = std::max(1, int(std::lround(width * (m_sx + m_sy) / 2)));
    if (layer.size() == 1) {
        cv::circle(m_pixels, fixedPoint(layer.first()), int(std::lround(thickness * kOne / 2)), color, cv::FILLED,
                   cv::LINE_AA, kShift);
        return;
    }
    if (layer.size() <= kFewVertices) {
        std::vector<cv::Point> fixed;
        fixed.reserve(size_t(layer.size()));
        for (const QPointF &p : layer)
            fixed.push_back(fixedPoint(p));
        cv::polylines(m_pixels, fixed, false, color, thickness, cv::LINE_AA, kShift);
        return;
    }
    // A long stroke (say, zigzagging to and fro) on a coarse layer goes over
    // the same pixels many times: its segments, ends rounded to a quarter of
    // a layer pixel, are drawn once each, round-capped (so joined as before);
    // one colour, so their order does not matter.
    std::unordered_set<quint64> drawn;
    const auto quarter = [](const QPointF &p) {
        return cv::Point(int(std::lround(p.x() * kQuarters)), int(std::lround(p.y() * kQuarters)));
    };
    const auto key = [](cv::Point a, cv::Point b) {
        if (a.x > b.x || (a.x == b.x && a.y > b.y))
            std::swap(a, b);
        // Layer coordinates in quarters stay within 16 bits (a 16384-pixel
        // frame at any scale is at most 65,536 quarters).
        return (quint64(quint16(a.x)) << 48) | (quint64(quint16(a.y)) << 32) | (quint64(quint16(b.x)) << 16)
               | quint64(quint16(b.y));
    };
    // Thick antialiased lines cost OpenCV a polygon fill each; on this
    // coarse layer, which is smoothed when scaled up, plain ones do.
    const int lineType = thickness > 1 ? cv::LINE_8 : cv::LINE_AA;
    cv::Point previous = quarter(layer.first());
    for (qsizetype i = 1; i < layer.size(); ++i) {
        const cv::Point next = quarter(layer[i]);
        if (drawn.insert(key(previous, next)).second)
            cv::line(m_pixels, previous, next, color, thickness, lineType, kQuarterShift);
        previous = next;
    }
}

void ReducedLayer::draw(const PlannedShape &shape)
{
    const cv::Scalar color = bgra(shape.color);
    switch (shape.kind) {
    case Kind::Ink:
    case Kind::Line:
    case Kind::Polygon:
        stroke(shape.points, shape.offset, color, shape.width);
        return;
    case Kind::Arrow: {
        const MarkupPainter::ArrowShape arrow = MarkupPainter::arrowShape(shape.points, shape.width, shape.head);
        if (arrow.shaft.size() >= 2)
            stroke(arrow.shaft, shape.offset, color, shape.width);
        if (!arrow.head.isEmpty()) {
            std::vector<cv::Point> head;
            for (const QPointF &p : arrow.head)
                head.push_back(fixedPoint(toLayer(p, shape.offset)));
            cv::fillConvexPoly(m_pixels, head, color, cv::LINE_AA, kShift);
        }
        return;
    }
    case Kind::Rect: {
        const QRectF r = shape.rect.normalized();
        const int thickness = std::max(1, int(std::lround(shape.width * (m_sx + m_sy) / 2)));
        cv::rectangle(m_pixels, fixedPoint(toLayer(r.topLeft(), shape.offset)),
                      fixedPoint(toLayer(r.bottomRight(), shape.offset)), color, thickness, cv::LINE_AA, kShift);
        return;
    }
    case Kind::Ellipse: {
        const QRectF r = shape.rect.normalized();
        const QPointF centre = toLayer(r.center(), shape.offset);
        const int thickness = std::max(1, int(std::lround(shape.width * (m_sx + m_sy) / 2)));
        cv::ellipse(m_pixels, fixedPoint(centre),
                    cv::Size(int(std::lround(r.width() / 2 * m_sx * kOne)), int(std::lround(r.height() / 2 * m_sy * kOne))),
                    0, 0, 360, color, thickness, cv::LINE_AA, kShift);
        return;
    }
    case Kind::Label:
        label(shape, color);
        return;
    }
}

void ReducedLayer::label(const PlannedShape &shape, const cv::Scalar &color)
{
    const MarkupPainter::LabelShape glyphs =
        MarkupPainter::labelShape(shape.anchor, shape.text, shape.color, shape.pixelSize, shape.bounds);
    if (glyphs.path.isEmpty())
        return;
    // The label's box in layer pixels (QPainter's: pixel x covers x..x+1).
    const QRectF box = glyphs.path.boundingRect()
                           .adjusted(-glyphs.halo, -glyphs.halo, glyphs.halo, glyphs.halo)
                           .translated(shape.offset);
    const cv::Rect roi = cv::Rect(int(std::floor(box.left() * m_sx)) - 1, int(std::floor(box.top() * m_sy)) - 1,
                                  int(std::ceil(box.width() * m_sx)) + 3, int(std::ceil(box.height() * m_sy)) + 3)
                         & cv::Rect(0, 0, m_pixels.cols, m_pixels.rows);
    if (roi.empty())
        return;
    if (m_glyphs.empty())
        m_glyphs = cv::Mat(m_pixels.size(), CV_8U);
    cv::Mat mask = m_glyphs(roi);
    mask.setTo(0);
    {
        QImage target(mask.data, mask.cols, mask.rows, int(mask.step), QImage::Format_Alpha8);
        QPainter painter(&target);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.translate(-roi.x, -roi.y);
        painter.scale(m_sx, m_sy);
        painter.translate(shape.offset);
        painter.fillPath(glyphs.path, Qt::black);
    }
    // The halo: within `halo` of the glyphs, from a distance transform (its
    // cost follows the box's pixels, not the halo's width).
    cv::Mat outside, distance;
    cv::threshold(mask, outside, 127, 255, cv::THRESH_BINARY_INV);
    cv::distanceTransform(outside, distance, cv::DIST_L2, cv::DIST_MASK_3);
    const float radius = float(glyphs.halo * (m_sx + m_sy) / 2);
    const float haloAlpha = float(glyphs.haloColor.alphaF());
    const float halo[4] = {float(glyphs.haloColor.blueF()) * haloAlpha, float(glyphs.haloColor.greenF()) * haloAlpha,
                           float(glyphs.haloColor.redF()) * haloAlpha, haloAlpha};
    const float text[4] = {float(color[0] / 255), float(color[1] / 255), float(color[2] / 255), 1.0f};
    cv::Mat pixels = m_pixels(roi);
    for (int y = 0; y < roi.height; ++y) {
        uchar *out = pixels.ptr<uchar>(y);
        const uchar *coverage = mask.ptr<uchar>(y);
        const float *d = distance.ptr<float>(y);
        for (int x = 0; x < roi.width; ++x, out += 4) {
            blend(out, halo, std::clamp(radius + 0.5f - d[x], 0.0f, 1.0f));
            blend(out, text, coverage[x] / 255.0f);
        }
    }
}

void ReducedLayer::composite(QPainter &painter) const
{
    // QPainter's bilinear scaling blends straight from the small layer: no
    // frame-sized buffer to allocate.
    const QImage image(m_pixels.data, m_pixels.cols, m_pixels.rows, int(m_pixels.step),
                       QImage::Format_ARGB32_Premultiplied);
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QRectF(QPointF(0, 0), QSizeF(m_frameSize)), image);
    painter.restore();
}

} // namespace sl
