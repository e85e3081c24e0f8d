// `sightline-cli export-frame` writes the frame whose presentation interval
// holds the requested time (ffprobe's timestamps), on a variable-rate clip,
// and a rotated clip's frame turned for display with its markup projected
// in sensor pixels and turned with it.
#include "capture/manifestwriter.h"
#include "testclip.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using sl::test::TestClip;

class TestCliFrameTiming : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void exportsTheFrameShownAtTheTime_data();
    void exportsTheFrameShownAtTheTime();
    void rotatedVideoExportsTurnedWithItsMarkup();

  private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool writeManifest(const QString &name, const QString &media, const QString &id) const;
    // Runs export-frame; the PNG read back, or null with the reason.
    QImage exportFrame(const QString &manifest, double seconds, QString *error) const;

    QTemporaryDir m_dir;
    std::vector<double> m_times; // ffprobe's, of vfr.mp4
};

bool TestCliFrameTiming::writeManifest(const QString &name, const QString &media, const QString &id) const
{
    CaptureManifest m;
    m.id = id;
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = media;
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    m.spatialFrame = QStringLiteral("5a3d61e4-0000-4000-8000-0000000000f1");
    CameraIntrinsics k; // the sensor's: 320 x 240
    k.width = 320;
    k.height = 240;
    k.fx = k.fy = 260;
    k.cx = 159.5;
    k.cy = 119.5;
    m.camera = k;
    m.axes = Axes::OpenCV;
    ManifestPose first; // at the origin looking along +z
    ManifestPose last;
    last.t = 10;
    m.poses = {first, last};
    Markup arrow; // off-centre, so that a wrong turn shows
    arrow.id = QStringLiteral("d0000000-0000-4000-8000-000000000001");
    arrow.kind = MarkupKind::Arrow;
    arrow.space = MarkupSpace::World;
    arrow.worldPoints = {{-0.5, -0.4, 2.0}, {-0.1, -0.3, 2.0}};
    arrow.color = QColor(0x30, 0xff, 0x30);
    arrow.width = 4;
    m.markups = {arrow};
    QString error;
    const bool ok = ManifestWriter::writeFile(m, path(name), &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

QImage TestCliFrameTiming::exportFrame(const QString &manifest, double seconds, QString *error) const
{
    const QString out = path(QStringLiteral("out.png"));
    QFile::remove(out);
    QProcess cli;
    cli.start(QStringLiteral(SIGHTLINE_CLI_PATH), {QStringLiteral("export-frame"), path(manifest), QStringLiteral("--time"),
                                                   QString::number(seconds, 'g', 17), QStringLiteral("--out"), out});
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0) {
        *error = QString::fromUtf8(cli.readAllStandardError());
        return {};
    }
    return QImage(out).convertToFormat(QImage::Format_RGB888);
}

void TestCliFrameTiming::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestClip::Spec spec;
    spec.frames = 100;
    spec.variableRate = true;
    QString error;
    QVERIFY2(TestClip::write(path(QStringLiteral("vfr.mp4")), spec, &error), qPrintable(error));
    m_times = TestClip::probeTimes(path(QStringLiteral("vfr.mp4")), &error);
    QVERIFY2(m_times.size() == 100, qPrintable(error));
    QVERIFY(writeManifest(QStringLiteral("vfr.capture.json"), QStringLiteral("vfr.mp4"),
                          QStringLiteral("c0000000-0000-4000-8000-000000000001")));
    spec.frames = 30;
    spec.variableRate = false;
    QVERIFY2(TestClip::write(path(QStringLiteral("upright.mp4")), spec, &error), qPrintable(error));
    spec.rotation = 90;
    QVERIFY2(TestClip::write(path(QStringLiteral("turned.mp4")), spec, &error), qPrintable(error));
    QVERIFY(writeManifest(QStringLiteral("upright.capture.json"), QStringLiteral("upright.mp4"),
                          QStringLiteral("c0000000-0000-4000-8000-000000000002")));
    QVERIFY(writeManifest(QStringLiteral("turned.capture.json"), QStringLiteral("turned.mp4"),
                          QStringLiteral("c0000000-0000-4000-8000-000000000003")));
}

void TestCliFrameTiming::exportsTheFrameShownAtTheTime_data()
{
    QTest::addColumn<int>("frame");
    QTest::addColumn<double>("within"); // where in the frame's interval, 0..1
    for (const auto &[frame, within] : std::vector<std::pair<int, double>>{
             {0, 0.0}, {1, 0.5}, {7, 0.99}, {33, 0.0}, {61, 0.3}, {62, 0.999}, {80, 0.5}, {98, 0.01}})
        QTest::addRow("frame %d at %.3f", frame, within) << frame << within;
}

void TestCliFrameTiming::exportsTheFrameShownAtTheTime()
{
    QFETCH(int, frame);
    QFETCH(double, within);
    const double t = m_times[size_t(frame)] + within * (m_times[size_t(frame) + 1] - m_times[size_t(frame)]);
    QCOMPARE(TestClip::frameShownAt(m_times, t), frame);
    QString error;
    const QImage exported = exportFrame(QStringLiteral("vfr.capture.json"), t, &error);
    QVERIFY2(!exported.isNull(), qPrintable(error));
    QCOMPARE(TestClip::numberOf(exported), frame);
}

void TestCliFrameTiming::rotatedVideoExportsTurnedWithItsMarkup()
{
    QString error;
    const QImage upright = exportFrame(QStringLiteral("upright.capture.json"), 0.5, &error);
    QVERIFY2(!upright.isNull(), qPrintable(error));
    const QImage turned = exportFrame(QStringLiteral("turned.capture.json"), 0.5, &error);
    QVERIFY2(!turned.isNull(), qPrintable(error));
    QCOMPARE(turned.size(), QSize(240, 320));
    // The markup is there (green where the frame has none) ...
    int green = 0;
    for (int y = 0; y < upright.height(); ++y)
        for (int x = 0; x < upright.width(); ++x) {
            const QColor c = upright.pixelColor(x, y);
            green += c.green() > 200 && c.red() < 100 && c.blue() < 100 ? 1 : 0;
        }
    QVERIFY2(green > 50, qPrintable(QString::number(green)));
    // ... and the turned export is the upright one turned: same stream, same
    // markup in sensor pixels, turned with the frame.
    QCOMPARE(turned, upright.transformed(QTransform().rotate(90)));
}

QTEST_GUILESS_MAIN(TestCliFrameTiming)
#include "tst_cli_frametiming.moc"
