#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "media/framesource.h"
#include "render/frameexporter.h"
#include "render/videoexporter.h"
#include "media/mp4videowriter.h"

#include "media/badmedia.h"
#include "media/testclip.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>

using namespace sl;
using sl::test::TestClip;

// export-video: every frame of a range, at its own presentation time, with
// the overlay export-frame draws on it, as H.264 MP4; cancel and bad ranges.
class TestVideoExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsEveryFrameAndItsTime();
    void drawsWhatExportFrameDraws();
    void burnsTheRedactionIn();
    void cancelLeavesNoFile();
    void rotatedVideoIsExportedAsShown();
    void oddSizeLosesOneColumnAndRow();
    void refusesBadRanges_data();
    void refusesBadRanges();
    void aCutShortVideoExportsWhatCanBeRead();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString manifestPath() const { return path(QStringLiteral("clip.capture.json")); }
    // Sum of absolute second differences along rows in `area`: sharp edges
    // count, a smooth gradient does not.
    static double variation(const QImage &image, const QRect &area);
    static double meanDifference(const QImage &a, const QImage &b, const QRect &area);
    bool exportRange(double from, double to, QString *error);

    QTemporaryDir m_dir;
    std::vector<double> m_sourceTimes; // ffprobe's, seconds from frame 0
    static constexpr double kFrom = 0.5;
    static constexpr double kTo = 2.5;
    // The arrow's shaft, drawn at y 54.5 from x 166 to 211 (sensor pixels).
    const QRect m_arrowArea{176, 50, 24, 10};
    // The blur redaction: normalised (0.05, 0.05)-(0.3, 0.3), over the red block's corner.
    const QRect m_blurArea{20, 16, 70, 50};
    // Inside it, the red block's right edge (x 40, y 0..30): sharp unless blurred.
    const QRect m_edgeArea{34, 14, 12, 14};
};

void TestVideoExporter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestClip::Spec spec;
    spec.frames = 90;
    spec.size = {320, 240};
    spec.keyframeInterval = 30;
    spec.variableRate = true;
    QString error;
    QVERIFY2(TestClip::write(path(QStringLiteral("clip.mp4")), spec, &error), qPrintable(error));
    m_sourceTimes = TestClip::probeTimes(path(QStringLiteral("clip.mp4")), &error);
    QVERIFY2(m_sourceTimes.size() == 90, qPrintable(error));

    CaptureManifest m;
    m.id = QStringLiteral("c0000000-0000-4000-8000-0000000000a1");
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = QStringLiteral("clip.mp4");
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    CameraIntrinsics k;
    k.width = 320;
    k.height = 240;
    k.fx = k.fy = 260;
    k.cx = 159.5;
    k.cy = 119.5;
    m.camera = k;
    m.axes = Axes::OpenCV;
    ManifestPose start; // identity: at the origin looking along +z
    ManifestPose end;
    end.t = 10;
    m.poses = {start, end};
    Markup arrow;
    arrow.id = QStringLiteral("d0000000-0000-4000-8000-0000000000a1");
    arrow.kind = MarkupKind::Arrow;
    arrow.space = MarkupSpace::World;
    arrow.worldPoints = {{0.05, -0.5, 2.0}, {0.4, -0.5, 2.0}};
    arrow.color = QColor(0xFF, 0x3B, 0x30);
    arrow.width = 4;
    Markup blur;
    blur.id = QStringLiteral("d0000000-0000-4000-8000-0000000000a2");
    blur.kind = MarkupKind::Blur;
    blur.space = MarkupSpace::Image;
    blur.imagePoints = {{0.05, 0.05}, {0.3, 0.3}};
    m.markups = {arrow, blur};
    QVERIFY2(ManifestWriter::writeFile(m, manifestPath(), &error), qPrintable(error));
    QVERIFY(exportRange(kFrom, kTo, &error));
}

bool TestVideoExporter::exportRange(double from, double to, QString *error)
{
    VideoExporter::Options options;
    options.from = from;
    options.to = to;
    return VideoExporter::exportVideo(manifestPath(), path(QStringLiteral("range.mp4")), options, error) ==
           VideoExporter::Outcome::Done;
}

double TestVideoExporter::variation(const QImage &image, const QRect &area)
{
    double sum = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left() + 1; x < area.right(); ++x) {
            const QColor a = image.pixelColor(x - 1, y);
            const QColor b = image.pixelColor(x, y);
            const QColor c = image.pixelColor(x + 1, y);
            sum += std::abs(a.red() - 2 * b.red() + c.red()) + std::abs(a.green() - 2 * b.green() + c.green()) +
                   std::abs(a.blue() - 2 * b.blue() + c.blue());
        }
    }
    return sum;
}

double TestVideoExporter::meanDifference(const QImage &a, const QImage &b, const QRect &area)
{
    double sum = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) + std::abs(p.blue() - q.blue());
        }
    }
    return sum / (3.0 * area.width() * area.height());
}

void TestVideoExporter::keepsEveryFrameAndItsTime()
{
    const int first = TestClip::frameShownAt(m_sourceTimes, kFrom);
    int last = TestClip::frameShownAt(m_sourceTimes, kTo);
    if (m_sourceTimes[size_t(last)] >= kTo)
        --last;
    QString error;
    const std::vector<double> times = TestClip::probeTimes(path(QStringLiteral("range.mp4")), &error);
    QVERIFY2(!times.empty(), qPrintable(error));
    QCOMPARE(int(times.size()), last - first + 1);
    // The clip's times are in 1/90000 s, as the export's are: within a tick
    // (and the spacing is uneven: variable rate stays variable).
    for (size_t i = 0; i < times.size(); ++i) {
        const double expected = m_sourceTimes[size_t(first) + i] - m_sourceTimes[size_t(first)];
        QVERIFY2(std::abs(times[i] - expected) <= 1.0 / 90000 + 1e-9,
                 qPrintable(QStringLiteral("frame %1: %2 s, expected %3 s").arg(i).arg(times[i]).arg(expected)));
    }
    FrameSource exported;
    QVERIFY(exported.open(path(QStringLiteral("range.mp4")), &error));
    QCOMPARE(exported.frameCount(), last - first + 1);
    for (int i = 0; i < exported.frameCount(); ++i)
        QCOMPARE(TestClip::numberOf(exported.frame(i)), (first + i) % 256);
}

void TestVideoExporter::drawsWhatExportFrameDraws()
{
    FrameSource exported;
    FrameSource original;
    QVERIFY(exported.open(path(QStringLiteral("range.mp4"))));
    QVERIFY(original.open(path(QStringLiteral("clip.mp4"))));
    const int first = original.frameIndexAt(kFrom);
    for (const int i : {0, 7, exported.frameCount() - 1}) {
        const int n = first + i;
        const QString png = path(QStringLiteral("frame%1.png").arg(n));
        QString error;
        QVERIFY2(FrameExporter::exportFrame(manifestPath(), original.timeOfFrame(n), png, &error), qPrintable(error));
        const QImage reference = QImage(png).convertToFormat(QImage::Format_RGB888);
        const QImage video = exported.frame(i);
        QCOMPARE(video.size(), reference.size());
        // The arrow is there (the raw frame differs a lot), at the same place
        // as export-frame draws it (only codec loss apart).
        const double drawn = meanDifference(original.frame(n), reference, m_arrowArea);
        const double loss = meanDifference(video, reference, m_arrowArea);
        qDebug() << "frame" << n << "arrow against raw" << drawn << "export against export-frame" << loss;
        QVERIFY2(drawn > 10, qPrintable(QStringLiteral("frame %1: the arrow is missing (%2)").arg(n).arg(drawn)));
        // Codec loss on a thin red line is several levels; one drawn 3 px
        // off would differ far more.
        const double shiftedBaseline = meanDifference(reference.copy(m_arrowArea.translated(0, 3)).scaled(m_arrowArea.size()),
                                                      reference.copy(m_arrowArea), QRect(QPoint(0, 0), m_arrowArea.size()));
        QVERIFY2(loss < drawn / 2 && loss < shiftedBaseline / 2,
                 qPrintable(QStringLiteral("frame %1: mean difference %2").arg(n).arg(loss)));
        // The redaction too: what export-frame hides is hidden the same way.
        const double redacted = meanDifference(video, reference, m_edgeArea);
        QVERIFY2(redacted < meanDifference(video, original.frame(n), m_edgeArea) / 3, qPrintable(QStringLiteral("frame %1: redaction differs by %2").arg(n).arg(redacted)));
    }
}

void TestVideoExporter::burnsTheRedactionIn()
{
    FrameSource exported;
    FrameSource original;
    QVERIFY(exported.open(path(QStringLiteral("range.mp4"))));
    QVERIFY(original.open(path(QStringLiteral("clip.mp4"))));
    const int first = original.frameIndexAt(kFrom);
    // The red block's edge inside the redaction is smeared; the same edge
    // above it, outside the redaction, only suffers codec loss.
    const QRect outside(34, 0, 12, 10);
    for (const int i : {0, exported.frameCount() / 2}) {
        const QImage raw = original.frame(first + i);
        const QImage shown = exported.frame(i);
        const double hidden = meanDifference(shown, raw, m_edgeArea);
        const double loss = meanDifference(shown, raw, outside);
        QVERIFY2(hidden > 3 * loss && variation(shown, m_edgeArea) < variation(raw, m_edgeArea),
                 qPrintable(QStringLiteral("frame %1: changed %2 under the redaction, %3 outside").arg(i).arg(hidden).arg(loss)));
    }
}

void TestVideoExporter::cancelLeavesNoFile()
{
    std::atomic<bool> cancel{false};
    int calls = 0;
    VideoExporter::Options options;
    options.cancel = &cancel;
    options.progress = [&](int done, int) {
        ++calls;
        if (done == 3)
            cancel = true;
    };
    const QString out = path(QStringLiteral("cancelled.mp4"));
    QString error;
    QCOMPARE(VideoExporter::exportVideo(manifestPath(), out, options, &error), VideoExporter::Outcome::Cancelled);
    QCOMPARE(calls, 3);
    QVERIFY(!QFile::exists(out));
    QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*.tmp")}, QDir::Files | QDir::Hidden).isEmpty());
}

void TestVideoExporter::rotatedVideoIsExportedAsShown()
{
    // A clip shown turned 90° clockwise: the export holds the turned frames
    // (an MP4 without rotation metadata), as the player and export-frame show them.
    TestClip::Spec spec;
    spec.frames = 20;
    spec.size = {320, 240};
    spec.rotation = 90;
    QString error;
    QVERIFY2(TestClip::write(path(QStringLiteral("turned.mp4")), spec, &error), qPrintable(error));
    CaptureManifest m;
    m.id = QStringLiteral("c0000000-0000-4000-8000-0000000000a2");
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = QStringLiteral("turned.mp4");
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    const QString manifest = path(QStringLiteral("turned.capture.json"));
    QVERIFY2(ManifestWriter::writeFile(m, manifest, &error), qPrintable(error));
    const QString out = path(QStringLiteral("turned-out.mp4"));
    QCOMPARE(VideoExporter::exportVideo(manifest, out, {}, &error), VideoExporter::Outcome::Done);
    FrameSource exported;
    QVERIFY(exported.open(out));
    QCOMPARE(exported.rotation(), 0);
    QCOMPARE(exported.frameCount(), 20);
    QCOMPARE(exported.frame(0).size(), QSize(240, 320));
    for (const int n : {0, 9, 19})
        QCOMPARE(TestClip::numberOfTurned(exported.frame(n), 90), n);
}

void TestVideoExporter::oddSizeLosesOneColumnAndRow()
{
    // yuv420p needs an even size: 321 x 241 is cropped, not scaled.
    const QString out = path(QStringLiteral("odd.mp4"));
    Mp4VideoWriter writer;
    QString error;
    QVERIFY2(writer.open(out, QSize(321, 241), 10, &error), qPrintable(error));
    QCOMPARE(writer.encoderName(), QStringLiteral("libx264"));
    const std::vector<double> times{0, 0.1, 0.25, 0.3, 0.7};
    for (size_t i = 0; i < times.size(); ++i) {
        QImage frame(321, 241, QImage::Format_RGB888);
        frame.fill(QColor(40 * int(i), 200, 90));
        const double duration = i + 1 < times.size() ? times[i + 1] - times[i] : 0.1;
        QVERIFY2(writer.write(frame, times[i], duration, &error), qPrintable(error));
    }
    QVERIFY(!writer.write(QImage(321, 241, QImage::Format_RGB888), 0.5, 0.1, &error)); // time went back
    QVERIFY2(error.contains(QLatin1String("increase")), qPrintable(error));
    QVERIFY2(writer.finish(&error), qPrintable(error));
    FrameSource written;
    QVERIFY(written.open(out, &error));
    QCOMPARE(written.frameCount(), int(times.size()));
    QCOMPARE(written.codedSize(), QSize(320, 240));
    for (int i = 0; i < written.frameCount(); ++i) {
        QVERIFY(std::abs(written.timeOfFrame(i) - times[size_t(i)]) <= 1.0 / Mp4VideoWriter::kTicksPerSecond);
        QVERIFY(std::abs(written.frame(i).pixelColor(160, 120).red() - 40 * i) <= 4);
    }
}

void TestVideoExporter::refusesBadRanges_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<QString>("says");
    QTest::newRow("past the end") << 1.0 << 99.0 << "outside the video";
    QTest::newRow("starts past the end") << 99.0 << std::nan("") << "starts past the end";
    QTest::newRow("negative") << -1.0 << 1.0 << "outside the video";
    QTest::newRow("empty") << 1.0 << 1.0 << "is empty";
    QTest::newRow("backwards") << 2.0 << 1.0 << "is empty";
    QTest::newRow("not a number") << std::nan("") << 1.0 << "outside the video";
}

void TestVideoExporter::refusesBadRanges()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(QString, says);
    VideoExporter::Options options;
    options.from = from;
    if (!std::isnan(to) || std::isnan(from)) // NaN `to` in a row: none given (to the end)
        options.to = to;
    const QString out = path(QStringLiteral("bad.mp4"));
    QString error;
    QCOMPARE(VideoExporter::exportVideo(manifestPath(), out, options, &error), VideoExporter::Outcome::Failed);
    QVERIFY2(error.startsWith(QLatin1String("clip.capture.json: ")) && error.contains(says), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!QFile::exists(out));
}

// A file cut short (a copy that stopped): with no range, or a range to its
// readable end, every readable frame is exported; a range past it is
// refused saying where the video ends and what its container said.
void TestVideoExporter::aCutShortVideoExportsWhatCanBeRead()
{
    QString error;
    const QString whole = path(QStringLiteral("whole.mp4"));
    QVERIFY2(test::BadMedia::writeFastStartClip(whole, 90, 30, &error), qPrintable(error));
    QVERIFY2(test::BadMedia::truncateCopy(whole, path(QStringLiteral("cut.mp4")), 0.5, &error), qPrintable(error));
    FrameSource cut;
    QVERIFY2(cut.open(path(QStringLiteral("cut.mp4")), &error), qPrintable(error));
    QVERIFY(cut.index().isCutShort());
    const int readable = cut.frameCount();
    const double end = cut.index().readableEnd();
    QCOMPARE(cut.duration(), end);

    const ManifestResult read = ManifestReader::readFile(manifestPath());
    QVERIFY(std::holds_alternative<CaptureManifest>(read));
    CaptureManifest m = std::get<CaptureManifest>(read);
    m.mediaFile = QStringLiteral("cut.mp4");
    const QString manifest = path(QStringLiteral("cut.capture.json"));
    QVERIFY2(ManifestWriter::writeFile(m, manifest, &error), qPrintable(error));
    for (const std::optional<double> to : {std::optional<double>(), std::optional<double>(end)}) {
        VideoExporter::Options options;
        options.to = to;
        const QString out = path(QStringLiteral("cut-export.mp4"));
        QCOMPARE(VideoExporter::exportVideo(manifest, out, options, &error), VideoExporter::Outcome::Done);
        FrameSource written;
        QVERIFY2(written.open(out, &error), qPrintable(error));
        QCOMPARE(written.frameCount(), readable);
    }
    VideoExporter::Options past;
    past.to = 2.0;
    QCOMPARE(VideoExporter::exportVideo(manifest, path(QStringLiteral("cut-past.mp4")), past, &error),
             VideoExporter::Outcome::Failed);
    QVERIFY2(error.contains(QStringLiteral("the video ends early, at %1 s (its container says 3.000 s)")
                                .arg(end, 0, 'f', 3)),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestVideoExporter)
#include "tst_videoexporter.moc"
