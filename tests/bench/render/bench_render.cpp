// Overlay rendering within the input limits (run by hand; prints figures):
//   bench_render [--runs N] [--case NAME] [--calibrate]
// Times OverlayRenderer::burnIn on a 1920x1080 frame for manifests read with
// ManifestReader (so each is within the limits of common/inputlimits.h):
//   normal      10 hand-drawn strokes of 200 points, 4 px: drawn exactly
//   largest     every point of the limits used: world ink strokes of 10,000
//               points seen through a pose and lens distortion, image ink,
//               256 px widths, the longest labels, blur rectangles
//   scattered   the same with the points at random across the view
//   zigzag      10 strokes of 10,000 points zigzagging across the frame, 256 px
//   rects       the most markups: rectangles covering the frame, 256 px
//   redaction   one blur over the whole frame
//   redactions  the most markups: blurs each covering the frame
//   text        the most text: labels at the text limits
// The floor, measured in the same run and the same way (in-process, one call
// per frame), is the same work done directly: the manifest's points through
// cv::projectPoints and every shape drawn once with OpenCV at full resolution,
// without antialiasing (see floorMilliseconds). Each figure is given cold (the
// first render in the process) and warm (p50, p95). --calibrate prints PaintCost's
// estimate against QPainter's time for single strokes.

#include "capture/manifestreader.h"
#include "common/inputlimits.h"
#include "render/markuppainter.h"
#include "render/overlayrenderer.h"
#include "render/paintcost.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace sl;

namespace {

constexpr int kWidth = 1920, kHeight = 1080;
constexpr int kFloorRuns = 3; // warm runs of the floor (some cases take seconds)
const std::vector<double> kDistortion{0.0578, -0.0805, -0.00098, 0.00016};

double milliseconds(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// A hand-drawn stroke: a slow curve with a tremor, `count` samples of
// parameter t in 0..1 mapped by `at`.
template <typename At>
QJsonArray strokePoints(int count, std::mt19937 &rng, bool scattered, At at)
{
    std::uniform_real_distribution<double> anywhere(0, 1);
    std::normal_distribution<double> tremor(0, 0.0005);
    const double a = anywhere(rng) * 6, b = anywhere(rng) * 6;
    QJsonArray points;
    for (int i = 0; i < count; ++i) {
        const double t = double(i) / count;
        const double u = scattered ? anywhere(rng) : 0.5 + 0.4 * std::sin(a + 5 * t) + tremor(rng);
        const double v = scattered ? anywhere(rng) : 0.5 + 0.4 * std::cos(b + 7 * t) + tremor(rng);
        points.append(at(u, v));
    }
    return points;
}

QJsonObject markup(const QString &id, const char *kind, const char *space, const QJsonArray &points, double width)
{
    static const char *colors[] = {"#FF3B30", "#FFD60A", "#30D158", "#0A84FF"};
    return QJsonObject{{"id", id}, {"kind", kind}, {"space", space}, {"points", points},
                       {"color", colors[qHash(id) % 4]}, {"width", width}};
}

QByteArray manifestWith(const QJsonArray &markups)
{
    QJsonArray distortion;
    for (double d : kDistortion)
        distortion.append(d);
    const QJsonObject root{
        {"format", "sightline-capture"}, {"version", 1}, {"id", "bench"},
        {"media", QJsonObject{{"file", "frame.png"}, {"type", "photo"}}},
        {"camera", QJsonObject{{"width", kWidth}, {"height", kHeight}, {"fx", 1400.0}, {"fy", 1400.0},
                               {"cx", 960.0}, {"cy", 540.0}, {"distortion", distortion}}},
        {"axes", "opencv"},
        {"poses", QJsonArray{QJsonObject{{"position", QJsonArray{0.05, -0.02, 0.0}},
                                         {"rotation", QJsonArray{0.0, 0.0174524, 0.0, 0.9998477}}}}},
        {"markups", markups}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

const auto imagePoint = [](double u, double v) { return QJsonArray{u, v}; };

// A text of `length` characters in lines of 80.
QString textOf(int length)
{
    QString text;
    for (int i = 0; text.size() < length; ++i)
        text += (i % 80 == 79) ? QLatin1Char('\n') : QLatin1Char('a' + i % 26);
    text.truncate(length);
    return text;
}

QByteArray normalManifest()
{
    std::mt19937 rng(7);
    QJsonArray markups;
    for (int i = 0; i < 10; ++i)
        markups.append(markup(QStringLiteral("n%1").arg(i), "ink", "image", strokePoints(200, rng, false, imagePoint), 4));
    return manifestWith(markups);
}

QByteArray zigzagManifest()
{
    QJsonArray markups;
    for (int i = 0; i < limits::kPointsPerCapture / limits::kPointsPerMarkup; ++i) {
        QJsonArray points;
        for (int j = 0; j < limits::kPointsPerMarkup; ++j)
            points.append(QJsonArray{(j + 0.1 * i) / limits::kPointsPerMarkup, (j % 2) ? 0.98 : 0.02});
        markups.append(markup(QStringLiteral("z%1").arg(i), "ink", "image", points, limits::kMarkupWidth));
    }
    return manifestWith(markups);
}

// The most markups, each of `kind` over the whole frame.
QByteArray coveringManifest(const char *kind)
{
    QJsonArray markups;
    for (int i = 0; i < limits::kMarkupsPerCapture; ++i) {
        const double inset = 0.0001 * (i % 100);
        markups.append(markup(QStringLiteral("c%1").arg(i), kind, "image",
                              QJsonArray{imagePoint(inset, inset), imagePoint(1 - inset, 1 - inset)},
                              limits::kMarkupWidth));
    }
    return manifestWith(markups);
}

QByteArray redactionManifest()
{
    return manifestWith(QJsonArray{markup(QStringLiteral("b"), "blur", "image",
                                          QJsonArray{imagePoint(0, 0), imagePoint(1, 1)}, 1)});
}

// The most text: labels of the longest text, as many as the limits allow,
// half at the widest width (huge letters), half narrow, spread over the frame.
QByteArray textManifest()
{
    QJsonArray markups;
    const int labels = std::min(limits::kMarkupsPerCapture, limits::kTextPerCapture / limits::kTextLength);
    for (int i = 0; i < labels; ++i) {
        QJsonObject label = markup(QStringLiteral("t%1").arg(i), "text", "image",
                                   QJsonArray{imagePoint(0.1 * (i % 10), 0.1 * (i / 10 % 10))},
                                   i % 2 ? limits::kMarkupWidth : 2);
        label.insert(QStringLiteral("text"), textOf(limits::kTextLength));
        markups.append(label);
    }
    return manifestWith(markups);
}

// The largest manifest within the limits: every point of kPointsPerCapture used.
QByteArray largestManifest(bool scattered)
{
    std::mt19937 rng(2026);
    QJsonArray markups;
    int points = 0;
    const double widths[] = {4, 32, limits::kMarkupWidth};
    // Eight world strokes on a 1.6 m x 1 m board 2 m in front of the camera.
    const auto world = [](double u, double v) { return QJsonArray{1.6 * (u - 0.5), 1.0 * (v - 0.5), 2.0}; };
    for (int i = 0; i < 8; ++i) {
        markups.append(markup(QStringLiteral("w%1").arg(i), "ink", "world",
                              strokePoints(limits::kPointsPerMarkup, rng, scattered, world), widths[i % 3]));
        points += limits::kPointsPerMarkup;
    }
    const auto image = [](double u, double v) { return QJsonArray{u, v}; };
    markups.append(markup(QStringLiteral("i0"), "ink", "image",
                          strokePoints(limits::kPointsPerMarkup, rng, scattered, image), limits::kMarkupWidth));
    points += limits::kPointsPerMarkup;

    // Blur rectangles, labels of the longest text (wide and narrow).
    const QJsonArray corners[] = {{QJsonArray{0.05, 0.05}, QJsonArray{0.35, 0.4}},
                                  {QJsonArray{0.6, 0.1}, QJsonArray{0.95, 0.5}},
                                  {QJsonArray{0.1, 0.6}, QJsonArray{0.4, 0.95}},
                                  {QJsonArray{0.0, 0.0}, QJsonArray{1.0, 1.0}}};
    for (int i = 0; i < 4; ++i) {
        markups.append(markup(QStringLiteral("b%1").arg(i), "blur", "image", corners[i], 1));
        points += 2;
    }
    const QString text = textOf(limits::kTextLength);
    QJsonObject wide = markup(QStringLiteral("t0"), "text", "world", QJsonArray{QJsonValue(world(0.3, 0.3))}, limits::kMarkupWidth);
    wide.insert(QStringLiteral("text"), text);
    QJsonObject narrow = markup(QStringLiteral("t1"), "text", "image", QJsonArray{QJsonValue(image(0.1, 0.1))}, 2);
    narrow.insert(QStringLiteral("text"), text);
    markups.append(wide);
    markups.append(narrow);
    points += 2;

    // The last image stroke takes what is left of the points.
    markups.append(markup(QStringLiteral("i1"), "ink", "image",
                          strokePoints(limits::kPointsPerCapture - points, rng, scattered, image), 3));

    return manifestWith(markups);
}

// The floor: the same work done the most direct way, with OpenCV at full
// resolution and no antialiasing: a copy of the frame, every world point
// through cv::projectPoints with the manifest's camera and distortion, each
// markup's shape drawn once (polylines at its width, rectangle, ellipse,
// label), and each blur rectangle blurred with a box filter of a tenth of its
// size. No planning, no cost budget, no reduced layer.
double floorMilliseconds(const CaptureManifest &manifest, const cv::Mat &frame)
{
    QElapsedTimer timer;
    timer.start();
    cv::Mat out = frame.clone();
    const CameraIntrinsics &k = manifest.camera ? *manifest.camera : CameraIntrinsics{};
    const cv::Matx33d camera(k.fx, 0, k.cx, 0, k.fy, k.cy, 0, 0, 1);
    for (const Markup &m : manifest.markups) {
        std::vector<cv::Point> pixels;
        if (m.space == MarkupSpace::World) {
            std::vector<cv::Point2d> projected;
            cv::projectPoints(m.worldPoints, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0), camera, k.distortion, projected);
            for (const cv::Point2d &p : projected)
                pixels.emplace_back(int(std::clamp(p.x, -1e6, 1e6)), int(std::clamp(p.y, -1e6, 1e6)));
        } else {
            for (const cv::Point2d &p : m.imagePoints)
                pixels.emplace_back(int(p.x * out.cols), int(p.y * out.rows));
        }
        if (pixels.empty())
            continue;
        const cv::Scalar color(m.color.blue(), m.color.green(), m.color.red());
        const int width = std::max(1, int(m.width));
        const cv::Rect box = pixels.size() > 1 ? cv::Rect(pixels[0], pixels[1]) : cv::Rect(pixels[0], cv::Size(1, 1));
        switch (m.kind) {
        case MarkupKind::Rect: cv::rectangle(out, box, color, width); break;
        case MarkupKind::Ellipse:
            cv::ellipse(out, (box.tl() + box.br()) / 2, box.size() / 2, 0, 0, 360, color, width);
            break;
        case MarkupKind::Text:
            cv::putText(out, m.text.toStdString(), pixels[0], cv::FONT_HERSHEY_SIMPLEX, 1.0, color, 2);
            break;
        case MarkupKind::Blur: {
            const cv::Rect visible = box & cv::Rect(0, 0, out.cols, out.rows);
            if (!visible.empty()) {
                const int kernel = std::max(3, std::max(visible.width, visible.height) / 10);
                cv::Mat region = out(visible);
                cv::blur(region, region, cv::Size(kernel, kernel));
            }
            break;
        }
        default: cv::polylines(out, pixels, false, color, width); break;
        }
    }
    return milliseconds(timer);
}

// The q-quantile (0..1) of `values`, nearest rank.
double quantile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(q * double(values.size() - 1) + 0.5))];
}



// PaintCost's estimate against QPainter's time for single strokes.
void calibrate()
{
    QImage canvas(kWidth, kHeight, QImage::Format_RGB32);
    canvas.fill(QColor(90, 110, 130));
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> anywhere(0, 1);
    const auto run = [&](const char *name, const QPolygonF &points, double width) {
        PlannedShape shape;
        shape.points = points;
        shape.width = width;
        const PaintCost::Measure m = PaintCost::measure(shape, QSizeF(kWidth, kHeight));
        QElapsedTimer timer;
        timer.start();
        {
            QPainter painter(&canvas);
            painter.setRenderHint(QPainter::Antialiasing, true);
            MarkupPainter(painter).ink(points, Qt::red, width);
        }
        const double exact = milliseconds(timer);
        timer.restart();
        {
            QPainter painter(&canvas);
            painter.setRenderHint(QPainter::Antialiasing, true);
            MarkupPainter(painter).strokeInPieces(points, Qt::red, width, Qt::RoundCap);
        }
        const double pieces = milliseconds(timer);
        std::printf("%-12s %5lld points, %3.0f px: exact est %9.1f ms, took %8.1f ms; in pieces est %7.1f ms, took %7.1f ms\n",
                    name, (long long)points.size(), width, m.exactNanoseconds / 1e6, exact,
                    m.piecewiseNanoseconds / 1e6, pieces);
    };
    for (double width : {4.0, 32.0}) {
        QPolygonF hand, walk, zigzag, scattered;
        for (int i = 0; i < 200; ++i) {
            const double t = i / 200.0;
            hand << QPointF(960 + 700 * std::sin(1 + 5 * t), 540 + 400 * std::cos(2 + 7 * t));
        }
        QPointF at(960, 540);
        for (int i = 0; i < 2000; ++i) {
            const double a = anywhere(rng) * 2 * M_PI;
            at += QPointF(20 * std::cos(a), 20 * std::sin(a));
            walk << at;
        }
        for (int i = 0; i < 100; ++i) {
            zigzag << QPointF(i * 19.0, (i % 2) ? 1000 : 50);
            scattered << QPointF(anywhere(rng) * kWidth, anywhere(rng) * kHeight);
        }
        run("hand-drawn", hand, width);
        run("random walk", walk, width);
        run("zigzag", zigzag, width);
        run("scattered", scattered, width);
    }
}

struct Case
{
    const char *name;
    QByteArray (*make)();
};

QByteArray largestHandDrawn() { return largestManifest(false); }
QByteArray largestScattered() { return largestManifest(true); }
QByteArray rectsManifest() { return coveringManifest("rect"); }
QByteArray redactionsManifest() { return coveringManifest("blur"); }

// Times one case; false if it could not be drawn.
bool runCase(const Case &c, int runs)
{
    const QByteArray json = c.make();
    const ManifestResult read = ManifestReader::parse(json, QStringLiteral("bench.capture.json"));
    if (const auto *error = std::get_if<ManifestError>(&read)) {
        std::fprintf(stderr, "%s: the manifest is refused: %s\n", c.name, qPrintable(error->message()));
        return false;
    }
    const CaptureManifest manifest = std::get<CaptureManifest>(read);
    size_t points = 0;
    std::vector<Markup> world;
    for (const Markup &m : manifest.markups) {
        points += m.worldPoints.size() + m.imagePoints.size();
        if (m.space == MarkupSpace::World)
            world.push_back(m);
    }
    QImage frame(kWidth, kHeight, QImage::Format_RGB888);
    frame.fill(QColor(90, 110, 130));
    const cv::Mat frameMat(kHeight, kWidth, CV_8UC3, cv::Scalar(130, 110, 90));
    // Run 0 is the first in the process (cold: glyph caches, allocations);
    // the rest are warm.
    std::vector<double> times, floors;
    OverlayResult result;
    for (int i = 0; i <= runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QImage out = OverlayRenderer::burnIn(frame, manifest, world, 0, &result);
        times.push_back(milliseconds(timer));
        if (out.isNull() || result.worldMarkupsDrawn + result.imageMarkupsDrawn == 0) {
            std::fprintf(stderr, "%s: nothing was drawn (%s)\n", c.name, qPrintable(result.notice));
            return false;
        }
        // The floor only as often as it is affordable (it has no budget).
        if (i <= kFloorRuns)
            floors.push_back(floorMilliseconds(manifest, frameMat));
    }
    const std::vector<double> warm(times.begin() + 1, times.end());
    const std::vector<double> warmFloor(floors.begin() + 1, floors.end());
    const double p50 = quantile(warm, 0.5), floorP50 = quantile(warmFloor, 0.5);
    std::printf("%-10s %5zu markups %6zu points | cold %7.1f ms | warm p50 %7.1f p95 %7.1f ms | floor cold %8.1f, "
                "warm p50 %8.1f p95 %8.1f ms | %6.2fx floor | %s\n",
                c.name, manifest.markups.size(), points, times.front(), p50, quantile(warm, 0.95), floors.front(),
                floorP50, quantile(warmFloor, 0.95), p50 / floorP50,
                result.notice.isEmpty() ? "exact" : qPrintable(result.notice));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Renders to time per case."), QStringLiteral("N"),
                      QStringLiteral("7")});
    parser.addOption({QStringLiteral("case"), QStringLiteral("Only this case."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("calibrate"), QStringLiteral("Cost estimates against QPainter's time.")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (parser.isSet(QStringLiteral("calibrate"))) {
        calibrate();
        return 0;
    }
    const Case cases[] = {{"normal", normalManifest},         {"largest", largestHandDrawn},
                          {"scattered", largestScattered},    {"zigzag", zigzagManifest},
                          {"rects", rectsManifest},           {"redaction", redactionManifest},
                          {"redactions", redactionsManifest}, {"text", textManifest}};
    const QString only = parser.value(QStringLiteral("case"));
    std::printf("burnIn of a 1920x1080 frame, 1 cold + %d warm runs per case (floor: 1 cold + %d warm); "
                "target: at most 100 ms\n",
                runs, kFloorRuns);
    bool ok = true;
    for (const Case &c : cases) {
        if (only.isEmpty() || only == QLatin1String(c.name))
            ok = runCase(c, runs) && ok;
    }
    return ok ? 0 : 1;
}
