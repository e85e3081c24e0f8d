#pragma once

#include "capture/markup.h"

#include <QPointF>
#include <QPolygonF>

namespace sl {

// Whether a point of the canvas touches a markup's drawn shape (not merely
// its bounds), for the eraser: a stroke near its line, a rectangle or an
// ellipse near its outline, a redaction anywhere inside, a label on its
// words. Everything in widget pixels. Shared by the annotation editor and
// the viewers (MarkupPicker).
class MarkupHitTest
{
public:
    // `points`: the markup's points on the widget (image markup mapped,
    // world markup projected); `pixelScale`: widget pixels per media pixel
    // (markup widths are media pixels); `slack`: how far off still touches.
    static bool touches(const Markup &markup, const QPolygonF &points, double pixelScale, QPointF pos, double slack);
};

} // namespace sl
