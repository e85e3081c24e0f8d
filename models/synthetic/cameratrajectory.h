#pragma once

#include "spatial/pose.h"

#include <QtGlobal>

#include <opencv2/core.hpp>

#include <array>

namespace sl {

// Where a synthetic camera is: a camera-to-world rotation in OpenCV camera
// axes (columns: the camera's x right, y down, z forward, in world
// coordinates) and the camera centre in metres, world (y up).
struct CameraPose
{
    cv::Matx33d rotation = cv::Matx33d::eye();
    cv::Vec3d position{0, 0, 0};

    // World point -> OpenCV camera coordinates, metres.
    cv::Vec3d worldToCamera(const cv::Vec3d &world) const { return rotation.t() * (world - position); }
    // The pose as a manifest writes it: in OpenGL axes the camera's y and z
    // are flipped (y up, looking along -z).
    Pose toPose(Axes axes) const;
    // A camera at `eye` looking at `target`, world up +y, rolled by `roll`
    // radians about its view direction (positive turns the image clockwise).
    static CameraPose lookAt(const cv::Vec3d &eye, const cv::Vec3d &target, double roll = 0);
};

// A smooth camera path over a clip, looking at the equipment: an orbit with a
// height bob, a walk towards it, a pan from a standpoint, or a still camera.
// Every path can carry a deterministic hand-held sway. Positions are metres.
class CameraTrajectory
{
public:
    CameraTrajectory() = default; // a still camera at the origin

    static CameraTrajectory still(const CameraPose &pose);
    // Around `target` at `radius` (horizontal) and camera height `height`,
    // from angle `fromAngle` to `toAngle` (radians; 0 is the +z side,
    // positive towards +x), easing in and out; the height bobs by `bob`.
    static CameraTrajectory orbit(const cv::Vec3d &target, double radius, double height, double fromAngle,
                                  double toAngle, double duration, double bob = 0.04);
    // From `from` to `to`, looking at `target`, with a walker's step bob.
    static CameraTrajectory walkIn(const cv::Vec3d &target, const cv::Vec3d &from, const cv::Vec3d &to,
                                   double duration);
    // Standing at `eye`, turning from `fromTarget` to `toTarget`.
    static CameraTrajectory pan(const cv::Vec3d &eye, const cv::Vec3d &fromTarget, const cv::Vec3d &toTarget,
                                double duration);

    // The same path with a smooth sway of about `metres` and `roll` radians,
    // its phases drawn from `seed`.
    CameraTrajectory withSway(double metres, double roll, quint32 seed) const;

    // The camera at `seconds` from the start (clamped to the path).
    CameraPose at(double seconds) const;
    double duration() const { return m_duration; }

private:
    enum class Kind { Still, Orbit, WalkIn, Pan };

    Kind m_kind = Kind::Still;
    CameraPose m_still;
    cv::Vec3d m_target{0, 0, 0};    // orbit/walk: looked at; pan: first target
    cv::Vec3d m_targetEnd{0, 0, 0}; // pan: last target
    cv::Vec3d m_from{0, 0, 0};      // walk: start; pan: the eye
    cv::Vec3d m_to{0, 0, 0};        // walk: end
    double m_radius = 0;
    double m_height = 0;
    double m_angleFrom = 0;
    double m_angleTo = 0;
    double m_bob = 0;
    double m_duration = 0;
    double m_sway = 0;
    double m_roll = 0;
    std::array<double, 8> m_phases{};
};

} // namespace sl
