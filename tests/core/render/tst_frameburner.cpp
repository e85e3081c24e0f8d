#include "render/frameburner.h"

#include <QtTest>

#include <random>

using namespace sl;

// FrameBurner (export-video's burn-in) against FrameExporter::burnFrame
// (export-frame's): the same pixels, frame after frame, while the canvases
// it lends are held by the encoder or come back to it.
class TestFrameBurner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burnsWhatExportFrameBurns_data();
    void burnsWhatExportFrameBurns();
};

namespace {

// A 320x240 camera at the origin looking along +z, moving sideways over 10 s,
// with a world arrow, an image rectangle and a blur.
FrameExporter::Source sourceWithMarkup()
{
    FrameExporter::Source source;
    CaptureManifest &m = source.manifest;
    m.id = QStringLiteral("c0000000-0000-4000-8000-0000000000b1");
    m.mediaType = MediaType::Video;
    CameraIntrinsics k;
    k.width = 320;
    k.height = 240;
    k.fx = k.fy = 260;
    k.cx = 159.5;
    k.cy = 119.5;
    m.camera = k;
    m.axes = Axes::OpenCV;
    ManifestPose start;
    ManifestPose end;
    end.t = 10;
    end.pose.position = {0.5, 0.0, 0.0};
    m.poses = {start, end};
    Markup arrow;
    arrow.id = QStringLiteral("d0000000-0000-4000-8000-0000000000b1");
    arrow.kind = MarkupKind::Arrow;
    arrow.space = MarkupSpace::World;
    arrow.worldPoints = {{-0.2, -0.3, 2.0}, {0.3, 0.1, 2.0}};
    arrow.width = 4;
    Markup box;
    box.id = QStringLiteral("d0000000-0000-4000-8000-0000000000b2");
    box.kind = MarkupKind::Rect;
    box.imagePoints = {{0.6, 0.1}, {0.9, 0.4}};
    Markup blur;
    blur.id = QStringLiteral("d0000000-0000-4000-8000-0000000000b3");
    blur.kind = MarkupKind::Blur;
    blur.imagePoints = {{0.05, 0.05}, {0.4, 0.5}};
    m.markups = {arrow, box, blur};
    return source;
}

// A decoded frame as FrameSource gives it (RGB888), of noise seeded by `n`.
QImage decodedFrame(int n)
{
    QImage frame(320, 240, QImage::Format_RGB888);
    std::mt19937 rng{uint32_t(n)};
    for (int y = 0; y < frame.height(); ++y) {
        uchar *line = frame.scanLine(y);
        for (int x = 0; x < frame.width() * 3; ++x)
            line[x] = uchar(rng() & 255);
    }
    return frame;
}

} // namespace

void TestFrameBurner::burnsWhatExportFrameBurns_data()
{
    QTest::addColumn<int>("rotation");
    QTest::newRow("unrotated (canvases reused)") << 0;
    QTest::newRow("turned 90 (the general path)") << 90;
}

void TestFrameBurner::burnsWhatExportFrameBurns()
{
    QFETCH(int, rotation);
    const FrameExporter::Source source = sourceWithMarkup();
    FrameBurner burner(source, rotation);
    std::vector<QImage> held; // what the encoder's queue holds a while
    for (int n = 0; n < 12; ++n) {
        QImage frame = decodedFrame(n);
        if (rotation == 90 || rotation == 270)
            frame = decodedFrame(n).scaled(240, 320);
        const double time = n * 0.8;
        const QImage burned = burner.burn(frame, time);
        const QImage expected =
            FrameExporter::burnFrame(frame.convertToFormat(QImage::Format_RGB32), rotation, source, time);
        QCOMPARE(burned.size(), expected.size());
        QCOMPARE(burned.convertToFormat(QImage::Format_RGB32), expected.convertToFormat(QImage::Format_RGB32));
        // Something was burned in: not the frame as decoded.
        QVERIFY(burned.convertToFormat(QImage::Format_RGB32) != frame.convertToFormat(QImage::Format_RGB32));
        held.push_back(burned);
        if (held.size() > 3)
            held.erase(held.begin()); // let the oldest go: its canvas comes back
    }
    // A canvas still held was never written again: the first kept is still frame 9's burn.
    const QImage ninth = FrameExporter::burnFrame(
        (rotation ? decodedFrame(9).scaled(240, 320) : decodedFrame(9)).convertToFormat(QImage::Format_RGB32), rotation,
        source, 9 * 0.8);
    QCOMPARE(held.front().convertToFormat(QImage::Format_RGB32), ninth.convertToFormat(QImage::Format_RGB32));
}

QTEST_MAIN(TestFrameBurner)
#include "tst_frameburner.moc"
