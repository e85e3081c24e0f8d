#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace sl {

// Pinhole intrinsics in pixels of an image width x height (CAPTURE-FORMAT.md
// "camera"). Distortion uses OpenCV's order: k1, k2, p1, p2[, k3[, k4, k5, k6]].
struct CameraIntrinsics
{
    int width = 0;  // pixels
    int height = 0; // pixels
    double fx = 0, fy = 0, cx = 0, cy = 0; // pixels
    std::vector<double> distortion;        // empty means none

    // The same camera for media decoded at another size (a downscaled proxy):
    // fx, cx scale by the width ratio, fy, cy by the height ratio.
    CameraIntrinsics scaledTo(int decodedWidth, int decodedHeight) const;
    cv::Matx33d cameraMatrix() const;
    // Distortion as a cv::Mat (1xN, CV_64F); an empty Mat when there is none.
    cv::Mat distortionCoeffs() const;
    bool isValid() const { return width > 0 && height > 0 && fx > 0 && fy > 0; }
};

} // namespace sl
