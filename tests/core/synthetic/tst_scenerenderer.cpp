#include "synthetic/demoscene.h"
#include "synthetic/scenerenderer.h"

#include <QtTest>

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

using namespace sl;

// The synthetic renderer draws the right face at the right pixel.
class TestSceneRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sceneHasNamedFeaturesOnFaces();
    void featurePixelShowsItsFaceColour_data();
    void featurePixelShowsItsFaceColour();
    void outputSizeAndType();
    void deterministic();
    void lookingAwayShowsOnlyBackground();
    void cameraInsideTheEquipment();
};

namespace {

CameraIntrinsics camera(std::vector<double> distortion = {})
{
    CameraIntrinsics k;
    k.width = 640;
    k.height = 480;
    k.fx = 520;
    k.fy = 521;
    k.cx = 318.7;
    k.cy = 241.2;
    k.distortion = std::move(distortion);
    return k;
}

cv::Point2d project(const CameraIntrinsics &k, const CameraPose &pose, const cv::Vec3d &world)
{
    const cv::Vec3d c = pose.worldToCamera(world);
    std::vector<cv::Point2d> pixels;
    cv::projectPoints(std::vector<cv::Point3d>{{c[0], c[1], c[2]}}, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0),
                      k.cameraMatrix(), k.distortionCoeffs(), pixels);
    return pixels[0];
}

// A camera 0.7 m from the feature, off its normal towards the front and up,
// looking a little beside it (so it is not at the image centre).
CameraPose viewOf(const FeaturePoint &f, double aside)
{
    const cv::Vec3d direction = cv::normalize(f.normal + cv::Vec3d(0, 0.3, 0.5));
    return CameraPose::lookAt(f.position + 0.7 * direction, f.position + cv::Vec3d(aside, 0.5 * aside, 0));
}

} // namespace

void TestSceneRenderer::sceneHasNamedFeaturesOnFaces()
{
    const DemoScene &scene = DemoScene::pumpSkid();
    QVERIFY(scene.faces().size() > 300);
    const QStringList expected = {
        "inlet flange top bolt",  "outlet flange front bolt", "valve handwheel rim",
        "motor nameplate corner", "motor fan cover centre",   "control panel button",
        "control panel label",    "pump casing drain plug",   "base plate anchor bolt"};
    QCOMPARE(int(scene.features().size()), expected.size());
    for (const QString &name : expected) {
        const FeaturePoint *f = scene.feature(name);
        QVERIFY2(f, qPrintable(name));
        QVERIFY(f->face >= 0 && size_t(f->face) < scene.faces().size());
        const SceneFace &face = scene.faces()[size_t(f->face)];
        QCOMPARE(MeshBuilder::faceContaining(scene.faces(), f->position), f->face);
        QVERIFY(std::abs(face.normal.dot(f->position - face.vertices.front())) < 1e-9);
        QVERIFY(std::abs(cv::norm(f->normal) - 1) < 1e-9);
    }
    QVERIFY(!scene.feature(QStringLiteral("no such feature")));
}

void TestSceneRenderer::featurePixelShowsItsFaceColour_data()
{
    QTest::addColumn<QString>("feature");
    QTest::addColumn<bool>("distorted");
    for (const FeaturePoint &f : DemoScene::pumpSkid().features()) {
        QTest::addRow("%s", qPrintable(f.name)) << f.name << false;
        QTest::addRow("%s, distorted", qPrintable(f.name)) << f.name << true;
    }
}

void TestSceneRenderer::featurePixelShowsItsFaceColour()
{
    QFETCH(QString, feature);
    QFETCH(bool, distorted);
    const DemoScene &scene = DemoScene::pumpSkid();
    const FeaturePoint &f = *scene.feature(feature);
    const CameraIntrinsics k =
        camera(distorted ? std::vector<double>{-0.12, 0.04, 0.001, -0.0008} : std::vector<double>{});
    const CameraPose pose = viewOf(f, distorted ? 0.15 : 0.08);
    SceneRenderer renderer;
    const cv::Mat image = renderer.render(k, pose);

    const cv::Point2d at = project(k, pose, f.position);
    QVERIFY(at.x > 20 && at.x < k.width - 20 && at.y > 20 && at.y < k.height - 20);
    const cv::Vec3b expected = scene.faces()[size_t(f.face)].color;
    const cv::Vec3b seen = image.at<cv::Vec3b>(int(std::lround(at.y)), int(std::lround(at.x)));
    for (int c = 0; c < 3; ++c)
        QVERIFY2(std::abs(int(seen[c]) - int(expected[c])) <= 2,
                 qPrintable(QStringLiteral("BGR %1,%2,%3 instead of %4,%5,%6")
                                .arg(seen[0])
                                .arg(seen[1])
                                .arg(seen[2])
                                .arg(expected[0])
                                .arg(expected[1])
                                .arg(expected[2])));
}

void TestSceneRenderer::outputSizeAndType()
{
    SceneRenderer renderer;
    CameraIntrinsics k = camera();
    k.width = 333;
    k.height = 211;
    const cv::Mat image = renderer.render(k, CameraPose::lookAt({2, 1.5, 2}, DemoScene::centre()));
    QCOMPARE(image.cols, 333);
    QCOMPARE(image.rows, 211);
    QCOMPARE(image.type(), CV_8UC3);
    CameraIntrinsics invalid;
    QVERIFY(renderer.render(invalid, CameraPose()).empty());
}

void TestSceneRenderer::deterministic()
{
    const CameraPose pose = CameraPose::lookAt({-1.5, 1.7, 2.3}, DemoScene::centre());
    SceneRenderer a, b;
    const cv::Mat first = a.render(camera({-0.05, 0.01, 0, 0}), pose);
    const cv::Mat second = b.render(camera({-0.05, 0.01, 0, 0}), pose);
    QCOMPARE(cv::norm(first, second, cv::NORM_INF), 0.0);
    // And the scene is really there: many colours, not just floor and wall.
    cv::Mat grey;
    cv::cvtColor(first, grey, cv::COLOR_BGR2GRAY);
    cv::Scalar mean, deviation;
    cv::meanStdDev(grey, mean, deviation);
    QVERIFY(deviation[0] > 20);
}

void TestSceneRenderer::lookingAwayShowsOnlyBackground()
{
    SceneRenderer renderer;
    // High above the hall, looking up and away: wall only, no floor, no skid.
    const cv::Mat image = renderer.render(camera(), CameraPose::lookAt({0, 30, 5}, {0, 60, 40}));
    for (int y = 0; y < image.rows; y += 7) {
        const cv::Vec3b left = image.at<cv::Vec3b>(y, 0);
        for (int x = 0; x < image.cols; x += 5)
            QCOMPARE(image.at<cv::Vec3b>(y, x), left); // rows are uniform
    }
}

void TestSceneRenderer::cameraInsideTheEquipment()
{
    // Lying on the base plate: its top face runs from behind the camera to
    // far ahead, so it is cut at the near plane and must still fill the view
    // in front of the camera with its own colour.
    const DemoScene &scene = DemoScene::pumpSkid();
    const cv::Vec3d onPlate(0.6, 0.12, 0.40);
    const int top = MeshBuilder::faceContaining(scene.faces(), onPlate);
    QVERIFY(top >= 0);
    const CameraIntrinsics k = camera({-0.1, 0.02, 0, 0});
    const CameraPose pose = CameraPose::lookAt({0.0, 0.14, 0.42}, {1.0, 0.10, 0.38});
    SceneRenderer renderer;
    const cv::Mat image = renderer.render(k, pose);
    const cv::Point2d at = project(k, pose, onPlate);
    QVERIFY(at.y > 0 && at.y < k.height && at.x > 0 && at.x < k.width);
    QCOMPARE(image.at<cv::Vec3b>(int(std::lround(at.y)), int(std::lround(at.x))),
             scene.faces()[size_t(top)].color);
}

QTEST_GUILESS_MAIN(TestSceneRenderer)
#include "tst_scenerenderer.moc"
