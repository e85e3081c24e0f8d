#include "spatial/pose.h"

#include <opencv2/calib3d.hpp>

#include <QtTest>

#include <cmath>

using sl::Pose;
using sl::Quaternion;

// Quaternion and rigid-pose math, checked against OpenCV's Rodrigues formula.
class TestPose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quaternionToMatrix_data();
    void quaternionToMatrix();
    void matrixToQuaternion_data();
    void matrixToQuaternion();
    void normalized();
    void slerpEndpoints_data();
    void slerpEndpoints();
    void slerp_data();
    void slerp();
    void slerpNearlyParallel();
    void poseMatrixRoundTrip_data();
    void poseMatrixRoundTrip();
    void fromMatrixOrthonormalises();
    void worldToCamera();
};

namespace {

constexpr double kPi = 3.14159265358979323846;

cv::Vec3d unit(const cv::Vec3d &v)
{
    return v / cv::norm(v);
}

// The rotation by `angle` radians about `axis`, from OpenCV (independent of ours).
cv::Matx33d rodrigues(const cv::Vec3d &axis, double angle)
{
    cv::Matx33d r;
    cv::Rodrigues(unit(axis) * angle, r);
    return r;
}

Quaternion axisAngle(const cv::Vec3d &axis, double angle)
{
    const cv::Vec3d a = unit(axis) * std::sin(angle / 2);
    return Quaternion{a[0], a[1], a[2], std::cos(angle / 2)};
}

double maxDiff(const cv::Matx33d &a, const cv::Matx33d &b)
{
    return cv::norm(a - b, cv::NORM_INF);
}

void addRotationRows()
{
    QTest::addColumn<cv::Vec3d>("axis");
    QTest::addColumn<double>("angle"); // radians

    QTest::newRow("identity") << cv::Vec3d(0, 0, 1) << 0.0;
    QTest::newRow("x 30") << cv::Vec3d(1, 0, 0) << kPi / 6;
    QTest::newRow("y -75") << cv::Vec3d(0, 1, 0) << -5 * kPi / 12;
    QTest::newRow("z 120") << cv::Vec3d(0, 0, 1) << 2 * kPi / 3;
    // Half turns: trace = -1, where a naive trace-based formula divides by zero.
    QTest::newRow("x 180") << cv::Vec3d(1, 0, 0) << kPi;
    QTest::newRow("y 180") << cv::Vec3d(0, 1, 0) << kPi;
    QTest::newRow("z 180") << cv::Vec3d(0, 0, 1) << kPi;
    QTest::newRow("diagonal 180") << cv::Vec3d(1, 1, 1) << kPi;
    QTest::newRow("xy 179.9") << cv::Vec3d(1, -1, 0) << kPi * 179.9 / 180;
    QTest::newRow("oblique 10") << cv::Vec3d(0.3, -0.5, 0.8) << 0.17;
    QTest::newRow("oblique 250") << cv::Vec3d(-0.2, 0.9, 0.4) << 250 * kPi / 180;
    QTest::newRow("tiny") << cv::Vec3d(0.6, 0.8, 0) << 1e-9;
}

} // namespace

void TestPose::quaternionToMatrix_data()
{
    addRotationRows();
}

void TestPose::quaternionToMatrix()
{
    QFETCH(cv::Vec3d, axis);
    QFETCH(double, angle);
    const cv::Matx33d expected = rodrigues(axis, angle);
    QVERIFY2(maxDiff(axisAngle(axis, angle).toRotationMatrix(), expected) < 1e-12, "q -> R");
    // A quaternion that is not exactly unit is normalised first.
    Quaternion scaled = axisAngle(axis, angle);
    scaled = Quaternion{scaled.x * 1.0007, scaled.y * 1.0007, scaled.z * 1.0007, scaled.w * 1.0007};
    QVERIFY2(maxDiff(scaled.toRotationMatrix(), expected) < 1e-12, "scaled q -> R");
}

void TestPose::matrixToQuaternion_data()
{
    addRotationRows();
}

void TestPose::matrixToQuaternion()
{
    QFETCH(cv::Vec3d, axis);
    QFETCH(double, angle);
    const cv::Matx33d r = rodrigues(axis, angle);
    const Quaternion q = Quaternion::fromRotationMatrix(r);
    QVERIFY(std::abs(q.norm() - 1) < 1e-12);
    QVERIFY(q.w >= 0);
    // q and -q are the same rotation: compare up to sign.
    const Quaternion e = axisAngle(axis, angle);
    const double dot = q.x * e.x + q.y * e.y + q.z * e.z + q.w * e.w;
    QVERIFY2(std::abs(std::abs(dot) - 1) < 1e-12, qPrintable(QString::number(dot, 'g', 17)));
    QVERIFY(maxDiff(q.toRotationMatrix(), r) < 1e-12);
}

void TestPose::normalized()
{
    const Quaternion q = Quaternion{0, 0, 3, 4}.normalized();
    QCOMPARE(q.z, 0.6);
    QCOMPARE(q.w, 0.8);
    QCOMPARE((Quaternion{0, 0, 3, 4}.norm()), 5.0);
    // Degenerate input gives the identity, never NaN.
    const Quaternion zero = Quaternion{0, 0, 0, 0}.normalized();
    QCOMPARE(zero.w, 1.0);
    QCOMPARE(zero.x, 0.0);
}

void TestPose::slerpEndpoints_data()
{
    addRotationRows();
}

void TestPose::slerpEndpoints()
{
    QFETCH(cv::Vec3d, axis);
    QFETCH(double, angle);
    const Quaternion a = axisAngle(cv::Vec3d(0.2, 0.1, -1), 0.4);
    const Quaternion b = axisAngle(axis, angle);
    QVERIFY(maxDiff(Quaternion::slerp(a, b, 0).toRotationMatrix(), a.toRotationMatrix()) < 1e-12);
    QVERIFY(maxDiff(Quaternion::slerp(a, b, 1).toRotationMatrix(), b.toRotationMatrix()) < 1e-12);
}

void TestPose::slerp_data()
{
    QTest::addColumn<cv::Vec3d>("startAxis");
    QTest::addColumn<double>("startAngle");
    QTest::addColumn<cv::Vec3d>("relAxis");
    QTest::addColumn<double>("relAngle");  // rotation from a to b, radians
    QTest::addColumn<double>("shortAngle"); // the same rotation, wrapped to (-pi, pi]
    QTest::addColumn<double>("s");

    const cv::Vec3d z(0, 0, 1), x(1, 0, 0), oblique(0.3, 0.4, -0.2);
    QTest::newRow("identity start, z 90, mid") << z << 0.0 << z << kPi / 2 << kPi / 2 << 0.5;
    QTest::newRow("identity start, z 90, quarter") << z << 0.0 << z << kPi / 2 << kPi / 2 << 0.25;
    QTest::newRow("x start, oblique 100, mid") << x << 0.7 << oblique << 1.745 << 1.745 << 0.5;
    QTest::newRow("oblique start, z 170, 0.8") << oblique << -1.1 << z << 170 * kPi / 180 << 170 * kPi / 180 << 0.8;
    // More than a half turn the long way round is less than one the short way.
    QTest::newRow("shortest path z 270") << z << 0.0 << z << 3 * kPi / 2 << -kPi / 2 << 0.5;
    QTest::newRow("shortest path z 350") << x << 0.3 << z << 350 * kPi / 180 << -10 * kPi / 180 << 0.5;
    QTest::newRow("shortest path oblique 300, 0.3") << oblique << 2.0 << oblique << 300 * kPi / 180 << -60 * kPi / 180 << 0.3;
}

void TestPose::slerp()
{
    QFETCH(cv::Vec3d, startAxis);
    QFETCH(double, startAngle);
    QFETCH(cv::Vec3d, relAxis);
    QFETCH(double, relAngle);
    QFETCH(double, shortAngle);
    QFETCH(double, s);

    const cv::Matx33d ra = rodrigues(startAxis, startAngle);
    const cv::Matx33d rb = ra * rodrigues(relAxis, relAngle);
    const Quaternion a = Quaternion::fromRotationMatrix(ra);
    const Quaternion b = Quaternion::fromRotationMatrix(rb);
    const cv::Matx33d expected = ra * rodrigues(relAxis, s * shortAngle);

    const Quaternion q = Quaternion::slerp(a, b, s);
    QVERIFY(std::abs(q.norm() - 1) < 1e-12);
    QVERIFY2(maxDiff(q.toRotationMatrix(), expected) < 1e-9, "slerp");
    // The sign of either end must not change the path.
    const Quaternion negB{-b.x, -b.y, -b.z, -b.w};
    QVERIFY2(maxDiff(Quaternion::slerp(a, negB, s).toRotationMatrix(), expected) < 1e-9, "slerp -b");
}

void TestPose::slerpNearlyParallel()
{
    const Quaternion a = axisAngle(cv::Vec3d(0.1, 0.7, 0.2), 1.2);
    const cv::Matx33d ra = a.toRotationMatrix();
    for (double tiny : {0.0, 1e-12, 1e-8, 1e-5}) {
        const Quaternion b = Quaternion::fromRotationMatrix(ra * rodrigues(cv::Vec3d(0, 0, 1), tiny));
        const Quaternion mid = Quaternion::slerp(a, b, 0.5);
        QVERIFY(std::isfinite(mid.x) && std::isfinite(mid.w));
        QVERIFY(std::abs(mid.norm() - 1) < 1e-12);
        QVERIFY(maxDiff(mid.toRotationMatrix(), ra * rodrigues(cv::Vec3d(0, 0, 1), tiny / 2)) < 1e-9);
    }
}

void TestPose::poseMatrixRoundTrip_data()
{
    addRotationRows();
}

void TestPose::poseMatrixRoundTrip()
{
    QFETCH(cv::Vec3d, axis);
    QFETCH(double, angle);
    Pose pose;
    pose.position = cv::Vec3d(1.5, -0.25, 3.0);
    pose.rotation = axisAngle(axis, angle);

    const cv::Matx44d m = pose.toMatrix();
    const cv::Matx33d r = rodrigues(axis, angle);
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            QVERIFY(std::abs(m(i, j) - r(i, j)) < 1e-12);
        QCOMPARE(m(i, 3), pose.position[i]);
    }
    QCOMPARE(m(3, 0), 0.0);
    QCOMPARE(m(3, 3), 1.0);

    const Pose back = Pose::fromMatrix(m);
    QVERIFY(cv::norm(back.position - pose.position) < 1e-15);
    QVERIFY(maxDiff(back.rotation.toRotationMatrix(), r) < 1e-12);
}

void TestPose::fromMatrixOrthonormalises()
{
    // A rotation written with 4 significant digits and a slight scale.
    const cv::Matx33d r = rodrigues(cv::Vec3d(0.2, 1, 0.1), 0.9);
    cv::Matx44d m = cv::Matx44d::eye();
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            m(i, j) = std::round(r(i, j) * 1.002 * 1e4) / 1e4;
    }
    const Pose p = Pose::fromMatrix(m);
    const cv::Matx33d q = p.rotation.toRotationMatrix();
    QVERIFY(maxDiff(q.t() * q, cv::Matx33d::eye()) < 1e-12);
    QVERIFY(std::abs(cv::determinant(q) - 1) < 1e-12);
    QVERIFY(maxDiff(q, r) < 1e-3);
}

void TestPose::worldToCamera()
{
    Pose pose;
    pose.position = cv::Vec3d(1, 2, 3);
    pose.rotation = axisAngle(cv::Vec3d(0, 0, 1), kPi / 2); // camera x -> world y
    // The camera's own x axis, one metre out, seen from inside the camera.
    const cv::Vec3d c = pose.worldToCamera(cv::Vec3d(1, 3, 3));
    QVERIFY(cv::norm(c - cv::Vec3d(1, 0, 0)) < 1e-12);
    // And the inverse of the camera-to-world matrix agrees for any point.
    const cv::Vec3d x(-0.4, 7.0, 2.2);
    const cv::Vec4d viaMatrix = pose.toMatrix().inv() * cv::Vec4d(x[0], x[1], x[2], 1);
    QVERIFY(cv::norm(pose.worldToCamera(x) - cv::Vec3d(viaMatrix[0], viaMatrix[1], viaMatrix[2])) < 1e-12);
}

QTEST_GUILESS_MAIN(TestPose)
#include "tst_pose.moc"
