#include "render/strokebatch.h"

#include <QImage>
#include <QPainter>

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

using Kind = PlannedShape::Kind;

// Rows per band at least: fewer rows cost more in start-up than they save.
constexpr int kMinBandRows = 64;
// Bands per worker thread, so that a thread whose band holds few strokes takes another.
constexpr int kBandsPerThread = 4;

// Which painters get the strokes straight into their pixels.
QImage *directTarget(QPainter &painter)
{
    QPaintDevice *device = painter.device();
    if (!device || device->devType() != QInternal::Image || painter.hasClipping() || painter.opacity() != 1.0
        || painter.compositionMode() != QPainter::CompositionMode_SourceOver)
        return nullptr;
    auto *image = static_cast<QImage *>(device);
    const QImage::Format format = image->format();
    return format == QImage::Format_RGB32 || format == QImage::Format_ARGB32_Premultiplied ? image : nullptr;
}

void drawInBands(uchar *bits, int width, int height, qsizetype stride, const std::vector<StrokeRaster::Stroke> &strokes)
{
    const StrokeRaster raster(bits, width, height, stride);
    const int threads = std::max(1, cv::getNumThreads());
    const int bands = std::clamp(height / kMinBandRows, 1, threads * kBandsPerThread);
    if (bands == 1 || threads == 1) {
        raster.draw(strokes, 0, height);
        return;
    }
    // Bands share no pixel, so they are drawn apart, each stroke in order.
    cv::parallel_for_(cv::Range(0, bands), [&](const cv::Range &range) {
        for (int band = range.start; band < range.end; ++band)
            raster.draw(strokes, int(qint64(height) * band / bands), int(qint64(height) * (band + 1) / bands));
    });
}

} // namespace

bool StrokeBatch::draws(const PlannedShape &shape)
{
    return shape.kind == Kind::Ink || shape.kind == Kind::Line || shape.kind == Kind::Polygon;
}

void StrokeBatch::add(const PlannedShape &shape)
{
    m_shapes.push_back(&shape);
}

void StrokeBatch::flush(QPainter &painter)
{
    if (m_shapes.empty())
        return;
    const QTransform toDevice = painter.deviceTransform();
    const double widthScale = StrokeRaster::widthScale(toDevice);
    m_strokes.resize(m_shapes.size());
    QRectF box;
    for (size_t k = 0; k < m_shapes.size(); ++k) {
        const PlannedShape &shape = *m_shapes[k];
        StrokeRaster::Stroke &stroke = m_strokes[k];
        stroke.points.clear();
        // What MarkupPainter draws: a line needs two points, ink draws one as a dot.
        const qsizetype fewest = shape.kind == Kind::Ink ? 1 : 2;
        if (shape.points.size() < fewest)
            continue;
        stroke.halfWidth = shape.width / 2 * widthScale;
        stroke.flatCaps = shape.kind == Kind::Line;
        stroke.color = shape.color.rgba();
        stroke.points.reserve(size_t(shape.points.size()));
        double left = qInf(), top = qInf(), right = -qInf(), bottom = -qInf();
        for (const QPointF &p : shape.points) {
            const QPointF d = toDevice.map(p + shape.offset);
            stroke.points.push_back(d);
            left = std::min(left, d.x());
            right = std::max(right, d.x());
            top = std::min(top, d.y());
            bottom = std::max(bottom, d.y());
        }
        stroke.top = top;
        stroke.bottom = bottom;
        const double reach = stroke.halfWidth + 1;
        box |= QRectF(QPointF(left - reach, top - reach), QPointF(right + reach, bottom + reach));
    }
    m_shapes.clear();

    if (QImage *image = directTarget(painter)) {
        drawInBands(image->bits(), image->width(), image->height(), image->bytesPerLine(), m_strokes);
        return;
    }
    // A layer over the strokes' box, in device pixels. With no transform
    // set, the painter's pixels reach the device through its pixel ratio
    // and, for a widget, the widget's offset in its window's backing store:
    // the device's rectangle lies there, and so does the layer.
    const QPaintDevice *device = painter.device();
    if (!device)
        return;
    const double dpr = device->devicePixelRatioF();
    painter.save();
    painter.resetTransform();
    const QTransform untransformedToDevice = painter.deviceTransform();
    painter.restore();
    const QRect deviceRect =
        untransformedToDevice.mapRect(QRectF(0, 0, device->width(), device->height())).toAlignedRect();
    const QRect area = box.toAlignedRect().intersected(deviceRect);
    if (area.isEmpty())
        return;
    for (StrokeRaster::Stroke &stroke : m_strokes) {
        for (QPointF &p : stroke.points)
            p -= QPointF(area.topLeft());
        stroke.top -= area.top();
        stroke.bottom -= area.top();
    }
    QImage layer(area.size(), QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    drawInBands(layer.bits(), layer.width(), layer.height(), layer.bytesPerLine(), m_strokes);
    layer.setDevicePixelRatio(dpr);
    painter.save();
    painter.resetTransform();
    painter.drawImage(untransformedToDevice.inverted().map(QPointF(area.topLeft())), layer);
    painter.restore();
}

} // namespace sl
