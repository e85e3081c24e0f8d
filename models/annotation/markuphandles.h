#pragma once

#include "capture/markup.h"

#include <vector>

namespace sl {

// The resize handles of an image markup and what dragging one does, in
// normalised image coordinates (0..1, top-left origin). Arrows and lines
// have a handle on each end; rectangles, ellipses and redactions one on each
// corner (the opposite corner stays); ink one on each corner of its bounds
// (the stroke is scaled about the opposite corner). Text and world markup
// have none: a label is moved, world geometry is never edited in the image.
class MarkupHandles
{
public:
    static std::vector<cv::Point2d> of(const Markup &markup);
    // The markup's points with handle `handle` dragged to `to` (clamped to
    // the image); the points unchanged for a handle it does not have.
    static std::vector<cv::Point2d> resized(const Markup &markup, int handle, cv::Point2d to);
};

} // namespace sl
