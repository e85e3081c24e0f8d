#include "render/renderbudget.h"

#include "render/paintcost.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sl {

RenderBudget::Decision RenderBudget::decide(const std::vector<PlannedShape> &shapes, QSizeF frameSize)
{
    Decision decision;
    std::vector<PaintCost::Measure> measures;
    measures.reserve(shapes.size());
    for (const PlannedShape &shape : shapes) {
        measures.push_back(PaintCost::measure(shape, frameSize));
        decision.exactNanoseconds += measures.back().exactNanoseconds;
    }
    if (decision.exactNanoseconds <= kExactNanoseconds)
        return decision;

    // The costliest polylines are drawn in pieces until what remains fits.
    std::vector<size_t> order(shapes.size());
    std::iota(order.begin(), order.end(), size_t(0));
    const auto costliestFirst = [&](const std::vector<double> &cost) {
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return cost[a] > cost[b]; });
    };
    std::vector<double> cost(shapes.size());
    for (size_t i = 0; i < shapes.size(); ++i)
        cost[i] = measures[i].exactNanoseconds;
    costliestFirst(cost);
    decision.inPieces.assign(shapes.size(), false);
    double remaining = decision.exactNanoseconds;
    for (size_t i : order) {
        if (remaining <= kExactNanoseconds)
            break;
        if (measures[i].piecewiseNanoseconds < measures[i].exactNanoseconds) {
            decision.inPieces[i] = true;
            remaining -= measures[i].exactNanoseconds - measures[i].piecewiseNanoseconds;
            cost[i] = measures[i].piecewiseNanoseconds;
        }
    }
    if (remaining <= kExactNanoseconds)
        return decision;

    // Then the costliest shapes leave for the layer until what remains fits.
    costliestFirst(cost);
    decision.first = shapes.size();
    for (size_t i : order) {
        if (remaining <= kExactNanoseconds)
            break;
        remaining -= cost[i];
        decision.first = std::min(decision.first, i);
        decision.last = std::max(decision.last, i + 1);
    }

    // The layer's scale: its pixels shrink with the square of the scale.
    const auto work = [&](double scale) {
        double pixels = 0;
        for (size_t i = decision.first; i < decision.last; ++i)
            pixels += PaintCost::reducedPixels(measures[i], scale);
        return pixels;
    };
    double scale = 1;
    double pixels = work(scale);
    for (int step = 0; step < 16 && pixels > kReducedPixels && scale > kMinScale; ++step) {
        scale = std::max(kMinScale, scale * std::clamp(std::sqrt(kReducedPixels / pixels), 0.25, 0.95));
        pixels = work(scale);
    }
    decision.scale = scale;
    decision.reducedPixels = pixels;
    return decision;
}

} // namespace sl
