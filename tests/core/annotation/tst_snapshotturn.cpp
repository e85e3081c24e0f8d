#include "annotation/snapshotturn.h"
#include "media/displayrotation.h"
#include "spatial/projector.h"

#include <QtTest>

#include <cmath>

using namespace sl;

// A turned snapshot's camera and pose project a world point where the
// sensor camera projects it and the display rotation then moves it.
class TestSnapshotTurn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectsWhereTheTurnedFrameShows_data();
    void projectsWhereTheTurnedFrameShows();
    void imagePointsTurnWithTheFrame_data();
    void imagePointsTurnWithTheFrame();
};

void TestSnapshotTurn::projectsWhereTheTurnedFrameShows_data()
{
    QTest::addColumn<int>("rotation");
    QTest::addColumn<bool>("opengl");
    for (int rotation : {0, 90, 180, 270})
        for (bool opengl : {false, true})
            QTest::newRow(qPrintable(QStringLiteral("%1 degrees, %2 axes").arg(rotation).arg(opengl ? "OpenGL" : "OpenCV")))
                << rotation << opengl;
}

void TestSnapshotTurn::projectsWhereTheTurnedFrameShows()
{
    QFETCH(int, rotation);
    QFETCH(bool, opengl);
    const Axes axes = opengl ? Axes::OpenGL : Axes::OpenCV;
    CameraIntrinsics sensor;
    sensor.width = 640;
    sensor.height = 360;
    sensor.fx = 500;
    sensor.fy = 520;
    sensor.cx = 330.5;
    sensor.cy = 170.25;
    sensor.distortion = {0.08, -0.05, 0.004, -0.003, 0.01};
    Pose pose;
    pose.position = {0.3, -0.1, 0.2};
    const double angle = 0.4; // radians, about a tilted axis
    const cv::Vec3d axis = cv::normalize(cv::Vec3d(0.2, 1, 0.3));
    pose.rotation = Quaternion{axis[0] * std::sin(angle / 2), axis[1] * std::sin(angle / 2),
                               axis[2] * std::sin(angle / 2), std::cos(angle / 2)};

    const Projector before(sensor, pose, axes);
    const Projector after(SnapshotTurn::camera(sensor, rotation), SnapshotTurn::pose(pose, axes, rotation), axes);
    const QTransform toDisplay = DisplayRotation::sensorToDisplay(rotation, QSize(sensor.width, sensor.height));
    const double forward = opengl ? -1 : 1; // the camera looks along -z in OpenGL axes
    int checked = 0;
    for (double x : {-0.6, 0.0, 0.45})
        for (double y : {-0.3, 0.1, 0.35}) {
            // A point in front of the camera, in world coordinates.
            const cv::Matx44d m = pose.toMatrix();
            const cv::Vec4d world = m * cv::Vec4d(x, y, 2.0 * forward, 1);
            const cv::Vec3d point(world[0], world[1], world[2]);
            const std::optional<cv::Point2d> sensorPixel = before.projectPoint(point);
            const std::optional<cv::Point2d> turnedPixel = after.projectPoint(point);
            QVERIFY(sensorPixel && turnedPixel);
            const QPointF expected = toDisplay.map(QPointF(sensorPixel->x, sensorPixel->y));
            QVERIFY2(std::abs(expected.x() - turnedPixel->x) < 1e-6 && std::abs(expected.y() - turnedPixel->y) < 1e-6,
                     qPrintable(QStringLiteral("(%1, %2): want (%3, %4), got (%5, %6)")
                                    .arg(x).arg(y).arg(expected.x()).arg(expected.y())
                                    .arg(turnedPixel->x).arg(turnedPixel->y)));
            ++checked;
        }
    QCOMPARE(checked, 9);
    const QSize turnedSize = DisplayRotation::displaySize(rotation, QSize(sensor.width, sensor.height));
    QCOMPARE(QSize(SnapshotTurn::camera(sensor, rotation).width, SnapshotTurn::camera(sensor, rotation).height),
             turnedSize);
}

void TestSnapshotTurn::imagePointsTurnWithTheFrame_data()
{
    QTest::addColumn<int>("rotation");
    QTest::addColumn<QPointF>("turned"); // where the normalised point (0.2, 0.1) goes
    QTest::newRow("0") << 0 << QPointF(0.2, 0.1);
    QTest::newRow("90") << 90 << QPointF(0.9, 0.2);
    QTest::newRow("180") << 180 << QPointF(0.8, 0.9);
    QTest::newRow("270") << 270 << QPointF(0.1, 0.8);
}

void TestSnapshotTurn::imagePointsTurnWithTheFrame()
{
    QFETCH(int, rotation);
    QFETCH(QPointF, turned);
    const cv::Point2d p = SnapshotTurn::imagePoint({0.2, 0.1}, rotation);
    QVERIFY(std::abs(p.x - turned.x()) < 1e-12 && std::abs(p.y - turned.y()) < 1e-12);
    // The same as the display rotation does to pixels of a unit frame.
    const QPointF viaTransform = DisplayRotation::sensorToDisplay(rotation, QSize(1, 1)).map(QPointF(0.2, 0.1));
    QVERIFY(std::abs(p.x - viaTransform.x()) < 1e-12 && std::abs(p.y - viaTransform.y()) < 1e-12);
}

QTEST_GUILESS_MAIN(TestSnapshotTurn)
#include "tst_snapshotturn.moc"
