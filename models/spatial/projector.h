#pragma once

#include "spatial/cameraintrinsics.h"
#include "spatial/pose.h"

#include <opencv2/core.hpp>

#include <optional>
#include <vector>

namespace sl {

// Projects world-space points and polylines into the pixels of one frame
// (CAPTURE-FORMAT.md "Projection"): world -> camera through the inverse pose,
// OpenGL axes flipped to OpenCV's, near-plane clipping, then distortion and
// intrinsics via cv::projectPoints.
class Projector
{
public:
    // Points nearer than this (metres, along the view direction) are behind.
    static constexpr double kNearPlane = 0.01;

    // intrinsics must already be scaled to the target image size.
    Projector(const CameraIntrinsics &intrinsics, const Pose &cameraToWorld, Axes axes);

    // World point (metres) -> OpenCV camera coordinates (z forward).
    cv::Vec3d toCameraCv(const cv::Vec3d &world) const;
    // A single point; nullopt when it is behind the near plane.
    std::optional<cv::Point2d> projectPoint(const cv::Vec3d &world) const;
    // A polyline clipped at the near plane: zero or more visible pieces, each
    // a pixel polyline. Segments are subdivided so that distortion bends them.
    std::vector<std::vector<cv::Point2d>> projectPolyline(const std::vector<cv::Vec3d> &world) const;

    // The visible pieces of polylines, all in one buffer: what a renderer
    // keeps from frame to frame, so that projecting many strokes allocates
    // nothing once its buffers have grown.
    struct Pieces
    {
        std::vector<cv::Point2d> pixels; // every piece's pixels, one after the other
        std::vector<size_t> ends;        // per piece: one past its last index in `pixels`
        std::vector<cv::Vec3d> camera;   // scratch: the pieces in OpenCV camera coordinates
        void clear()
        {
            pixels.clear();
            ends.clear();
            camera.clear();
        }
    };
    // The same as projectPolyline() (the one rule of clipping and
    // subdivision), `world` of `count` points, its pieces written to `out`
    // (cleared first).
    void projectPolyline(const cv::Vec3d *world, size_t count, Pieces &out) const;

    // Normalised image radius (x/z, y/z) up to which the distortion model is
    // trusted; beyond it projection continues linearly (see projector.cpp).
    double distortionLimit() const { return m_distortionLimit; }

private:
    // OpenCV camera coordinates (all z > 0) -> pixels, with the distortion guard.
    void projectCameraPoints(const cv::Vec3d *camera, size_t count, cv::Point2d *pixels) const;
    // The same through cv::projectPoints (the tilted-sensor model).
    void projectCameraPointsThroughOpenCv(const cv::Vec3d *camera, size_t count, cv::Point2d *pixels) const;
    // Number of pieces a visible camera-space segment is cut into before
    // projection, from its ends' normalised image points (x/z, y/z).
    int subdivisionsFor(const cv::Point2d &a, const cv::Point2d &b) const;

    CameraIntrinsics m_intrinsics;
    cv::Matx33d m_worldToCamR; // world -> OpenCV camera axes
    cv::Vec3d m_worldToCamT;
    cv::Mat m_distortion;            // empty when there is none
    double m_distortionLimit = 0;    // normalised radius; infinity without distortion
    bool m_tilted = false;           // the tilted-sensor model: through cv::projectPoints
};

} // namespace sl
