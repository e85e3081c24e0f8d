#pragma once

#include "spatial/cameraintrinsics.h"
#include "spatial/pose.h"

#include <opencv2/core.hpp>

namespace sl {

// A video frame turned for display (90, 180 or 270 degrees clockwise, the
// container's display matrix) made into a still picture of its own: the
// camera, its pose and image markup turned with the pixels, so that the
// picture projects world markup exactly where the player drew it (which
// projects in sensor pixels, then turns with DisplayRotation::sensorToDisplay).
// Each quarter turn maps a sensor point (x, y) of a W x H frame to (H - y, x).
namespace SnapshotTurn {

// The intrinsics of the turned picture: width and height swap each quarter
// turn, fx/fy and cx/cy follow the axes, and the tangential distortion
// coefficients (p1, p2) turn with them (radial ones do not change).
CameraIntrinsics camera(const CameraIntrinsics &sensor, int clockwise);
// The camera-to-world pose of the turned camera (it turns about its optical
// axis), in the same axes convention.
Pose pose(const Pose &sensor, Axes axes, int clockwise);
// A point in normalised image coordinates (0..1, top-left origin).
cv::Point2d imagePoint(cv::Point2d sensor, int clockwise);

} // namespace SnapshotTurn

} // namespace sl
