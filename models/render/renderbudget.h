#pragma once

#include "render/plannedshape.h"

#include <QSizeF>

#include <vector>

namespace sl {

// Keeps the work of drawing one frame's markup bounded for any manifest
// within the input limits (at most ~100 ms for 1080p), in three steps:
// shapes whose exact drawing (StrokeRaster for polylines, QPainter for the
// rest) fits the budget are drawn exactly; past it, the costliest shapes
// QPainter would draw faster in pieces are (PaintCost gives StrokeRaster's
// polylines no gain in pieces: they never are); past that, the costliest shapes
// (and what lies between them in drawing order, so that later markup stays
// on top) go to a ReducedLayer whose scale keeps its pixels within budget.
class RenderBudget
{
public:
    // Estimated time for the shapes drawn exactly, nanoseconds.
    static constexpr double kExactNanoseconds = 50e6;
    // Work of the reduced layer, pixels (PaintCost::reducedPixels).
    static constexpr double kReducedPixels = 2.5e6;
    // The smallest layer scale: below it, the per-vertex work dominates anyway.
    static constexpr double kMinScale = 1.0 / 64;

    struct Decision
    {
        std::vector<bool> inPieces;  // per shape: drawn with MarkupPainter::strokeInPieces
        size_t first = 0, last = 0; // shapes [first, last) go to the layer; empty: none
        double scale = 1;           // the layer's pixels per painter pixel
        double exactNanoseconds = 0;  // estimate for all shapes drawn exactly
        double reducedPixels = 0;     // the layer's work at `scale`
        bool reduced() const { return last > first; }
    };

    static Decision decide(const std::vector<PlannedShape> &shapes, QSizeF frameSize);
};

} // namespace sl
