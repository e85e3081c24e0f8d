// Snapshots (run by hand; prints figures):
//   bench_snapshot [--runs N]
// Makes a 1080p30 H.264 clip (ffmpeg, 2 s keyframe interval, 10 s) with a
// posed manifest carrying a world arrow and an image rectangle, imports it
// into a new workspace, then times SnapshotMaker::make, clean and baked, at
// random times: each a new FrameSource (open, index, seek, decode), the PNG,
// the manifest, the import (copy with hash, fsync, rename, one transaction
// with the outbox entry). The floor, measured in the same run and the same
// way (in-process, one call per snapshot), is the work no snapshot can skip:
// a new FrameSource opened on the same file, the same frame decoded, and the
// PNG written. Figures: p50 and p95, and the ratio to the floor's, warm and
// cold (the OS page cache dropped before each call, ours and the floor's, so
// the clip and the workspace come from the disk; needs root).

#include "benchstats.h"

#include "annotation/snapshotmaker.h"
#include "capture/manifestwriter.h"
#include "importer/captureimporter.h"
#include "media/framesource.h"
#include "store/workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImageWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace sl;

namespace {

const QString kVideoId = QStringLiteral("b0b0b0b0-0000-4000-8000-000000000001");

bool makeClip(const QString &path)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                  QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=1920x1080:rate=30"),
                  QStringLiteral("-t"), QStringLiteral("10"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                  QStringLiteral("-g"), QStringLiteral("60"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                  path});
    return ffmpeg.waitForFinished(300000) && ffmpeg.exitCode() == 0;
}

CaptureManifest manifest()
{
    CaptureManifest m;
    m.id = kVideoId;
    m.assetId = QStringLiteral("b0b0b0b0-0000-4000-8000-0000000000a1");
    m.mediaFile = QStringLiteral("clip.mp4");
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-05-04T09:00:00Z");
    m.spatialFrame = QStringLiteral("b0b0b0b0-0000-4000-8000-0000000000f1");
    CameraIntrinsics k;
    k.width = 1920;
    k.height = 1080;
    k.fx = k.fy = 1400;
    k.cx = 959.5;
    k.cy = 539.5;
    m.camera = k;
    m.axes = Axes::OpenCV;
    for (double t : {0.0, 5.0, 10.0}) {
        ManifestPose p;
        p.t = t;
        p.pose.position = {0.02 * t, 0, 0};
        m.poses.push_back(p);
    }
    Markup arrow;
    arrow.id = QStringLiteral("b0b0b0b0-0000-4000-8000-0000000000c1");
    arrow.kind = MarkupKind::Arrow;
    arrow.space = MarkupSpace::World;
    arrow.worldPoints = {{-0.3, -0.2, 2.0}, {0.2, 0.1, 2.0}};
    Markup box;
    box.id = QStringLiteral("b0b0b0b0-0000-4000-8000-0000000000c2");
    box.kind = MarkupKind::Rect;
    box.imagePoints = {{0.6, 0.1}, {0.9, 0.4}};
    m.markups = {arrow, box};
    return m;
}

double floorMs(const QString &clip, double t, const QString &png)
{
    QElapsedTimer timer;
    timer.start();
    FrameSource source;
    if (!source.open(clip))
        return -1;
    const QImage frame = source.frameAt(t);
    QImageWriter writer(png, "png");
    if (frame.isNull() || !writer.write(frame))
        return -1;
    return bench::msSince(timer);
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("snapshots per mode"), QStringLiteral("n"),
                                  QStringLiteral("15"));
    const QCommandLineOption cold(QStringLiteral("cold"), QStringLiteral("cold snapshots per mode"), QStringLiteral("n"),
                       QStringLiteral("3"));
    parser.addOption(runs);
    parser.addOption(cold);
    parser.process(app);
    const int n = std::max(1, parser.value(runs).toInt());
    const int coldRuns = std::max(0, parser.value(cold).toInt());

    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("source"));
    QDir().mkpath(folder);
    const QString clip = QDir(folder).filePath(QStringLiteral("clip.mp4"));
    if (!makeClip(clip) || !ManifestWriter::writeFile(manifest(), QDir(folder).filePath(QStringLiteral("clip.capture.json")))) {
        std::fprintf(stderr, "cannot make the clip (is ffmpeg installed?)\n");
        return 1;
    }
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(dir.filePath(QStringLiteral("ws")), &error);
    if (!workspace || !CaptureImporter(*workspace).importFolder(folder).errors.isEmpty()) {
        std::fprintf(stderr, "cannot import the clip: %s\n", qPrintable(error));
        return 1;
    }

    QRandomGenerator random(4711);
    // One pass of `count` snapshots per mode at random times, interleaved
    // with the floor so that both see the same state of the machine.
    const auto measure = [&](int count, bool dropCache, std::vector<double> &floors, std::vector<double> &clean,
                             std::vector<double> &baked) {
        for (int i = 0; i < count; ++i) {
            const double t = 9.9 * random.generateDouble();
            if (dropCache)
                bench::dropOsPageCache();
            floors.push_back(floorMs(clip, t, dir.filePath(QStringLiteral("floor.png"))));
            for (auto [mode, into] :
                 {std::pair{SnapshotMode::Clean, &clean}, std::pair{SnapshotMode::Baked, &baked}}) {
                if (dropCache)
                    bench::dropOsPageCache();
                QElapsedTimer timer;
                timer.start();
                const SnapshotResult result =
                    SnapshotMaker::make(*workspace, {kVideoId, t, mode, QStringLiteral("bench")});
                into->push_back(bench::msSince(timer));
                if (!result.ok()) {
                    std::fprintf(stderr, "%s\n", qPrintable(result.error));
                    return false;
                }
            }
        }
        return true;
    };
    const auto print = [](const char *title, const std::vector<double> &floors, const std::vector<double> &clean,
                          const std::vector<double> &baked) {
        const bench::Spread floor = bench::spreadOf(floors);
        std::printf("%s\n", title);
        std::printf("  %-32s p50 %7.1f ms  p95 %7.1f ms\n", "floor: open + decode + write PNG", floor.p50, floor.p95);
        for (auto [name, values] : {std::pair{"clean snapshot", &clean}, std::pair{"snapshot with overlay", &baked}}) {
            const bench::Spread s = bench::spreadOf(*values);
            std::printf("  %-32s p50 %7.1f ms  p95 %7.1f ms  ratio p50 %.2f  p95 %.2f\n", name, s.p50, s.p95,
                        s.p50 / floor.p50, s.p95 / floor.p95);
        }
    };
    std::printf("snapshot of a 1080p30 H.264 frame (2 s keyframe interval)\n");
    if (coldRuns > 0) {
        std::vector<double> floors, clean, baked;
        if (!measure(coldRuns, true, floors, clean, baked))
            return 1;
        print(qPrintable(QStringLiteral("cold (page cache dropped before each), %1 each:").arg(coldRuns)), floors,
              clean, baked);
    }
    std::vector<double> floors, clean, baked;
    if (!measure(n, false, floors, clean, baked))
        return 1;
    print(qPrintable(QStringLiteral("warm, %1 each:").arg(n)), floors, clean, baked);
    return 0;
}
