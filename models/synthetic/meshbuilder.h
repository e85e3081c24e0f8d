#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace sl {

// One flat, convex, single-coloured polygon of a synthetic scene. World
// coordinates in metres (y up); vertices wind counter-clockwise seen from the
// side the normal points to.
struct SceneFace
{
    std::vector<cv::Vec3d> vertices;
    cv::Vec3d normal{0, 1, 0}; // unit, outward
    cv::Vec3b color;           // BGR, flat-shaded once for the scene's fixed light
    int layer = 2;             // drawing order: 0 floor, 1 base plate, 2 the rest by depth
    int attachedTo = -1;       // lies on or stands on that face: drawn right after it, hidden with it
};

// Builds the faces of simple solids (boxes, cylinders, rings) with outward
// normals and flat shading; large faces are cut into cells so that sorting
// faces by depth (painter's algorithm) stays correct between touching parts.
class MeshBuilder
{
public:
    // How far a decal floats over the face it lies on, metres: enough to be
    // in front, too little to see.
    static constexpr double kDecalLift = 0.0005;

    MeshBuilder() = default;

    void setLayer(int layer) { m_layer = layer; }
    // Largest edge of a face before it is cut into cells, metres.
    void setMaxCell(double metres) { m_maxCell = metres; }
    // Faces added until detach() stand on the face under `point` (bolts on a
    // flange, a nameplate on a motor): they are drawn after it and hidden
    // when it faces away. False when no face lies under the point.
    bool attachTo(const cv::Vec3d &point);
    void detach() { m_attachedTo = -1; }

    // An axis-aligned box from its two opposite corners.
    void box(const cv::Vec3d &minCorner, const cv::Vec3d &maxCorner, const cv::Vec3b &color);
    // A box with its own axes (unit, orthogonal) and half sizes along them.
    void orientedBox(const cv::Vec3d &centre, const cv::Vec3d &u, const cv::Vec3d &v, const cv::Vec3d &w,
                     const cv::Vec3d &halfSize, const cv::Vec3b &color);
    // A prism of `segments` sides around the axis a -> b. The side facets are
    // centred on the directions `reference` + k * 360 deg / segments around the axis.
    void cylinder(const cv::Vec3d &a, const cv::Vec3d &b, double radius, int segments, const cv::Vec3b &color,
                  const cv::Vec3d &reference = {0, 1, 0});
    // A ring (handwheel rim) of square cross-section in the plane through
    // `centre` normal to `axis`; one face of each segment looks along `axis`.
    // Segment k is centred at angle k * 360 deg / segments from `reference`.
    void ring(const cv::Vec3d &centre, const cv::Vec3d &axis, const cv::Vec3d &reference, double radius,
              double tubeHalf, int segments, const cv::Vec3b &color);
    // A flat rectangle lying on an existing face (found by `centre`, which
    // must lie on it), with edges along `u` (half `halfU`) and `v` (half
    // `halfV`) and its normal u x v: nameplate text, labels, panels. With
    // `sides` > 4 it is the inscribed regular polygon (a round button). A face
    // that carries decals must not be cut into cells. Returns its index.
    int decal(const cv::Vec3d &centre, const cv::Vec3d &u, double halfU, const cv::Vec3d &v, double halfV,
              const cv::Vec3b &color, int sides = 4);
    // One convex polygon; its normal is made to point away from `inside`.
    void face(std::vector<cv::Vec3d> vertices, const cv::Vec3d &inside, const cv::Vec3b &color);

    const std::vector<SceneFace> &faces() const { return m_faces; }
    std::vector<SceneFace> takeFaces() { return std::move(m_faces); }

    // The topmost face (decals over what they lie on) whose polygon contains
    // `point` within `tolerance` metres; -1 when none does.
    static int faceContaining(const std::vector<SceneFace> &faces, const cv::Vec3d &point,
                              double tolerance = 1e-6);
    // Flat shading for the scene's light (from above, front right).
    static cv::Vec3b shade(const cv::Vec3b &color, const cv::Vec3d &normal);
    // The mean of a face's vertices, metres; the origin for none.
    static cv::Vec3d centroid(const std::vector<cv::Vec3d> &vertices);

private:
    int addFace(std::vector<cv::Vec3d> vertices, const cv::Vec3d &normal, const cv::Vec3b &color);
    // A quad cut into cells no larger than m_maxCell; returns the first cell.
    int quad(const cv::Vec3d &p0, const cv::Vec3d &p1, const cv::Vec3d &p2, const cv::Vec3d &p3,
             const cv::Vec3d &normal, const cv::Vec3b &color);

    std::vector<SceneFace> m_faces;
    int m_layer = 2;
    int m_attachedTo = -1;
    double m_maxCell = 0.25;
};

} // namespace sl
