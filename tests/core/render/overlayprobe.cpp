#include "overlayprobe.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl::test {

namespace {

constexpr int kThreshold = 12; // per channel: a pixel the overlay touched

} // namespace

bool changed(const QImage &before, const QImage &after, int x, int y)
{
    const QRgb p = before.pixel(x, y), q = after.pixel(x, y);
    return std::abs(qRed(p) - qRed(q)) > kThreshold || std::abs(qGreen(p) - qGreen(q)) > kThreshold ||
           std::abs(qBlue(p) - qBlue(q)) > kThreshold;
}

double reachAlong(const QImage &before, const QImage &after, cv::Point2d at, cv::Point2d dir, double radius)
{
    double best = -std::numeric_limits<double>::infinity();
    const int x0 = std::max(0, int(at.x - radius)), x1 = std::min(after.width() - 1, int(at.x + radius) + 1);
    const int y0 = std::max(0, int(at.y - radius)), y1 = std::min(after.height() - 1, int(at.y + radius) + 1);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const cv::Point2d d(x - at.x, y - at.y);
            if (std::hypot(d.x, d.y) <= radius && changed(before, after, x, y))
                best = std::max(best, d.dot(dir));
        }
    }
    return best;
}

cv::Point2d unit(cv::Point2d v)
{
    return v / std::hypot(v.x, v.y);
}

} // namespace sl::test
