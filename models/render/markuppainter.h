#pragma once

#include <QColor>
#include <QPainterPath>
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
    // The same as ink(), line() and polygon(), drawn in pieces of at most
    // kPieceVertices vertices: QPainter rasterises one path at a time, and
    // its time grows with the square of the edges sharing a row, so a long
    // self-crossing stroke costs far less in pieces. The pieces meet with
    // the same round join (only the antialiased fringe where they meet is
    // blended twice). `cap`: the ends' cap of the whole stroke.
    void strokeInPieces(const QPolygonF &points, const QColor &color, double width, Qt::PenCapStyle cap);
    static constexpr int kPieceVertices = 16;

    // Outline of an axis-aligned rectangle or its inscribed ellipse.
    void rect(const QRectF &rect, const QColor &color, double width);
    void ellipse(const QRectF &rect, const QColor &color, double width);
    // A closed outline through `points` (world rect/ellipse after projection).
    void polygon(const QPolygonF &points, const QColor &color, double width);
    // A label whose top-left corner is at `anchor`, kept inside `bounds`, with
    // a halo of the contrasting colour so it reads on any background.
    void label(const QPointF &anchor, const QString &text, const QColor &color, double pixelSize,
               const QRectF &bounds);

    // Arrow head length for a shaft width, pixels (also used by tests).
    static double headLength(double width);

    // An arrow's pieces: the shaft (fewer than 2 points: none) and the head
    // (empty: none), what arrow() draws and a reduced rasteriser draws too.
    struct ArrowShape
    {
        QPolygonF shaft;
        QPolygonF head;
    };
    static ArrowShape arrowShape(const QPolygonF &points, double width, bool head);

    // A label's glyph outlines where label() draws them, and its halo
    // (pixels beyond the outlines); empty path: nothing to draw.
    struct LabelShape
    {
        QPainterPath path;
        double halo = 0;
        QColor haloColor;
    };
    static LabelShape labelShape(const QPointF &anchor, const QString &text, const QColor &color,
                                 double pixelSize, const QRectF &bounds);

private:
    QPainter &m_painter;
};

} // namespace sl
