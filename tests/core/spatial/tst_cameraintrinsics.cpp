#include "spatial/cameraintrinsics.h"

#include <QtTest>

using sl::CameraIntrinsics;

// Rescaling intrinsics to a decoded size (CAPTURE-FORMAT.md "camera").
class TestCameraIntrinsics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaledTo_data();
    void scaledTo();
    void scaledToInvalidSizeKeepsCamera();
    void cameraMatrix();
    void distortionCoeffs_data();
    void distortionCoeffs();
    void isValid_data();
    void isValid();
};

namespace {

// The sample manifests' camera (tests/data/manifests/video.capture.json).
CameraIntrinsics hd()
{
    return {.width = 1920, .height = 1080, .fx = 1402.1, .fy = 1401.7, .cx = 957.3, .cy = 541.0,
            .distortion = {0.0578, -0.0805, -0.00098, 0.00016}};
}

} // namespace

void TestCameraIntrinsics::scaledTo_data()
{
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::addColumn<double>("fx");
    QTest::addColumn<double>("fy");
    QTest::addColumn<double>("cx");
    QTest::addColumn<double>("cy");

    QTest::newRow("same size") << 1920 << 1080 << 1402.1 << 1401.7 << 957.3 << 541.0;
    QTest::newRow("half") << 960 << 540 << 701.05 << 700.85 << 478.65 << 270.5;
    QTest::newRow("double") << 3840 << 2160 << 2804.2 << 2803.4 << 1914.6 << 1082.0;
    // Anamorphic proxy: x and y scale independently.
    QTest::newRow("width only") << 640 << 1080 << 1402.1 / 3 << 1401.7 << 957.3 / 3 << 541.0;
    QTest::newRow("height only") << 1920 << 270 << 1402.1 << 1401.7 / 4 << 957.3 << 541.0 / 4;
    QTest::newRow("odd size") << 1281 << 721 << 1402.1 * 1281 / 1920 << 1401.7 * 721 / 1080
                              << 957.3 * 1281 / 1920 << 541.0 * 721 / 1080;
}

void TestCameraIntrinsics::scaledTo()
{
    QFETCH(int, w);
    QFETCH(int, h);
    QFETCH(double, fx);
    QFETCH(double, fy);
    QFETCH(double, cx);
    QFETCH(double, cy);

    const CameraIntrinsics k = hd().scaledTo(w, h);
    QCOMPARE(k.width, w);
    QCOMPARE(k.height, h);
    QVERIFY(qAbs(k.fx - fx) < 1e-9);
    QVERIFY(qAbs(k.fy - fy) < 1e-9);
    QVERIFY(qAbs(k.cx - cx) < 1e-9);
    QVERIFY(qAbs(k.cy - cy) < 1e-9);
    // Distortion works on normalised coordinates: unchanged by a resize.
    QCOMPARE(k.distortion, hd().distortion);
}

void TestCameraIntrinsics::scaledToInvalidSizeKeepsCamera()
{
    const CameraIntrinsics k = hd().scaledTo(0, 540);
    QCOMPARE(k.width, 1920);
    QCOMPARE(k.fx, hd().fx);
    CameraIntrinsics empty;
    const CameraIntrinsics e = empty.scaledTo(640, 480);
    QCOMPARE(e.width, 0);
    QCOMPARE(e.fx, 0.0);
}

void TestCameraIntrinsics::cameraMatrix()
{
    const cv::Matx33d m = hd().cameraMatrix();
    QCOMPARE(m(0, 0), 1402.1);
    QCOMPARE(m(1, 1), 1401.7);
    QCOMPARE(m(0, 2), 957.3);
    QCOMPARE(m(1, 2), 541.0);
    QCOMPARE(m(2, 2), 1.0);
    QCOMPARE(m(0, 1), 0.0);
    QCOMPARE(m(1, 0), 0.0);
    QCOMPARE(m(2, 0), 0.0);
    QCOMPARE(m(2, 1), 0.0);
}

void TestCameraIntrinsics::distortionCoeffs_data()
{
    QTest::addColumn<QList<double>>("coeffs");
    QTest::newRow("none") << QList<double>{};
    QTest::newRow("4") << QList<double>{0.1, -0.2, 0.001, 0.002};
    QTest::newRow("5") << QList<double>{0.1, -0.2, 0.001, 0.002, 0.05};
    QTest::newRow("8") << QList<double>{0.1, -0.2, 0.001, 0.002, 0.05, 0.01, 0.02, 0.03};
}

void TestCameraIntrinsics::distortionCoeffs()
{
    QFETCH(QList<double>, coeffs);
    CameraIntrinsics k = hd();
    k.distortion.assign(coeffs.begin(), coeffs.end());
    const cv::Mat m = k.distortionCoeffs();
    if (coeffs.isEmpty()) {
        QVERIFY(m.empty());
        return;
    }
    QCOMPARE(m.type(), CV_64F);
    QCOMPARE(m.rows, 1);
    QCOMPARE(m.cols, int(coeffs.size()));
    for (int i = 0; i < m.cols; ++i)
        QCOMPARE(m.at<double>(0, i), coeffs.at(i));
}

void TestCameraIntrinsics::isValid_data()
{
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::addColumn<double>("fx");
    QTest::addColumn<double>("fy");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ok") << 640 << 480 << 500.0 << 500.0 << true;
    QTest::newRow("no width") << 0 << 480 << 500.0 << 500.0 << false;
    QTest::newRow("no height") << 640 << 0 << 500.0 << 500.0 << false;
    QTest::newRow("zero fx") << 640 << 480 << 0.0 << 500.0 << false;
    QTest::newRow("negative fy") << 640 << 480 << 500.0 << -1.0 << false;
}

void TestCameraIntrinsics::isValid()
{
    QFETCH(int, w);
    QFETCH(int, h);
    QFETCH(double, fx);
    QFETCH(double, fy);
    QFETCH(bool, valid);
    CameraIntrinsics k;
    k.width = w;
    k.height = h;
    k.fx = fx;
    k.fy = fy;
    QCOMPARE(k.isValid(), valid);
}

QTEST_GUILESS_MAIN(TestCameraIntrinsics)
#include "tst_cameraintrinsics.moc"
