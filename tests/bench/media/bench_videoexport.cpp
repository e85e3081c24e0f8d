// export-video speed (run by hand; prints figures):
//   bench_videoexport [--seconds N] [--runs N]   (default 20 s, 3 warm runs:
//   60 s takes minutes here)
// Makes a 1080p30 H.264 clip (testsrc2, keyframes every 2 s) and a manifest
// with overlays (a world arrow, an image rectangle, an ink stroke and a blur
// redaction), then times `sightline-cli export-video MANIFEST --out X.mp4`
// against `ffmpeg -i clip -c:v libx264 -preset fast -crf 20 -an out.mp4`
// (the same encoder settings, no overlay), both as whole processes, run
// interleaved (which goes first alternates): first once each cold (the OS
// page cache dropped before each, so the clip and the programs come from the
// disk), then --runs times each warm; prints the cold times, p50 and p95 of
// the warm ones, and the ratios. Goal: ratio <= 1.5.

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
    int runs = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--seconds"))
            seconds = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
    }

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
    // Cold: each from a dropped page cache.
    double coldOurs = 0, coldFloor = 0;
    const bool dropped = bench::dropOsPageCache();
    if (!run(QStringLiteral(SIGHTLINE_CLI_PATH), ours, &coldOurs))
        return 1;
    bench::dropOsPageCache();
    if (!run(QStringLiteral("ffmpeg"), floor, &coldFloor))
        return 1;
    std::printf("  cold%s: export-video %.0f ms | ffmpeg %.0f ms | ratio %.2f\n",
                dropped ? "" : " (page cache NOT dropped: not root)", coldOurs, coldFloor, coldOurs / coldFloor);

    std::vector<double> oursMs, floorMs;
    for (int r = 0; r < runs; ++r) {
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
        std::printf("  warm run %d: export-video %.0f ms, ffmpeg %.0f ms\n", r + 1, a, b);
    }
    const bench::Spread mine = spreadOf(oursMs);
    const bench::Spread base = spreadOf(floorMs);
    std::printf("  warm export-video p50 %.0f ms (%.1f fps), p95 %.0f ms | ffmpeg libx264 fast crf 20 p50 %.0f ms "
                "(%.1f fps), p95 %.0f ms | ratio p50 %.2f, p95 %.2f (goal <= 1.5)\n",
                mine.p50, seconds * 30 * 1000.0 / mine.p50, mine.p95, base.p50, seconds * 30 * 1000.0 / base.p50,
                base.p95, mine.p50 / base.p50, mine.p95 / base.p95);
    return 0;
}
