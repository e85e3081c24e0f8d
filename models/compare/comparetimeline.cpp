#include "compare/comparetimeline.h"

#include "compare/comparecandidates.h"
#include "media/frameindex.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl {

namespace {

// Two times within this are the same instant (seconds; far below any frame interval).
constexpr double kSameTime = 1e-6;

// The shared times at which `index`'s frames start, offset by `lead`: the
// first after `shared` (forward) or the last before it (backward).
std::optional<double> boundaryOf(const FrameIndex &index, double lead, double shared, int direction)
{
    if (index.isEmpty())
        return std::nullopt;
    const double t = shared - lead;
    int shown = index.indexAt(t);
    if (shown < 0)
        shown = index.count() - 1; // past the readable end of a cut-short file
    if (direction > 0) {
        if (t < -kSameTime)
            return lead; // its first frame starts later
        for (int n = shown + 1; n < index.count(); ++n) {
            const double at = lead + index.timeOf(n);
            if (at > shared + kSameTime)
                return at;
        }
        return std::nullopt;
    }
    for (int n = shown; n >= 0; --n) {
        const double at = lead + index.timeOf(n);
        if (at < shared - kSameTime)
            return at;
    }
    return std::nullopt;
}

} // namespace

TimeAlignment CompareTimeline::align(const CompareClip &a, const CompareClip &b)
{
    TimeAlignment alignment;
    if (a.type != MediaType::Video || b.type != MediaType::Video)
        return alignment;
    if (a.spatialFrame.isEmpty() || a.spatialFrame != b.spatialFrame)
        return alignment;
    const std::optional<QDateTime> startA = CompareCandidates::capturedTime(a.capturedAt);
    const std::optional<QDateTime> startB = CompareCandidates::capturedTime(b.capturedAt);
    if (!startA || !startB)
        return alignment;
    const double offset = double(startA->msecsTo(*startB)) / 1000.0; // B's start after A's, seconds
    alignment.byCaptureTime = true;
    alignment.leadA = std::max(0.0, -offset);
    alignment.leadB = std::max(0.0, offset);
    return alignment;
}

int CompareTimeline::frameShown(const FrameIndex &index, double lead, double shared)
{
    if (index.isEmpty())
        return -1;
    return index.indexAt(sideTime(shared, lead));
}

double CompareTimeline::step(double shared, int direction, const FrameIndex *a, double leadA, const FrameIndex *b,
                             double leadB)
{
    if (direction == 0)
        return shared;
    std::optional<double> best;
    for (const auto &[index, lead] : {std::pair(a, leadA), std::pair(b, leadB)}) {
        if (!index)
            continue;
        const std::optional<double> at = boundaryOf(*index, lead, shared, direction);
        if (at && (!best || (direction > 0 ? *at < *best : *at > *best)))
            best = at;
    }
    return best.value_or(shared);
}

double CompareTimeline::sharedEnd(const FrameIndex *a, double leadA, const FrameIndex *b, double leadB)
{
    double end = 0;
    if (a && !a->isEmpty())
        end = std::max(end, leadA + a->readableEnd());
    if (b && !b->isEmpty())
        end = std::max(end, leadB + b->readableEnd());
    return end;
}

} // namespace sl
