#include "media/thumbnailplan.h"

#include <algorithm>

namespace sl {

std::vector<ThumbnailSlot> planThumbnails(const FrameIndex &index, int count)
{
    std::vector<ThumbnailSlot> slots;
    if (index.isEmpty() || count < 1)
        return slots;
    const double length = index.readableEnd();
    const double span = length / count;
    slots.reserve(size_t(count));
    int previous = 0;
    for (int i = 0; i < count; ++i) {
        const double middle = (i + 0.5) * span;
        int exact = index.indexAt(middle);
        if (exact < 0)
            exact = index.count() - 1; // rounding at the end of a cut-short file
        const int keyframe = index.keyframeOf(exact);
        int frame = middle - index.timeOf(keyframe) <= span / 2 ? keyframe : exact;
        frame = std::max(frame, previous);
        previous = frame;
        slots.push_back({frame, index.timeOf(frame)});
    }
    return slots;
}

} // namespace sl
