#include "overlayprobe.h"

#include "render/markuppainter.h"
#include "render/markupplan.h"
#include "render/overlayrenderer.h"
#include "render/renderbudget.h"
#include "render/strokebatch.h"

#include <QPainter>
#include <QtTest>

#include <opencv2/calib3d.hpp>

#include <cmath>
#include <deque>

using namespace sl;
using sl::test::changed;
using sl::test::reachAlong;
using sl::test::unit;

Q_DECLARE_METATYPE(sl::Axes)
Q_DECLARE_METATYPE(sl::MarkupKind)
Q_DECLARE_METATYPE(sl::MediaType)

// The one painter of markup: where each kind lands, when it shows, and why
// 3D markup is not drawn.
class TestOverlayRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageRectLandsAtNormalisedCoordinates();
    void imageArrowTipAndTail();
    void everyImageKindDraws_data();
    void everyImageKindDraws();
    void timeRange_data();
    void timeRange();
    void worldMarkupLandsWhereProjectPointsSays_data();
    void worldMarkupLandsWhereProjectPointsSays();
    void worldMarkupBehindCamera();
    void noPoseOrCameraGivesNotice_data();
    void noPoseOrCameraGivesNotice();
    void blurHidesOnlyItsRectangle();
    void blurWithoutFrameIsOpaque();
    void widthsScaleWithFrameSize_data();
    void widthsScaleWithFrameSize();
    void labelHasContrastingHalo_data();
    void labelHasContrastingHalo();
    void denseStrokeDrawsTheSamePixels_data();
    void denseStrokeDrawsTheSamePixels();
    void normalMarkupIsDrawnExactly();
    void costlyMarkupIsReducedWithEveryStrokeInOrder();
};

namespace {

CameraIntrinsics cameraFor(QSize size, std::vector<double> distortion = {})
{
    CameraIntrinsics k;
    k.width = size.width();
    k.height = size.height();
    k.fx = 0.8 * size.width();
    k.fy = 0.8 * size.width() + 1.5;
    k.cx = (size.width() - 1) / 2.0 + 3.25;
    k.cy = (size.height() - 1) / 2.0 - 2.5;
    k.distortion = std::move(distortion);
    return k;
}

// A camera at `eye` looking at `target` (y up), as an OpenCV-axes rotation.
cv::Matx33d lookAt(const cv::Vec3d &eye, const cv::Vec3d &target)
{
    const cv::Vec3d forward = cv::normalize(target - eye);
    const cv::Vec3d right = cv::normalize(forward.cross(cv::Vec3d(0, 1, 0)));
    const cv::Vec3d down = forward.cross(right);
    return cv::Matx33d(right[0], down[0], forward[0], right[1], down[1], forward[1], right[2], down[2],
                       forward[2]);
}

CaptureManifest manifestFor(MediaType type, QSize cameraSize)
{
    CaptureManifest m;
    m.id = QStringLiteral("capture");
    m.mediaType = type;
    m.camera = cameraFor(cameraSize);
    return m;
}

void setPose(CaptureManifest &m, const cv::Matx33d &rotationCv, const cv::Vec3d &position, Axes axes)
{
    const cv::Matx33d flip(1, 0, 0, 0, -1, 0, 0, 0, -1);
    ManifestPose p;
    p.pose.position = position;
    p.pose.rotation = Quaternion::fromRotationMatrix(axes == Axes::OpenGL ? rotationCv * flip : rotationCv);
    m.axes = axes;
    m.poses = {p};
}

Markup markup(MarkupKind kind, MarkupSpace space, double width, const QColor &color)
{
    Markup m;
    m.id = QStringLiteral("%1%2").arg(space == MarkupSpace::World ? QLatin1Char('w') : QLatin1Char('m')).arg(int(kind));
    m.kind = kind;
    m.space = space;
    m.width = width;
    m.color = color;
    return m;
}

Markup imageMarkup(MarkupKind kind, std::vector<cv::Point2d> points, double width = 3, QColor color = Qt::red)
{
    Markup m = markup(kind, MarkupSpace::Image, width, color);
    m.imagePoints = std::move(points);
    return m;
}

Markup worldMarkup(MarkupKind kind, std::vector<cv::Vec3d> points, double width = 4, QColor color = Qt::red)
{
    Markup m = markup(kind, MarkupSpace::World, width, color);
    m.worldPoints = std::move(points);
    return m;
}

QImage filled(QSize size, QColor color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    return image;
}

int changedCount(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            n += changed(a, b, x, y) ? 1 : 0;
    }
    return n;
}

bool similar(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) < 30;
}

// Pixels of `color` that the background cannot reach without crossing another
// colour: with a label on a background of the same colour, the letters that
// a halo sets apart.
int enclosedPixels(const QImage &image, const QColor &color, const QColor &background)
{
    const int w = image.width(), h = image.height();
    std::vector<char> outside(size_t(w * h), 0);
    std::deque<QPoint> open;
    const auto visit = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h || outside[size_t(y * w + x)] ||
            !similar(image.pixelColor(x, y), background))
            return;
        outside[size_t(y * w + x)] = 1;
        open.emplace_back(x, y);
    };
    for (int x = 0; x < w; ++x) {
        visit(x, 0);
        visit(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        visit(0, y);
        visit(w - 1, y);
    }
    while (!open.empty()) {
        const QPoint p = open.front();
        open.pop_front();
        visit(p.x() + 1, p.y());
        visit(p.x() - 1, p.y());
        visit(p.x(), p.y() + 1);
        visit(p.x(), p.y() - 1);
    }
    int enclosed = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x)
            enclosed += !outside[size_t(y * w + x)] && similar(image.pixelColor(x, y), color) ? 1 : 0;
    }
    return enclosed;
}

} // namespace

void TestOverlayRenderer::imageRectLandsAtNormalisedCoordinates()
{
    const QSize size(640, 360);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    m.markups = {imageMarkup(MarkupKind::Rect, {{0.25, 0.2}, {0.75, 0.8}}, 2)};
    const QImage blank = filled(size, Qt::white);
    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0, &result);
    QCOMPARE(result.imageMarkupsDrawn, 1);
    QCOMPARE(out.size(), size);

    // The outline runs along x = 160 and 480, y = 72 and 288 (pixel edges).
    const QRectF rect(160, 72, 320, 216);
    int touched = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            if (!changed(blank, out, x, y))
                continue;
            ++touched;
            const double cx = x + 0.5, cy = y + 0.5;
            const double dx = std::max({rect.left() - cx, 0.0, cx - rect.right()});
            const double dy = std::max({rect.top() - cy, 0.0, cy - rect.bottom()});
            const double outside = std::hypot(dx, dy);
            const double inside =
                std::min({cx - rect.left(), rect.right() - cx, cy - rect.top(), rect.bottom() - cy});
            QVERIFY2(outside <= 1.6 && inside <= 1.6,
                     qPrintable(QStringLiteral("stray pixel %1,%2").arg(x).arg(y)));
        }
    }
    QVERIFY(touched > 1000);
    for (const QPoint p :
         {QPoint(159, 180), QPoint(160, 180), QPoint(479, 180), QPoint(320, 71), QPoint(320, 288)})
        QVERIFY2(changed(blank, out, p.x(), p.y()),
                 qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));
    QVERIFY(!changed(blank, out, 320, 180));
}

void TestOverlayRenderer::imageArrowTipAndTail()
{
    const QSize size(640, 360);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    m.markups = {imageMarkup(MarkupKind::Arrow, {{0.2, 0.5}, {0.6, 0.5}}, 4)};
    const QImage blank = filled(size, Qt::black);
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0);
    // In OpenCV's pixel-centre terms the tail is at x = 127.5, the tip at 383.5.
    const cv::Point2d tail(0.2 * 640 - 0.5, 179.5), tip(0.6 * 640 - 0.5, 179.5);
    const double head = MarkupPainter::headLength(4);
    QVERIFY(std::abs(reachAlong(blank, out, tip, {1, 0}, head + 4)) <= 1.0);
    QVERIFY(std::abs(reachAlong(blank, out, tail, {-1, 0}, 8)) <= 1.0);
    // The head is wider than the shaft.
    int headRows = 0, shaftRows = 0;
    for (int y = 150; y < 210; ++y) {
        headRows += changed(blank, out, int(tip.x - head / 2), y) ? 1 : 0;
        shaftRows += changed(blank, out, 250, y) ? 1 : 0;
    }
    QVERIFY2(headRows > shaftRows + 4, qPrintable(QStringLiteral("%1 vs %2").arg(headRows).arg(shaftRows)));
}

void TestOverlayRenderer::everyImageKindDraws_data()
{
    QTest::addColumn<MarkupKind>("kind");
    QTest::addColumn<int>("points");
    QTest::newRow("ink") << MarkupKind::Ink << 5;
    QTest::newRow("ink dot") << MarkupKind::Ink << 1;
    QTest::newRow("arrow") << MarkupKind::Arrow << 2;
    QTest::newRow("line") << MarkupKind::Line << 2;
    QTest::newRow("rect") << MarkupKind::Rect << 2;
    QTest::newRow("ellipse") << MarkupKind::Ellipse << 2;
    QTest::newRow("text") << MarkupKind::Text << 1;
}

void TestOverlayRenderer::everyImageKindDraws()
{
    QFETCH(MarkupKind, kind);
    QFETCH(int, points);
    const QSize size(320, 200);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    std::vector<cv::Point2d> p;
    for (int i = 0; i < points; ++i)
        p.emplace_back(0.2 + 0.12 * i, 0.3 + 0.1 * (i % 2));
    Markup markup = imageMarkup(kind, p);
    markup.text = QStringLiteral("Check seal");
    m.markups = {markup};
    const QImage blank = filled(size, QColor(40, 90, 40));
    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0, &result);
    QCOMPARE(result.imageMarkupsDrawn, 1);
    QCOMPARE(result.worldMarkupsDrawn, 0);
    QVERIFY(changedCount(blank, out) > 5);
}

void TestOverlayRenderer::timeRange_data()
{
    QTest::addColumn<MediaType>("type");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("drawn");
    QTest::newRow("video before") << MediaType::Video << 1.99 << false;
    QTest::newRow("video at from") << MediaType::Video << 2.0 << true;
    QTest::newRow("video inside") << MediaType::Video << 3.1 << true;
    QTest::newRow("video at to") << MediaType::Video << 4.5 << true;
    QTest::newRow("video after") << MediaType::Video << 4.51 << false;
    QTest::newRow("photo ignores the range") << MediaType::Photo << 0.0 << true;
}

void TestOverlayRenderer::timeRange()
{
    QFETCH(MediaType, type);
    QFETCH(double, seconds);
    QFETCH(bool, drawn);
    const QSize size(320, 180);
    CaptureManifest m = manifestFor(type, size);
    Markup ink = imageMarkup(MarkupKind::Ink, {{0.1, 0.1}, {0.5, 0.5}, {0.9, 0.2}});
    ink.from = 2.0;
    ink.to = 4.5;
    Markup blur = imageMarkup(MarkupKind::Blur, {{0.0, 0.6}, {0.3, 1.0}});
    blur.from = 2.0;
    blur.to = 4.5;
    m.markups = {ink, blur};
    QImage blank = filled(size, Qt::white);
    for (int x = 0; x < size.width(); x += 2) // something for the blur to hide
        QPainter(&blank).fillRect(x, 120, 1, 60, Qt::black);
    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, seconds, &result);
    QCOMPARE(result.imageMarkupsDrawn, drawn ? 2 : 0);
    QCOMPARE(changedCount(blank, out) > 0, drawn);
}

void TestOverlayRenderer::worldMarkupLandsWhereProjectPointsSays_data()
{
    QTest::addColumn<MarkupKind>("kind");
    QTest::addColumn<Axes>("axes");
    QTest::addColumn<bool>("distorted");
    QTest::addColumn<int>("divisor"); // decoded size = camera size / divisor
    for (MarkupKind kind : {MarkupKind::Arrow, MarkupKind::Line}) {
        const char *name = kind == MarkupKind::Arrow ? "arrow" : "line";
        QTest::addRow("%s opencv", name) << kind << Axes::OpenCV << false << 1;
        QTest::addRow("%s opengl", name) << kind << Axes::OpenGL << false << 1;
        QTest::addRow("%s opengl distorted", name) << kind << Axes::OpenGL << true << 1;
        QTest::addRow("%s opencv distorted proxy", name) << kind << Axes::OpenCV << true << 2;
        QTest::addRow("%s opengl proxy", name) << kind << Axes::OpenGL << false << 2;
    }
}

void TestOverlayRenderer::worldMarkupLandsWhereProjectPointsSays()
{
    QFETCH(MarkupKind, kind);
    QFETCH(Axes, axes);
    QFETCH(bool, distorted);
    QFETCH(int, divisor);
    const QSize full(1280, 720);
    const QSize decoded = full / divisor;
    const std::vector<double> distortion =
        distorted ? std::vector<double>{-0.09, 0.03, 0.0007, -0.0004} : std::vector<double>{};
    CaptureManifest m = manifestFor(MediaType::Photo, full);
    m.camera = cameraFor(full, distortion);
    const cv::Vec3d eye(0.4, 1.6, 2.2), target(0.1, 0.5, -0.2);
    const cv::Matx33d rotation = lookAt(eye, target);
    setPose(m, rotation, eye, axes);

    const cv::Vec3d tail(-0.35, 0.9, 0.25), head(0.3, 0.55, -0.1);
    const std::vector<Markup> world = {worldMarkup(kind, {tail, head}, 6)};
    const QImage blank = filled(decoded, QColor(30, 30, 30));
    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(blank, m, world, 0, &result);
    QCOMPARE(result.worldMarkupsDrawn, 1);
    QVERIFY(result.notice.isEmpty());

    // Independently of the renderer: OpenCV's projection of both ends.
    const CameraIntrinsics k = m.camera->scaledTo(decoded.width(), decoded.height());
    cv::Vec3d rvec;
    cv::Rodrigues(cv::Mat(rotation.t()), rvec);
    const cv::Vec3d tvec = -(rotation.t() * eye);
    const auto project = [&](const cv::Vec3d &p) {
        std::vector<cv::Point2d> px;
        cv::projectPoints(std::vector<cv::Point3d>{{p[0], p[1], p[2]}}, rvec, tvec, k.cameraMatrix(),
                          k.distortionCoeffs(), px);
        return px[0];
    };
    const cv::Point2d headPx = project(head), tailPx = project(tail);
    // The local direction at each end (distortion bends the line).
    const cv::Point2d atHead = unit(headPx - project(head + 0.02 * (tail - head)));
    const cv::Point2d atTail = unit(project(tail + 0.02 * (head - tail)) - tailPx);
    const double width = 6.0 / divisor;
    const double headReach = reachAlong(blank, out, headPx, atHead, MarkupPainter::headLength(width) + 4);
    const double tailReach = reachAlong(blank, out, tailPx, -atTail, width + 4);
    QVERIFY2(std::abs(headReach) <= 1.0, qPrintable(QString::number(headReach)));
    QVERIFY2(std::abs(tailReach) <= 1.0, qPrintable(QString::number(tailReach)));
}

void TestOverlayRenderer::worldMarkupBehindCamera()
{
    const QSize size(640, 360);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    setPose(m, cv::Matx33d::eye(), {0, 0, 0}, Axes::OpenCV); // looking along +z
    const QImage blank = filled(size, Qt::black);

    OverlayResult result;
    QImage out = OverlayRenderer::burnIn(
        blank, m, {worldMarkup(MarkupKind::Arrow, {{0, 0, -1}, {0.2, 0.1, -2}})}, 0, &result);
    QCOMPARE(result.worldMarkupsDrawn, 0);
    QVERIFY(result.notice.isEmpty());
    QCOMPARE(changedCount(blank, out), 0);

    // From behind the camera to in front: clipped at the near plane, head drawn.
    const cv::Vec3d head(0.1, 0.05, 1.0);
    out = OverlayRenderer::burnIn(blank, m, {worldMarkup(MarkupKind::Arrow, {{0.1, 0.05, -1.0}, head})}, 0,
                                  &result);
    QCOMPARE(result.worldMarkupsDrawn, 1);
    const CameraIntrinsics &k = *m.camera;
    const cv::Point2d headPx(k.fx * head[0] / head[2] + k.cx, k.fy * head[1] / head[2] + k.cy);
    QVERIFY(changed(blank, out, int(std::lround(headPx.x)), int(std::lround(headPx.y))));
}

void TestOverlayRenderer::noPoseOrCameraGivesNotice_data()
{
    QTest::addColumn<bool>("camera");
    QTest::addColumn<bool>("pose");
    QTest::addColumn<QString>("says");
    QTest::newRow("no pose") << true << false << QStringLiteral("pose");
    QTest::newRow("no camera") << false << true << QStringLiteral("intrinsics");
    QTest::newRow("neither") << false << false << QStringLiteral("intrinsics");
}

void TestOverlayRenderer::noPoseOrCameraGivesNotice()
{
    QFETCH(bool, camera);
    QFETCH(bool, pose);
    QFETCH(QString, says);
    const QSize size(320, 180);
    CaptureManifest m = manifestFor(MediaType::Video, size);
    if (!camera)
        m.camera.reset();
    if (pose)
        setPose(m, cv::Matx33d::eye(), {0, 0, -2}, Axes::OpenCV);
    const std::vector<Markup> world = {worldMarkup(MarkupKind::Arrow, {{0, 0, 0}, {0.2, 0.2, 0}})};
    const QImage blank = filled(size, Qt::white);

    OverlayResult result;
    QImage out = OverlayRenderer::burnIn(blank, m, world, 1.0, &result);
    QCOMPARE(result.worldMarkupsDrawn, 0);
    QVERIFY2(result.notice.contains(says), qPrintable(result.notice));
    QCOMPARE(changedCount(blank, out), 0);

    // Image markup still shows; with no world markup there is nothing to explain.
    m.markups = {imageMarkup(MarkupKind::Line, {{0.1, 0.1}, {0.9, 0.9}})};
    out = OverlayRenderer::burnIn(blank, m, {}, 1.0, &result);
    QCOMPARE(result.imageMarkupsDrawn, 1);
    QVERIFY(result.notice.isEmpty());
    QVERIFY(changedCount(blank, out) > 100);
}

void TestOverlayRenderer::blurHidesOnlyItsRectangle()
{
    const QSize size(640, 360);
    QImage frame(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            frame.setPixelColor(x, y, ((x / 3 + y / 3) % 2) ? Qt::white : Qt::black);
    }
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    m.markups = {imageMarkup(MarkupKind::Blur, {{0.25, 0.25}, {0.5, 0.5}})};
    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(frame, m, {}, 0, &result);
    QCOMPARE(result.imageMarkupsDrawn, 1);
    QCOMPARE(out.format(), QImage::Format_RGB888);

    const QRect inside(160, 90, 160, 90);
    double sum = 0, sumSquares = 0;
    int count = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            if (!inside.contains(x, y)) {
                QCOMPARE(out.pixel(x, y), frame.pixel(x, y));
                continue;
            }
            const double grey = qGray(out.pixel(x, y));
            sum += grey;
            sumSquares += grey * grey;
            ++count;
        }
    }
    const double mean = sum / count;
    const double deviation = std::sqrt(sumSquares / count - mean * mean);
    // The checkerboard had a deviation of 127; what is left is a smooth grey.
    QVERIFY2(deviation < 10, qPrintable(QString::number(deviation)));
    QVERIFY2(std::abs(mean - 127.5) < 25, qPrintable(QString::number(mean)));
}

void TestOverlayRenderer::blurWithoutFrameIsOpaque()
{
    const QSize size(200, 100);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    m.markups = {imageMarkup(MarkupKind::Blur, {{0.5, 0.5}, {0.1, 0.1}})}; // corners in any order
    QImage canvas = filled(size, Qt::white);
    {
        QPainter painter(&canvas);
        painter.fillRect(40, 20, 30, 5, Qt::red);        // under the redaction
        OverlayRenderer::paint(painter, m, {}, size, 0); // no frame given
    }
    const QRgb box = canvas.pixel(20, 10);
    QVERIFY(box != qRgb(255, 255, 255));
    for (int y = 10; y < 50; ++y) {
        for (int x = 20; x < 100; ++x)
            QCOMPARE(canvas.pixel(x, y), box);
    }
    QCOMPARE(canvas.pixel(100, 50), qRgb(255, 255, 255));
}

void TestOverlayRenderer::widthsScaleWithFrameSize_data()
{
    QTest::addColumn<int>("frameWidth");
    QTest::addColumn<int>("thickness");
    QTest::newRow("full size") << 1280 << 8;
    QTest::newRow("half") << 640 << 4;
    QTest::newRow("quarter") << 320 << 2;
}

void TestOverlayRenderer::widthsScaleWithFrameSize()
{
    QFETCH(int, frameWidth);
    QFETCH(int, thickness);
    const QSize size(frameWidth, frameWidth * 9 / 16);
    CaptureManifest m = manifestFor(MediaType::Photo, QSize(1280, 720)); // full size: the camera's
    m.markups = {imageMarkup(MarkupKind::Line, {{0.1, 0.5}, {0.9, 0.5}}, 8)};
    const QImage blank = filled(size, Qt::white);
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0);
    int solid = 0;
    for (int y = 0; y < size.height(); ++y)
        solid += qGray(out.pixel(size.width() / 2, y)) < 128 ? 1 : 0;
    QCOMPARE(solid, thickness);
}

void TestOverlayRenderer::labelHasContrastingHalo_data()
{
    QTest::addColumn<QColor>("text");
    QTest::addColumn<QColor>("background");
    QTest::newRow("white on white") << QColor(Qt::white) << QColor(Qt::white);
    QTest::newRow("black on black") << QColor(Qt::black) << QColor(Qt::black);
    QTest::newRow("yellow on white") << QColor(0xFF, 0xD6, 0x0A) << QColor(Qt::white);
}

void TestOverlayRenderer::labelHasContrastingHalo()
{
    QFETCH(QColor, text);
    QFETCH(QColor, background);
    const QSize size(400, 200);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    Markup label = imageMarkup(MarkupKind::Text, {{0.1, 0.1}}, 4, text);
    label.text = QStringLiteral("Leak here?");
    m.markups = {label};
    const QImage blank = filled(size, background);
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0);
    int halo = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const int fromBackground = std::abs(qGray(out.pixel(x, y)) - qGray(background.rgb()));
            halo += fromBackground > 100 ? 1 : 0;
        }
    }
    QVERIFY2(halo > 200, qPrintable(QString::number(halo)));
    // The letters keep their own colour, cut off from the background by the
    // halo even where the two are the same colour.
    const int letters = enclosedPixels(out, text, background);
    QVERIFY2(letters > 50, qPrintable(QString::number(letters)));
}

namespace {

// Ink drawn as the renderer draws polylines (StrokeBatch), at `offset`.
void drawInk(QPainter &painter, const QPolygonF &points, const QColor &color, double width,
             QPointF offset = QPointF())
{
    PlannedShape shape;
    shape.kind = PlannedShape::Kind::Ink;
    shape.points = points;
    shape.color = color;
    shape.width = width;
    shape.offset = offset;
    StrokeBatch batch;
    batch.add(shape);
    batch.flush(painter);
}

} // namespace

void TestOverlayRenderer::denseStrokeDrawsTheSamePixels_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("jitter"); // pixels
    QTest::newRow("thin smooth") << 2.0 << 0.0;
    QTest::newRow("thin jittered") << 2.0 << 0.4;
    QTest::newRow("wide jittered") << 24.0 << 0.4;
}

void TestOverlayRenderer::denseStrokeDrawsTheSamePixels()
{
    // A 10,000-point ink stroke: the renderer simplifies it to the frame's
    // resolution; drawn unsimplified (by the same rasteriser), it must look the same.
    QFETCH(double, width);
    QFETCH(double, jitter);
    const QSize size(640, 360);
    std::vector<cv::Point2d> points;
    for (int i = 0; i < 10000; ++i) {
        const double t = i / 10000.0;
        const double wobble = jitter * std::sin(i * 2.39996); // deterministic, not smooth
        points.emplace_back(0.5 + 0.4 * std::sin(6.283 * 2 * t) + wobble / size.width(),
                            0.5 + 0.4 * std::sin(6.283 * 3 * t + 0.5) + wobble / size.height());
    }
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    m.markups.push_back(imageMarkup(MarkupKind::Ink, points, width, QColor(20, 40, 220)));
    const QImage blank = filled(size, Qt::white);
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0);

    QImage reference = blank.convertToFormat(QImage::Format_RGB32);
    {
        QPainter painter(&reference);
        painter.setRenderHint(QPainter::Antialiasing, true);
        QPolygonF polygon;
        for (const cv::Point2d &p : points)
            polygon.append(QPointF(p.x * size.width(), p.y * size.height()));
        drawInk(painter, polygon, QColor(20, 40, 220), width);
    }
    const QImage drawn = out.convertToFormat(QImage::Format_RGB32);
    // Within ~0.3 px, an edge pixel's coverage moves by up to a third; the ink
    // in all (darkness summed over the frame) stays the same.
    int strokePixels = 0, differing = 0, worst = 0;
    double inkDrawn = 0, inkReference = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const QRgb a = drawn.pixel(x, y), b = reference.pixel(x, y);
            const int d = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                    std::abs(qBlue(a) - qBlue(b))});
            strokePixels += b != qRgb(255, 255, 255);
            inkDrawn += 255 - qRed(a);
            inkReference += 255 - qRed(b);
            differing += d > 64; // a quarter of full coverage: more than antialiasing noise
            worst = std::max(worst, d);
        }
    }
    QVERIFY(strokePixels > 1000);
    const QString figures = QStringLiteral("%1 of %2 stroke pixels differ by more than 64, worst %3, ink %4 vs %5")
                                .arg(differing)
                                .arg(strokePixels)
                                .arg(worst)
                                .arg(inkDrawn)
                                .arg(inkReference);
    qInfo("%s", qPrintable(figures));
    QVERIFY2(differing <= strokePixels / 100, qPrintable(figures)); // 1 %
    QVERIFY2(worst <= 160, qPrintable(figures));
    QVERIFY2(std::abs(inkDrawn - inkReference) <= 0.02 * inkReference, qPrintable(figures));
}

void TestOverlayRenderer::normalMarkupIsDrawnExactly()
{
    // A few strokes of normal widths: within the budget, drawn exactly as
    // StrokeBatch draws them alone, pixel for pixel, with no notice.
    const QSize size(640, 360);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    const QColor colors[] = {Qt::red, Qt::blue, QColor(20, 160, 40), Qt::black, Qt::magenta};
    std::vector<QPolygonF> strokes;
    for (int k = 0; k < 5; ++k) {
        std::vector<cv::Point2d> points;
        QPolygonF pixels;
        for (int i = 0; i < 30; ++i) {
            // A zigzag: every point is a corner, so simplification keeps all.
            const cv::Point2d p(0.1 + 0.027 * i, 0.15 + 0.15 * k + ((i % 2) ? 0.05 : 0.0));
            points.push_back(p);
            pixels.append(QPointF(p.x * size.width(), p.y * size.height()));
        }
        m.markups.push_back(imageMarkup(MarkupKind::Ink, points, 2 + 3 * k, colors[k]));
        strokes.push_back(pixels);
    }
    const QImage blank = filled(size, QColor(200, 200, 200));
    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0, &result);
    QVERIFY2(result.notice.isEmpty(), qPrintable(result.notice));
    QCOMPARE(result.imageMarkupsDrawn, 5);

    const MarkupPlan plan = MarkupPlan::make(m, m.poseTrack(), {}, size, 0, true);
    const RenderBudget::Decision decision = RenderBudget::decide(plan.shapes, QSizeF(size));
    QVERIFY(!decision.reduced());
    QVERIFY(std::none_of(decision.inPieces.begin(), decision.inPieces.end(), [](bool b) { return b; }));

    QImage reference = blank;
    {
        QPainter painter(&reference);
        painter.setRenderHint(QPainter::Antialiasing, true);
        for (int k = 0; k < 5; ++k)
            drawInk(painter, strokes[size_t(k)], colors[k], 2 + 3 * k);
    }
    QCOMPARE(changedCount(reference, out), 0);
    QVERIFY(changedCount(blank, out) > 2000);
}

void TestOverlayRenderer::costlyMarkupIsReducedWithEveryStrokeInOrder()
{
    // Ten wide strokes, each zigzagging up and down its own tenth of the
    // frame 2,000 times (seconds for QPainter), then a thin line across all:
    // past the budget, the strokes are drawn at reduced detail, each still
    // where it is, and the line drawn after them stays on top.
    const QSize size(640, 360);
    CaptureManifest m = manifestFor(MediaType::Photo, size);
    std::vector<QColor> colors;
    for (int k = 0; k < 10; ++k) {
        std::vector<cv::Point2d> points;
        for (int i = 0; i < 2000; ++i)
            points.emplace_back(0.1 * k + 0.02 + 0.06 * i / 2000.0, (i % 2) ? 0.9 : 0.1);
        colors.push_back(QColor::fromHsv(36 * k, 255, 255));
        m.markups.push_back(imageMarkup(MarkupKind::Ink, points, 40, colors.back()));
    }
    m.markups.push_back(imageMarkup(MarkupKind::Line, {{0.0, 0.5}, {1.0, 0.5}}, 4, Qt::black));
    const QImage blank = filled(size, Qt::white);

    const MarkupPlan plan = MarkupPlan::make(m, m.poseTrack(), {}, size, 0, true);
    const RenderBudget::Decision decision = RenderBudget::decide(plan.shapes, QSizeF(size));
    QVERIFY(decision.reduced());
    QVERIFY(decision.scale > 0 && decision.scale <= 1);

    OverlayResult result;
    const QImage out = OverlayRenderer::burnIn(blank, m, {}, 0, &result);
    QVERIFY2(result.notice.contains(QStringLiteral("reduced detail")), qPrintable(result.notice));
    QCOMPARE(result.imageMarkupsDrawn, 11);
    for (int k = 0; k < 10; ++k) {
        // Inside each stroke's band, away from the line: its own colour.
        const QPoint inBand(int((0.1 * k + 0.05) * size.width()), int(0.3 * size.height()));
        const QColor got = out.pixelColor(inBand);
        QVERIFY2(similar(got, colors[size_t(k)]),
                 qPrintable(QStringLiteral("stroke %1 at %2,%3: %4, not %5")
                                .arg(k).arg(inBand.x()).arg(inBand.y()).arg(got.name(), colors[size_t(k)].name())));
        // The line, drawn later, on top of it.
        QCOMPARE(qGray(out.pixel(inBand.x(), size.height() / 2)) < 40, true);
    }
}

QTEST_MAIN(TestOverlayRenderer)
#include "tst_overlayrenderer.moc"
