#pragma once

#include "spatial/cameraintrinsics.h"
#include "synthetic/cameratrajectory.h"
#include "synthetic/demoscene.h"

#include <opencv2/core.hpp>

#include <vector>

namespace sl {

// Renders a DemoScene for one camera into a BGR image: back faces culled,
// faces clipped at the near plane and the view's edges, sorted far to near
// (painter's algorithm) and filled antialiased; vertices go through
// cv::projectPoints, with edges subdivided so that lens distortion bends
// them. Not thread-safe (it reuses buffers): one renderer per thread.
class SceneRenderer
{
public:
    explicit SceneRenderer(const DemoScene &scene = DemoScene::pumpSkid());

    // Renders what `camera` (intrinsics of the output image, distortion
    // honoured) sees from `pose` into `image`, which becomes
    // camera.width x camera.height, CV_8UC3 (BGR).
    void render(const CameraIntrinsics &camera, const CameraPose &pose, cv::Mat &image);
    cv::Mat render(const CameraIntrinsics &camera, const CameraPose &pose);

    // Nearest distance drawn, metres along the view direction.
    static constexpr double kNearPlane = 0.02;

private:
    struct Item
    {
        double depth; // metres, camera z of the face (or of the face it stands on)
        int layer;
        int rank; // 0 for a face, n for one attached n levels deep
        int face;
        int first; // into m_pixels
        int count;
    };

    void prepareBackground(cv::Size size);

    const DemoScene &m_scene;
    std::vector<cv::Vec3d> m_centroids; // per face, world
    std::vector<int> m_root;            // per face: the face at the bottom of its attachment chain
    std::vector<int> m_rank;            // per face: length of that chain
    cv::Mat m_background;

    // Per-frame buffers, reused.
    std::vector<char> m_visible;
    std::vector<cv::Point3d> m_cameraPoints;
    std::vector<cv::Point2d> m_pixels;
    std::vector<Item> m_items;
    std::vector<cv::Point> m_polygon;
    std::vector<cv::Vec3d> m_clipA, m_clipB;
};

} // namespace sl
