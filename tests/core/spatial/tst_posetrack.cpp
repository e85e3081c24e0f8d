#include "spatial/posetrack.h"

#include <opencv2/calib3d.hpp>

#include <QtTest>

#include <cmath>

using sl::Pose;
using sl::PoseTrack;
using sl::Quaternion;
using sl::TimedPose;

// Interpolating a camera trajectory: lerp positions, slerp rotations, clamp.
class TestPoseTrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void singleSampleHoldsForAllTimes_data();
    void singleSampleHoldsForAllTimes();
    void poseAt_data();
    void poseAt();
    void unsortedInputIsRepaired();
};

namespace {

constexpr double kPi = 3.14159265358979323846;

// Yaw about world z, in radians: easy to interpolate by hand.
Pose yawPose(const cv::Vec3d &position, double yaw)
{
    Pose p;
    p.position = position;
    p.rotation = Quaternion{0, 0, std::sin(yaw / 2), std::cos(yaw / 2)};
    return p;
}

double yawOf(const Pose &p)
{
    const cv::Matx33d r = p.rotation.toRotationMatrix();
    return std::atan2(r(1, 0), r(0, 0));
}

// Samples at t = 1, 2, 4 s: x goes 0 -> 1 -> 5, yaw 0 -> 90 -> 30 degrees.
PoseTrack threeSamples()
{
    return PoseTrack({
        {1.0, yawPose({0, 0, 0}, 0)},
        {2.0, yawPose({1, 10, 0}, kPi / 2)},
        {4.0, yawPose({5, 10, -2}, kPi / 6)},
    });
}

} // namespace

void TestPoseTrack::empty()
{
    PoseTrack track;
    QVERIFY(track.isEmpty());
    QVERIFY(!track.poseAt(0).has_value());
    QVERIFY(!track.poseAt(12.5).has_value());
}

void TestPoseTrack::singleSampleHoldsForAllTimes_data()
{
    QTest::addColumn<double>("t");
    QTest::newRow("before") << -100.0;
    QTest::newRow("at") << 3.0;
    QTest::newRow("after") << 1e9;
    QTest::newRow("nan") << std::nan("");
}

void TestPoseTrack::singleSampleHoldsForAllTimes()
{
    QFETCH(double, t);
    const Pose only = yawPose({1, 2, 3}, 0.3);
    const PoseTrack track({{3.0, only}});
    QVERIFY(!track.isEmpty());
    const auto p = track.poseAt(t);
    QVERIFY(p.has_value());
    QCOMPARE(p->position, only.position);
    QCOMPARE(p->rotation.z, only.rotation.z);
    QCOMPARE(p->rotation.w, only.rotation.w);
}

void TestPoseTrack::poseAt_data()
{
    QTest::addColumn<double>("t");
    QTest::addColumn<cv::Vec3d>("position");
    QTest::addColumn<double>("yawDegrees");

    QTest::newRow("clamp before") << -3.0 << cv::Vec3d(0, 0, 0) << 0.0;
    QTest::newRow("first sample") << 1.0 << cv::Vec3d(0, 0, 0) << 0.0;
    QTest::newRow("quarter into first gap") << 1.25 << cv::Vec3d(0.25, 2.5, 0) << 22.5;
    QTest::newRow("middle of first gap") << 1.5 << cv::Vec3d(0.5, 5, 0) << 45.0;
    QTest::newRow("second sample exactly") << 2.0 << cv::Vec3d(1, 10, 0) << 90.0;
    QTest::newRow("middle of second gap") << 3.0 << cv::Vec3d(3, 10, -1) << 60.0;
    QTest::newRow("three quarters of second gap") << 3.5 << cv::Vec3d(4, 10, -1.5) << 45.0;
    QTest::newRow("last sample") << 4.0 << cv::Vec3d(5, 10, -2) << 30.0;
    QTest::newRow("clamp after") << 99.0 << cv::Vec3d(5, 10, -2) << 30.0;
    QTest::newRow("infinity") << qInf() << cv::Vec3d(5, 10, -2) << 30.0;
}

void TestPoseTrack::poseAt()
{
    QFETCH(double, t);
    QFETCH(cv::Vec3d, position);
    QFETCH(double, yawDegrees);

    const auto p = threeSamples().poseAt(t);
    QVERIFY(p.has_value());
    QVERIFY2(cv::norm(p->position - position) < 1e-12,
             qPrintable(QStringLiteral("%1 %2 %3").arg(p->position[0]).arg(p->position[1]).arg(p->position[2])));
    QVERIFY2(std::abs(yawOf(*p) * 180 / kPi - yawDegrees) < 1e-9, qPrintable(QString::number(yawOf(*p) * 180 / kPi)));
    QVERIFY(std::abs(p->rotation.norm() - 1) < 1e-12);
}

void TestPoseTrack::unsortedInputIsRepaired()
{
    // Out of order and with a repeated time: sorted, the repeat dropped.
    const PoseTrack track({
        {4.0, yawPose({4, 0, 0}, 0)},
        {0.0, yawPose({0, 0, 0}, 0)},
        {4.0, yawPose({9, 9, 9}, 0)},
    });
    QCOMPARE(track.samples().size(), size_t(2));
    QCOMPARE(track.samples().front().t, 0.0);
    QCOMPARE(track.samples().back().t, 4.0);
    const auto mid = track.poseAt(1.0);
    QVERIFY(mid.has_value());
    QVERIFY(cv::norm(mid->position - cv::Vec3d(1, 0, 0)) < 1e-12);
}

QTEST_GUILESS_MAIN(TestPoseTrack)
#include "tst_posetrack.moc"
