#include "annotation/snapshotturn.h"

namespace sl::SnapshotTurn {

namespace {

int quarterTurns(int clockwise)
{
    return ((clockwise / 90) % 4 + 4) % 4;
}

// One quarter turn clockwise: display x = H - sensor y, display y = sensor x.
CameraIntrinsics quarter(const CameraIntrinsics &k)
{
    CameraIntrinsics turned = k;
    turned.width = k.height;
    turned.height = k.width;
    turned.fx = k.fy;
    turned.fy = k.fx;
    turned.cx = k.height - k.cy;
    turned.cy = k.cx;
    // With x' = -y, y' = x the tangential terms become p1' = p2, p2' = -p1.
    if (turned.distortion.size() >= 4) {
        turned.distortion[2] = k.distortion[3];
        turned.distortion[3] = -k.distortion[2];
    }
    return turned;
}

} // namespace

CameraIntrinsics camera(const CameraIntrinsics &sensor, int clockwise)
{
    CameraIntrinsics k = sensor;
    for (int i = 0; i < quarterTurns(clockwise); ++i)
        k = quarter(k);
    return k;
}

Pose pose(const Pose &sensor, Axes axes, int clockwise)
{
    // Old camera coordinates from the turned camera's: in OpenCV axes
    // x = y', y = -x' (z unchanged); in OpenGL axes (y and z negated)
    // x = -y', y = x'.
    const cv::Matx44d quarterTurn = axes == Axes::OpenCV
                                        ? cv::Matx44d(0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)
                                        : cv::Matx44d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
    if (quarterTurns(clockwise) == 0)
        return sensor; // unchanged, not re-derived through a matrix
    cv::Matx44d m = sensor.toMatrix();
    for (int i = 0; i < quarterTurns(clockwise); ++i)
        m = m * quarterTurn;
    return Pose::fromMatrix(m);
}

cv::Point2d imagePoint(cv::Point2d sensor, int clockwise)
{
    cv::Point2d p = sensor;
    for (int i = 0; i < quarterTurns(clockwise); ++i)
        p = cv::Point2d(1.0 - p.y, p.x);
    return p;
}

} // namespace sl::SnapshotTurn
