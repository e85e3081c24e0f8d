// Overlay and redaction speed in the viewer's terms (run by hand; prints figures):
//   bench_overlay [--runs N] [--cold N] [--overlay-only] [--save-overlay FILE.png]
// (--overlay-only: part 1 alone, e.g. under a profiler; --save-overlay: the
// overlay painted once more on the frame, written out, to compare the pixels
// of two builds.)
// 1. Overlay rendering of 1,000 world ink strokes of 50 points each, seen
//    through a pose and lens distortion, painted by OverlayRenderer onto a
//    1920x1080 frame (plan, projection, near-plane clipping, drawing), against
//    the floor of decoding one 1080p H.264 frame with libavcodec in-process
//    (a clip made by this program with ffmpeg; the floor is the mean per
//    frame of decoding it whole, one figure per run). Goal: ratio <= 0.2.
// 2. A redaction covering the whole frame (Redaction::paint, blurred and
//    pixelated) at 1920x1080 and 3840x2160, against the floor of QPainter
//    compositing the frame once at that size (the least any full-frame
//    redaction must do: write every pixel). Goal: <= 5 ms at 1080p.
// Each figure: the first call in the process (at that size) and warm p50/p95
// (cold: --cold N runs this program N times more, each a new process after
// the OS page cache is dropped, and prints p50/p95 of each one's first calls,
// ours and the floor's, taken in turns first)
// over N runs, all in-process, the floor measured the same way in the same run;
// for the overlay also the process's CPU time of the same runs (all threads),
// which a machine loaded by other work disturbs far less than wall time.

#include "benchclip.h"
#include "benchstats.h"
#include "capture/capturemanifest.h"
#include "render/markupplan.h"
#include "render/overlayrenderer.h"
#include "render/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QTemporaryDir>

#include <cmath>
#include <ctime>
#include <cstdio>
#include <functional>
#include <random>

using namespace sl;
using sl::bench::msSince;
using sl::bench::spreadOf;

namespace {

constexpr int kStrokes = 1000;
constexpr int kPointsPerStroke = 50;
// Frames of the floor's clip: 2 s at 30 fps (makeClip's rate).
constexpr int kClipFrames = 60;

// A 1080p camera at the origin looking along +z (OpenCV axes), with the
// distortion of a typical phone lens.
CaptureManifest manifestWithStrokes()
{
    CaptureManifest m;
    m.id = QStringLiteral("bench-overlay");
    m.mediaType = MediaType::Video;
    m.camera = CameraIntrinsics{.width = 1920, .height = 1080, .fx = 1500, .fy = 1500, .cx = 959.5, .cy = 539.5,
                                .distortion = {0.0578, -0.0805, -0.00098, 0.00016}};
    m.axes = Axes::OpenCV;
    m.poses = {ManifestPose{}};
    return m;
}

// Hand-drawn strokes in view, 2-3 m ahead: slow curves with a tremor, metres.
std::vector<Markup> worldStrokes()
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> anywhere(0, 1);
    std::normal_distribution<double> tremor(0, 0.001);
    std::vector<Markup> strokes;
    strokes.reserve(kStrokes);
    for (int s = 0; s < kStrokes; ++s) {
        Markup m;
        m.id = QStringLiteral("w%1").arg(s);
        m.kind = MarkupKind::Ink;
        m.space = MarkupSpace::World;
        m.width = 4;
        m.color = QColor::fromHsv((s * 37) % 360, 220, 255);
        const double z = 2 + anywhere(rng);
        const double x0 = (anywhere(rng) - 0.5) * 2.0, y0 = (anywhere(rng) - 0.5) * 1.1;
        const double a = anywhere(rng) * 6, r = 0.05 + 0.1 * anywhere(rng);
        for (int i = 0; i < kPointsPerStroke; ++i) {
            const double t = double(i) / kPointsPerStroke;
            m.worldPoints.emplace_back(x0 + r * std::sin(a + 4 * t) + tremor(rng),
                                       y0 + r * std::cos(a + 3 * t) + tremor(rng), z);
        }
        strokes.push_back(std::move(m));
    }
    return strokes;
}

QImage texturedFrame(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    std::mt19937 rng(3);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = qRgb((x * 7 + y) & 255, (y * 3) & 255, int(rng() & 255));
    }
    return image;
}

struct Timed
{
    double first = 0;
    std::vector<double> warm;
    std::vector<double> cpu; // the process's CPU time of each warm run, all threads, ms
};

// CPU time of the whole process so far, ms: on a machine loaded by other
// work it moves far less than wall time (the overlay draws on several threads).
double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

Timed timeIt(int runs, const std::function<void()> &work)
{
    Timed t;
    QElapsedTimer timer;
    timer.start();
    work();
    t.first = msSince(timer);
    for (int i = 0; i < runs; ++i) {
        const double cpu = processCpuMs();
        timer.restart();
        work();
        t.warm.push_back(msSince(timer));
        t.cpu.push_back(processCpuMs() - cpu);
    }
    return t;
}

void printLine(const char *what, const Timed &ours, const Timed &floor, const char *floorName)
{
    const bench::Spread o = spreadOf(ours.warm), f = spreadOf(floor.warm);
    std::printf("  %-28s first %8.2f ms  warm p50 %8.2f  p95 %8.2f ms | %s: first %7.2f  p50 %7.2f  p95 %7.2f ms"
                " | ratio p50 %5.2f  p95 %5.2f\n",
                what, ours.first, o.p50, o.p95, floorName, floor.first, f.p50, f.p95, o.p50 / f.p50, o.p95 / f.p95);
}

// The same runs' CPU time (all threads of the process), beside the floor's.
void printCpuLine(const char *what, const Timed &ours, const Timed &floor, const char *floorName)
{
    const bench::Spread o = spreadOf(ours.cpu), f = spreadOf(floor.cpu);
    std::printf("  %-28s CPU time          p50 %8.2f  p95 %8.2f ms | %s CPU time:    p50 %7.2f  p95 %7.2f ms"
                " | ratio p50 %5.2f  p95 %5.2f\n",
                what, o.p50, o.p95, floorName, f.p50, f.p95, o.p50 / f.p50, o.p95 / f.p95);
}

void benchCold(int samples, const QString &clip);

int benchOverlay(int runs, int coldSamples, const QString &saveTo)
{
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("clip1080.mp4"));
    if (!dir.isValid() || !sl::bench::makeClip(clip, kClipFrames / 30, 60)) {
        std::fprintf(stderr, "cannot make the test clip with ffmpeg\n");
        return 1;
    }
    // The floor: one frame decoded, as the mean per frame of a whole decode.
    Timed floor;
    floor.first = sl::bench::decodeOneFrameFloor(clip);
    for (int i = 0; i < std::max(5, runs / 4); ++i) {
        const double cpu = processCpuMs();
        floor.warm.push_back(sl::bench::decodeOneFrameFloor(clip));
        // Per frame, as the wall figure: the whole decode's CPU time (with
        // opening the file) over its frames.
        floor.cpu.push_back((processCpuMs() - cpu) / kClipFrames);
    }
    if (floor.first <= 0) {
        std::fprintf(stderr, "cannot decode the test clip\n");
        return 1;
    }

    const CaptureManifest manifest = manifestWithStrokes();
    const PoseTrack poses = manifest.poseTrack();
    const std::vector<Markup> strokes = worldStrokes();
    const QSize size(1920, 1080);
    const QImage frame = texturedFrame(size);
    QImage canvas = frame.copy();
    OverlayResult result;
    const Timed ours = timeIt(runs, [&] {
        QPainter painter(&canvas);
        OverlayOptions options;
        options.edgeIndicators = true; // as the viewer paints
        result = OverlayRenderer::paint(painter, manifest, poses, strokes, size, 1.0, frame, options);
    });
    std::printf("Overlay: %d world ink strokes x %d points on 1920x1080 (%d drawn%s)\n", kStrokes, kPointsPerStroke,
                result.worldMarkupsDrawn, result.notice.isEmpty() ? "" : ", reduced detail");
    printLine("overlay paint", ours, floor, "decode 1 frame");
    printCpuLine("overlay paint", ours, floor, "decode 1 frame");
    // Of which planning (projection, near-plane clipping, cutting to the frame, simplification).
    const Timed plan = timeIt(runs, [&] { MarkupPlan::make(manifest, poses, strokes, size, 1.0, true); });
    printLine("  of which the plan", plan, floor, "decode 1 frame");
    printCpuLine("  of which the plan", plan, floor, "decode 1 frame");
    {
        const MarkupPlan planned = MarkupPlan::make(manifest, poses, strokes, size, 1.0, true);
        size_t points = 0;
        for (const PlannedShape &shape : planned.shapes)
            points += size_t(shape.points.size());
        std::printf("  (planned: %zu shapes, %zu points after projection, clipping and simplification)\n",
                    planned.shapes.size(), points);
    }
    std::printf("  goal: p50 and p95 ratio <= 0.2\n");
    if (coldSamples > 0)
        benchCold(coldSamples, clip);
    if (!saveTo.isEmpty()) {
        QImage once = frame.copy();
        {
            QPainter painter(&once);
            OverlayRenderer::paint(painter, manifest, poses, strokes, size, 1.0, frame, OverlayOptions{});
        }
        if (!once.save(saveTo)) {
            std::fprintf(stderr, "%s: cannot write the overlay image\n", qPrintable(saveTo));
            return 1;
        }
    }
    return 0;
}

void benchRedaction(int runs)
{
    std::printf("Full-frame redaction (one rectangle over the whole frame)\n");
    for (const QSize size : {QSize(1920, 1080), QSize(3840, 2160)}) {
        const QImage frame = texturedFrame(size);
        QImage canvas(size, QImage::Format_RGB32);
        const std::vector<QRect> whole{QRect(QPoint(0, 0), size)};
        const Timed floor = timeIt(runs, [&] {
            QPainter painter(&canvas);
            painter.drawImage(QPointF(0, 0), frame);
        });
        QImage decoded = frame; // each run a new decoded frame: one write changes its identity
        int n = 0;
        for (const auto look : {Redaction::Look::Blurred, Redaction::Look::Pixelated}) {
            // Once per decoded frame: the layer is made.
            const Timed ours = timeIt(runs, [&] {
                decoded.setPixel(0, 0, qRgb(n % 256, 0, 0));
                ++n;
                QPainter painter(&canvas);
                Redaction::paint(painter, whole, decoded, size, look);
            });
            const QString what = QStringLiteral("%1 %2x%3").arg(look == Redaction::Look::Blurred ? "blur" : "pixelate")
                                     .arg(size.width())
                                     .arg(size.height());
            printLine(qPrintable(what + QStringLiteral(", new frame")), ours, floor, "composite");
            // Every further paint of that frame: the cached layer, composited.
            const Timed again = timeIt(runs, [&] {
                QPainter painter(&canvas);
                Redaction::paint(painter, whole, decoded, size, look);
            });
            printLine(qPrintable(what + QStringLiteral(", repaint")), again, floor, "composite");
        }
    }
    std::printf("  goal: 1080p <= 5 ms (per decoded frame; a repaint composites the cached layer)\n");
}

// One cold sample, in a new process: the first overlay paint, plan, decode,
// 1080p blur of a new frame and composite of this process, as one line
// "cold <overlay> <plan> <decode> <blur> <composite>" (ms). `floorFirst`:
// the floors take their first call before ours (the two alternate between
// processes, so that neither always pays the process's shared first costs).
int coldSample(const QString &clip, bool floorFirst)
{
    const CaptureManifest manifest = manifestWithStrokes();
    const PoseTrack poses = manifest.poseTrack();
    const std::vector<Markup> strokes = worldStrokes();
    const QSize size(1920, 1080);
    const QImage frame = texturedFrame(size);
    QImage canvas = frame.copy();
    double overlay = 0, plan = 0, decode = 0, blur = 0, composite = 0;
    auto floors = [&] {
        decode = sl::bench::decodeOneFrameFloor(clip);
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&canvas);
        painter.drawImage(QPointF(0, 0), frame);
        painter.end();
        composite = msSince(timer);
    };
    auto oursFirst = [&] {
        QElapsedTimer timer;
        timer.start();
        MarkupPlan::make(manifest, poses, strokes, size, 1.0, true);
        plan = msSince(timer);
        timer.restart();
        {
            QPainter painter(&canvas);
            OverlayOptions options;
            options.edgeIndicators = true;
            OverlayRenderer::paint(painter, manifest, poses, strokes, size, 1.0, frame, options);
        }
        overlay = msSince(timer);
        timer.restart();
        {
            QPainter painter(&canvas);
            Redaction::paint(painter, {QRect(QPoint(0, 0), size)}, frame, size, Redaction::Look::Blurred);
        }
        blur = msSince(timer);
    };
    if (floorFirst) {
        floors();
        oursFirst();
    } else {
        oursFirst();
        floors();
    }
    if (decode <= 0)
        return 1;
    std::printf("cold %.3f %.3f %.3f %.3f %.3f\n", overlay, plan, decode, blur, composite);
    return 0;
}

// Runs `samples` cold samples (each its own process, the OS page cache
// dropped before it) and prints their p50/p95 beside the floors'.
void benchCold(int samples, const QString &clip)
{
    std::vector<double> overlay, plan, decode, blur, composite;
    bool dropped = true;
    for (int i = 0; i < samples; ++i) {
        dropped = sl::bench::dropOsPageCache() && dropped;
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--cold-sample"), clip, QStringLiteral("--floor-first"),
                     QString::number(i % 2)});
        if (!child.waitForFinished(120000) || child.exitCode() != 0) {
            std::fprintf(stderr, "a cold sample failed: %s\n", child.readAllStandardError().constData());
            return;
        }
        const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
        if (fields.size() != 6 || fields[0] != "cold") {
            std::fprintf(stderr, "a cold sample printed no figures\n");
            return;
        }
        overlay.push_back(fields[1].toDouble());
        plan.push_back(fields[2].toDouble());
        decode.push_back(fields[3].toDouble());
        blur.push_back(fields[4].toDouble());
        composite.push_back(fields[5].toDouble());
    }
    std::printf("Cold: the first calls of a new process, %d processes%s, ours and the floors' first in turns\n",
                samples, dropped ? " (OS page cache dropped before each)" : " (page cache NOT dropped: needs root)");
    auto line = [](const char *what, const std::vector<double> &ours, const char *floorName,
                   const std::vector<double> &floor) {
        const bench::Spread o = spreadOf(ours), f = spreadOf(floor);
        std::printf("  %-28s cold p50 %8.2f  p95 %8.2f ms | %s: cold p50 %7.2f  p95 %7.2f ms | ratio p50 %5.2f  "
                    "p95 %5.2f\n",
                    what, o.p50, o.p95, floorName, f.p50, f.p95, o.p50 / f.p50, o.p95 / f.p95);
    };
    line("overlay paint", overlay, "decode 1 frame", decode);
    line("  of which the plan", plan, "decode 1 frame", decode);
    line("blur 1920x1080, new frame", blur, "composite", composite);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Warm runs per figure."), QStringLiteral("N"),
                      QStringLiteral("30")});
    parser.addOption({QStringLiteral("overlay-only"), QStringLiteral("Only the overlay figures (for a profiler).")});
    parser.addOption({QStringLiteral("save-overlay"), QStringLiteral("Write the overlay painted once to FILE (PNG)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("cold"), QStringLiteral("Cold samples: new processes, page cache dropped."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("cold-sample"), QStringLiteral("(internal) One cold sample on CLIP."),
                      QStringLiteral("CLIP")});
    parser.addOption({QStringLiteral("floor-first"), QStringLiteral("(internal) 1: the floors' first call first."),
                      QStringLiteral("0|1"), QStringLiteral("1")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("cold-sample")))
        return coldSample(parser.value(QStringLiteral("cold-sample")),
                          parser.value(QStringLiteral("floor-first")) == QLatin1String("1"));
    const int runs = std::max(3, parser.value(QStringLiteral("runs")).toInt());
    if (!parser.isSet(QStringLiteral("overlay-only")))
        benchRedaction(runs);
    return benchOverlay(runs, std::max(0, parser.value(QStringLiteral("cold")).toInt()),
                        parser.value(QStringLiteral("save-overlay")));
}
