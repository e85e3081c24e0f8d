#include "synthetic/cameratrajectory.h"

#include <QtTest>

using namespace sl;

Q_DECLARE_METATYPE(sl::CameraTrajectory)
Q_DECLARE_METATYPE(cv::Vec3d)

// Camera paths: smooth, looking at their target, in OpenCV axes, and written
// in either axes convention.
class TestCameraTrajectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookAtIsOpenCvAxes();
    void pathsAreSmoothAndLookAtTheTarget_data();
    void pathsAreSmoothAndLookAtTheTarget();
    void openGlPoseFlipsYAndZ();
    void swayIsDeterministic();
};

void TestCameraTrajectory::lookAtIsOpenCvAxes()
{
    const CameraPose pose = CameraPose::lookAt({0, 1, 5}, {0, 1, 0});
    // Looking along -z with y up: the camera's z (forward) is world -z, its
    // x (right) is world +x and its y (down) is world -y.
    const cv::Matx33d expected(1, 0, 0, 0, -1, 0, 0, 0, -1);
    QVERIFY(cv::norm(pose.rotation - expected) < 1e-12);
    QVERIFY(cv::norm(pose.worldToCamera({0, 1, 0}) - cv::Vec3d(0, 0, 5)) < 1e-12);
    // A point above the target is above the image centre (smaller y).
    QVERIFY(pose.worldToCamera({0, 2, 0})[1] < 0);
    // Rolling keeps the view direction and stays a rotation.
    const CameraPose rolled = CameraPose::lookAt({0, 1, 5}, {0, 1, 0}, 0.3);
    QVERIFY(cv::norm(rolled.rotation.col(2) - pose.rotation.col(2)) < 1e-12);
    QVERIFY(std::abs(cv::determinant(rolled.rotation) - 1) < 1e-12);
}

void TestCameraTrajectory::pathsAreSmoothAndLookAtTheTarget_data()
{
    QTest::addColumn<CameraTrajectory>("path");
    QTest::addColumn<cv::Vec3d>("start");
    const cv::Vec3d target(0, 0.5, 0);
    QTest::newRow("orbit") << CameraTrajectory::orbit(target, 2.5, 1.6, -0.8, 0.6, 12, 0.05)
                           << cv::Vec3d(2.5 * std::sin(-0.8), 1.6, 2.5 * std::cos(-0.8));
    QTest::newRow("walk-in") << CameraTrajectory::walkIn(target, {2, 1.7, 3}, {1, 1.4, 1.3}, 10)
                             << cv::Vec3d(2, 1.7, 3);
    QTest::newRow("pan") << CameraTrajectory::pan({-0.5, 1.7, 2.4}, {-0.6, 0.4, 0}, {0.75, 0.45, 0}, 8)
                         << cv::Vec3d(-0.5, 1.7, 2.4);
}

void TestCameraTrajectory::pathsAreSmoothAndLookAtTheTarget()
{
    QFETCH(CameraTrajectory, path);
    QFETCH(cv::Vec3d, start);
    QVERIFY(cv::norm(path.at(0).position - start) < 1e-9);
    QVERIFY(cv::norm(path.at(-1).position - start) < 1e-9); // clamped
    const double dt = 1.0 / 30;
    double largestStep = 0;
    for (double t = 0; t + dt <= path.duration(); t += dt) {
        const CameraPose a = path.at(t), b = path.at(t + dt);
        largestStep = std::max(largestStep, cv::norm(b.position - a.position));
        // Orthonormal, right-handed.
        QVERIFY(cv::norm(a.rotation.t() * a.rotation - cv::Matx33d::eye()) < 1e-9);
        QVERIFY(std::abs(cv::determinant(a.rotation) - 1) < 1e-9);
        // Between two frames the view turns by well under two degrees.
        QVERIFY(a.rotation.col(2).dot(b.rotation.col(2)) > std::cos(2 * CV_PI / 180));
        // The camera stays above the floor.
        QVERIFY(a.position[1] > 0.3);
    }
    QVERIFY(largestStep < 0.05); // no jumps: under 1.5 m/s at 30 fps
    QVERIFY(cv::norm(path.at(path.duration()).position - path.at(path.duration() + 5).position) < 1e-12);
}

void TestCameraTrajectory::openGlPoseFlipsYAndZ()
{
    const CameraPose camera = CameraPose::lookAt({1.2, 1.5, 2.0}, {0, 0.5, 0}, 0.1);
    const Pose opencv = camera.toPose(Axes::OpenCV);
    const Pose opengl = camera.toPose(Axes::OpenGL);
    QVERIFY(cv::norm(opencv.position - camera.position) < 1e-12);
    QVERIFY(cv::norm(opengl.position - camera.position) < 1e-12);
    QVERIFY(std::abs(opengl.rotation.norm() - 1) < 1e-12);
    const cv::Matx33d rcv = opencv.rotation.toRotationMatrix();
    const cv::Matx33d rgl = opengl.rotation.toRotationMatrix();
    QVERIFY(cv::norm(rcv - camera.rotation) < 1e-9);
    // OpenGL camera: x the same, y and z opposite.
    QVERIFY(cv::norm(rgl.col(0) - rcv.col(0)) < 1e-9);
    QVERIFY(cv::norm(rgl.col(1) + rcv.col(1)) < 1e-9);
    QVERIFY(cv::norm(rgl.col(2) + rcv.col(2)) < 1e-9);
}

void TestCameraTrajectory::swayIsDeterministic()
{
    const CameraTrajectory base = CameraTrajectory::orbit({0, 0.5, 0}, 2, 1.5, 0, 1, 6);
    const CameraTrajectory a = base.withSway(0.01, 0.01, 7);
    const CameraTrajectory b = base.withSway(0.01, 0.01, 7);
    const CameraTrajectory c = base.withSway(0.01, 0.01, 8);
    QCOMPARE(cv::norm(a.at(2.5).position - b.at(2.5).position), 0.0);
    QVERIFY(cv::norm(a.at(2.5).position - c.at(2.5).position) > 1e-5);
    QVERIFY(cv::norm(a.at(2.5).position - base.at(2.5).position) < 0.03);
}

QTEST_GUILESS_MAIN(TestCameraTrajectory)
#include "tst_cameratrajectory.moc"
