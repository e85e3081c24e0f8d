#include "synthetic/scenerenderer.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Fixed-point bits of polygon vertices: 1/16 pixel precision.
constexpr int kShift = 4;
constexpr double kOne = 1 << kShift;
// Longest projected edge piece with distortion, pixels.
constexpr double kDistortedPiece = 24.0;
constexpr int kMaxPieces = 16;

// A plane a*x + b*y + c*z >= 0 in camera coordinates (through the centre).
struct ClipPlane
{
    double a, b, c, d; // a x + b y + c z + d >= 0 keeps
    double at(const cv::Vec3d &p) const { return a * p[0] + b * p[1] + c * p[2] + d; }
};

// Sutherland-Hodgman against one plane; `out` receives the kept polygon.
void clip(const std::vector<cv::Vec3d> &in, const ClipPlane &plane, std::vector<cv::Vec3d> &out)
{
    out.clear();
    const size_t n = in.size();
    for (size_t i = 0; i < n; ++i) {
        const cv::Vec3d &a = in[i];
        const cv::Vec3d &b = in[(i + 1) % n];
        const double fa = plane.at(a), fb = plane.at(b);
        if (fa >= 0)
            out.push_back(a);
        if ((fa >= 0) != (fb >= 0))
            out.push_back(a + (b - a) * (fa / (fa - fb)));
    }
}

} // namespace

SceneRenderer::SceneRenderer(const DemoScene &scene) : m_scene(scene)
{
    const auto &faces = m_scene.faces();
    m_centroids.reserve(faces.size());
    m_root.resize(faces.size());
    m_rank.resize(faces.size());
    for (size_t i = 0; i < faces.size(); ++i) {
        m_centroids.push_back(MeshBuilder::centroid(faces[i].vertices));
        // Attached faces always come after what they stand on.
        const int parent = faces[i].attachedTo;
        const bool attached = parent >= 0 && size_t(parent) < i;
        m_root[i] = attached ? m_root[size_t(parent)] : int(i);
        m_rank[i] = attached ? m_rank[size_t(parent)] + 1 : 0;
    }
}

void SceneRenderer::prepareBackground(cv::Size size)
{
    if (m_background.size() == size)
        return;
    // A plain hall wall: lighter towards the top.
    m_background.create(size, CV_8UC3);
    for (int y = 0; y < size.height; ++y) {
        const double s = double(y) / std::max(1, size.height - 1);
        m_background.row(y).setTo(cv::Scalar(212 - 40 * s, 205 - 42 * s, 196 - 44 * s));
    }
}

cv::Mat SceneRenderer::render(const CameraIntrinsics &camera, const CameraPose &pose)
{
    cv::Mat image;
    render(camera, pose, image);
    return image;
}

void SceneRenderer::render(const CameraIntrinsics &camera, const CameraPose &pose, cv::Mat &image)
{
    const cv::Size size(camera.width, camera.height);
    if (!camera.isValid()) {
        image.release();
        return;
    }
    prepareBackground(size);
    m_background.copyTo(image);

    const auto &faces = m_scene.faces();
    const cv::Matx33d worldToCamera = pose.rotation.t();
    const cv::Vec3d eye = pose.position;
    const cv::Mat distortion = camera.distortionCoeffs();
    const bool distorted = !distortion.empty() && cv::countNonZero(distortion) > 0;

    // The view's edges in normalised coordinates, with a margin (wider with
    // distortion, which shows more towards the corners).
    const double margin = distorted ? 0.25 : 0.05;
    const double x0 = (-0.5 - camera.cx) / camera.fx, x1 = (camera.width - 0.5 - camera.cx) / camera.fx;
    const double y0 = (-0.5 - camera.cy) / camera.fy, y1 = (camera.height - 0.5 - camera.cy) / camera.fy;
    const double mx = margin * (x1 - x0), my = margin * (y1 - y0);
    const ClipPlane planes[] = {
        {0, 0, 1, -kNearPlane}, // z >= near
        {1, 0, -(x0 - mx), 0},  // x >= xmin z
        {-1, 0, x1 + mx, 0},    // x <= xmax z
        {0, 1, -(y0 - my), 0},  // y >= ymin z
        {0, -1, y1 + my, 0},    // y <= ymax z
    };

    // 1. Cull faces turned away (and whatever stands on them), clip the rest.
    m_visible.assign(faces.size(), 0);
    m_cameraPoints.clear();
    m_items.clear();
    for (size_t i = 0; i < faces.size(); ++i) {
        const SceneFace &face = faces[i];
        const int parent = face.attachedTo;
        if (parent >= 0 && !m_visible[size_t(parent)])
            continue;
        if (face.normal.dot(eye - face.vertices.front()) <= 0)
            continue;
        m_visible[i] = 1;

        m_clipA.clear();
        for (const cv::Vec3d &v : face.vertices)
            m_clipA.push_back(worldToCamera * (v - eye));
        for (const ClipPlane &plane : planes) {
            clip(m_clipA, plane, m_clipB);
            std::swap(m_clipA, m_clipB);
            if (m_clipA.size() < 3)
                break;
        }
        if (m_clipA.size() < 3)
            continue;

        Item item;
        item.face = int(i);
        item.layer = face.layer;
        item.rank = m_rank[i];
        item.depth = (worldToCamera * (m_centroids[size_t(m_root[i])] - eye))[2];
        item.first = int(m_cameraPoints.size());
        const size_t n = m_clipA.size();
        for (size_t k = 0; k < n; ++k) {
            const cv::Vec3d &a = m_clipA[k];
            m_cameraPoints.emplace_back(a[0], a[1], a[2]);
            if (!distorted)
                continue;
            // Cut the edge so that distortion can bend it.
            const cv::Vec3d &b = m_clipA[(k + 1) % n];
            const double du = camera.fx * (b[0] / b[2] - a[0] / a[2]);
            const double dv = camera.fy * (b[1] / b[2] - a[1] / a[2]);
            const int pieces =
                std::clamp(int(std::ceil(std::hypot(du, dv) / kDistortedPiece)), 1, kMaxPieces);
            for (int p = 1; p < pieces; ++p) {
                const cv::Vec3d q = a + (b - a) * (double(p) / pieces);
                m_cameraPoints.emplace_back(q[0], q[1], q[2]);
            }
        }
        item.count = int(m_cameraPoints.size()) - item.first;
        m_items.push_back(item);
    }
    if (m_items.empty())
        return;

    // 2. All vertices to pixels in one call (points are already in camera
    //    coordinates: no rotation, no translation).
    cv::projectPoints(m_cameraPoints, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0), camera.cameraMatrix(),
                      distortion, m_pixels);

    // 3. Far to near within a layer; the floor and the base plate (layers 0
    //    and 1) keep their order; attached faces follow what they stand on.
    std::stable_sort(m_items.begin(), m_items.end(), [](const Item &a, const Item &b) {
        if (a.layer != b.layer)
            return a.layer < b.layer;
        if (a.layer < 2)
            return a.face < b.face;
        if (a.depth != b.depth)
            return a.depth > b.depth;
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return a.face < b.face;
    });

    // 4. Fill, antialiased, at 1/16 pixel precision.
    for (const Item &item : m_items) {
        m_polygon.clear();
        for (int k = 0; k < item.count; ++k) {
            const cv::Point2d &p = m_pixels[size_t(item.first + k)];
            m_polygon.emplace_back(int(std::lround(p.x * kOne)), int(std::lround(p.y * kOne)));
        }
        const cv::Vec3b &c = faces[size_t(item.face)].color;
        const cv::Scalar color(c[0], c[1], c[2]);
        if (distorted) {
            const cv::Point *points = m_polygon.data();
            const int count = int(m_polygon.size());
            cv::fillPoly(image, &points, &count, 1, color, cv::LINE_AA, kShift);
        } else {
            cv::fillConvexPoly(image, m_polygon.data(), int(m_polygon.size()), color, cv::LINE_AA, kShift);
        }
    }
}

} // namespace sl
