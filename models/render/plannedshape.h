#pragma once

#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

namespace sl {

// One shape of markup, ready to draw: what MarkupPainter is asked to draw,
// decided before anything is drawn so that the cost of a frame is known first.
// Coordinates are painter pixels (0..frame size) before `offset` is applied.
struct PlannedShape
{
    enum class Kind { Ink, Line, Arrow, Rect, Ellipse, Polygon, Label };

    Kind kind = Kind::Ink;
    int markup = -1;   // which markup it belongs to: index into the renderer's list of markups
    QPointF offset;    // painter translation while drawing: (0.5, 0.5) for world markup
    QPolygonF points;  // Ink, Line, Arrow (tail first), Polygon
    QRectF rect;       // Rect, Ellipse
    QColor color;
    double width = 1;  // stroke width, painter pixels
    bool head = true;  // Arrow: whether its head is drawn
    QString text;      // Label
    QPointF anchor;    // Label: its top-left corner
    double pixelSize = 0; // Label: font size, painter pixels
    QRectF bounds;     // Label: the frame it is kept inside
};

} // namespace sl
