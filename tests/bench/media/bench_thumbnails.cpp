// The timeline's thumbnail strip (run by hand; prints figures):
//   bench_thumbnails [--minutes N] [--runs N]
// Makes a 10-minute 1080p30 H.264 clip (ffmpeg, libx264 -preset fast,
// keyframes every 2 s) in a temporary folder, then makes the same 20
// thumbnails, evenly spaced (the middles of 20 equal spans), 72 px high,
// JPEG, all in-process:
//   - ours cold: ThumbnailStripMaker with an empty disk cache (opens and
//     indexes the file, decodes, scales, writes the cache);
//   - ours cold, index at hand: the same with the frame index given, as in
//     the player (whose frame source read it when the video opened);
//   - ours warm: the disk cache filled (reads 20 files, decodes nothing);
//   - the floor: libffmpegthumbnailer's C API (video_thumbnailer_*) making
//     the same 20 (seek_time per thumbnail, 128x72, JPEG into a buffer), as
//     `ffmpegthumbnailer -t T -s 128 -c jpeg` does once per process.
// The runs alternate (ours first, then the floor first), the OS page cache
// warm for both (the clip was just written). Prints p50/p95 and the ratio
// to the floor's p50/p95. Goal: ratio at most 1.5.

#include "benchstats.h"
#include "media/framesource.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailstripmaker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

extern "C" {
#include <libffmpegthumbnailer/videothumbnailerc.h>
}

using namespace sl;
using sl::bench::msSince;
using sl::bench::spreadOf;

namespace {

constexpr int kThumbnails = 20;
constexpr int kHeight = 72;
constexpr int kWidth = 128; // 16:9 at kHeight

bool makeClip(const QString &path, int minutes)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"), QStringLiteral("-y"),
                   QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("testsrc2=size=1920x1080:rate=30:duration=%1").arg(minutes * 60),
                   QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                   QStringLiteral("fast"), QStringLiteral("-g"), QStringLiteral("60"), QStringLiteral("-keyint_min"),
                   QStringLiteral("60"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
    const bool ok = process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit &&
                    process.exitCode() == 0;
    if (!ok)
        std::fprintf(stderr, "ffmpeg failed: %s\n", process.readAllStandardError().constData());
    return ok;
}

// hh:mm:ss of whole seconds (ffmpegthumbnailer's seek_time format).
QByteArray clockOf(int seconds)
{
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

// The floor: 20 thumbnails with libffmpegthumbnailer; ms, -1 on failure.
double ffmpegThumbnailer(const QString &path, double durationSeconds)
{
    QElapsedTimer timer;
    timer.start();
    video_thumbnailer *thumbnailer = video_thumbnailer_create();
    video_thumbnailer_set_size(thumbnailer, kWidth, kHeight);
    thumbnailer->thumbnail_image_type = Jpeg;
    image_data *image = video_thumbnailer_create_image_data();
    const QByteArray file = QFile::encodeName(path);
    bool ok = true;
    for (int i = 0; i < kThumbnails && ok; ++i) {
        QByteArray at = clockOf(int((i + 0.5) * durationSeconds / kThumbnails));
        thumbnailer->seek_time = at.data();
        ok = video_thumbnailer_generate_thumbnail_to_buffer(thumbnailer, file.constData(), image) == 0 &&
             image->image_data_size > 0;
    }
    thumbnailer->seek_time = nullptr;
    video_thumbnailer_destroy_image_data(image);
    video_thumbnailer_destroy(thumbnailer);
    return ok ? msSince(timer) : -1;
}

// Ours: 20 thumbnails through the strip maker; ms, -1 on failure.
double ours(const QString &path, const QString &cacheFolder, const FrameIndex *index,
            ThumbnailStripMaker::Stats *stats)
{
    QElapsedTimer timer;
    timer.start();
    ThumbnailCache cache(cacheFolder);
    ThumbnailStripMaker maker(&cache);
    int made = 0;
    QString error;
    const bool ok = maker.make(path, kThumbnails, kHeight, [&](const ThumbnailStripMaker::Thumbnail &) { ++made; },
                               index, nullptr, &error);
    const double ms = msSince(timer);
    if (!ok || made != kThumbnails) {
        std::fprintf(stderr, "strip failed (%d made): %s\n", made, qPrintable(error));
        return -1;
    }
    *stats = maker.stats();
    return ms;
}

void print(const char *name, const std::vector<double> &ms, const std::vector<double> &floor)
{
    const auto a = spreadOf(ms);
    const auto f = spreadOf(floor);
    std::printf("%-34s p50 %8.1f ms  p95 %8.1f ms   floor p50 %8.1f  p95 %8.1f   ratio p50 %.2f  p95 %.2f\n", name,
                a.p50, a.p95, f.p50, f.p95, a.p50 / f.p50, a.p95 / f.p95);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int minutes = 10;
    int runs = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--minutes"))
            minutes = std::max(1, args[i + 1].toInt());
        if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
    QElapsedTimer made;
    made.start();
    if (!makeClip(clip, minutes))
        return 1;
    std::printf("clip: %d min 1080p30 H.264 (-preset fast, -g 60), %.0f MB, made in %.0f s\n", minutes,
                QFile(clip).size() / 1e6, msSince(made) / 1000);

    FrameSource source;
    QElapsedTimer indexing;
    indexing.start();
    if (!source.open(clip)) {
        std::fprintf(stderr, "%s\n", qPrintable(source.lastError()));
        return 1;
    }
    const double indexMs = msSince(indexing);
    const double duration = source.index().readableEnd();

    std::vector<double> floor, cold, coldIndexed, warm;
    ThumbnailStripMaker::Stats coldStats, warmStats;
    const QString warmFolder = dir.filePath(QStringLiteral("warm-cache"));
    for (int run = 0; run < runs; ++run) {
        const bool floorFirst = run % 2 == 1;
        if (floorFirst)
            floor.push_back(ffmpegThumbnailer(clip, duration));
        QTemporaryDir empty1, empty2;
        cold.push_back(ours(clip, empty1.path(), nullptr, &coldStats));
        coldIndexed.push_back(ours(clip, empty2.path(), &source.index(), &coldStats));
        if (run == 0) // fills the warm cache
            ours(clip, warmFolder, nullptr, &warmStats);
        warm.push_back(ours(clip, warmFolder, nullptr, &warmStats));
        if (!floorFirst)
            floor.push_back(ffmpegThumbnailer(clip, duration));
    }
    for (const auto *set : {&floor, &cold, &coldIndexed, &warm})
        for (double ms : *set)
            if (ms < 0)
                return 1;
    std::printf("%d thumbnails of %d px, %d runs each, in-process, OS page cache warm\n", kThumbnails, kHeight, runs);
    std::printf("indexing the clip (FrameSource::open, every packet read): %.1f ms\n", indexMs);
    print("ours cold (empty disk cache)", cold, floor);
    print("ours cold, index at hand (player)", coldIndexed, floor);
    print("ours warm (disk cache filled)", warm, floor);
    print("libffmpegthumbnailer (floor)", floor, floor);
    std::printf("cold: %d decoded, %lld frames out of the decoder; warm: %d from disk, %lld frames decoded, %d "
                "source opens\n",
                coldStats.decodedThumbnails, coldStats.framesDecoded, warmStats.fromDisk, warmStats.framesDecoded,
                warmStats.sourceOpens);
    return 0;
}
