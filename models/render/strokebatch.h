#pragma once

#include "render/plannedshape.h"
#include "render/strokeraster.h"

#include <vector>

class QPainter;

namespace sl {

// Consecutive polylines of a frame's markup (ink, lines, projected
// outlines), collected in drawing order and drawn at once by StrokeRaster
// through the painter's transform, in device pixels: straight into the
// painter's image when it paints on a 32-bit QImage (exports, burn-in), else
// onto a transparent layer over the strokes' box that is composited once (a
// view, whose widget may be zoomed: the strokes stay sharp at any zoom).
// Rows are drawn in bands on OpenCV's worker threads.
class StrokeBatch
{
public:
    // Whether StrokeBatch draws this shape (else MarkupPainter does).
    static bool draws(const PlannedShape &shape);

    void add(const PlannedShape &shape);
    bool isEmpty() const { return m_shapes.empty(); }
    // Draws what was added over what the painter drew before, and empties the batch.
    void flush(QPainter &painter);

private:
    std::vector<const PlannedShape *> m_shapes;
    std::vector<StrokeRaster::Stroke> m_strokes;
};

} // namespace sl
