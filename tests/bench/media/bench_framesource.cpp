// FrameSource speed (run by hand; prints figures):
//   bench_framesource [--seconds N]
// Makes two 1080p30 H.264 clips (keyframes every 2 s, and every 250 frames),
// then times, each beside a floor measured in the same run:
//   - a one-frame step forward and back, and a random seek, through the
//     frame source, against decoding one frame with libavcodec in-process;
//     and a step forward as the player asks for it (FrameSourceWorker, one
//     request every 33 ms as a held arrow key repeats), and steps back as
//     the player asks for them, right after a seek and after a pause of 0.3 s and 1 s
//     (frames are filled behind the one shown while nothing is asked), and
//     playing backwards (a step back every 33 ms, 150 frames), and the
//     first step back after a seek cold (page cache dropped) against the
//     floor cold;
//   - opening the clip and its first frame with the page cache dropped,
//     against libavformat + libavcodec doing the same in-process;
//   - decoding every frame to RGB, as a whole process (this program run
//     with --decode-all), against `ffmpeg -threads 0 -i V -pix_fmt rgb24
//     -f null -`;
//   - `sightline-cli export-frame` against `ffmpeg -threads 0 -ss T -i V
//     -frames:v 1 out.png`, both as processes.
// The process pairs run interleaved (alternating which goes first), 5 times
// warm and 3 times cold (page cache dropped before every run of either), and
// print p50/p95 of both, wall time and then CPU time (user + system of all
// threads); ffmpeg runs with -nostdin -loglevel error.
// Goals: step p95 <= 16 ms forward, <= 50 ms back; ratios <= 1.2.

#include "benchclip.h"
#include "benchstats.h"
#include "capture/manifestwriter.h"
#include "media/framesource.h"
#include "media/framesourceworker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>
#include <random>

using namespace sl;
using sl::bench::decodeOneFrameFloor;
using sl::bench::makeClip;
using sl::bench::msSince;
using sl::bench::openFloorDecoder;
using sl::bench::run;
using sl::bench::spreadOf;

namespace {

int decodeAll(const QString &path)
{
    FrameSource source;
    QString error;
    if (!source.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    for (int i = 0; i < source.frameCount(); ++i)
        if (source.frame(i).isNull()) {
            std::fprintf(stderr, "%s\n", qPrintable(source.lastError()));
            return 1;
        }
    return 0;
}

void printSpread(const char *what, const std::vector<double> &ms, double floor)
{
    const bench::Spread s = spreadOf(ms);
    std::printf("  %-24s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms   floor %5.2f ms  p95/floor %5.1f\n", what, s.p50,
                s.p95, s.max, floor, s.p95 / floor);
}

// A FrameSourceWorker driven as the player drives it, each request waited
// for on this thread.
class PlayerFrames
{
  public:
    explicit PlayerFrames(bool fillBehind)
    {
        m_worker.setFillBehind(fillBehind);
        QObject::connect(&m_worker, &FrameSourceWorker::opened, &m_loop, [this] { m_ok = true; m_loop.quit(); });
        QObject::connect(&m_worker, &FrameSourceWorker::openFailed, &m_loop, [this] { m_ok = false; m_loop.quit(); });
        QObject::connect(&m_worker, &FrameSourceWorker::frameReady, &m_loop, [this] { m_ok = true; m_loop.quit(); });
        QObject::connect(&m_worker, &FrameSourceWorker::frameFailed, &m_loop, [this] { m_ok = false; m_loop.quit(); });
    }
    bool open(const QString &clip)
    {
        m_worker.open(clip, MediaType::Video);
        m_loop.exec();
        return m_ok;
    }
    // Milliseconds from the request to the frame's arrival; -1 on failure.
    double frame(int index)
    {
        QElapsedTimer timer;
        timer.start();
        m_worker.requestFrame(index);
        m_loop.exec();
        return m_ok ? msSince(timer) : -1;
    }
    qint64 filledBehind() const { return m_worker.framesFilledBehind(); }

  private:
    FrameSourceWorker m_worker;
    QEventLoop m_loop;
    bool m_ok = false;
};

// One request every 33 ms, as an arrow key held down repeats.
constexpr int kRepeatMs = 33;

// A step forward as the player asks for it: through FrameSourceWorker (its
// thread, its request collapsing, its decoding ahead), timed from the
// request to the frame's arrival on this thread.
void benchPlayerSteps(const QString &clip, double floor)
{
    PlayerFrames player(true);
    if (!player.open(clip) || player.frame(0) < 0) {
        std::printf("  player steps: cannot open\n");
        return;
    }
    std::vector<double> forward;
    for (int i = 1; i < 150; ++i) {
        QThread::msleep(kRepeatMs);
        const double ms = player.frame(i);
        if (ms < 0)
            break;
        forward.push_back(ms);
    }
    printSpread("player step fwd, 33 ms", forward, floor);
}

// Steps back as the player asks for them, with frames filled behind as the
// player has it while showing exact frames: from 12 random frames (a seek
// each), after `pauseMs` without a request (the reviewer looks at the
// frame), 10 steps back, one every 33 ms. The first step after each seek is
// printed apart: it is the one that decodes the keyframe group when nothing
// was readied.
void benchPlayerStepsBack(const QString &clip, double floor, int pauseMs)
{
    PlayerFrames player(true);
    if (!player.open(clip)) {
        std::printf("  player steps back: cannot open\n");
        return;
    }
    FrameSource probe;
    if (!probe.open(clip))
        return;
    const int count = probe.frameCount();
    std::mt19937 random(20261130);
    std::vector<double> first, later;
    const qint64 filledBefore = player.filledBehind();
    for (int seek = 0; seek < 12; ++seek) {
        const int from = 11 + int(random() % unsigned(count - 11));
        if (player.frame(from) < 0)
            return;
        QThread::msleep(pauseMs);
        for (int step = 1; step <= 10; ++step) {
            if (step > 1)
                QThread::msleep(kRepeatMs);
            const double ms = player.frame(from - step);
            if (ms < 0)
                return;
            (step == 1 ? first : later).push_back(ms);
        }
    }
    char what[64];
    std::snprintf(what, sizeof what, "player 1st back, %d ms", pauseMs);
    printSpread(what, first, floor);
    std::vector<double> all = first;
    all.insert(all.end(), later.begin(), later.end());
    std::snprintf(what, sizeof what, "player back (all), %d ms", pauseMs);
    printSpread(what, all, floor);
    std::printf("  (%lld frames filled behind)\n", qlonglong(player.filledBehind() - filledBefore));
}

// The first step back right after a seek, cold: a new worker opens the clip
// with the OS page cache dropped, seeks to a random frame and steps back at
// once; against the floor cold (the page cache dropped, then libavcodec
// decoding the clip in-process, per frame). 5 rounds each, in turns (which
// goes first alternates), each figure with its spread.
void benchPlayerStepBackCold(const QString &clip)
{
    FrameSource probe;
    if (!probe.open(clip))
        return;
    const int count = probe.frameCount();
    std::mt19937 random(20261201);
    std::vector<double> ours, floors;
    for (int round = 0; round < 5; ++round) {
        const auto oursOnce = [&] {
            if (!bench::dropOsPageCache())
                return;
            PlayerFrames player(true);
            const int from = 11 + int(random() % unsigned(count - 11));
            if (player.open(clip) && player.frame(from) >= 0)
                if (const double ms = player.frame(from - 1); ms >= 0)
                    ours.push_back(ms);
        };
        const auto floorOnce = [&] {
            if (bench::dropOsPageCache())
                floors.push_back(decodeOneFrameFloor(clip));
        };
        bench::inTurns(round, oursOnce, floorOnce);
    }
    if (ours.empty() || floors.empty()) {
        std::printf("  player 1st back, cold: the page cache cannot be dropped (needs root)\n");
        return;
    }
    const bench::Spread floor = spreadOf(floors);
    printSpread("player 1st back, cold", ours, floor.p50);
    std::printf("  %-24s floor cold p50 %5.2f ms  p95 %5.2f ms (n=%zu/%zu)\n", "", floor.p50, floor.p95, ours.size(),
                floors.size());
}

// Playing backwards as the player does it (its reverse timer asks for the
// frame before the one shown, 30 times a second): 150 steps back from the
// last frame, each timed from the request to the frame's arrival.
void benchPlayerReverse(const QString &clip, double floor)
{
    PlayerFrames player(true);
    FrameSource probe;
    if (!player.open(clip) || !probe.open(clip))
        return;
    const int last = probe.frameCount() - 1;
    if (player.frame(last) < 0)
        return;
    std::vector<double> steps;
    for (int i = last - 1; i >= std::max(0, last - 150); --i) {
        QThread::msleep(kRepeatMs);
        const double ms = player.frame(i);
        if (ms < 0)
            return;
        steps.push_back(ms);
    }
    printSpread("player reverse, 33 ms", steps, floor);
}

void benchSteps(const QString &clip, const char *name)
{
    // The floor: decoding one frame with libavcodec in-process, the mean of
    // decoding the whole clip, over 5 decodes (its spread beside it; the
    // ratios use its p50).
    std::vector<double> floors;
    for (int run = 0; run < 5; ++run)
        floors.push_back(decodeOneFrameFloor(clip));
    const bench::Spread floorSpread = spreadOf(floors);
    const double floor = floorSpread.p50;
    std::printf("%s: decode one frame (libavcodec, in-process, mean of all, 5 runs) p50 %.2f ms  p95 %.2f ms\n",
                name, floorSpread.p50, floorSpread.p95);
    FrameSource source;
    QString error;
    if (!source.open(clip, &error)) {
        std::printf("  cannot open: %s\n", qPrintable(error));
        return;
    }
    QElapsedTimer timer;
    std::vector<double> forward, backward, seeks;
    source.frame(0);
    for (int i = 1; i < std::min(source.frameCount(), 150); ++i) {
        timer.start();
        source.frame(i);
        forward.push_back(msSince(timer));
    }
    // Back from the end of the first keyframe group (249 or 59 onwards),
    // one frame at a time, as a reviewer holding the left arrow.
    const int start = std::min(source.frameCount() - 1, 249);
    source.frame(start + 1 < source.frameCount() ? start + 1 : start);
    for (int i = start; i >= std::max(0, start - 150); --i) {
        timer.start();
        source.frame(i);
        backward.push_back(msSince(timer));
    }
    std::mt19937 random(20261129);
    for (int n = 0; n < 30; ++n) {
        const int i = int(random() % unsigned(source.frameCount()));
        timer.start();
        source.frame(i);
        seeks.push_back(msSince(timer));
    }
    printSpread("step forward", forward, floor);
    printSpread("step back", backward, floor);
    printSpread("random seek", seeks, floor);
    benchPlayerSteps(clip, floor);
    for (const int pauseMs : {0, 300, 1000})
        benchPlayerStepsBack(clip, floor, pauseMs);
    benchPlayerReverse(clip, floor);
    benchPlayerStepBackCold(clip);
    const FrameSource::Stats stats = source.stats();
    std::printf("  (%lld decoded, %lld converted, %lld seeks, %lld cache hits, %.0f MiB cached)\n",
                qlonglong(stats.decoded), qlonglong(stats.converted), qlonglong(stats.seeks),
                qlonglong(stats.cacheHits), stats.cachedBytes / 1048576.0);
}

struct Command
{
    QString program;
    QStringList args;
};

// The common ffmpeg options of a floor: no terminal reading, errors only, and
// the decoder's thread count left to the cores as ours (thread_count = 0).
QStringList ffmpegArgs(const QStringList &rest)
{
    return QStringList{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                       QStringLiteral("-threads"), QStringLiteral("0")} +
           rest;
}

// Wall and CPU time of one side's runs, milliseconds.
struct Runs
{
    std::vector<double> wall, cpu;
};

void printPair(const char *what, const char *temperature, const Runs &ours, const Runs &floor,
               const char *floorName)
{
    const bench::Spread a = spreadOf(ours.wall);
    const bench::Spread b = spreadOf(floor.wall);
    std::printf("  %-22s %-4s ours p50 %6.0f p95 %6.0f ms | %s p50 %6.0f p95 %6.0f ms | p50 ratio %.2f (n=%zu/%zu)\n",
                what, temperature, a.p50, a.p95, floorName, b.p50, b.p95, b.p50 > 0 ? a.p50 / b.p50 : 0.0,
                ours.wall.size(), floor.wall.size());
    // CPU time (user + system, all threads) of the same runs: what other
    // work on the machine changes least.
    const bench::Spread c = spreadOf(ours.cpu);
    const bench::Spread d = spreadOf(floor.cpu);
    std::printf("  %-22s %-4s ours CPU p50 %6.0f p95 %6.0f ms | floor CPU p50 %6.0f p95 %6.0f ms | p50 ratio %.2f\n", "",
                temperature, c.p50, c.p95, d.p50, d.p95, d.p50 > 0 ? c.p50 / d.p50 : 0.0);
}

// Runs ours and the floor as whole processes, interleaved (which one goes
// first alternates), warm and then cold (page cache dropped before every run
// of either).
void comparePair(const char *what, const char *floorName, const std::function<Command(int)> &ours,
                 const std::function<Command(int)> &floor)
{
    constexpr int kWarm = 5;
    constexpr int kCold = 3;
    const auto once = [](const Command &c, bool cold, Runs &into) {
        if (cold)
            bench::dropOsPageCache();
        double ms = 0, cpu = 0;
        if (run(c.program, c.args, &ms, &cpu)) {
            into.wall.push_back(ms);
            into.cpu.push_back(cpu);
        }
    };
    Runs discard;
    once(ours(0), false, discard); // warm the binaries and the clip
    once(floor(0), false, discard);
    Runs oursWarm, floorWarm, oursCold, floorCold;
    for (int r = 0; r < kWarm; ++r) {
        bench::inTurns(r, [&] { once(ours(r), false, oursWarm); }, [&] { once(floor(r), false, floorWarm); });
    }
    printPair(what, "warm", oursWarm, floorWarm, floorName);
    if (!bench::dropOsPageCache()) {
        std::printf("  %-22s cold: cannot drop the page cache (needs root)\n", what);
        return;
    }
    for (int r = 0; r < kCold; ++r) {
        bench::inTurns(r, [&] { once(ours(r), true, oursCold); }, [&] { once(floor(r), true, floorCold); });
    }
    printPair(what, "cold", oursCold, floorCold, floorName);
}

void benchProcesses(const QString &clip, const QString &manifest, const QString &dir)
{
    comparePair(
        "decode all to RGB", "ffmpeg rgb24 null",
        [&](int) {
            return Command{QCoreApplication::applicationFilePath(), {QStringLiteral("--decode-all"), clip}};
        },
        [&](int) {
            return Command{QStringLiteral("ffmpeg"),
                           ffmpegArgs({QStringLiteral("-i"), clip, QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
                                       QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")})};
        });

    const QString out = dir + QLatin1String("/frame.png");
    static const double times[] = {1.5, 3.7, 6.2, 8.9, 5.05};
    const auto at = [](int r) { return QString::number(times[r % 5]); };
    comparePair(
        "export-frame PNG", "ffmpeg -ss png   ",
        [&](int r) {
            return Command{QStringLiteral(SIGHTLINE_CLI_PATH),
                           {QStringLiteral("export-frame"), manifest, QStringLiteral("--time"), at(r),
                            QStringLiteral("--out"), out}};
        },
        [&](int r) {
            return Command{QStringLiteral("ffmpeg"),
                           ffmpegArgs({QStringLiteral("-y"), QStringLiteral("-ss"), at(r), QStringLiteral("-i"), clip,
                                       QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                                       QStringLiteral("image2"), QStringLiteral("-c:v"), QStringLiteral("png"), out})};
        });
}

// The floor of a first open: libavformat opening the file and libavcodec
// decoding its first frame in-process, with the same threading as ours.
double openFirstFrameFloor(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    AVFormatContext *input = nullptr;
    AVCodecContext *context = nullptr;
    int stream = -1;
    if (!openFloorDecoder(path, &input, &context, &stream))
        return -1;
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    bool got = false;
    while (!got && av_read_frame(input, packet) >= 0) {
        if (packet->stream_index == stream && avcodec_send_packet(context, packet) >= 0)
            got = avcodec_receive_frame(context, frame) >= 0;
        av_packet_unref(packet);
    }
    if (!got) {
        avcodec_send_packet(context, nullptr);
        got = avcodec_receive_frame(context, frame) >= 0;
    }
    const double ms = msSince(timer);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&context);
    avformat_close_input(&input);
    return got ? ms : -1;
}

double openFirstFrameOurs(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    FrameSource source;
    QString error;
    if (!source.open(path, &error) || source.frame(0).isNull())
        return -1;
    return msSince(timer);
}

// Open and the first frame, in-process, with the page cache dropped before
// each (the libraries are loaded already, so this is the clip's cold read).
void benchColdOpen(const QString &clip)
{
    constexpr int kCold = 3;
    std::vector<double> ours, floor;
    for (int r = 0; r < kCold; ++r)
        for (int k = 0; k < 2; ++k) {
            const bool oursNow = (k == 0) == (r % 2 == 0);
            if (!bench::dropOsPageCache()) {
                std::printf("  first open cold: cannot drop the page cache (needs root)\n");
                return;
            }
            const double ms = oursNow ? openFirstFrameOurs(clip) : openFirstFrameFloor(clip);
            if (ms >= 0)
                (oursNow ? ours : floor).push_back(ms);
        }
    const bench::Spread a = spreadOf(ours);
    const bench::Spread b = spreadOf(floor);
    std::printf("  %-22s cold ours p50 %6.1f p95 %6.1f ms | libav open+1 frame p50 %6.1f p95 %6.1f ms | p50 ratio "
                "%.2f (n=%zu/%zu)\n",
                "first open (in-proc)", a.p50, a.p95, b.p50, b.p95, b.p50 > 0 ? a.p50 / b.p50 : 0.0, ours.size(),
                floor.size());
}

QString writeManifest(const QString &dir, const QString &name, const QString &media)
{
    CaptureManifest m;
    m.id = QStringLiteral("c0000000-0000-4000-8000-0000000000%1").arg(name.size(), 2, 10, QLatin1Char('0'));
    m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
    m.mediaFile = media;
    m.mediaType = MediaType::Video;
    m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
    const QString path = dir + QLatin1Char('/') + name + QLatin1String(".capture.json");
    QString error;
    if (!ManifestWriter::writeFile(m, path, &error))
        std::fprintf(stderr, "%s\n", qPrintable(error));
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--decode-all"))
        return decodeAll(args.at(2));
    const int seconds = args.size() == 3 && args.at(1) == QLatin1String("--seconds") ? args.at(2).toInt() : 10;

    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const QString gop60 = dir.filePath(QStringLiteral("gop60.mp4"));
    const QString gop250 = dir.filePath(QStringLiteral("gop250.mp4"));
    if (!makeClip(gop60, seconds, 60) || !makeClip(gop250, seconds, 250))
        return 1;
    std::printf("made two 1080p30 clips of %d s in %.1f s\n\n", seconds, msSince(timer) / 1000);
    const QString manifest60 = writeManifest(dir.path(), QStringLiteral("gop60"), QStringLiteral("gop60.mp4"));
    const QString manifest250 = writeManifest(dir.path(), QStringLiteral("gop250"), QStringLiteral("gop250.mp4"));

    benchSteps(gop60, "keyframe every 2 s (60 frames)");
    benchColdOpen(gop60);
    benchProcesses(gop60, manifest60, dir.path());
    std::printf("\n");
    benchSteps(gop250, "keyframe every 250 frames");
    benchColdOpen(gop250);
    benchProcesses(gop250, manifest250, dir.path());
    return 0;
}
