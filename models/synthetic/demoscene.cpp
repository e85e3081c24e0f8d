#include "synthetic/demoscene.h"

#include "common/logging.h"

#include <cmath>

namespace sl {

namespace {

// Paint colours, BGR (before shading).
const cv::Vec3b kFloorLight(178, 180, 176);
const cv::Vec3b kFloorDark(150, 153, 150);
const cv::Vec3b kFloorFar(165, 167, 163);
const cv::Vec3b kSafetyLine(30, 200, 240);
const cv::Vec3b kPlate(88, 84, 80);
const cv::Vec3b kBolt(65, 65, 68);
const cv::Vec3b kMotor(155, 100, 40);
const cv::Vec3b kMotorFeet(120, 80, 35);
const cv::Vec3b kFanCover(125, 125, 122);
const cv::Vec3b kNameplate(210, 210, 205);
const cv::Vec3b kPrint(45, 45, 45);
const cv::Vec3b kGuard(25, 185, 235);
const cv::Vec3b kPump(70, 135, 45);
const cv::Vec3b kPedestal(55, 105, 35);
const cv::Vec3b kBrass(60, 150, 195);
const cv::Vec3b kPipe(155, 152, 148);
const cv::Vec3b kFlange(135, 135, 132);
const cv::Vec3b kBore(35, 35, 35);
const cv::Vec3b kValve(115, 95, 75);
const cv::Vec3b kStem(190, 190, 190);
const cv::Vec3b kHandwheel(45, 40, 205);
const cv::Vec3b kPost(100, 100, 100);
const cv::Vec3b kControlBox(190, 195, 195);
const cv::Vec3b kPanel(75, 75, 78);
const cv::Vec3b kLabel(238, 238, 238);
const cv::Vec3b kStart(60, 190, 60);
const cv::Vec3b kStop(50, 50, 210);
const cv::Vec3b kLamp(40, 170, 250);

const cv::Vec3d kX(1, 0, 0), kY(0, 1, 0), kZ(0, 0, 1);

// Motor: a 20-sided prism along x; one facet looks exactly along +z.
constexpr double kMotorY = 0.36, kMotorRadius = 0.2;
constexpr int kMotorSides = 20;
// The control box's front (+z) face and the decals layered on it.
constexpr double kBoxFrontZ = -0.20;
constexpr double kPanelZ = kBoxFrontZ + MeshBuilder::kDecalLift;
constexpr double kLabelZ = kPanelZ + MeshBuilder::kDecalLift;

} // namespace

const DemoScene &DemoScene::pumpSkid()
{
    static const DemoScene scene;
    return scene;
}

const FeaturePoint *DemoScene::feature(const QString &name) const
{
    for (const FeaturePoint &f : m_features) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

DemoScene::DemoScene()
{
    MeshBuilder mesh;
    buildFloor(mesh);
    buildSkid(mesh);
    buildMotor(mesh);
    buildPump(mesh);
    buildValve(mesh);
    buildControlBox(mesh);
    m_faces = mesh.takeFaces();
    qCDebug(lcDemo) << "pump skid:" << m_faces.size() << "faces," << m_features.size() << "features";
}

void DemoScene::addFeature(const MeshBuilder &mesh, const QString &name, const cv::Vec3d &position)
{
    FeaturePoint feature;
    feature.name = name;
    feature.position = position;
    feature.face = MeshBuilder::faceContaining(mesh.faces(), position);
    if (feature.face < 0) {
        qCWarning(lcDemo) << "synthetic scene: feature" << name << "lies on no face";
        return;
    }
    feature.normal = mesh.faces()[size_t(feature.face)].normal;
    m_features.push_back(feature);
}

void DemoScene::buildFloor(MeshBuilder &mesh)
{
    // A checkerboard of 0.5 m tiles around the skid, plain floor beyond:
    // texture for the eye and for trackers. Drawn first, in order.
    mesh.setLayer(0);
    mesh.setMaxCell(100);
    const cv::Vec3d below(0, -1, 0);
    constexpr double tile = 0.5;
    constexpr int half = 8;
    for (int j = -half; j < half; ++j) {
        for (int i = -half; i < half; ++i) {
            const double x0 = i * tile, z0 = j * tile;
            mesh.face({{x0, 0, z0}, {x0 + tile, 0, z0}, {x0 + tile, 0, z0 + tile}, {x0, 0, z0 + tile}}, below,
                      ((i + j) & 1) ? kFloorDark : kFloorLight);
        }
    }
    constexpr double inner = half * tile, outer = 14;
    mesh.face({{-outer, 0, -outer}, {outer, 0, -outer}, {outer, 0, -inner}, {-outer, 0, -inner}}, below,
              kFloorFar);
    mesh.face({{-outer, 0, inner}, {outer, 0, inner}, {outer, 0, outer}, {-outer, 0, outer}}, below,
              kFloorFar);
    mesh.face({{-outer, 0, -inner}, {-inner, 0, -inner}, {-inner, 0, inner}, {-outer, 0, inner}}, below,
              kFloorFar);
    mesh.face({{inner, 0, -inner}, {outer, 0, -inner}, {outer, 0, inner}, {inner, 0, inner}}, below,
              kFloorFar);

    // A painted safety line around the skid.
    constexpr double y = 0.001, lx = 1.3, lz = 0.75, w = 0.05;
    mesh.face({{-lx, y, -lz}, {lx, y, -lz}, {lx, y, -lz + w}, {-lx, y, -lz + w}}, below, kSafetyLine);
    mesh.face({{-lx, y, lz - w}, {lx, y, lz - w}, {lx, y, lz}, {-lx, y, lz}}, below, kSafetyLine);
    mesh.face({{-lx, y, -lz + w}, {-lx + w, y, -lz + w}, {-lx + w, y, lz - w}, {-lx, y, lz - w}}, below,
              kSafetyLine);
    mesh.face({{lx - w, y, -lz + w}, {lx, y, -lz + w}, {lx, y, lz - w}, {lx - w, y, lz - w}}, below,
              kSafetyLine);
}

void DemoScene::buildSkid(MeshBuilder &mesh)
{
    // The base plate is below everything else: its own layer, drawn before.
    mesh.setLayer(1);
    mesh.setMaxCell(100);
    mesh.box({-1.0, 0, -0.45}, {1.0, 0.12, 0.45}, kPlate);

    mesh.setLayer(2);
    mesh.setMaxCell(0.25);
    for (double x : {-0.92, 0.92}) {
        for (double z : {-0.37, 0.37})
            mesh.cylinder({x, 0.12, z}, {x, 0.15, z}, 0.025, 6, kBolt, kX);
    }
    addFeature(mesh, QStringLiteral("base plate anchor bolt"), {0.92, 0.15, 0.37});
}

void DemoScene::buildMotor(MeshBuilder &mesh)
{
    mesh.setMaxCell(0.33);
    mesh.cylinder({-0.85, kMotorY, 0}, {-0.2, kMotorY, 0}, kMotorRadius, kMotorSides, kMotor, kY);
    mesh.box({-0.78, 0.12, -0.17}, {-0.27, 0.2, 0.17}, kMotorFeet);
    mesh.box({-0.6, 0.53, -0.09}, {-0.42, 0.66, 0.09}, kMotor);
    mesh.cylinder({-0.95, kMotorY, 0}, {-0.85, kMotorY, 0}, 0.185, kMotorSides, kFanCover, kY);
    addFeature(mesh, QStringLiteral("motor fan cover centre"), {-0.95, kMotorY, 0});

    // The nameplate stands on the facet that faces +z.
    const double facetZ = kMotorRadius * std::cos(CV_PI / kMotorSides);
    const double plateZ = facetZ + 0.005;
    mesh.attachTo({-0.4, kMotorY, facetZ});
    mesh.box({-0.5, 0.31, facetZ}, {-0.3, 0.41, plateZ}, kNameplate);
    mesh.detach();
    const double lines[][3] = {
        {0.392, -0.40, 0.07}, {0.372, -0.42, 0.05}, {0.352, -0.39, 0.08}, {0.332, -0.43, 0.04}};
    for (const auto &line : lines)
        mesh.decal({line[1], line[0], plateZ}, kX, line[2], kY, 0.004, kPrint);
    addFeature(mesh, QStringLiteral("motor nameplate corner"), {-0.49, 0.40, plateZ});
}

void DemoScene::buildPump(MeshBuilder &mesh)
{
    mesh.setMaxCell(0.25);
    mesh.box({-0.2, 0.2, -0.13}, {0.0, 0.5, 0.13}, kGuard);
    mesh.cylinder({0, 0.38, 0}, {0.3, 0.38, 0}, 0.22, 20, kPump, kY);
    mesh.box({0.02, 0.12, -0.12}, {0.28, 0.2, 0.12}, kPedestal);

    mesh.attachTo({0.3, 0.23, 0});
    mesh.cylinder({0.3, 0.23, 0}, {0.318, 0.23, 0}, 0.018, 6, kBrass, kY);
    mesh.detach();
    addFeature(mesh, QStringLiteral("pump casing drain plug"), {0.318, 0.23, 0});

    // Inlet: a pipe along +x ending in a flange with eight bolts.
    mesh.cylinder({0.3, 0.38, 0}, {0.72, 0.38, 0}, 0.075, 16, kPipe, kY);
    mesh.cylinder({0.72, 0.38, 0}, {0.75, 0.38, 0}, 0.13, 20, kFlange, kY);
    mesh.decal({0.75, 0.38, 0}, -kZ, 0.07, kY, 0.07, kBore, 16);
    for (int k = 0; k < 8; ++k) {
        const double angle = k * CV_PI / 4;
        const cv::Vec3d at(0.75, 0.38 + 0.1 * std::cos(angle), 0.1 * std::sin(angle));
        mesh.attachTo(at);
        mesh.cylinder(at, at + cv::Vec3d(0.015, 0, 0), 0.012, 6, kBolt, kY);
        mesh.detach();
    }
    addFeature(mesh, QStringLiteral("inlet flange top bolt"), {0.765, 0.48, 0});
}

void DemoScene::buildValve(MeshBuilder &mesh)
{
    mesh.setMaxCell(0.25);
    // Outlet: up from the casing to a flange, the valve on it.
    mesh.cylinder({0.15, 0.56, 0}, {0.15, 0.74, 0}, 0.06, 16, kPipe, kZ);
    mesh.cylinder({0.15, 0.74, 0}, {0.15, 0.77, 0}, 0.13, 20, kFlange, kZ);
    for (int k = 0; k < 8; ++k) {
        const double angle = k * CV_PI / 4;
        const cv::Vec3d at(0.15 + 0.11 * std::sin(angle), 0.77, 0.11 * std::cos(angle));
        mesh.attachTo(at);
        mesh.cylinder(at, at + cv::Vec3d(0, 0.015, 0), 0.012, 6, kBolt, kZ);
        mesh.detach();
    }
    addFeature(mesh, QStringLiteral("outlet flange front bolt"), {0.15, 0.785, 0.11});

    mesh.box({0.07, 0.77, -0.08}, {0.23, 0.93, 0.08}, kValve);
    // Discharge towards the back.
    mesh.cylinder({0.15, 0.85, -0.08}, {0.15, 0.85, -0.40}, 0.06, 16, kPipe, kY);
    mesh.cylinder({0.15, 0.85, -0.40}, {0.15, 0.85, -0.43}, 0.11, 20, kFlange, kY);

    // Stem and handwheel (rim, hub, four spokes) on top.
    const cv::Vec3d wheel(0.15, 1.06, 0);
    mesh.cylinder({0.15, 0.93, 0}, {0.15, 1.048, 0}, 0.012, 8, kStem, kZ);
    mesh.cylinder({0.15, 1.048, 0}, {0.15, 1.072, 0}, 0.025, 12, kHandwheel, kZ);
    mesh.ring(wheel, kY, kZ, 0.12, 0.012, 16, kHandwheel);
    for (int k = 0; k < 4; ++k) {
        const double angle = CV_PI / 4 + k * CV_PI / 2;
        const cv::Vec3d radial = std::cos(angle) * kZ + std::sin(angle) * kX;
        mesh.orientedBox(wheel + radial * 0.0665, radial, kY, radial.cross(kY), {0.0415, 0.006, 0.006},
                         kHandwheel);
    }
    // Segment 0 of the rim lies along +z; this is the middle of its top.
    addFeature(mesh, QStringLiteral("valve handwheel rim"), {0.15, 1.072, 0.12});
}

void DemoScene::buildControlBox(MeshBuilder &mesh)
{
    mesh.setMaxCell(0.5); // the front carries decals: keep it whole
    mesh.box({0.80, 0.12, -0.40}, {0.86, 1.0, -0.34}, kPost);
    mesh.box({0.58, 1.0, -0.42}, {0.98, 1.46, kBoxFrontZ}, kControlBox);
    mesh.decal({0.78, 1.23, kBoxFrontZ}, kX, 0.17, kY, 0.2, kPanel);

    // The label: white with two lines of "print", the thing to redact.
    mesh.decal({0.78, 1.36, kPanelZ}, kX, 0.12, kY, 0.045, kLabel);
    const std::vector<int> words[] = {{5, 3, 6}, {4, 7}};
    const double lineY[] = {1.378, 1.342};
    for (int line = 0; line < 2; ++line) {
        double x = 0.675;
        for (int letters : words[line]) {
            for (int c = 0; c < letters; ++c, x += 0.0135)
                mesh.decal({x + 0.005, lineY[line], kLabelZ}, kX, 0.005, kY, 0.009, kPrint);
            x += 0.012;
        }
    }
    mesh.decal({0.70, 1.20, kPanelZ}, kX, 0.03, kY, 0.03, kStart, 16);
    mesh.decal({0.86, 1.20, kPanelZ}, kX, 0.03, kY, 0.03, kStop, 16);
    mesh.decal({0.78, 1.10, kPanelZ}, kX, 0.02, kY, 0.02, kLamp, 12);

    addFeature(mesh, QStringLiteral("control panel button"), {0.70, 1.20, kPanelZ + MeshBuilder::kDecalLift});
    addFeature(mesh, QStringLiteral("control panel label"), {0.78, 1.36, kLabelZ});
}

} // namespace sl
