#include "spatial/projector.h"

#include "spatialtestutil.h"

#include <opencv2/imgproc.hpp>

#include <QtTest>

#include <cmath>

using sl::Axes;
using sl::CameraIntrinsics;
using sl::Pose;
using sl::Projector;

// The projector against a scene rendered independently by ray casting: small
// white discs on a wall, seen from known poses. Each disc's blob centroid in
// the rendered image must be where the projector puts the disc's centre.
class TestSyntheticScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discCentresMatchBlobs_data();
    void discCentresMatchBlobs();
};

namespace {

// The wall is the world plane z = 0; discs lie in it (metres).
constexpr double kDiscRadius = 0.03;
constexpr int kSupersample = 4; // per axis, for sub-pixel accurate centroids

std::vector<cv::Vec3d> discCentres()
{
    std::vector<cv::Vec3d> centres;
    for (int i = -2; i <= 2; ++i) {
        for (int j = -2; j <= 2; ++j)
            centres.emplace_back(0.35 * i + 0.02 * j, 0.3 * j + 0.01 * i, 0.0);
    }
    return centres;
}

CameraIntrinsics intrinsics()
{
    return {.width = 640, .height = 480, .fx = 560, .fy = 555, .cx = 318.4, .cy = 242.7};
}

// Ray-casts every pixel (OpenCV's convention: integer coordinates are pixel
// centres) into the wall: the ray K^-1 [u v 1] in OpenCV camera axes, turned
// into the pose's axes, then into the world by the camera-to-world matrix.
cv::Mat render(const CameraIntrinsics &k, const cv::Matx44d &c2w, Axes axes, const std::vector<cv::Vec3d> &discs)
{
    cv::Mat image(k.height, k.width, CV_32F, cv::Scalar(0));
    const cv::Vec3d origin(c2w(0, 3), c2w(1, 3), c2w(2, 3));
    const double sign = axes == Axes::OpenGL ? -1 : 1;
    const double step = 1.0 / kSupersample;
    for (int v = 0; v < k.height; ++v) {
        for (int u = 0; u < k.width; ++u) {
            int hits = 0;
            for (int sy = 0; sy < kSupersample; ++sy) {
                for (int sx = 0; sx < kSupersample; ++sx) {
                    const double pu = u - 0.5 + (sx + 0.5) * step;
                    const double pv = v - 0.5 + (sy + 0.5) * step;
                    const cv::Vec3d rayCv((pu - k.cx) / k.fx, (pv - k.cy) / k.fy, 1);
                    const cv::Vec3d rayCam(rayCv[0], sign * rayCv[1], sign * rayCv[2]);
                    const cv::Vec3d dir(c2w(0, 0) * rayCam[0] + c2w(0, 1) * rayCam[1] + c2w(0, 2) * rayCam[2],
                                        c2w(1, 0) * rayCam[0] + c2w(1, 1) * rayCam[1] + c2w(1, 2) * rayCam[2],
                                        c2w(2, 0) * rayCam[0] + c2w(2, 1) * rayCam[1] + c2w(2, 2) * rayCam[2]);
                    if (std::abs(dir[2]) < 1e-12)
                        continue;
                    const double t = -origin[2] / dir[2];
                    if (t <= 0)
                        continue; // the wall is behind this ray
                    const cv::Vec3d hit = origin + t * dir;
                    for (const cv::Vec3d &c : discs) {
                        const double dx = hit[0] - c[0], dy = hit[1] - c[1];
                        if (dx * dx + dy * dy <= kDiscRadius * kDiscRadius) {
                            ++hits;
                            break;
                        }
                    }
                }
            }
            image.at<float>(v, u) = float(hits) / (kSupersample * kSupersample);
        }
    }
    return image;
}

// Intensity-weighted centroids of the blobs wholly inside the image.
std::vector<cv::Point2d> blobCentroids(const cv::Mat &image)
{
    cv::Mat mask = image > 0;
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    std::vector<cv::Point2d> result;
    for (int label = 1; label < n; ++label) {
        const int x = stats.at<int>(label, cv::CC_STAT_LEFT), y = stats.at<int>(label, cv::CC_STAT_TOP);
        const int w = stats.at<int>(label, cv::CC_STAT_WIDTH), h = stats.at<int>(label, cv::CC_STAT_HEIGHT);
        if (x == 0 || y == 0 || x + w == image.cols || y + h == image.rows)
            continue; // cut by the border: its centroid is not the disc's
        double sum = 0, su = 0, sv = 0;
        for (int v = y; v < y + h; ++v) {
            for (int u = x; u < x + w; ++u) {
                if (labels.at<int>(v, u) != label)
                    continue;
                const double i = image.at<float>(v, u);
                sum += i;
                su += i * u;
                sv += i * v;
            }
        }
        result.emplace_back(su / sum, sv / sum);
    }
    return result;
}

} // namespace

void TestSyntheticScene::discCentresMatchBlobs_data()
{
    QTest::addColumn<Axes>("axes");
    QTest::addColumn<cv::Vec3d>("eye");
    QTest::addColumn<cv::Vec3d>("target");
    QTest::addColumn<double>("roll");

    for (Axes axes : {Axes::OpenCV, Axes::OpenGL}) {
        const char *a = axes == Axes::OpenCV ? "opencv" : "opengl";
        QTest::addRow("%s, square on", a) << axes << cv::Vec3d(0, 0, -2.2) << cv::Vec3d(0, 0, 0) << 0.0;
        QTest::addRow("%s, from the front side", a) << axes << cv::Vec3d(0.1, 0.05, 2.0) << cv::Vec3d(0, 0, 0) << 0.0;
        QTest::addRow("%s, oblique and rolled", a) << axes << cv::Vec3d(-0.9, 0.5, -1.8) << cv::Vec3d(0.1, -0.1, 0) << 0.35;
        QTest::addRow("%s, off centre, upside down", a) << axes << cv::Vec3d(0.6, -0.4, 2.1) << cv::Vec3d(0.3, 0.2, 0) << 3.0;
        QTest::addRow("%s, partly out of view", a) << axes << cv::Vec3d(0.8, 0.3, -1.3) << cv::Vec3d(0.7, 0.3, 0) << -0.2;
    }
}

void TestSyntheticScene::discCentresMatchBlobs()
{
    QFETCH(Axes, axes);
    QFETCH(cv::Vec3d, eye);
    QFETCH(cv::Vec3d, target);
    QFETCH(double, roll);

    const CameraIntrinsics k = intrinsics();
    const std::vector<cv::Vec3d> discs = discCentres();
    const cv::Matx44d c2w = sl::test::lookAt(eye, target, axes, roll);
    const cv::Mat image = render(k, c2w, axes, discs);
    const std::vector<cv::Point2d> blobs = blobCentroids(image);
    QVERIFY2(blobs.size() >= 4, qPrintable(QStringLiteral("%1 blobs").arg(blobs.size())));

    const Projector projector(k, Pose::fromMatrix(c2w), axes);
    // Discs whose projected centre is well inside must each have their blob.
    const double margin = 15; // pixels: larger than a disc's image
    int expectedInside = 0;
    for (const cv::Vec3d &c : discs) {
        const auto p = projector.projectPoint(c);
        QVERIFY(p.has_value()); // every disc is in front of these cameras
        if (p->x < margin || p->y < margin || p->x > k.width - margin || p->y > k.height - margin)
            continue;
        ++expectedInside;
        double best = std::numeric_limits<double>::max();
        for (const cv::Point2d &b : blobs)
            best = std::min(best, cv::norm(*p - b));
        QVERIFY2(best < 0.3, qPrintable(QStringLiteral("disc (%1, %2) projects to (%3, %4), nearest blob %5 px away")
                                            .arg(c[0]).arg(c[1]).arg(p->x).arg(p->y).arg(best)));
    }
    QVERIFY(expectedInside >= 4);
    // And no blob is left over that the projector did not predict.
    QVERIFY(int(blobs.size()) >= expectedInside);
    for (const cv::Point2d &b : blobs) {
        double best = std::numeric_limits<double>::max();
        for (const cv::Vec3d &c : discs) {
            if (const auto p = projector.projectPoint(c))
                best = std::min(best, cv::norm(*p - b));
        }
        QVERIFY2(best < 0.3, qPrintable(QStringLiteral("blob (%1, %2) has no disc").arg(b.x).arg(b.y)));
    }
}

QTEST_GUILESS_MAIN(TestSyntheticScene)
#include "tst_syntheticscene.moc"
