#include "render/markupdensity.h"

#include <QtTest>

#include <cmath>

using sl::CaptureManifest;
using sl::Markup;
using sl::MarkupKind;
using sl::MarkupSpace;

Q_DECLARE_METATYPE(std::vector<Markup>)

namespace {

// A 640x480 video of 10 s whose camera (OpenCV axes, at the origin) looks
// along +z at 0 s and turns about the vertical axis to look along -z at 10 s
// (18 degrees a second; half the horizontal field of view is 32.6 degrees).
CaptureManifest turningCamera(bool withPoses)
{
    CaptureManifest manifest;
    manifest.mediaType = sl::MediaType::Video;
    sl::CameraIntrinsics camera;
    camera.width = 640;
    camera.height = 480;
    camera.fx = camera.fy = 500;
    camera.cx = 320;
    camera.cy = 240;
    manifest.camera = camera;
    manifest.axes = sl::Axes::OpenCV;
    if (withPoses) {
        sl::ManifestPose start;
        start.t = 0;
        sl::ManifestPose end;
        end.t = 10;
        end.pose.rotation = {0, 1, 0, 0}; // 180 degrees about y
        manifest.poses = {start, end};
    }
    return manifest;
}

Markup imageLine(std::optional<double> from, std::optional<double> to)
{
    Markup m;
    m.kind = MarkupKind::Line;
    m.space = MarkupSpace::Image;
    m.imagePoints = {{0.2, 0.2}, {0.8, 0.8}};
    m.from = from;
    m.to = to;
    return m;
}

// A short horizontal line 3 m away along `direction` (+1: +z, -1: -z).
Markup worldLine(double direction)
{
    Markup m;
    m.kind = MarkupKind::Line;
    m.space = MarkupSpace::World;
    m.worldPoints = {{-0.1, 0, 3 * direction}, {0.1, 0, 3 * direction}};
    return m;
}

} // namespace

// The timeline's density strip: per time bucket, how many markups the
// picture shows then (image markup by its time range, world markup when its
// projection lands in the frame).
class TestMarkupDensity : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void density_data();
    void density();
};

void TestMarkupDensity::density_data()
{
    QTest::addColumn<bool>("poses");
    QTest::addColumn<std::vector<Markup>>("imageMarkups");
    QTest::addColumn<std::vector<Markup>>("worldMarkups");
    QTest::addColumn<QList<int>>("expected"); // 10 buckets of 1 s (middles 0.5 .. 9.5 s)

    QTest::newRow("nothing") << true << std::vector<Markup>{} << std::vector<Markup>{}
                             << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    QTest::newRow("image markup always") << false << std::vector<Markup>{imageLine({}, {})} << std::vector<Markup>{}
                                         << QList<int>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    QTest::newRow("image markup 2-4.2 s")
        << false << std::vector<Markup>{imageLine(2.0, 4.2)} << std::vector<Markup>{}
        << QList<int>{0, 0, 1, 1, 0, 0, 0, 0, 0, 0};
    QTest::newRow("two overlapping ranges")
        << false << std::vector<Markup>{imageLine(0.0, 3.0), imageLine(2.0, 6.0)} << std::vector<Markup>{}
        << QList<int>{1, 1, 2, 1, 1, 1, 0, 0, 0, 0};
    // In front at the start: in the picture while the turn is under ~30
    // degrees (0.5 s: 9, 1.5 s: 27; 2.5 s: 45 is outside).
    QTest::newRow("world ahead at the start") << true << std::vector<Markup>{} << std::vector<Markup>{worldLine(1)}
                                              << QList<int>{1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    // Behind at the start, ahead at the end (9.5 s: 171 degrees; 8.5 s: 153).
    QTest::newRow("world behind at the start") << true << std::vector<Markup>{} << std::vector<Markup>{worldLine(-1)}
                                               << QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
    QTest::newRow("world and image") << true << std::vector<Markup>{imageLine(0.0, 1.0)}
                                     << std::vector<Markup>{worldLine(1), worldLine(-1)}
                                     << QList<int>{2, 1, 0, 0, 0, 0, 0, 0, 1, 1};
    // Without poses world markup has no place in the picture: not counted.
    QTest::newRow("world without poses") << false << std::vector<Markup>{imageLine({}, {})}
                                         << std::vector<Markup>{worldLine(1)}
                                         << QList<int>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
}

void TestMarkupDensity::density()
{
    QFETCH(bool, poses);
    QFETCH(std::vector<Markup>, imageMarkups);
    QFETCH(std::vector<Markup>, worldMarkups);
    QFETCH(QList<int>, expected);
    CaptureManifest manifest = turningCamera(poses);
    manifest.markups = imageMarkups;
    const std::vector<int> counts = sl::markupDensity(manifest, worldMarkups, QSize(640, 480), 10.0, 10);
    QCOMPARE(QList<int>(counts.begin(), counts.end()), expected);
}

QTEST_GUILESS_MAIN(TestMarkupDensity)
#include "tst_markupdensity.moc"
