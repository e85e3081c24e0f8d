// export-video speed (run by hand; prints figures):
//   bench_videoexport [--seconds N]   (default 20: 60 s takes minutes here)
// Makes a 1080p30 H.264 clip (testsrc2, keyframes every 2 s) and a manifest
// with overlays (a world arrow, an image rectangle, an ink stroke and a blur
// redaction), then times `sightline-cli export-video MANIFEST --out X.mp4`
// against `ffmpeg -i clip -c:v libx264 -preset fast -crf 20 -an out.mp4`
// (the same encoder settings, no overlay), both as whole processes, run
// interleaved (which goes first alternates), 3 times each; prints p50 of
// both and the ratio. Goal: ratio <= 1.5.

#include "benchstats.h"
#include "capture/manifestwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace sl;
using sl::bench::msSince;
using sl::bench::spreadOf;

namespace {

bool run(const QString &program, const QStringList &args, double *ms = nullptr)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    const bool ok = process.waitForFinished(1800000) && process.exitStatus() == QProcess::NormalExit &&
                    process.exitCode() == 0;
    if (ms)
        *ms = msSince(timer);
    if (!ok)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), process.readAllStandardError().constData());
    return ok;
}

bool writeManifest(const QString &path)
{
    CaptureManifest m;
    m.id = QStringLiteral("c0000000-0000-4000-8000-0000000000e1");
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = QStringLiteral("clip.mp4");
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    CameraIntrinsics k;
    k.width = 1920;
    k.height = 1080;
    k.fx = k.fy = 1500;
    k.cx = 959.5;
    k.cy = 539.5;
    m.camera = k;
    m.axes = Axes::OpenCV;
    ManifestPose start;
    ManifestPose end; // the camera drifts sideways: the world arrow moves
    end.t = 600;
    end.pose.position = {1.0, 0.0, 0.0};
    m.poses = {start, end};
    Markup arrow;
    arrow.id = QStringLiteral("d0000000-0000-4000-8000-0000000000e1");
    arrow.kind = MarkupKind::Arrow;
    arrow.space = MarkupSpace::World;
    arrow.worldPoints = {{-0.3, -0.2, 2.0}, {0.2, 0.1, 2.0}};
    arrow.width = 6;
    Markup box;
    box.id = QStringLiteral("d0000000-0000-4000-8000-0000000000e2");
    box.kind = MarkupKind::Rect;
    box.imagePoints = {{0.6, 0.1}, {0.9, 0.4}};
    Markup ink;
    ink.id = QStringLiteral("d0000000-0000-4000-8000-0000000000e3");
    ink.kind = MarkupKind::Ink;
    for (int i = 0; i < 200; ++i)
        ink.imagePoints.push_back({0.1 + 0.003 * i, 0.7 + 0.1 * std::sin(i * 0.1)});
    Markup blur;
    blur.id = QStringLiteral("d0000000-0000-4000-8000-0000000000e4");
    blur.kind = MarkupKind::Blur;
    blur.imagePoints = {{0.05, 0.05}, {0.25, 0.3}};
    m.markups = {arrow, box, ink, blur};
    QString error;
    if (!ManifestWriter::writeFile(m, path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int seconds = 20;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--seconds")));
    if (at >= 0 && at + 1 < args.size())
        seconds = std::max(1, args.at(at + 1).toInt());

    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
    const QString manifest = dir.filePath(QStringLiteral("clip.capture.json"));
    std::printf("export-video: %d s of 1080p30 H.264 (testsrc2, GOP 60), 4 overlays incl. a blur\n", seconds);
    if (!run(QStringLiteral("ffmpeg"),
             {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
              QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
              QStringLiteral("testsrc2=size=1920x1080:rate=30:duration=%1").arg(seconds), QStringLiteral("-c:v"),
              QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"), QStringLiteral("-g"),
              QStringLiteral("60"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), clip}) ||
        !writeManifest(manifest))
        return 1;

    const QStringList ours{QStringLiteral("export-video"), manifest, QStringLiteral("--out"),
                           dir.filePath(QStringLiteral("ours.mp4"))};
    const QStringList floor{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                            QStringLiteral("-y"), QStringLiteral("-i"), clip, QStringLiteral("-c:v"),
                            QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("fast"),
                            QStringLiteral("-crf"), QStringLiteral("20"), QStringLiteral("-an"),
                            dir.filePath(QStringLiteral("ffmpeg.mp4"))};
    constexpr int kRuns = 3;
    std::vector<double> oursMs, floorMs;
    for (int r = 0; r < kRuns; ++r) {
        double a = 0, b = 0;
        const bool oursFirst = r % 2 == 0;
        if (oursFirst && !run(QStringLiteral(SIGHTLINE_CLI_PATH), ours, &a))
            return 1;
        if (!run(QStringLiteral("ffmpeg"), floor, &b))
            return 1;
        if (!oursFirst && !run(QStringLiteral(SIGHTLINE_CLI_PATH), ours, &a))
            return 1;
        oursMs.push_back(a);
        floorMs.push_back(b);
        std::printf("  run %d: export-video %.0f ms, ffmpeg %.0f ms\n", r + 1, a, b);
    }
    const double p50 = spreadOf(oursMs).p50;
    const double floorP50 = spreadOf(floorMs).p50;
    std::printf("  export-video p50 %.0f ms (%.1f fps) | ffmpeg libx264 fast crf 20 p50 %.0f ms (%.1f fps) | "
                "ratio %.2f (goal <= 1.5)\n",
                p50, seconds * 30 * 1000.0 / p50, floorP50, seconds * 30 * 1000.0 / floorP50, p50 / floorP50);
    return 0;
}
