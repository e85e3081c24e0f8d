#include "spatial/cameraintrinsics.h"

namespace sl {

CameraIntrinsics CameraIntrinsics::scaledTo(int decodedWidth, int decodedHeight) const
{
    if (width <= 0 || height <= 0 || decodedWidth <= 0 || decodedHeight <= 0)
        return *this; // nothing sensible to scale by
    CameraIntrinsics scaled = *this;
    const double sx = double(decodedWidth) / double(width);
    const double sy = double(decodedHeight) / double(height);
    scaled.width = decodedWidth;
    scaled.height = decodedHeight;
    scaled.fx = fx * sx;
    scaled.cx = cx * sx;
    scaled.fy = fy * sy;
    scaled.cy = cy * sy;
    // Distortion acts on normalised coordinates and does not change with size.
    return scaled;
}

cv::Matx33d CameraIntrinsics::cameraMatrix() const
{
    return cv::Matx33d(fx, 0, cx,
                       0, fy, cy,
                       0, 0, 1);
}

cv::Mat CameraIntrinsics::distortionCoeffs() const
{
    if (distortion.empty())
        return cv::Mat();
    cv::Mat coeffs(1, int(distortion.size()), CV_64F);
    for (size_t i = 0; i < distortion.size(); ++i)
        coeffs.at<double>(0, int(i)) = distortion[i];
    return coeffs;
}

} // namespace sl
