#pragma once

// Helpers shared by the projection tests, written independently of the code
// under test.

#include "spatial/pose.h"

#include <opencv2/core.hpp>

#include <cmath>

namespace sl::test {

// Camera-to-world matrix of a camera at `eye` looking at `target` (world y
// up), rolled by `roll` radians about the view direction, in the given axes
// convention: its columns are the camera axes in world coordinates.
inline cv::Matx44d lookAt(const cv::Vec3d &eye, const cv::Vec3d &target, Axes axes, double roll = 0)
{
    const cv::Vec3d forward = cv::normalize(target - eye);
    const cv::Vec3d right0 = cv::normalize(forward.cross(cv::Vec3d(0, 1, 0)));
    const cv::Vec3d down0 = forward.cross(right0);
    const cv::Vec3d right = std::cos(roll) * right0 + std::sin(roll) * down0;
    const cv::Vec3d down = forward.cross(right);
    cv::Vec3d cx = right, cy = down, cz = forward; // OpenCV: x right, y down, z forward
    if (axes == Axes::OpenGL) {
        cy = -down;    // y up
        cz = -forward; // z backward
    }
    return cv::Matx44d(cx[0], cy[0], cz[0], eye[0],
                       cx[1], cy[1], cz[1], eye[1],
                       cx[2], cy[2], cz[2], eye[2],
                       0, 0, 0, 1);
}

} // namespace sl::test
