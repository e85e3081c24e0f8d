#pragma once

#include "render/plannedshape.h"

#include <QSize>

#include <opencv2/core.hpp>

class QPainter;

namespace sl {

// Markup drawn at reduced resolution by a cheap rasteriser (OpenCV's
// antialiased thick lines, filled polygons, glyph masks with a halo from a
// distance transform), then scaled up once and laid over the frame: what a
// frame whose markup would take QPainter too long shows instead. Its work
// follows the layer's pixels, which the caller bounds through the scale.
class ReducedLayer
{
public:
    // `scale`: layer pixels per painter pixel, in (0, 1].
    ReducedLayer(QSize frameSize, double scale);

    // Draws over what was drawn before (shapes in drawing order).
    void draw(const PlannedShape &shape);
    // Lays the layer over the frame: `painter` in the frame's painter pixels.
    void composite(QPainter &painter) const;

    QSize size() const { return QSize(m_pixels.cols, m_pixels.rows); }

private:
    // A painter point (before the shape's offset) in layer coordinates:
    // OpenCV's, pixel centres on integers.
    QPointF toLayer(const QPointF &point, const QPointF &offset) const;
    void stroke(const QPolygonF &points, const QPointF &offset, const cv::Scalar &color, double width);
    void label(const PlannedShape &shape, const cv::Scalar &color);

    QSize m_frameSize;
    double m_sx, m_sy;  // layer pixels per painter pixel, each axis
    cv::Mat m_pixels;   // CV_8UC4, B, G, R, A premultiplied (QImage's ARGB32 in memory)
    cv::Mat m_glyphs;   // CV_8U scratch for labels
};

} // namespace sl
