#include "spatial/projector.h"

#include "spatialtestutil.h"

#include <opencv2/calib3d.hpp>

#include <QtTest>

#include <cmath>

using sl::Axes;
using sl::CameraIntrinsics;
using sl::Pose;
using sl::Projector;

using Points3 = std::vector<cv::Vec3d>;
using Pieces3 = std::vector<Points3>;
using Pieces2 = std::vector<std::vector<cv::Point2d>>;

// World -> pixel projection against cv::projectPoints with an independently
// computed extrinsic, plus near-plane clipping and the distortion guard.
class TestProjector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesOpenCv_data();
    void matchesOpenCv();
    void subdividedSegmentsFollowDistortion_data();
    void subdividedSegmentsFollowDistortion();
    void clipping_data();
    void clipping();
    void pointsBehindAreNotProjected_data();
    void pointsBehindAreNotProjected();
    void farOutsideViewDoesNotFoldBack();
    void guardIsContinuous();
    void batchedPiecesMatchPerPoint_data() { matchesOpenCv_data(); }
    void batchedPiecesMatchPerPoint();
};

namespace {

CameraIntrinsics camera(const std::vector<double> &distortion)
{
    return {.width = 1280, .height = 720, .fx = 910.5, .fy = 905.25, .cx = 641.3, .cy = 358.9,
            .distortion = distortion};
}

// rvec and tvec for cv::projectPoints from the camera-to-world matrix: the
// general 4x4 inverse, then OpenGL's axes turned into OpenCV's.
void extrinsics(const cv::Matx44d &cameraToWorld, Axes axes, cv::Vec3d &rvec, cv::Vec3d &tvec)
{
    cv::Matx44d w2c = cameraToWorld.inv(cv::DECOMP_LU);
    if (axes == Axes::OpenGL)
        w2c = cv::Matx44d(1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1) * w2c;
    const cv::Matx33d r(w2c(0, 0), w2c(0, 1), w2c(0, 2),
                        w2c(1, 0), w2c(1, 1), w2c(1, 2),
                        w2c(2, 0), w2c(2, 1), w2c(2, 2));
    cv::Rodrigues(r, rvec);
    tvec = cv::Vec3d(w2c(0, 3), w2c(1, 3), w2c(2, 3));
}

// Deterministic world points that the camera sees, within the image.
Points3 visibleWorldPoints(const cv::Matx44d &cameraToWorld, Axes axes, const CameraIntrinsics &k, int count)
{
    cv::RNG rng(1234);
    Points3 points;
    for (int i = 0; i < count; ++i) {
        const double u = rng.uniform(0.0, double(k.width));
        const double v = rng.uniform(0.0, double(k.height));
        const double z = rng.uniform(0.3, 25.0);
        cv::Vec4d c((u - k.cx) / k.fx * z, (v - k.cy) / k.fy * z, z, 1);
        if (axes == Axes::OpenGL)
            c = cv::Vec4d(c[0], -c[1], -c[2], 1);
        const cv::Vec4d w = cameraToWorld * c;
        points.emplace_back(w[0], w[1], w[2]);
    }
    return points;
}

cv::Point2d pinhole(const CameraIntrinsics &k, const cv::Vec3d &c)
{
    return {k.fx * c[0] / c[2] + k.cx, k.fy * c[1] / c[2] + k.cy};
}

} // namespace

void TestProjector::matchesOpenCv_data()
{
    QTest::addColumn<Axes>("axes");
    QTest::addColumn<std::vector<double>>("distortion");
    QTest::addColumn<cv::Vec3d>("eye");
    QTest::addColumn<cv::Vec3d>("target");

    const std::vector<double> none;
    const std::vector<double> four{0.0578, -0.0805, -0.00098, 0.00016};
    const std::vector<double> five{-0.28, 0.09, 0.0007, -0.0011, -0.012};
    const std::vector<double> rational{0.4, -0.1, 0.001, 0.002, 0.01, 0.55, -0.05, 0.02};
    const std::vector<double> prism{0.1, -0.05, 0.001, -0.002, 0.01, 0.0, 0.0, 0.0, 0.001, -0.0005, 0.002, 0.0003};
    const std::vector<double> tilt{0.1, -0.05, 0.001, -0.002, 0.01, 0, 0, 0, 0, 0, 0, 0, 0.01, -0.02};

    for (Axes axes : {Axes::OpenCV, Axes::OpenGL}) {
        const char *a = axes == Axes::OpenCV ? "opencv" : "opengl";
        QTest::addRow("%s, no distortion, origin", a) << axes << none << cv::Vec3d(0, 0, 0) << cv::Vec3d(0, 0, 1);
        QTest::addRow("%s, no distortion, oblique", a) << axes << none << cv::Vec3d(2, 1.5, -3) << cv::Vec3d(-1, 0.2, 4);
        QTest::addRow("%s, 4 coefficients", a) << axes << four << cv::Vec3d(-4, 2, 1) << cv::Vec3d(0.5, 1.1, -0.8);
        QTest::addRow("%s, 5 coefficients barrel", a) << axes << five << cv::Vec3d(10, -2, 7) << cv::Vec3d(0, 0, 0);
        QTest::addRow("%s, rational 8", a) << axes << rational << cv::Vec3d(0.3, 0.1, 0.2) << cv::Vec3d(-3, 0, -5);
        QTest::addRow("%s, thin prism 12", a) << axes << prism << cv::Vec3d(1, 2, 3) << cv::Vec3d(3, 1, -2);
        QTest::addRow("%s, tilted 14", a) << axes << tilt << cv::Vec3d(-1, -1, -1) << cv::Vec3d(2, 0.5, 1);
    }
}

void TestProjector::matchesOpenCv()
{
    QFETCH(Axes, axes);
    QFETCH(std::vector<double>, distortion);
    QFETCH(cv::Vec3d, eye);
    QFETCH(cv::Vec3d, target);

    const CameraIntrinsics k = camera(distortion);
    const cv::Matx44d c2w = sl::test::lookAt(eye, target, axes);
    const Projector projector(k, Pose::fromMatrix(c2w), axes);

    const Points3 world = visibleWorldPoints(c2w, axes, k, 200);
    cv::Vec3d rvec, tvec;
    extrinsics(c2w, axes, rvec, tvec);
    std::vector<cv::Point2d> expected;
    cv::projectPoints(world, rvec, tvec, k.cameraMatrix(), k.distortionCoeffs(), expected);

    for (size_t i = 0; i < world.size(); ++i) {
        const auto p = projector.projectPoint(world[i]);
        QVERIFY(p.has_value());
        const double err = cv::norm(*p - expected[i]);
        QVERIFY2(err < 1e-6, qPrintable(QStringLiteral("point %1 off by %2 px").arg(i).arg(err)));
    }

    // A polyline through the same points keeps them as its vertices.
    const auto pieces = projector.projectPolyline(world);
    QCOMPARE(pieces.size(), size_t(1));
    QVERIFY(cv::norm(pieces[0].front() - expected.front()) < 1e-6);
    QVERIFY(cv::norm(pieces[0].back() - expected.back()) < 1e-6);
    if (distortion.empty())
        QCOMPARE(pieces[0].size(), world.size()); // no need to subdivide
    else
        QVERIFY(pieces[0].size() > world.size());
}

void TestProjector::subdividedSegmentsFollowDistortion_data()
{
    QTest::addColumn<std::vector<double>>("distortion");
    QTest::newRow("barrel") << std::vector<double>{-0.3, 0.1, 0, 0, -0.02};
    QTest::newRow("pincushion") << std::vector<double>{0.2, 0.05, 0.001, 0.001};
}

void TestProjector::subdividedSegmentsFollowDistortion()
{
    QFETCH(std::vector<double>, distortion);
    const CameraIntrinsics k = camera(distortion);
    const Projector projector(k, Pose(), Axes::OpenCV);
    // A horizontal line near the top of the image, from edge to edge.
    const cv::Vec3d a(-0.65 * 2, -0.36 * 2, 2), b(0.65 * 2, -0.36 * 2, 2);
    const auto pieces = projector.projectPolyline({a, b});
    QCOMPARE(pieces.size(), size_t(1));
    const auto &line = pieces.front();
    QVERIFY2(line.size() > 16, qPrintable(QString::number(line.size())));

    // Every vertex is the image of a point on the 3D segment: undistorted, its
    // ray lies in the plane through the camera centre and the segment.
    cv::Mat normalised;
    cv::undistortPoints(line, normalised, k.cameraMatrix(), k.distortionCoeffs(), cv::noArray(), cv::noArray(),
                        cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 200, 1e-14));
    const cv::Vec3d n = cv::normalize(a.cross(b));
    double chordDeviation = 0;
    const cv::Point2d chord = line.back() - line.front();
    for (int i = 0; i < normalised.rows; ++i) {
        const cv::Point2d xy = normalised.at<cv::Point2d>(i);
        const cv::Vec3d ray = cv::normalize(cv::Vec3d(xy.x, xy.y, 1));
        QVERIFY2(std::abs(ray.dot(n)) < 1e-6, qPrintable(QString::number(ray.dot(n))));
        const cv::Point2d d = line[size_t(i)] - line.front();
        chordDeviation = std::max(chordDeviation, std::abs(chord.x * d.y - chord.y * d.x) / cv::norm(chord));
    }
    // The projected line bends visibly rather than being a straight chord.
    QVERIFY2(chordDeviation > 5, qPrintable(QString::number(chordDeviation)));
}

void TestProjector::clipping_data()
{
    QTest::addColumn<Axes>("axes");
    QTest::addColumn<Points3>("polyline");  // world; identity pose
    QTest::addColumn<Pieces3>("expected");  // OpenCV camera coordinates of each piece's vertices

    const double n = Projector::kNearPlane;
    // OpenCV axes with the identity pose: camera coordinates are world ones.
    QTest::newRow("in front") << Axes::OpenCV << Points3{{0.1, 0.1, 1}, {-0.2, 0.1, 3}}
                              << Pieces3{{{0.1, 0.1, 1}, {-0.2, 0.1, 3}}};
    QTest::newRow("front to behind") << Axes::OpenCV << Points3{{0.1, 0.2, 1}, {0.1, 0.2, -1}}
                                     << Pieces3{{{0.1, 0.2, 1}, {0.1, 0.2, n}}};
    QTest::newRow("behind to front") << Axes::OpenCV << Points3{{0.4, 0, -3}, {0, 0, 1}}
                                     << Pieces3{{{0.4 * (1 - n) / 4, 0, n}, {0, 0, 1}}};
    QTest::newRow("wholly behind") << Axes::OpenCV << Points3{{0, 0, -1}, {1, 1, -2}, {0, 0, 0}} << Pieces3{};
    QTest::newRow("lying in the near plane") << Axes::OpenCV << Points3{{-1, 0, n}, {1, 0, n}} << Pieces3{};
    QTest::newRow("touching from behind") << Axes::OpenCV << Points3{{0, 0, -1}, {0.1, 0, n}} << Pieces3{};
    QTest::newRow("touching from the front") << Axes::OpenCV << Points3{{0.002, 0, n}, {0.1, 0, 1}}
                                             << Pieces3{{{0.002, 0, n}, {0.1, 0, 1}}};
    QTest::newRow("dips behind and comes back") << Axes::OpenCV
        << Points3{{0, 0, 2}, {0, 0.5, -2}, {1, 0.5, 2}}
        << Pieces3{{{0, 0, 2}, {0, 0.5 * (2 - n) / 4, n}}, {{(2 + n) / 4, 0.5, n}, {1, 0.5, 2}}};
    QTest::newRow("a whole segment behind between visible ones") << Axes::OpenCV
        << Points3{{0, 0, 1}, {0, 0, 3}, {0, 1, -1}, {0, 2, -1}, {0, 3, 1}, {0, 3, 2}}
        << Pieces3{{{0, 0, 1}, {0, 0, 3}, {0, 1 * (3 - n) / 4, n}}, {{0, 2 + (1 + n) / 2, n}, {0, 3, 1}, {0, 3, 2}}};
    QTest::newRow("single point in front") << Axes::OpenCV << Points3{{0.3, -0.2, 2}} << Pieces3{{{0.3, -0.2, 2}}};
    QTest::newRow("single point behind") << Axes::OpenCV << Points3{{0.3, -0.2, -2}} << Pieces3{};
    QTest::newRow("empty") << Axes::OpenCV << Points3{} << Pieces3{};
    // OpenGL axes with the identity pose: the camera looks down world -z and
    // OpenCV's camera coordinates are (x, -y, -z).
    QTest::newRow("opengl front to behind") << Axes::OpenGL << Points3{{0.1, 0.2, -1}, {0.1, 0.2, 1}}
                                            << Pieces3{{{0.1, -0.2, 1}, {0.1, -0.2, n}}};
    QTest::newRow("opengl wholly behind") << Axes::OpenGL << Points3{{0, 0, 1}, {0, 0, 2}} << Pieces3{};
}

void TestProjector::clipping()
{
    QFETCH(Axes, axes);
    QFETCH(Points3, polyline);
    QFETCH(Pieces3, expected);

    const CameraIntrinsics k = camera({});
    const Projector projector(k, Pose(), axes);
    const auto pieces = projector.projectPolyline(polyline);
    QCOMPARE(pieces.size(), expected.size());
    for (size_t i = 0; i < pieces.size(); ++i) {
        QCOMPARE(pieces[i].size(), expected[i].size());
        for (size_t j = 0; j < pieces[i].size(); ++j) {
            const cv::Point2d want = pinhole(k, expected[i][j]);
            const double err = cv::norm(pieces[i][j] - want);
            // Points on the near plane project ~100x further out: relative tolerance.
            QVERIFY2(err < 1e-6 * std::max(1.0, cv::norm(want)),
                     qPrintable(QStringLiteral("piece %1 vertex %2 off by %3").arg(i).arg(j).arg(err)));
        }
    }
}

void TestProjector::pointsBehindAreNotProjected_data()
{
    QTest::addColumn<cv::Vec3d>("camera");
    QTest::addColumn<bool>("visible");
    QTest::newRow("ahead") << cv::Vec3d(0, 0, 1) << true;
    QTest::newRow("just past the near plane") << cv::Vec3d(0, 0, Projector::kNearPlane * 1.001) << true;
    QTest::newRow("on the near plane") << cv::Vec3d(0, 0, Projector::kNearPlane) << false;
    QTest::newRow("at the camera") << cv::Vec3d(0, 0, 0) << false;
    QTest::newRow("behind") << cv::Vec3d(0.5, 0.5, -4) << false;
    QTest::newRow("not finite") << cv::Vec3d(qInf(), 0, 1) << false;
}

void TestProjector::pointsBehindAreNotProjected()
{
    QFETCH(cv::Vec3d, camera);
    QFETCH(bool, visible);
    const Projector projector(::camera({0.1, 0.01, 0, 0}), Pose(), Axes::OpenCV);
    QCOMPARE(projector.projectPoint(camera).has_value(), visible);
}

void TestProjector::farOutsideViewDoesNotFoldBack()
{
    // Strong barrel distortion: r (1 - 0.5 r^2) peaks at r = 0.816 and then
    // falls, so plain cv::projectPoints puts a point at r = 1.5 right of the
    // axis back inside the image, left of the centre.
    CameraIntrinsics k = camera({-0.5, 0, 0, 0});
    k.fx = k.fy = 800;
    k.cx = 640;
    k.cy = 360;
    const Projector projector(k, Pose(), Axes::OpenCV);
    QVERIFY(projector.distortionLimit() < 0.82);
    const cv::Vec3d far(1.5 * 2, 0.1, 2);

    std::vector<cv::Point2d> naive;
    cv::projectPoints(std::vector<cv::Vec3d>{far}, cv::Vec3d(), cv::Vec3d(), k.cameraMatrix(), k.distortionCoeffs(), naive);
    QVERIFY(naive[0].x < k.cx); // the fold this guards against

    const auto p = projector.projectPoint(far);
    QVERIFY(p.has_value());
    QVERIFY2(p->x > k.width, qPrintable(QString::number(p->x)));
    // A line from the centre towards it heads right, monotonically.
    const auto pieces = projector.projectPolyline({cv::Vec3d(0, 0.1, 2), far});
    QCOMPARE(pieces.size(), size_t(1));
    for (size_t i = 1; i < pieces[0].size(); ++i)
        QVERIFY(pieces[0][i].x > pieces[0][i - 1].x);
}

void TestProjector::guardIsContinuous()
{
    const CameraIntrinsics k = camera({-0.35, 0.05, 0.001, 0.002, 0});
    const Projector projector(k, Pose(), Axes::OpenCV);
    const double limit = projector.distortionLimit();
    QVERIFY(std::isfinite(limit));
    QVERIFY(std::isinf(Projector(camera({}), Pose(), Axes::OpenCV).distortionLimit()));
    // Just inside and just outside the limit land next to each other.
    const cv::Vec3d dir = cv::normalize(cv::Vec3d(0.8, 0.6, 0));
    const auto inside = projector.projectPoint(dir * (limit * (1 - 1e-9)) + cv::Vec3d(0, 0, 1));
    const auto outside = projector.projectPoint(dir * (limit * (1 + 1e-9)) + cv::Vec3d(0, 0, 1));
    QVERIFY(inside && outside);
    QVERIFY(cv::norm(*inside - *outside) < 1e-3);
}

// The batched projection (all pieces of a polyline in one reused buffer)
// on random polylines that pass behind the camera and far outside the view:
// every point in front lands where projectPoint puts it, in order; every
// pixel is its camera point through cv::projectPoints (within the trusted
// radius); the pieces are those of the vector form.
void TestProjector::batchedPiecesMatchPerPoint()
{
    QFETCH(Axes, axes);
    QFETCH(std::vector<double>, distortion);
    QFETCH(cv::Vec3d, eye);
    QFETCH(cv::Vec3d, target);

    const CameraIntrinsics k = camera(distortion);
    const Projector projector(k, Pose::fromMatrix(sl::test::lookAt(eye, target, axes)), axes);
    const cv::Vec3d zero(0, 0, 0);
    constexpr double kTolerance = 0.01; // pixels
    cv::RNG rng(99);
    Projector::Pieces pieces; // reused across polylines, as a renderer does
    int behind = 0, inFront = 0;
    for (int line = 0; line < 60; ++line) {
        // A random walk around the eye: some points behind the camera.
        Points3 world{eye + cv::Vec3d(rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0))};
        for (int i = 1; i < 30; ++i)
            world.push_back(world.back() + cv::Vec3d(rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0),
                                                     rng.uniform(-1.0, 1.0)));
        projector.projectPolyline(world.data(), world.size(), pieces);

        QCOMPARE(pieces.pixels.size(), pieces.camera.size());
        size_t begin = 0;
        for (const size_t end : pieces.ends) {
            QVERIFY(end >= begin + 2); // a piece is at least a segment
            begin = end;
        }
        QCOMPARE(begin, pieces.pixels.size());

        // Each pixel is its camera point through OpenCV.
        for (size_t i = 0; i < pieces.camera.size(); ++i) {
            const cv::Vec3d &c = pieces.camera[i];
            QVERIFY(c[2] >= Projector::kNearPlane - 1e-12);
            if (std::hypot(c[0] / c[2], c[1] / c[2]) > projector.distortionLimit())
                continue; // past the guard: not OpenCV's polynomial by design
            std::vector<cv::Point2d> expected;
            cv::projectPoints(std::vector<cv::Vec3d>{c}, zero, zero, k.cameraMatrix(), k.distortionCoeffs(), expected);
            const double err = cv::norm(pieces.pixels[i] - expected[0]);
            QVERIFY2(err < kTolerance, qPrintable(QStringLiteral("line %1 pixel %2 off by %3 px").arg(line).arg(i).arg(err)));
        }

        // Each point in front is a vertex where projectPoint puts it, in order.
        size_t next = 0;
        for (size_t i = 0; i < world.size(); ++i) {
            const auto p = projector.projectPoint(world[i]);
            if (!p) {
                ++behind;
                continue;
            }
            ++inFront;
            while (next < pieces.pixels.size() && cv::norm(pieces.pixels[next] - *p) >= kTolerance)
                ++next;
            QVERIFY2(next < pieces.pixels.size(), qPrintable(QStringLiteral("line %1 point %2 missing").arg(line).arg(i)));
        }

        // The vector form gives the same pieces.
        const Pieces2 vectors = projector.projectPolyline(world);
        QCOMPARE(vectors.size(), pieces.ends.size());
        begin = 0;
        for (size_t piece = 0; piece < vectors.size(); ++piece) {
            QCOMPARE(vectors[piece].size(), pieces.ends[piece] - begin);
            for (size_t i = 0; i < vectors[piece].size(); ++i)
                QCOMPARE(vectors[piece][i], pieces.pixels[begin + i]);
            begin = pieces.ends[piece];
        }
    }
    // The walks did what the test is about.
    QVERIFY(behind > 50);
    QVERIFY(inFront > 50);
}

QTEST_GUILESS_MAIN(TestProjector)
#include "tst_projector.moc"
