#pragma once

#include "synthetic/meshbuilder.h"

#include <QString>

#include <opencv2/core.hpp>

#include <vector>

namespace sl {

// A named point on a real feature of the synthetic equipment: the ground
// truth that demo markup points at, and that tests project.
struct FeaturePoint
{
    QString name;       // e.g. "inlet flange top bolt"
    cv::Vec3d position; // metres, world (y up)
    cv::Vec3d normal;   // outward normal of the face it lies on
    int face = -1;      // index into DemoScene::faces()
};

// A pump skid in metres, built from coloured convex faces with flat shading:
// base plate with anchor bolts, motor with fan cover and nameplate, coupling
// guard, pump casing with drain plug, inlet pipe and flange, outlet flange,
// valve with handwheel, and a control box with a panel, all standing on a
// tiled floor. World axes: x along the skid (motor at -x, inlet at +x), y up,
// z towards the front (where the nameplate and the control panel face).
class DemoScene
{
public:
    // The one pump skid, built once (thread-safe).
    static const DemoScene &pumpSkid();

    const std::vector<SceneFace> &faces() const { return m_faces; }
    const std::vector<FeaturePoint> &features() const { return m_features; }
    // The feature of that name, or nullptr.
    const FeaturePoint *feature(const QString &name) const;
    // Where cameras look: the middle of the equipment, metres.
    static cv::Vec3d centre() { return {0.0, 0.55, 0.0}; }

private:
    DemoScene();
    void buildFloor(MeshBuilder &mesh);
    void buildSkid(MeshBuilder &mesh);
    void buildMotor(MeshBuilder &mesh);
    void buildPump(MeshBuilder &mesh);
    void buildValve(MeshBuilder &mesh);
    void buildControlBox(MeshBuilder &mesh);
    // Records a feature; `position` must lie on a face built so far.
    void addFeature(const MeshBuilder &mesh, const QString &name, const cv::Vec3d &position);

    std::vector<SceneFace> m_faces;
    std::vector<FeaturePoint> m_features;
};

} // namespace sl
