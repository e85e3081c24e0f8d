// Playback benchmark: a long 720p30 H.264 video (60 minutes by default),
// made by the benchmark and kept in the temporary folder between runs, with
// 200 world strokes of 50 points and a pose track at 10 Hz over its whole
// length, played in the player (an offscreen window, 1280×800) from its
// middle for a window of 60 seconds. Prints
//   - the time to open it (index every packet, first frame painted), in a
//     cache folder of its own (so the player indexes the file);
//   - the index alone (VideoDecoder::open), read from the file (a new cache
//     folder each run) against libavformat opening the file and its decoder
//     and reading every packet's timestamps, and kept and read back (the
//     player's next open of the same file) against libavformat opening the
//     file and its decoder and reading the same packets stored as raw bytes;
//     in-process, ours and the floor in turns, warm and cold (the OS page
//     cache dropped before each run, which needs root), p50/p95;
//   - frames painted in the window, and frames dropped (frames of the
//     window between the first and the last painted that were never
//     painted), against the floor: a bare QMediaPlayer on a QVideoSink
//     playing the same window, frames delivered and dropped alike;
//     with the spread (p50/p95/max) of frames dropped per second;
//   - the peak resident memory of the process after our run (VmHWM; goal:
//     at most 500 MB), and the overlay's work per painted frame.
//
// Usage: bench_playback [--minutes N] [--window S]
// The clip: one minute of ffmpeg's testsrc (veryfast, CRF 30, keyframe every
// 2 s, no B-frames) copied N times end to end by the concat demuxer, so that
// making it costs one minute of encoding, not N.

#include "benchclip.h"
#include "benchstats.h"
#include "capture/manifestreader.h"
#include "media/frameindex.h"
#include "media/videodecoder.h"
#include "videoplayerwidget.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaPlayer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

#include <cmath>
#include <cstdio>
#include <random>
#include <iterator>
#include <set>
#include <vector>

using namespace sl;

namespace {

constexpr int kStrokes = 200;
constexpr int kStrokePoints = 50;
constexpr double kPoseRate = 10; // poses per second

// Resident memory of this process now (VmRSS) or at its peak (VmHWM), in MB.
double rssMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

bool run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral("ffmpeg"), QStringList{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                                                        QStringLiteral("error"), QStringLiteral("-y")} +
                                                arguments);
    return process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// The clip of `minutes`, made once and kept.
QString clipOf(int minutes)
{
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::TempLocation));
    const QString clip = dir.filePath(QStringLiteral("sightline-bench-playback-%1min.mp4").arg(minutes));
    if (QFileInfo(clip).size() > 0)
        return clip;
    const QString minute = dir.filePath(QStringLiteral("sightline-bench-playback-minute.mp4"));
    std::fprintf(stderr, "making a %d-minute 720p clip (once)…\n", minutes);
    if (!QFileInfo::exists(minute) &&
        !run({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
              QStringLiteral("testsrc=size=1280x720:rate=30"), QStringLiteral("-t"), QStringLiteral("60"),
              QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"),
              QStringLiteral("-crf"), QStringLiteral("30"), QStringLiteral("-g"), QStringLiteral("60"),
              QStringLiteral("-bf"), QStringLiteral("0"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
              minute}))
        return {};
    const QString list = dir.filePath(QStringLiteral("sightline-bench-playback-list.txt"));
    QFile listFile(list);
    if (!listFile.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < minutes; ++i)
        listFile.write(QStringLiteral("file '%1'\n").arg(minute).toUtf8());
    listFile.close();
    const QString partial = clip + QStringLiteral(".part.mp4");
    if (!run({QStringLiteral("-f"), QStringLiteral("concat"), QStringLiteral("-safe"), QStringLiteral("0"),
              QStringLiteral("-i"), list, QStringLiteral("-c"), QStringLiteral("copy"), partial}) ||
        !QFile::rename(partial, clip))
        return {};
    return clip;
}

// A manifest for the clip: a camera, a pose track at kPoseRate over the whole
// length (a slow sway around the origin, looking along +z), and kStrokes
// world strokes two metres ahead.
QByteArray manifestFor(int minutes)
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> spread(-0.6, 0.6);
    QJsonArray poses;
    const int poseCount = int(minutes * 60 * kPoseRate);
    for (int i = 0; i <= poseCount; ++i) {
        const double t = i / kPoseRate;
        const double yaw = 0.05 * std::sin(t * 0.7); // radians about y
        poses.append(QJsonObject{{"t", t},
                                 {"position", QJsonArray{0.1 * std::sin(t * 0.3), 0.05 * std::cos(t * 0.4), 0.0}},
                                 {"rotation", QJsonArray{0.0, std::sin(yaw / 2), 0.0, std::cos(yaw / 2)}}});
    }
    QJsonArray markups;
    for (int s = 0; s < kStrokes; ++s) {
        const double x0 = spread(rng), y0 = spread(rng) * 0.6;
        QJsonArray points;
        for (int p = 0; p < kStrokePoints; ++p) {
            const double a = p * 0.2;
            points.append(QJsonArray{x0 + 0.05 * std::cos(a) + p * 0.002, y0 + 0.05 * std::sin(a), 2.0});
        }
        markups.append(QJsonObject{{"id", QStringLiteral("w%1").arg(s)}, {"kind", "ink"}, {"space", "world"},
                                   {"points", points}, {"color", "#FFD60A"}, {"width", 4.0}});
    }
    const QJsonObject root{{"format", "sightline-capture"},
                           {"version", 1},
                           {"id", "3f1c2a4e-0000-4000-8000-00000000b001"},
                           {"media", QJsonObject{{"file", "clip.mp4"}, {"type", "video"}}},
                           {"spatialFrame", "bench-frame"},
                           {"camera", QJsonObject{{"width", 1280}, {"height", 720}, {"fx", 1000.0}, {"fy", 1000.0},
                                                  {"cx", 640.0}, {"cy", 360.0}}},
                           {"axes", "opencv"},
                           {"poses", poses},
                           {"markups", markups}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// Frames from the first to the last seen (frame numbers), and how many of
// those were seen.
struct WindowCount
{
    int inWindow = 0;
    int shown = 0;
};

WindowCount countWindow(const std::set<int> &seen)
{
    if (seen.empty())
        return {};
    WindowCount count;
    count.inWindow = *seen.rbegin() - *seen.begin() + 1;
    count.shown = int(seen.size());
    return count;
}

// Frames dropped in each whole second of the window (the clip is 30 fps,
// constant): their spread says whether drops are steady or come in bursts.
bench::Spread dropsPerSecond(const std::set<int> &seen)
{
    if (seen.empty())
        return {};
    constexpr int kFps = 30;
    std::vector<double> drops;
    for (int second = *seen.begin() / kFps + 1; (second + 1) * kFps - 1 <= *seen.rbegin(); ++second) {
        const auto from = seen.lower_bound(second * kFps), to = seen.lower_bound((second + 1) * kFps);
        drops.push_back(double(kFps - std::distance(from, to)));
    }
    return bench::spreadOf(drops);
}

void printWindow(const char *who, const WindowCount &count, double seconds, const std::set<int> &seen)
{
    const int dropped = count.inWindow - count.shown;
    const bench::Spread perSecond = dropsPerSecond(seen);
    std::printf("%-28s %6d frames in %5.1f s, %5d shown, %5d dropped (%.2f%%); dropped per second p50 %.0f "
                "p95 %.0f max %.0f\n",
                who, count.inWindow, seconds, count.shown, dropped,
                count.inWindow > 0 ? 100.0 * dropped / count.inWindow : 0.0, perSecond.p50, perSecond.p95,
                perSecond.max);
}


// One packet's timestamps as the floor keeps them (what PacketScan holds).
struct RawPacket
{
    qint64 pts, dts, duration;
    bool keyframe;
};

// The floor of indexing: libavformat opens the file and its decoder (as
// VideoDecoder::open does) and reads every packet's timestamps.
std::vector<RawPacket> floorScan(const QString &clip)
{
    AVFormatContext *input = nullptr;
    AVCodecContext *context = nullptr;
    int stream = -1;
    std::vector<RawPacket> packets;
    if (!bench::openFloorDecoder(clip, &input, &context, &stream))
        return packets;
    // As VideoDecoder does: other streams' packets are never read, and the
    // list is sized by the container's frame count.
    for (unsigned i = 0; i < input->nb_streams; ++i)
        if (int(i) != stream)
            input->streams[i]->discard = AVDISCARD_ALL;
    if (input->streams[stream]->nb_frames > 0)
        packets.reserve(size_t(input->streams[stream]->nb_frames));
    AVPacket *packet = av_packet_alloc();
    while (av_read_frame(input, packet) >= 0) {
        if (packet->stream_index == stream)
            packets.push_back({packet->pts, packet->dts, packet->duration, (packet->flags & AV_PKT_FLAG_KEY) != 0});
        av_packet_unref(packet);
    }
    av_packet_free(&packet);
    avcodec_free_context(&context);
    avformat_close_input(&input);
    return packets;
}

// The floor of a kept index: libavformat opens the file and its decoder,
// and the packets come back as raw bytes from a file of their own.
size_t floorKept(const QString &clip, const QString &rawPath)
{
    AVFormatContext *input = nullptr;
    AVCodecContext *context = nullptr;
    int stream = -1;
    if (!bench::openFloorDecoder(clip, &input, &context, &stream))
        return 0;
    std::vector<RawPacket> packets;
    if (FILE *file = std::fopen(rawPath.toLocal8Bit().constData(), "rb")) {
        std::fseek(file, 0, SEEK_END);
        packets.resize(size_t(std::ftell(file)) / sizeof(RawPacket));
        std::fseek(file, 0, SEEK_SET);
        packets.resize(std::fread(packets.data(), sizeof(RawPacket), packets.size(), file));
        std::fclose(file);
    }
    avcodec_free_context(&context);
    avformat_close_input(&input);
    return packets.size();
}

// The index alone, ours against the floors, warm and cold.
bool benchIndex(const QString &clip)
{
    constexpr int kWarm = 5, kCold = 3;
    QTemporaryDir folder;
    const QString kept = folder.filePath(QStringLiteral("kept")); // ours, filled by the first open
    const QString raw = folder.filePath(QStringLiteral("floor.raw"));
    {
        const std::vector<RawPacket> packets = floorScan(clip); // untimed: the floor's kept index
        QFile file(raw);
        if (packets.empty() || !file.open(QIODevice::WriteOnly)
            || file.write(reinterpret_cast<const char *>(packets.data()), qint64(packets.size() * sizeof(RawPacket)))
                   != qint64(packets.size() * sizeof(RawPacket))) {
            std::fprintf(stderr, "bench_playback: the floor cannot read %s\n", qPrintable(clip));
            return false;
        }
    }
    int frames = 0;
    bool failed = false;
    // VideoDecoder::open with `cacheFolder`, its index read from the file
    // (expectFromCache 0) or from the folder (1).
    const auto ours = [&](const QString &cacheFolder, int expectFromCache) {
        VideoDecoder decoder(64 * 1024 * 1024);
        decoder.setIndexCache(cacheFolder);
        QString error;
        if (!decoder.open(clip, &error) || decoder.counters().indexesFromCache != expectFromCache) {
            std::fprintf(stderr, "bench_playback: the index did not come as meant: %s\n", qPrintable(error));
            failed = true;
        }
        frames = decoder.index().count();
    };
    ours(kept, 0); // keeps it
    const bool canDrop = bench::dropOsPageCache();
    if (!canDrop)
        std::printf("index: cold runs skipped (the OS page cache cannot be dropped here; needs root)\n");
    for (bool cold : {false, true}) {
        if (cold && !canDrop)
            break;
        std::vector<double> scanned, scannedFloor, read, readFloor;
        const int runs = cold ? kCold : kWarm;
        const auto timed = [&](std::vector<double> &into, const auto &work) {
            if (cold)
                bench::dropOsPageCache();
            QElapsedTimer timer;
            timer.start();
            work();
            into.push_back(bench::msSince(timer));
        };
        for (int round = 0; round < runs; ++round) {
            bench::inTurns(
                round,
                [&] {
                    QTemporaryDir fresh; // nothing kept: the file is read
                    timed(scanned, [&] { ours(fresh.path(), 0); });
                    timed(read, [&] { ours(kept, 1); });
                },
                [&] {
                    timed(scannedFloor, [&] { failed = failed || floorScan(clip).empty(); });
                    timed(readFloor, [&] { failed = failed || floorKept(clip, raw) == 0; });
                });
        }
        const char *label = cold ? "cold" : "warm";
        const auto line = [&](const char *what, const char *floorWhat, const std::vector<double> &a,
                              const std::vector<double> &b) {
            const bench::Spread o = bench::spreadOf(a), f = bench::spreadOf(b);
            std::printf("index %-24s %s n=%d  ours p50 %6.0f p95 %6.0f ms | %s p50 %6.0f p95 %6.0f ms | "
                        "p50 ratio %.2f\n",
                        what, label, int(a.size()), o.p50, o.p95, floorWhat, f.p50, f.p95, o.p50 / std::max(f.p50, 1e-6));
        };
        line("read from the file", "libav open + every packet", scanned, scannedFloor);
        line("kept, read back", "libav open + raw packets  ", read, readFloor);
    }
    std::printf("index: %d frames; ours keeps it beside the thumbnails (checked: length, MD5)\n", frames);
    return !failed;
}

} // namespace

int main(int argc, char **argv)
{
    // A cache of this run's own: the player keeps a long video's index
    // there, and a kept one would make "open" a read of it, not an index.
    QTemporaryDir cacheHome;
    qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
    QApplication app(argc, argv);
    int minutes = 60;
    double window = 60;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--minutes"))
            minutes = std::max(2, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--window"))
            window = std::max(5.0, args[i + 1].toDouble());
    }
    const QString clip = clipOf(minutes);
    if (clip.isEmpty()) {
        std::fprintf(stderr, "bench_playback: ffmpeg could not make the clip\n");
        return 1;
    }
    const ManifestResult parsed = ManifestReader::parse(manifestFor(minutes), QStringLiteral("bench.json"));
    if (const auto *error = std::get_if<ManifestError>(&parsed)) {
        std::fprintf(stderr, "bench_playback: the manifest does not read: %s\n", qPrintable(error->message()));
        return 1;
    }
    const CaptureManifest manifest = std::get<CaptureManifest>(parsed);
    std::vector<Markup> world;
    for (const Markup &m : manifest.markups)
        if (m.space == MarkupSpace::World)
            world.push_back(m);
    const double start = minutes * 60 / 2.0; // the middle: far from any cached start

    std::printf("clip: %s, %d min 720p30, %d world strokes of %d points, poses at %.0f Hz\n",
                qPrintable(QFileInfo(clip).fileName()), minutes, kStrokes, kStrokePoints, kPoseRate);

    if (!benchIndex(clip))
        return 1;

    // Ours: the player, shown, with the overlay.
    {
        VideoPlayerWidget player;
        player.resize(1280, 800);
        player.show();
        QElapsedTimer opening;
        opening.start();
        player.open(manifest, clip, world);
        if (!QTest::qWaitFor([&] { return player.framesPainted() >= 1 && player.durationSeconds() > 60; }, 120000)) {
            std::fprintf(stderr, "bench_playback: the player did not show the clip: %s\n",
                         qPrintable(player.errorText()));
            return 1;
        }
        const double openMs = bench::msSince(opening);
        (void)QTest::qWaitFor([&] { return player.frameIndex() != nullptr; }, 60000);
        const std::shared_ptr<const FrameIndex> index = player.frameIndex();
        std::printf("open (index + first frame):  %.0f ms, %d frames indexed\n", openMs,
                    index ? index->count() : -1);

        player.seekSeconds(start);
        (void)QTest::qWaitFor([&] { return std::abs(player.currentFrameTime() - start) < 0.5; }, 30000);
        // Distinct frames painted, and those of them with world markup drawn:
        // a frame can be shown twice (the seek's frame, painted once more as
        // playback's first), and counts once in both.
        std::set<int> seen, markupDrawn;
        QObject::connect(&player, &VideoPlayerWidget::frameShown, &player, [&](double seconds) {
            if (!index)
                return;
            const int frame = index->indexAt(seconds);
            seen.insert(frame);
            if (player.lastOverlayResult().worldMarkupsDrawn > 0)
                markupDrawn.insert(frame);
        });
        player.play();
        QElapsedTimer playing;
        playing.start();
        QTest::qWait(int(window * 1000));
        const double playedS = bench::msSince(playing) / 1000.0;
        player.pause();
        if (!seen.empty())
            std::printf("window: frames %d to %d painted (played from %.1f s, frame %d)\n", *seen.begin(), *seen.rbegin(),
                        start, index ? index->indexAt(start) : -1);
        if (index)
            printWindow("ours (player + overlay)", countWindow(seen), playedS, seen);
        std::printf("frames with world markup drawn: %d of %d painted\n", int(markupDrawn.size()), int(seen.size()));
        std::printf("memory: RSS now %.0f MB, peak %.0f MB (goal: at most 500 MB)\n", rssMb("VmRSS:"),
                    rssMb("VmHWM:"));
    }

    // The floor: GStreamer through a bare QMediaPlayer, frames to a sink.
    {
        QMediaPlayer media;
        QVideoSink sink;
        media.setVideoSink(&sink);
        media.setSource(QUrl::fromLocalFile(clip));
        if (!QTest::qWaitFor([&] { return media.mediaStatus() == QMediaPlayer::LoadedMedia; }, 60000)) {
            std::fprintf(stderr, "bench_playback: QMediaPlayer did not load the clip\n");
            return 1;
        }
        media.setPosition(qint64(start * 1000));
        std::set<qint64> stamps;
        QObject::connect(&sink, &QVideoSink::videoFrameChanged, &sink, [&](const QVideoFrame &frame) {
            if (frame.isValid() && frame.startTime() >= 0)
                stamps.insert(frame.startTime());
        });
        media.play();
        QElapsedTimer playing;
        playing.start();
        QTest::qWait(int(window * 1000));
        const double playedS = bench::msSince(playing) / 1000.0;
        media.pause();
        // No B-frames: a frame's stamp is its presentation time; 30 fps.
        std::set<int> seen;
        for (const qint64 us : stamps)
            seen.insert(int(std::llround(double(us) / 1e6 * 30.0)));
        printWindow("floor (QMediaPlayer → sink)", countWindow(seen), playedS, seen);
    }
    return 0;
}
