#pragma once

#include <QColor>
#include <QImage>
#include <QPolygonF>
#include <QRectF>
#include <QString>

class QPainter;

namespace sl {

// Draws the shapes of markup in pixel coordinates of the painter (media
// pixels): the geometry rules every markup kind follows, kept apart from
// where the points come from (world projection or normalised image space).
class MarkupPainter
{
public:
    explicit MarkupPainter(QPainter &painter);

    // Freehand ink: round joins and caps. One point draws a dot.
    void ink(const QPolygonF &points, const QColor &color, double width);
    // A straight (or, through distortion, bent) line with flat caps: it
    // starts and ends exactly at its end points.
    void line(const QPolygonF &points, const QColor &color, double width);
    // An arrow along `points` (tail first): the shaft starts exactly at the
    // tail with a flat cap; with `head`, a filled head's tip lies exactly on
    // the last point. Without it (head clipped away) only the shaft shows.
    void arrow(const QPolygonF &points, const QColor &color, double width, bool head = true);
    // Outline of an axis-aligned rectangle or its inscribed ellipse.
    void rect(const QRectF &rect, const QColor &color, double width);
    void ellipse(const QRectF &rect, const QColor &color, double width);
    // A closed outline through `points` (world rect/ellipse after projection).
    void polygon(const QPolygonF &points, const QColor &color, double width);
    // A label whose top-left corner is at `anchor`, kept inside `bounds`, with
    // a halo of the contrasting colour so it reads on any background.
    void label(const QPointF &anchor, const QString &text, const QColor &color, double pixelSize,
               const QRectF &bounds);
    // Hides what is inside `rect` (integer pixels of the painter) by heavy
    // pixelation and blur of `frame` (the pixels under the overlay, of size
    // `frameSize` in painter pixels or proportionally larger/smaller); with no
    // frame, an opaque box.
    void redact(const QRect &rect, const QImage &frame, const QSizeF &frameSize);

    // Arrow head length for a shaft width, pixels (also used by tests).
    static double headLength(double width);

private:
    QPainter &m_painter;
};

} // namespace sl
