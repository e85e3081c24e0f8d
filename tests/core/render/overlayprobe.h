#pragma once

#include <QImage>

#include <opencv2/core.hpp>

namespace sl::test {

// Pixel probes for markup burned into a frame: `before` is the frame, `after`
// the same frame with the overlay. Pixel centres are in OpenCV's convention
// (integers), pixel coordinates of the frame.

// Whether the overlay changed pixel (x, y): a channel moved by more than 12.
bool changed(const QImage &before, const QImage &after, int x, int y);
// How far the changed pixels within `radius` of `at` reach along the unit
// vector `dir` from it, pixels; -inf when none changed.
double reachAlong(const QImage &before, const QImage &after, cv::Point2d at, cv::Point2d dir, double radius);
// `v` scaled to length 1.
cv::Point2d unit(cv::Point2d v);

} // namespace sl::test
