#pragma once

#include "capture/capturemanifest.h"

#include <QSize>

#include <vector>

namespace sl {

// How much markup a video shows along its length, for the timeline's
// density strip: bucket b of `buckets` equal spans of `duration` seconds
// counts the markups visible at the span's middle: image markup within its
// time range, world markup whose projection through the pose of that time
// lands in the frame. Counted from the overlay's own plan of that time
// (MarkupPlan), so the strip never claims markup the picture does not show. `frameSize`:
// the decoded (sensor) size, the camera's image size when unknown. A
// capture without poses or camera counts image markup only. Pure; costs one
// markup plan per bucket: compute it once per open, off the GUI thread.
std::vector<int> markupDensity(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups,
                               QSize frameSize, double duration, int buckets);

} // namespace sl
