#include "synthetic/cameratrajectory.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace sl {

namespace {

// Smooth start and stop: 0 -> 0, 1 -> 1, zero speed at both ends.
double ease(double s)
{
    return 0.5 - 0.5 * std::cos(CV_PI * std::clamp(s, 0.0, 1.0));
}

} // namespace

Pose CameraPose::toPose(Axes axes) const
{
    // An OpenGL camera point (x, y, z) is the OpenCV point (x, -y, -z).
    const cv::Matx33d r =
        axes == Axes::OpenGL ? rotation * cv::Matx33d(1, 0, 0, 0, -1, 0, 0, 0, -1) : rotation;
    Pose pose;
    pose.position = position;
    pose.rotation = Quaternion::fromRotationMatrix(r);
    return pose;
}

CameraPose CameraPose::lookAt(const cv::Vec3d &eye, const cv::Vec3d &target, double roll)
{
    const cv::Vec3d up(0, 1, 0);
    cv::Vec3d forward = target - eye;
    forward = cv::norm(forward) > 0 ? cv::normalize(forward) : cv::Vec3d(0, 0, -1);
    cv::Vec3d right = forward.cross(up);
    if (cv::norm(right) < 1e-9) // looking straight up or down
        right = cv::Vec3d(1, 0, 0);
    right = cv::normalize(right);
    cv::Vec3d down = forward.cross(right);
    if (roll != 0) {
        const double c = std::cos(roll), s = std::sin(roll);
        const cv::Vec3d r2 = c * right + s * down;
        down = c * down - s * right;
        right = r2;
    }
    CameraPose pose;
    pose.position = eye;
    for (int row = 0; row < 3; ++row) { // columns: the camera's axes in the world
        pose.rotation(row, 0) = right[row];
        pose.rotation(row, 1) = down[row];
        pose.rotation(row, 2) = forward[row];
    }
    return pose;
}

CameraTrajectory CameraTrajectory::still(const CameraPose &pose)
{
    CameraTrajectory t;
    t.m_kind = Kind::Still;
    t.m_still = pose;
    return t;
}

CameraTrajectory CameraTrajectory::orbit(const cv::Vec3d &target, double radius, double height,
                                         double fromAngle, double toAngle, double duration, double bob)
{
    CameraTrajectory t;
    t.m_kind = Kind::Orbit;
    t.m_target = target;
    t.m_radius = radius;
    t.m_height = height;
    t.m_angleFrom = fromAngle;
    t.m_angleTo = toAngle;
    t.m_bob = bob;
    t.m_duration = std::max(0.0, duration);
    return t;
}

CameraTrajectory CameraTrajectory::walkIn(const cv::Vec3d &target, const cv::Vec3d &from, const cv::Vec3d &to,
                                          double duration)
{
    CameraTrajectory t;
    t.m_kind = Kind::WalkIn;
    t.m_target = target;
    t.m_from = from;
    t.m_to = to;
    t.m_bob = 0.012;
    t.m_duration = std::max(0.0, duration);
    return t;
}

CameraTrajectory CameraTrajectory::pan(const cv::Vec3d &eye, const cv::Vec3d &fromTarget,
                                       const cv::Vec3d &toTarget, double duration)
{
    CameraTrajectory t;
    t.m_kind = Kind::Pan;
    t.m_from = eye;
    t.m_target = fromTarget;
    t.m_targetEnd = toTarget;
    t.m_duration = std::max(0.0, duration);
    return t;
}

CameraTrajectory CameraTrajectory::withSway(double metres, double roll, quint32 seed) const
{
    CameraTrajectory t = *this;
    t.m_sway = metres;
    t.m_roll = roll;
    // std::mt19937 is specified bit for bit: the same seed, the same phases
    // on every platform.
    std::mt19937 random(seed);
    for (double &phase : t.m_phases)
        phase = double(random()) / 4294967296.0 * 2 * CV_PI;
    return t;
}

CameraPose CameraTrajectory::at(double seconds) const
{
    const double t = std::clamp(std::isfinite(seconds) ? seconds : 0.0, 0.0, m_duration);
    const double s = m_duration > 0 ? t / m_duration : 0.0;

    cv::Vec3d eye, target;
    double roll = 0;
    switch (m_kind) {
    case Kind::Still:
        if (m_sway == 0 && m_roll == 0)
            return m_still;
        eye = m_still.position;
        target = eye + m_still.rotation * cv::Vec3d(0, 0, 1);
        break;
    case Kind::Orbit: {
        const double angle = m_angleFrom + (m_angleTo - m_angleFrom) * ease(s);
        eye = m_target + cv::Vec3d(m_radius * std::sin(angle), 0, m_radius * std::cos(angle));
        eye[1] = m_height + m_bob * std::sin(2 * CV_PI * t / 5.0);
        target = m_target;
        break;
    }
    case Kind::WalkIn:
        eye = m_from + (m_to - m_from) * ease(s);
        eye[1] += m_bob * std::sin(2 * CV_PI * 1.8 * t); // steps
        target = m_target;
        break;
    case Kind::Pan:
        eye = m_from;
        target = m_target + (m_targetEnd - m_target) * ease(s);
        break;
    }

    if (m_sway != 0 || m_roll != 0) {
        // Slow, incommensurate sines: smooth and never quite repeating.
        const double w = 2 * CV_PI * t;
        const auto &p = m_phases;
        eye += m_sway * cv::Vec3d(std::sin(0.31 * w + p[0]) + 0.4 * std::sin(0.83 * w + p[1]),
                                  0.6 * std::sin(0.47 * w + p[2]) + 0.3 * std::sin(1.13 * w + p[3]),
                                  std::sin(0.37 * w + p[4]) + 0.4 * std::sin(0.71 * w + p[5]));
        target += 0.5 * m_sway * cv::Vec3d(std::sin(0.29 * w + p[6]), std::sin(0.53 * w + p[7]), 0);
        roll = m_roll * (std::sin(0.23 * w + p[1]) + 0.5 * std::sin(0.61 * w + p[4]));
    }
    return CameraPose::lookAt(eye, target, roll);
}

} // namespace sl
