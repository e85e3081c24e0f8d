#include "capture/capturemanifest.h"
#include "render/markupplan.h"
#include "spatial/posetrack.h"

#include <QtTest>

#include <opencv2/core/utility.hpp>

#include <cmath>
#include <random>

using namespace sl;

// MarkupPlan with many world markups (enough points to be planned on several
// threads) against the same markups planned one at a time on this thread:
// the same shapes in the same order, the same edge indicators and counts.
class TestMarkupPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manyMarkupsPlanAsOneByOne();
};

namespace {

// A 1080p camera at the origin looking along +z, with a phone lens's distortion.
CaptureManifest manifest()
{
    CaptureManifest m;
    m.id = QStringLiteral("plan");
    m.mediaType = MediaType::Photo;
    m.camera = CameraIntrinsics{.width = 1920, .height = 1080, .fx = 1500, .fy = 1500, .cx = 959.5, .cy = 539.5,
                                .distortion = {0.0578, -0.0805, -0.00098, 0.00016}};
    m.axes = Axes::OpenCV;
    m.poses = {ManifestPose{}};
    return m;
}

// Ink, lines and outlines in view, across the near plane and behind the
// camera (edge indicators), and labels: 400 markups of 40 points (16,000).
std::vector<Markup> worldMarkups()
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> unit(0, 1);
    const MarkupKind kinds[] = {MarkupKind::Ink, MarkupKind::Ink, MarkupKind::Line, MarkupKind::Rect,
                                MarkupKind::Text};
    std::vector<Markup> markups;
    for (int s = 0; s < 400; ++s) {
        Markup m;
        m.id = QStringLiteral("w%1").arg(s);
        m.kind = kinds[s % 5];
        m.space = MarkupSpace::World;
        m.text = QStringLiteral("label %1").arg(s);
        m.width = 1 + s % 6;
        m.color = QColor::fromHsv((s * 37) % 360, 220, 255);
        // Mostly ahead, some straddling the camera, some behind it.
        const double z = s % 7 == 0 ? -2 + 3 * unit(rng) : 0.5 + 3 * unit(rng);
        const double x0 = (unit(rng) - 0.5) * 3, y0 = (unit(rng) - 0.5) * 2, r = 0.05 + 0.3 * unit(rng);
        for (int i = 0; i < 40; ++i) {
            const double t = i / 40.0;
            m.worldPoints.emplace_back(x0 + r * std::sin(6 * t), y0 + r * std::cos(5 * t), z + 0.4 * std::sin(3 * t));
        }
        markups.push_back(std::move(m));
    }
    return markups;
}

} // namespace

void TestMarkupPlan::manyMarkupsPlanAsOneByOne()
{
    const CaptureManifest m = manifest();
    const PoseTrack poses = m.poseTrack();
    const std::vector<Markup> markups = worldMarkups();
    const QSize frame(1920, 1080);
    const MarkupPlan all = MarkupPlan::make(m, poses, markups, frame, 0, true);

    std::vector<PlannedShape> shapes;
    std::vector<EdgeIndicator> indicators;
    int drawn = 0;
    for (size_t i = 0; i < markups.size(); ++i) {
        const MarkupPlan one = MarkupPlan::make(m, poses, {markups[i]}, frame, 0, true);
        for (PlannedShape shape : one.shapes) {
            shape.markup = int(i);
            shapes.push_back(shape);
        }
        for (EdgeIndicator indicator : one.edgeIndicators) {
            indicator.markup = int(i);
            indicators.push_back(indicator);
        }
        drawn += one.worldMarkupsDrawn;
    }

    QCOMPARE(all.worldMarkupsDrawn, drawn);
    QVERIFY(drawn > 200);                   // most are in view
    QVERIFY(drawn < int(markups.size()));   // not all: some are behind
    QCOMPARE(all.shapes.size(), shapes.size());
    for (size_t k = 0; k < shapes.size(); ++k) {
        const PlannedShape &a = all.shapes[k], &b = shapes[k];
        QCOMPARE(a.markup, b.markup);
        QVERIFY(a.kind == b.kind);
        QCOMPARE(a.points, b.points);
        QCOMPARE(a.color, b.color);
        QCOMPARE(a.width, b.width);
        QCOMPARE(a.anchor, b.anchor);
        QCOMPARE(a.text, b.text);
    }
    QCOMPARE(all.edgeIndicators.size(), indicators.size());
    QVERIFY(!indicators.empty());
    for (size_t k = 0; k < indicators.size(); ++k) {
        QCOMPARE(all.edgeIndicators[k].markup, indicators[k].markup);
        QCOMPARE(all.edgeIndicators[k].position, indicators[k].position);
    }
    if (cv::getNumThreads() < 2)
        qInfo("one worker thread: the markups were planned on this thread only");
}

QTEST_GUILESS_MAIN(TestMarkupPlan)
#include "tst_markupplan.moc"
