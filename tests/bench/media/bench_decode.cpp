// Decoding and overlay throughput (run by hand; prints figures):
//   bench_decode [--1080p] [--seconds N]
// Generates a demo H.264 clip, then times FrameSource reading every frame,
// random seeks, and the overlay renderer, against `ffmpeg -f null` decoding
// the same file in the same run as the floor.

#include "capture/manifestreader.h"
#include "media/framesource.h"
#include "render/frameexporter.h"
#include "render/overlayrenderer.h"
#include "synthetic/democapturegenerator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>

#include <opencv2/videoio.hpp>

#include <cstdio>
#include <random>

using namespace sl;

namespace {

double seconds(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("1080p"), QStringLiteral("Decode a 1920x1080 clip instead of 960x540.")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Clip length."), QStringLiteral("N"),
                      QStringLiteral("12")});
    parser.process(app);

    QTemporaryDir dir;
    DemoCaptureGenerator::Options options;
    options.videoCount = 1;
    options.photoCount = 0;
    options.videoSeconds = parser.value(QStringLiteral("seconds")).toDouble();
    options.size = parser.isSet(QStringLiteral("1080p")) ? QSize(1920, 1080) : QSize(960, 540);
    QString error;
    QElapsedTimer timer;
    timer.start();
    const QStringList manifests = DemoCaptureGenerator::generate(dir.filePath(QStringLiteral("clip")),
                                                                 {QStringLiteral("bench")}, options, &error);
    if (manifests.isEmpty()) {
        std::fprintf(stderr, "cannot generate the clip: %s\n", qPrintable(error));
        return 1;
    }
    const auto read = ManifestReader::readFile(manifests.front());
    if (const auto *e = std::get_if<ManifestError>(&read)) {
        std::fprintf(stderr, "cannot read the clip's manifest: %s\n", qPrintable(e->message()));
        return 1;
    }
    const CaptureManifest manifest = std::get<CaptureManifest>(read);
    const QString clip = QFileInfo(manifests.front()).dir().filePath(manifest.mediaFile);
    std::printf("clip: %dx%d, %.0f s at %.0f fps, H.264 (generated in %.1f s)\n", options.size.width(),
                options.size.height(), options.videoSeconds, options.fps, seconds(timer));

    // Floor: ffmpeg decoding to nowhere.
    timer.restart();
    const int ffmpegExit = QProcess::execute(
        QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), clip,
                                   QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    const double ffmpegTime = seconds(timer);

    FrameSource decoder;
    if (!decoder.open(clip, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const int frames = decoder.frameCount();
    const double ffmpegFps = ffmpegExit == 0 ? frames / ffmpegTime : 0;

    // OpenCV alone (BGR frames, no conversion): what FrameSource builds on.
    cv::VideoCapture capture(clip.toStdString(), cv::CAP_FFMPEG);
    cv::Mat bgr;
    timer.restart();
    int opencvFrames = 0;
    while (capture.read(bgr))
        ++opencvFrames;
    const double opencvFps = opencvFrames / seconds(timer);

    timer.restart();
    for (int i = 0; i < frames; ++i) {
        if (decoder.frame(i).isNull()) {
            std::fprintf(stderr, "frame %d: %s\n", i, qPrintable(decoder.lastError()));
            return 1;
        }
    }
    const double sequentialFps = frames / seconds(timer);

    std::mt19937 random(12);
    constexpr int seeks = 60;
    timer.restart();
    for (int n = 0; n < seeks; ++n)
        decoder.frame(int(random() % unsigned(frames)));
    const double seekMs = 1000 * seconds(timer) / seeks;

    // Overlay: every markup of the capture, on every 4th frame.
    const std::vector<Markup> world =
        FrameExporter::spatialFrameMarkups(manifest, QFileInfo(clip).absolutePath());
    const QImage frame = decoder.frame(frames / 2);
    int drawn = 0, painted = 0;
    timer.restart();
    for (int i = 0; i < frames; i += 4, ++painted) {
        OverlayResult result;
        OverlayRenderer::burnIn(frame, manifest, world, i / decoder.fps(), &result);
        drawn += result.worldMarkupsDrawn + result.imageMarkupsDrawn;
    }
    const double burnInMs = 1000 * seconds(timer) / painted;
    // As the GUI's views paint: the pose track made once per capture.
    QImage canvas = frame.convertToFormat(QImage::Format_RGB32);
    const PoseTrack poses = manifest.poseTrack();
    timer.restart();
    for (int i = 0; i < frames; i += 4) {
        QPainter painter(&canvas);
        OverlayRenderer::paint(painter, manifest, poses, world, canvas.size(), i / decoder.fps(), frame);
    }
    const double paintMs = 1000 * seconds(timer) / painted;

    std::printf("ffmpeg -f null (floor):        %7.1f fps%s\n", ffmpegFps,
                ffmpegExit == 0 ? "" : " (ffmpeg failed)");
    std::printf("cv::VideoCapture::read (BGR):  %7.1f fps\n", opencvFps);
    std::printf("FrameSource sequential (RGB): %7.1f fps  = %.2f x ffmpeg\n", sequentialFps,
                ffmpegFps > 0 ? sequentialFps / ffmpegFps : 0.0);
    std::printf("FrameSource random seek:      %7.1f ms per frame (%d seeks)\n", seekMs, seeks);
    std::printf("overlay paint:                 %7.2f ms per frame (%.1f markups drawn per frame)\n", paintMs,
                double(drawn) / painted);
    std::printf("overlay burn-in (copy+paint):  %7.2f ms per frame\n", burnInMs);
    return 0;
}
