#include "render/edgeindicator.h"
#include "render/markupplan.h"
#include "spatial/posetrack.h"
#include "spatial/projector.h"

#include <QtTest>

#include <cmath>

using namespace sl;

Q_DECLARE_METATYPE(cv::Vec3d)

// Where the renderer's plan puts arrows toward world markup out of the
// picture, and how world lines are clipped at the near plane on their way
// to pixels.
class TestEdgeIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsOutOfView_data();
    void pointsOutOfView();
    void planPointsAtUnseenMarkupOnly();
    void nearPlaneClippingInThePlan_data();
    void nearPlaneClippingInThePlan();
};

namespace {

const QSize kFrame(640, 360);

// A pinhole whose principal point is the frame's centre (OpenCV pixel
// centres: 319.5, 179.5), 500 px focal length, no distortion.
CameraIntrinsics pinhole()
{
    return {.width = kFrame.width(), .height = kFrame.height(), .fx = 500, .fy = 500, .cx = 319.5, .cy = 179.5,
            .distortion = {}};
}

// Identity pose with OpenCV axes: world coordinates are camera coordinates
// (x right, y down, z forward).
CaptureManifest manifestWithPose()
{
    CaptureManifest m;
    m.id = QStringLiteral("capture");
    m.mediaType = MediaType::Photo;
    m.camera = pinhole();
    m.axes = Axes::OpenCV;
    m.poses = {ManifestPose{}};
    return m;
}

Markup worldLine(std::vector<cv::Vec3d> points, const QString &id = QStringLiteral("w"))
{
    Markup m;
    m.id = id;
    m.kind = MarkupKind::Line;
    m.space = MarkupSpace::World;
    m.width = 2;
    m.worldPoints = std::move(points);
    return m;
}

} // namespace

void TestEdgeIndicator::pointsOutOfView_data()
{
    QTest::addColumn<cv::Vec3d>("camera"); // OpenCV camera coordinates, metres
    QTest::addColumn<bool>("shown");
    QTest::addColumn<QPointF>("tip");  // painter pixels of the 640x360 frame
    QTest::addColumn<double>("degrees");
    QTest::addColumn<bool>("behind");

    const double in = EdgeIndicator::kInset;
    // Frame centre (320, 180); the inset frame reaches 314 px across, 174 down.
    QTest::newRow("in view") << cv::Vec3d(0.1, 0.1, 2) << false << QPointF() << 0.0 << false;
    QTest::newRow("left") << cv::Vec3d(-10, 0, 1) << true << QPointF(in, 180) << 180.0 << false;
    QTest::newRow("right") << cv::Vec3d(10, 0, 1) << true << QPointF(640 - in, 180) << 0.0 << false;
    QTest::newRow("above") << cv::Vec3d(0, -10, 1) << true << QPointF(320, in) << -90.0 << false;
    QTest::newRow("below") << cv::Vec3d(0, 10, 1) << true << QPointF(320, 360 - in) << 90.0 << false;
    // (2, -2) ahead at depth 1 -> pixel (1319.5, -820.5): the ray from the
    // centre at -45 degrees meets the inset top edge 174 px up and across.
    QTest::newRow("above right") << cv::Vec3d(2, -2, 1) << true << QPointF(320 + 174, in) << -45.0 << false;
    // Just outside the right edge: the projection is 640.5, past 639.5.
    QTest::newRow("just outside right") << cv::Vec3d(0.642, 0, 1) << true << QPointF(640 - in, 180) << 0.0
                                        << false;
    // Behind the camera: the side its camera x, y lie on, not the mirror.
    QTest::newRow("behind, right") << cv::Vec3d(1, 0, -2) << true << QPointF(640 - in, 180) << 0.0 << true;
    QTest::newRow("behind, left") << cv::Vec3d(-3, 0, -0.5) << true << QPointF(in, 180) << 180.0 << true;
    QTest::newRow("behind, above") << cv::Vec3d(0, -1, -1) << true << QPointF(320, in) << -90.0 << true;
    QTest::newRow("behind, left and below") << cv::Vec3d(-1, 1, -1) << true << QPointF(320 - 174, 360 - in)
                                            << 135.0 << true;
    QTest::newRow("straight behind: down") << cv::Vec3d(0, 0, -3) << true << QPointF(320, 360 - in) << 90.0
                                           << true;
    QTest::newRow("on the near plane, right") << cv::Vec3d(0.5, 0, Projector::kNearPlane) << true
                                              << QPointF(640 - in, 180) << 0.0 << true;
}

void TestEdgeIndicator::pointsOutOfView()
{
    QFETCH(cv::Vec3d, camera);
    QFETCH(bool, shown);
    QFETCH(QPointF, tip);
    QFETCH(double, degrees);
    QFETCH(bool, behind);

    const Projector projector(pinhole(), Pose(), Axes::OpenCV);
    const std::optional<EdgeIndicator> indicator = EdgeIndicator::toward(projector, camera, QSizeF(kFrame));
    QCOMPARE(indicator.has_value(), shown);
    if (!shown)
        return;
    QVERIFY2(QLineF(indicator->position, tip).length() < 1e-6,
             qPrintable(QStringLiteral("tip at %1, %2").arg(indicator->position.x()).arg(indicator->position.y())));
    QVERIFY2(std::abs(indicator->degrees - degrees) < 1e-6, qPrintable(QString::number(indicator->degrees)));
    QCOMPARE(indicator->behind, behind);
}

void TestEdgeIndicator::planPointsAtUnseenMarkupOnly()
{
    const CaptureManifest m = manifestWithPose();
    const std::vector<Markup> world = {
        worldLine({{-0.1, 0, 1}, {0.1, 0, 1}}, QStringLiteral("seen")),
        worldLine({{5, 0, 1}, {6, 0, 1}}, QStringLiteral("right")),
        worldLine({{0, 0, -1}, {0, -0.5, -1}}, QStringLiteral("behind")),
        // Crosses the picture although both ends are outside it: drawn, no arrow.
        worldLine({{-5, 0, 1}, {5, 0, 1}}, QStringLiteral("across")),
    };
    MarkupPlan plan = MarkupPlan::make(m, m.poseTrack(), world, kFrame, 0, false);
    QCOMPARE(plan.worldMarkupsDrawn, 2);
    QCOMPARE(plan.edgeIndicators.size(), size_t(2));
    QCOMPARE(plan.edgeIndicators[0].markup, 1);
    QCOMPARE(plan.edgeIndicators[0].degrees, 0.0);
    QCOMPARE(plan.edgeIndicators[1].markup, 2);
    QVERIFY(plan.edgeIndicators[1].behind);
    QCOMPARE(plan.edgeIndicators[1].degrees, -90.0); // mean (0, -0.25, -1): above

    // Markup the filter hides gets no arrow either.
    OverlayFilter filter;
    filter.setKindShown(MarkupKind::Line, false);
    plan = MarkupPlan::make(m, m.poseTrack(), world, kFrame, 0, false, filter);
    QCOMPARE(plan.worldMarkupsDrawn, 0);
    QVERIFY(plan.edgeIndicators.empty());
    QVERIFY(plan.shapes.empty());
}

void TestEdgeIndicator::nearPlaneClippingInThePlan_data()
{
    QTest::addColumn<cv::Vec3d>("a"); // OpenCV camera coordinates, metres
    QTest::addColumn<cv::Vec3d>("b");
    QTest::addColumn<int>("pieces");
    QTest::addColumn<QPointF>("first"); // painter pixels before the shape's half-pixel offset
    QTest::addColumn<QPointF>("last");

    const double n = Projector::kNearPlane;
    // A segment from a = (0.2, 0.1, 1) through the near plane at its middle,
    // where it is at c = (0.001, 0.0005, n): b = 2c - a. c projects to
    // (500 * 0.001 / n + 319.5, 500 * 0.0005 / n + 179.5) = (369.5, 204.5).
    const cv::Vec3d a(0.2, 0.1, 1);
    const cv::Vec3d c(0.001, 0.0005, n);
    const cv::Vec3d b = 2 * c - a;
    const QPointF aPx(500 * 0.2 + 319.5, 500 * 0.1 + 179.5);
    const QPointF cPx(369.5, 204.5);
    QTest::newRow("fully in front") << cv::Vec3d(-0.1, 0.05, 1) << cv::Vec3d(0.1, -0.05, 2) << 1
                                    << QPointF(269.5, 204.5) << QPointF(344.5, 167);
    QTest::newRow("fully behind") << cv::Vec3d(-0.1, 0.05, -1) << cv::Vec3d(0.1, -0.05, -2) << 0 << QPointF()
                                  << QPointF();
    QTest::newRow("crossing, front to back") << a << b << 1 << aPx << cPx;
    QTest::newRow("crossing, back to front") << b << a << 1 << cPx << aPx;
    QTest::newRow("on the near plane") << cv::Vec3d(-0.001, 0, n) << cv::Vec3d(0.001, 0, n) << 0 << QPointF()
                                       << QPointF();
    QTest::newRow("from the near plane forward") << c << a << 1 << cPx << aPx;
}

void TestEdgeIndicator::nearPlaneClippingInThePlan()
{
    QFETCH(cv::Vec3d, a);
    QFETCH(cv::Vec3d, b);
    QFETCH(int, pieces);
    QFETCH(QPointF, first);
    QFETCH(QPointF, last);

    const CaptureManifest m = manifestWithPose();
    const MarkupPlan plan = MarkupPlan::make(m, m.poseTrack(), {worldLine({a, b})}, kFrame, 0, false);
    QCOMPARE(int(plan.shapes.size()), pieces);
    QCOMPARE(plan.worldMarkupsDrawn, pieces > 0 ? 1 : 0);
    if (pieces == 0)
        return;
    const PlannedShape &shape = plan.shapes.front();
    QCOMPARE(shape.kind, PlannedShape::Kind::Line);
    QCOMPARE(shape.offset, QPointF(0.5, 0.5));
    QVERIFY(shape.points.size() >= 2);
    const auto near = [](QPointF p, QPointF q) { return QLineF(p, q).length() < 1e-6; };
    QVERIFY2(near(shape.points.front(), first),
             qPrintable(QStringLiteral("%1, %2").arg(shape.points.front().x()).arg(shape.points.front().y())));
    QVERIFY2(near(shape.points.back(), last),
             qPrintable(QStringLiteral("%1, %2").arg(shape.points.back().x()).arg(shape.points.back().y())));
}

QTEST_MAIN(TestEdgeIndicator)
#include "tst_edgeindicator.moc"
