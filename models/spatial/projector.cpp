#include "spatial/projector.h"

#include <opencv2/calib3d.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sl {

namespace {

// How far past the image corners (as a multiple of their normalised radius)
// the distortion polynomial is still trusted.
constexpr double kDistortionReach = 1.5;
// Samples used to find where the radial distortion stops being monotonic.
constexpr int kMonotonicSamples = 512;
// Longest projected piece of a subdivided segment, pixels, and a cap on pieces.
constexpr double kMaxPieceLength = 8.0;
constexpr int kMaxSubdivisions = 64;
// Points one polyline may be subdivided into in all: a stroke of many long
// segments (scattered points) shares this budget instead of costing up to
// kMaxSubdivisions per segment, so projection cost stays bounded.
constexpr int kMaxSubdividedPoints = 4096;

bool isFinite(const cv::Vec3d &v)
{
    return std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]);
}

// Radial part of OpenCV's rational model: r_d = r (1 + k1 r^2 + k2 r^4 + k3 r^6)
// / (1 + k4 r^2 + k5 r^4 + k6 r^6). NaN where the denominator is not positive.
double distortedRadius(const std::vector<double> &d, double r)
{
    const auto k = [&d](size_t i) { return i < d.size() ? d[i] : 0.0; };
    const double r2 = r * r, r4 = r2 * r2, r6 = r4 * r2;
    const double num = 1 + k(0) * r2 + k(1) * r4 + k(4) * r6;
    const double den = 1 + k(5) * r2 + k(6) * r4 + k(7) * r6;
    if (!(den > 0))
        return std::numeric_limits<double>::quiet_NaN();
    return r * num / den;
}

// The normalised radius up to which cv::projectPoints' distortion can be used.
//
// The distortion model is a polynomial fitted to the part of the image that
// calibration saw. Far outside the field of view it turns back on itself
// (with k1 < 0, r (1 + k1 r^2) falls again after its peak), so a point well
// outside the view would land back inside the image, often on the wrong side.
// Lines drawn to such points streak across the frame. The limit is the first
// radius where the radial mapping stops growing, but never further than a
// margin past the image corners.
double trustedDistortionRadius(const CameraIntrinsics &k)
{
    const bool none = std::all_of(k.distortion.begin(), k.distortion.end(),
                                  [](double c) { return c == 0.0; });
    if (none)
        return std::numeric_limits<double>::infinity();

    double imageRadius = 0;
    for (double u : {0.0, double(k.width)}) {
        for (double v : {0.0, double(k.height)})
            imageRadius = std::max(imageRadius, std::hypot((u - k.cx) / k.fx, (v - k.cy) / k.fy));
    }
    if (!std::isfinite(imageRadius) || imageRadius <= 0)
        imageRadius = 1; // invalid intrinsics: a 90 degree field of view

    const double reach = kDistortionReach * imageRadius;
    double previous = 0;
    for (int i = 1; i <= kMonotonicSamples; ++i) {
        const double r = reach * i / kMonotonicSamples;
        const double rd = distortedRadius(k.distortion, r);
        if (!std::isfinite(rd) || rd <= previous)
            return reach * (i - 1) / kMonotonicSamples;
        previous = rd;
    }
    return reach;
}

} // namespace

Projector::Projector(const CameraIntrinsics &intrinsics, const Pose &cameraToWorld, Axes axes)
    : m_intrinsics(intrinsics)
    , m_distortion(intrinsics.distortionCoeffs())
    , m_distortionLimit(trustedDistortionRadius(intrinsics))
{
    // Camera-to-world X = R c + p, so c = R^T X - R^T p; OpenGL's camera looks
    // along -z with y up, so its coordinates become OpenCV's by negating y, z.
    const cv::Matx33d flip = axes == Axes::OpenGL ? cv::Matx33d(1, 0, 0, 0, -1, 0, 0, 0, -1)
                                                  : cv::Matx33d::eye();
    const cv::Matx33d rt = cameraToWorld.rotation.toRotationMatrix().t();
    m_worldToCamR = flip * rt;
    m_worldToCamT = -(m_worldToCamR * cameraToWorld.position);
    const std::vector<double> &d = intrinsics.distortion;
    m_tilted = d.size() > 12 && (d[12] != 0.0 || (d.size() > 13 && d[13] != 0.0));
}

cv::Vec3d Projector::toCameraCv(const cv::Vec3d &world) const
{
    return m_worldToCamR * world + m_worldToCamT;
}

std::optional<cv::Point2d> Projector::projectPoint(const cv::Vec3d &world) const
{
    const cv::Vec3d c = toCameraCv(world);
    if (!isFinite(c) || c[2] <= kNearPlane)
        return std::nullopt;
    cv::Point2d pixel;
    projectCameraPoints(&c, 1, &pixel);
    return pixel;
}

std::vector<std::vector<cv::Point2d>> Projector::projectPolyline(const std::vector<cv::Vec3d> &world) const
{
    Pieces pieces;
    projectPolyline(world.data(), world.size(), pieces);
    std::vector<std::vector<cv::Point2d>> result;
    result.reserve(pieces.ends.size());
    size_t begin = 0;
    for (const size_t end : pieces.ends) {
        result.emplace_back(pieces.pixels.begin() + std::ptrdiff_t(begin), pieces.pixels.begin() + std::ptrdiff_t(end));
        begin = end;
    }
    return result;
}

void Projector::projectPolyline(const cv::Vec3d *world, size_t count, Pieces &out) const
{
    out.clear();
    std::vector<cv::Vec3d> &camera = out.camera; // OpenCV camera coordinates, z >= near
    if (count == 1) {
        const cv::Vec3d c = toCameraCv(world[0]);
        if (isFinite(c) && c[2] > kNearPlane) {
            camera.push_back(c);
            out.ends.push_back(1);
        }
    }

    size_t pieceBegin = camera.size(); // where the piece being grown starts in `camera`
    // Ends the piece being grown: kept when it has a segment, else dropped.
    const auto flush = [&out, &camera, &pieceBegin] {
        if (camera.size() - pieceBegin >= 2)
            out.ends.push_back(camera.size());
        else
            camera.resize(pieceBegin);
        pieceBegin = camera.size();
    };
    int budget = kMaxSubdividedPoints;
    // Each point through the pose once: a segment's end is the next one's start.
    // With each, its normalised image point (x/z, y/z): one division per point.
    const auto normalised = [](const cv::Vec3d &c) {
        const double inverseZ = 1 / c[2];
        return cv::Point2d(c[0] * inverseZ, c[1] * inverseZ);
    };
    cv::Vec3d b = count >= 2 ? toCameraCv(world[0]) : cv::Vec3d();
    cv::Point2d nb = normalised(b);
    for (size_t i = 0; i + 1 < count; ++i) {
        const cv::Vec3d a = b;
        const cv::Point2d na = nb;
        b = toCameraCv(world[i + 1]);
        nb = normalised(b);
        if (!isFinite(a) || !isFinite(b) || std::max(a[2], b[2]) <= kNearPlane) {
            flush(); // wholly behind (or lying in the near plane): not drawn
            continue;
        }
        // Keep the part with z >= near: [s0, s1] of the segment a + s (b - a).
        double s0 = 0, s1 = 1;
        if (a[2] < kNearPlane)
            s0 = (kNearPlane - a[2]) / (b[2] - a[2]);
        else if (b[2] < kNearPlane)
            s1 = (a[2] - kNearPlane) / (a[2] - b[2]);
        cv::Vec3d p0 = a + s0 * (b - a);
        cv::Vec3d p1 = a + s1 * (b - a);
        if (s0 > 0)
            p0[2] = kNearPlane; // exactly on the plane despite rounding
        if (s1 < 1)
            p1[2] = kNearPlane;

        if (s0 > 0 || camera.size() == pieceBegin) {
            flush();
            camera.push_back(p0);
        }
        // Each remaining segment gets an even share of what is left of the budget.
        const int share = std::max(1, budget / int(count - 1 - i));
        const int n = std::min(subdivisionsFor(s0 > 0 ? normalised(p0) : na, s1 < 1 ? normalised(p1) : nb), share);
        budget = std::max(0, budget - n);
        for (int k = 1; k <= n; ++k)
            camera.push_back(k == n ? p1 : p0 + (double(k) / n) * (p1 - p0));
        if (s1 < 1)
            flush(); // the rest goes behind the camera
    }
    if (count >= 2)
        flush();

    out.pixels.resize(camera.size());
    projectCameraPoints(camera.data(), camera.size(), out.pixels.data());
}

int Projector::subdivisionsFor(const cv::Point2d &a, const cv::Point2d &b) const
{
    if (std::isinf(m_distortionLimit))
        return 1; // no (or all-zero) distortion: a pinhole maps straight lines to straight lines
    // Pinhole length of the projected segment decides how finely to cut it.
    const double du = m_intrinsics.fx * (b.x - a.x);
    const double dv = m_intrinsics.fy * (b.y - a.y);
    const double length2 = du * du + dv * dv;
    if (length2 <= kMaxPieceLength * kMaxPieceLength)
        return 1; // most segments of a dense stroke: no square root needed
    const double length = std::sqrt(length2); // finite inputs: no need for hypot's care (and cost)
    const double pieces = length / kMaxPieceLength;
    if (!(pieces < kMaxSubdivisions))
        return kMaxSubdivisions; // also infinite and NaN
    // ceil without std::ceil (no SSE2 instruction): pieces is in [0, 64).
    const int whole = int(pieces);
    return std::max(1, whole + (double(whole) < pieces ? 1 : 0));
}

void Projector::projectCameraPoints(const cv::Vec3d *camera, size_t count, cv::Point2d *pixels) const
{
    if (count == 0)
        return;
    // OpenCV's tilted-sensor model (coefficients 13 and 14) goes through
    // cv::projectPoints; every other model is worked out here, the same
    // formula without its per-call set-up.
    if (m_tilted) {
        projectCameraPointsThroughOpenCv(camera, count, pixels);
        return;
    }
    const std::vector<double> &d = m_intrinsics.distortion;
    const auto k = [&d](size_t i) { return i < d.size() ? d[i] : 0.0; };
    const double k1 = k(0), k2 = k(1), p1 = k(2), p2 = k(3), k3 = k(4), k4 = k(5), k5 = k(6), k6 = k(7);
    const double s1 = k(8), s2 = k(9), s3 = k(10), s4 = k(11);
    const double fx = m_intrinsics.fx, fy = m_intrinsics.fy, cx = m_intrinsics.cx, cy = m_intrinsics.cy;
    const bool distorted = !std::isinf(m_distortionLimit);
    for (size_t i = 0; i < count; ++i) {
        const cv::Vec3d &c = camera[i];
        const double inverseZ = 1 / c[2];
        double x = c[0] * inverseZ, y = c[1] * inverseZ;
        // Points past the trusted radius are projected at that radius and
        // then pushed outwards from the principal point by the remaining
        // ratio: the result is continuous at the limit and keeps heading
        // out of the image.
        double stretch = 1.0;
        if (distorted) {
            const double radius2 = x * x + y * y;
            if (radius2 > m_distortionLimit * m_distortionLimit) {
                const double r = std::sqrt(radius2);
                const double f = m_distortionLimit / r;
                x *= f;
                y *= f;
                stretch = r / m_distortionLimit;
            }
            const double r2 = x * x + y * y, r4 = r2 * r2, r6 = r4 * r2;
            const double radial = (1 + k1 * r2 + k2 * r4 + k3 * r6) / (1 + k4 * r2 + k5 * r4 + k6 * r6);
            const double xy2 = 2 * x * y;
            const double xd = x * radial + p1 * xy2 + p2 * (r2 + 2 * x * x) + s1 * r2 + s2 * r4;
            const double yd = y * radial + p1 * (r2 + 2 * y * y) + p2 * xy2 + s3 * r2 + s4 * r4;
            x = xd;
            y = yd;
        }
        pixels[i] = cv::Point2d(cx + fx * x * stretch, cy + fy * y * stretch);
    }
}

void Projector::projectCameraPointsThroughOpenCv(const cv::Vec3d *camera, size_t count, cv::Point2d *out) const
{
    std::vector<cv::Point3d> object;
    std::vector<double> stretch(count, 1.0);
    object.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const cv::Vec3d &c = camera[i];
        const double x = c[0] / c[2], y = c[1] / c[2];
        const double r = std::hypot(x, y);
        if (r > m_distortionLimit) {
            const double f = m_distortionLimit / r;
            object.emplace_back(x * f, y * f, 1.0);
            stretch[i] = r / m_distortionLimit;
        } else {
            object.emplace_back(c[0], c[1], c[2]);
        }
    }
    const cv::Vec3d zero(0, 0, 0);
    std::vector<cv::Point2d> pixels;
    cv::projectPoints(object, zero, zero, m_intrinsics.cameraMatrix(), m_distortion, pixels);
    const cv::Point2d centre(m_intrinsics.cx, m_intrinsics.cy);
    for (size_t i = 0; i < count; ++i)
        out[i] = stretch[i] != 1.0 ? centre + (pixels[i] - centre) * stretch[i] : pixels[i];
}

} // namespace sl
