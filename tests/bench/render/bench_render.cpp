// Overlay rendering of the largest manifest the input limits allow (run by
// hand; prints figures):
//   bench_render [--runs N] [--scattered]
// Builds a manifest at the limits of common/inputlimits.h (100,000 points in
// all: world ink strokes of 10,000 points seen through a pose and lens
// distortion, image ink, 256 px widths, labels of the longest text, blur
// rectangles), reads it with ManifestReader, and times OverlayRenderer::burnIn
// on a 1920x1080 frame. The floor, measured in the same run, is what any
// renderer must do at least: cv::projectPoints of the same number of points
// and one QPainter fill of the frame. --scattered puts the stroke points at
// random across the view instead of along hand-drawn curves (a hostile input:
// nothing to simplify).

#include "capture/manifestreader.h"
#include "common/inputlimits.h"
#include "render/overlayrenderer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <opencv2/calib3d.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace sl;

namespace {

constexpr int kWidth = 1920, kHeight = 1080;
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
    return QJsonObject{{"id", id}, {"kind", kind}, {"space", space}, {"points", points},
                       {"color", "#FF3B30"}, {"width", width}};
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
    QString text;
    for (int i = 0; text.size() < limits::kTextLength; ++i)
        text += (i % 80 == 79) ? QLatin1Char('\n') : QLatin1Char('a' + i % 26);
    text.truncate(limits::kTextLength);
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

// What any renderer of this manifest must at least do: project its points
// through the lens, and touch every pixel of the frame once.
double floorMilliseconds(int pointCount, QImage &frame)
{
    std::vector<cv::Point3d> object(size_t(pointCount), cv::Point3d(0.1, 0.2, 2.0));
    std::vector<cv::Point2d> pixels;
    const cv::Matx33d k(1400, 0, 960, 0, 1400, 540, 0, 0, 1);
    QElapsedTimer timer;
    timer.start();
    cv::projectPoints(object, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0), k, kDistortion, pixels);
    {
        QPainter painter(&frame);
        painter.fillRect(frame.rect(), QColor(255, 59, 48, 128));
    }
    return milliseconds(timer);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Renders to time."), QStringLiteral("N"),
                      QStringLiteral("15")});
    parser.addOption({QStringLiteral("scattered"), QStringLiteral("Stroke points at random across the view.")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const bool scattered = parser.isSet(QStringLiteral("scattered"));

    const QByteArray json = largestManifest(scattered);
    QElapsedTimer timer;
    timer.start();
    const ManifestResult read = ManifestReader::parse(json, QStringLiteral("bench.capture.json"));
    const double readTime = milliseconds(timer);
    if (const auto *error = std::get_if<ManifestError>(&read)) {
        std::fprintf(stderr, "the manifest is refused: %s\n", qPrintable(error->message()));
        return 1;
    }
    const CaptureManifest manifest = std::get<CaptureManifest>(read);
    size_t points = 0;
    std::vector<Markup> world;
    for (const Markup &m : manifest.markups) {
        points += m.worldPoints.size() + m.imagePoints.size();
        if (m.space == MarkupSpace::World)
            world.push_back(m);
    }
    std::printf("manifest: %.1f MB, %zu markups, %zu points (%s strokes), read in %.0f ms\n", json.size() / 1e6,
                manifest.markups.size(), points, scattered ? "scattered" : "hand-drawn", readTime);

    QImage frame(kWidth, kHeight, QImage::Format_RGB888);
    frame.fill(QColor(90, 110, 130));
    std::vector<double> times, floors;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        OverlayResult result;
        const QImage out = OverlayRenderer::burnIn(frame, manifest, world, 0, &result);
        times.push_back(milliseconds(timer));
        if (out.isNull() || result.worldMarkupsDrawn == 0) {
            std::fprintf(stderr, "nothing was drawn (%s)\n", qPrintable(result.notice));
            return 1;
        }
        QImage canvas(kWidth, kHeight, QImage::Format_RGB32);
        floors.push_back(floorMilliseconds(int(points), canvas));
    }
    const double renderMedian = median(times), floorMedian = median(floors);
    std::printf("burnIn 1920x1080, %d runs: median %.1f ms, max %.1f ms\n", runs, renderMedian,
                *std::max_element(times.begin(), times.end()));
    std::printf("floor (projectPoints of %zu points + one frame fill): median %.1f ms\n", points, floorMedian);
    std::printf("ratio: %.1fx the floor; target: at most 100 ms\n", renderMedian / floorMedian);
    return 0;
}
