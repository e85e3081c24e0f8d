#pragma once

#include "media/frameindex.h"

#include <vector>

namespace sl {

// One thumbnail of a timeline strip: which frame it shows and that frame's
// own presentation time, seconds.
struct ThumbnailSlot
{
    int frame = 0;
    double seconds = 0;
    bool operator==(const ThumbnailSlot &other) const = default;
};

// Which frames a strip of `count` thumbnails across a video shows. Slot i
// stands for the middle of the i-th of `count` equal spans of the readable
// length. Keyframe-friendly: it shows the keyframe at or before that time
// when the keyframe lies within half a span of it (one decode after a seek,
// the cost of a thumbnail on a long video), else the exact frame shown at
// that time (a short video with long keyframe intervals would otherwise
// show the same keyframe in every slot). Frames never decrease along the
// strip, so decoding them in slot order only ever moves forward. Empty for
// an empty index or a count below 1.
std::vector<ThumbnailSlot> planThumbnails(const FrameIndex &index, int count);

} // namespace sl
