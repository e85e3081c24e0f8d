#include "annotation/markuphandles.h"

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Below this extent (normalised) a stroke is not scaled along that axis: a
// straight horizontal stroke has no height to stretch.
constexpr double kMinExtent = 1e-6;

struct Box
{
    double left, top, right, bottom;
};

Box boundsOf(const std::vector<cv::Point2d> &points)
{
    Box box{points.front().x, points.front().y, points.front().x, points.front().y};
    for (const cv::Point2d &p : points) {
        box.left = std::min(box.left, p.x);
        box.top = std::min(box.top, p.y);
        box.right = std::max(box.right, p.x);
        box.bottom = std::max(box.bottom, p.y);
    }
    return box;
}

// Corners clockwise from the top-left: the opposite of corner i is (i + 2) % 4.
std::vector<cv::Point2d> cornersOf(const Box &b)
{
    return {{b.left, b.top}, {b.right, b.top}, {b.right, b.bottom}, {b.left, b.bottom}};
}

cv::Point2d clamped(cv::Point2d p)
{
    return {std::clamp(p.x, 0.0, 1.0), std::clamp(p.y, 0.0, 1.0)};
}

bool hasEndHandles(MarkupKind kind)
{
    return kind == MarkupKind::Arrow || kind == MarkupKind::Line;
}

bool hasCornerHandles(MarkupKind kind)
{
    return kind == MarkupKind::Rect || kind == MarkupKind::Ellipse || kind == MarkupKind::Blur
        || kind == MarkupKind::Ink;
}

// Scales one coordinate about `fixed` so that `from` lands on `to`.
double scaledAbout(double value, double fixed, double from, double to)
{
    const double extent = from - fixed;
    if (std::abs(extent) < kMinExtent)
        return value;
    return fixed + (value - fixed) * (to - fixed) / extent;
}

} // namespace

std::vector<cv::Point2d> MarkupHandles::of(const Markup &markup)
{
    if (markup.space != MarkupSpace::Image || markup.imagePoints.empty())
        return {};
    if (hasEndHandles(markup.kind) && markup.imagePoints.size() >= 2)
        return {markup.imagePoints.front(), markup.imagePoints.back()};
    if (hasCornerHandles(markup.kind))
        return cornersOf(boundsOf(markup.imagePoints));
    return {};
}

std::vector<cv::Point2d> MarkupHandles::resized(const Markup &markup, int handle, cv::Point2d to)
{
    std::vector<cv::Point2d> points = markup.imagePoints;
    const std::vector<cv::Point2d> handles = of(markup);
    if (handle < 0 || size_t(handle) >= handles.size())
        return points;
    to = clamped(to);
    if (hasEndHandles(markup.kind)) {
        (handle == 0 ? points.front() : points.back()) = to;
        return points;
    }
    const cv::Point2d fixed = handles[size_t(handle + 2) % 4];
    if (markup.kind != MarkupKind::Ink)
        return {fixed, to}; // two opposite corners, as the format stores them
    const cv::Point2d from = handles[size_t(handle)];
    for (cv::Point2d &p : points)
        p = clamped({scaledAbout(p.x, fixed.x, from.x, to.x), scaledAbout(p.y, fixed.y, from.y, to.y)});
    return points;
}

} // namespace sl
