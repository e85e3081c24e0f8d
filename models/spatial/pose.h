#pragma once

#include <opencv2/core.hpp>

namespace sl {

// Camera axes convention of a capture's poses (CAPTURE-FORMAT.md "axes").
enum class Axes {
    OpenCV, // x right, y down, z forward
    OpenGL, // x right, y up, z backward (ARKit, HoloLens)
};

// A unit quaternion, stored x, y, z, w as in the manifest.
struct Quaternion
{
    double x = 0, y = 0, z = 0, w = 1;

    double norm() const;
    Quaternion normalized() const;
    cv::Matx33d toRotationMatrix() const;
    static Quaternion fromRotationMatrix(const cv::Matx33d &r);
    // Shortest-path spherical interpolation, s in [0, 1].
    static Quaternion slerp(const Quaternion &a, const Quaternion &b, double s);
};

// A rigid camera-to-world transform: maps a point in camera coordinates
// (in the capture's axes convention) to world coordinates. Metres.
struct Pose
{
    cv::Vec3d position{0, 0, 0};
    Quaternion rotation;

    cv::Matx44d toMatrix() const;
    // From a row-major 4x4 rigid matrix (last row 0 0 0 1 is the caller's check).
    static Pose fromMatrix(const cv::Matx44d &m);
    // World point -> camera coordinates of the same axes convention.
    cv::Vec3d worldToCamera(const cv::Vec3d &world) const;
};

} // namespace sl
