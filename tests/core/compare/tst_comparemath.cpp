// The pure computations behind Compare: which captures, in what order, how
// two videos' clocks line up, stepping through both, the shared view and
// the wipe split.
#include "compare/comparecandidates.h"
#include "compare/comparetimeline.h"
#include "compare/compareviewgeometry.h"
#include "media/frameindex.h"

#include <QTest>

using namespace sl;

namespace {

CaptureRecord record(const QString &id, const QString &assetId, const QString &capturedAt)
{
    CaptureRecord r;
    r.id = id;
    r.assetId = assetId;
    r.capturedAt = capturedAt;
    return r;
}

QStringList idsOf(const std::vector<CaptureRecord> &records)
{
    QStringList ids;
    for (const CaptureRecord &r : records)
        ids << r.id;
    return ids;
}

// `count` frames `spacing` seconds apart (1 ms ticks).
FrameIndex regularIndex(int count, double spacing)
{
    std::vector<PacketRecord> packets;
    for (int i = 0; i < count; ++i) {
        const qint64 pts = qRound64(i * spacing * 1000);
        packets.push_back({pts, pts, qRound64(spacing * 1000), i == 0});
    }
    return FrameIndex(std::move(packets), 0.001, count * spacing);
}

std::vector<CaptureRecord> sampleCaptures()
{
    return {record("c-mid", "pump", "2026-03-02T09:00:00Z"), record("c-other", "valve", "2020-01-01T00:00:00Z"),
            record("c-new", "pump", "2026-03-02T10:00:00+01:00"), // 09:00:00Z, tie with c-mid: by id
            record("c-old", "pump", "2026-03-01T08:00:00Z"), record("c-newest", "pump", "2026-03-03T08:00:00.500Z"),
            record("c-bad", "pump", "not a date")};
}

} // namespace

class TestCompareMath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void candidatesAreTheSameAssetOldestFirst();
    void defaultPartner_data();
    void defaultPartner();
    void pairIsEarliestLeft();
    void alignment_data();
    void alignment();
    void stepVisitsEachDistinctPair();
    void stepBackwardAndAtTheEnds();
    void photoSideHasNoClock();
    void zoomAtCursorKeepsThePointUnderIt();
    void sameViewSameVisibleRectAcrossSizes();
    void canvasPanMatchesImageRect();
    void wipeSplit_data();
    void wipeSplit();
};

void TestCompareMath::candidatesAreTheSameAssetOldestFirst()
{
    const std::vector<CaptureRecord> all = sampleCaptures();
    QCOMPARE(idsOf(CompareCandidates::ofAsset(all, "pump")),
             QStringList({"c-old", "c-mid", "c-new", "c-newest", "c-bad"}));
    QCOMPARE(idsOf(CompareCandidates::partnersOf(all, "c-mid")), QStringList({"c-old", "c-new", "c-newest", "c-bad"}));
    QVERIFY(CompareCandidates::partnersOf(all, "c-other").empty()); // alone on its asset
    QVERIFY(CompareCandidates::partnersOf(all, "missing").empty());
    QVERIFY(CompareCandidates::ofAsset(all, QString()).empty());
}

void TestCompareMath::defaultPartner_data()
{
    QTest::addColumn<QString>("selected");
    QTest::addColumn<QString>("partner");
    QTest::newRow("middle: the newest") << "c-mid" << "c-bad"; // an unreadable date sorts last
    QTest::newRow("oldest: the newest") << "c-old" << "c-bad";
    QTest::newRow("newest: the oldest") << "c-bad" << "c-old";
    QTest::newRow("alone on its asset") << "c-other" << "";
    QTest::newRow("unknown") << "nope" << "";
}

void TestCompareMath::defaultPartner()
{
    QFETCH(QString, selected);
    QFETCH(QString, partner);
    QCOMPARE(CompareCandidates::defaultPartnerOf(sampleCaptures(), selected), partner);
    // Without the undated one, the newest by date.
    std::vector<CaptureRecord> dated = sampleCaptures();
    dated.pop_back();
    QCOMPARE(CompareCandidates::defaultPartnerOf(dated, "c-old"), QString("c-newest"));
    QCOMPARE(CompareCandidates::defaultPartnerOf(dated, "c-newest"), QString("c-old"));
}

void TestCompareMath::pairIsEarliestLeft()
{
    const CaptureRecord old = record("b", "pump", "2026-03-01T08:00:00Z");
    const CaptureRecord young = record("a", "pump", "2026-03-05T08:00:00Z");
    QCOMPARE(CompareCandidates::leftToRight(young, old).first.id, QString("b"));
    QCOMPARE(CompareCandidates::leftToRight(old, young).first.id, QString("b"));
}

void TestCompareMath::alignment_data()
{
    QTest::addColumn<int>("typeA");
    QTest::addColumn<QString>("frameA");
    QTest::addColumn<QString>("atA");
    QTest::addColumn<int>("typeB");
    QTest::addColumn<QString>("frameB");
    QTest::addColumn<QString>("atB");
    QTest::addColumn<bool>("byTime");
    QTest::addColumn<double>("leadA");
    QTest::addColumn<double>("leadB");
    const int v = int(MediaType::Video);
    const int p = int(MediaType::Photo);
    QTest::newRow("shared frame, B later") << v << "f1" << "2026-03-02T08:30:00Z" << v << "f1"
                                           << "2026-03-02T08:30:02.500Z" << true << 0.0 << 2.5;
    QTest::newRow("shared frame, A later, zones") << v << "f1" << "2026-03-02T09:30:04+01:00" << v << "f1"
                                                  << "2026-03-02T08:30:00Z" << true << 4.0 << 0.0;
    QTest::newRow("same instant") << v << "f1" << "2026-03-02T08:30:00Z" << v << "f1" << "2026-03-02T08:30:00Z"
                                  << true << 0.0 << 0.0;
    QTest::newRow("different frames: starts") << v << "f1" << "2026-03-02T08:30:00Z" << v << "f2"
                                              << "2026-03-02T08:30:09Z" << false << 0.0 << 0.0;
    QTest::newRow("no frame: starts") << v << "" << "2026-03-02T08:30:00Z" << v << "" << "2026-03-02T08:30:09Z"
                                      << false << 0.0 << 0.0;
    QTest::newRow("unreadable time: starts") << v << "f1" << "yesterday" << v << "f1" << "2026-03-02T08:30:09Z"
                                             << false << 0.0 << 0.0;
    QTest::newRow("photo and video: starts") << p << "f1" << "2026-03-02T08:30:00Z" << v << "f1"
                                             << "2026-03-02T08:30:09Z" << false << 0.0 << 0.0;
}

void TestCompareMath::alignment()
{
    QFETCH(int, typeA);
    QFETCH(QString, frameA);
    QFETCH(QString, atA);
    QFETCH(int, typeB);
    QFETCH(QString, frameB);
    QFETCH(QString, atB);
    QFETCH(bool, byTime);
    QFETCH(double, leadA);
    QFETCH(double, leadB);
    const TimeAlignment a = CompareTimeline::align({MediaType(typeA), frameA, atA}, {MediaType(typeB), frameB, atB});
    QCOMPARE(a.byCaptureTime, byTime);
    QCOMPARE(a.leadA, leadA);
    QCOMPARE(a.leadB, leadB);
    QCOMPARE(a.offset(), leadB - leadA);
}

void TestCompareMath::stepVisitsEachDistinctPair()
{
    // A: 10 fps from 0; B: 4 fps starting 0.15 s later on the shared clock.
    const FrameIndex a = regularIndex(10, 0.1);
    const FrameIndex b = regularIndex(4, 0.25);
    const double leadB = 0.15;
    std::vector<double> visited{0.0};
    double t = 0;
    for (int i = 0; i < 40; ++i) {
        const double next = CompareTimeline::step(t, +1, &a, 0, &b, leadB);
        if (next == t)
            break;
        QVERIFY(next > t);
        t = next;
        visited.push_back(t);
    }
    // A's starts 0, 0.1 .. 0.9 and B's 0.15, 0.40, 0.65, 0.90 (shared clock): 12 distinct times.
    const std::vector<double> expected{0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9};
    QCOMPARE(visited.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(qAbs(visited[i] - expected[i]) < 1e-9, qPrintable(QString::number(visited[i])));
    // Each side's frame at those times is its own exact frame.
    QCOMPARE(CompareTimeline::frameShown(a, 0, 0.15), 1);
    QCOMPARE(CompareTimeline::frameShown(b, leadB, 0.15), 0);
    QCOMPARE(CompareTimeline::frameShown(b, leadB, 0.1), 0); // before its start: its first frame
    QCOMPARE(CompareTimeline::frameShown(b, leadB, 0.4), 1);
    QCOMPARE(CompareTimeline::sharedEnd(&a, 0, &b, leadB), 1.15);
}

void TestCompareMath::stepBackwardAndAtTheEnds()
{
    const FrameIndex a = regularIndex(10, 0.1);
    const FrameIndex b = regularIndex(4, 0.25);
    QCOMPARE(CompareTimeline::step(0.0, -1, &a, 0, &b, 0.15), 0.0); // nothing before the start
    QVERIFY(qAbs(CompareTimeline::step(0.4, -1, &a, 0, &b, 0.15) - 0.3) < 1e-9);
    QVERIFY(qAbs(CompareTimeline::step(0.35, -1, &a, 0, &b, 0.15) - 0.3) < 1e-9); // mid-frame: this frame's start
    QVERIFY(qAbs(CompareTimeline::step(0.9, +1, &a, 0, &b, 0.15) - 0.9) < 1e-9); // both on their last frames
    QVERIFY(qAbs(CompareTimeline::step(0.16, -1, &a, 0, &b, 0.15) - 0.15) < 1e-9);
}

void TestCompareMath::photoSideHasNoClock()
{
    const FrameIndex a = regularIndex(5, 0.2);
    QVERIFY(qAbs(CompareTimeline::step(0.0, +1, &a, 0, nullptr, 0) - 0.2) < 1e-9);
    QVERIFY(qAbs(CompareTimeline::step(0.0, +1, nullptr, 0, &a, 0) - 0.2) < 1e-9);
    QCOMPARE(CompareTimeline::step(0.5, +1, nullptr, 0, nullptr, 0), 0.5);
}

void TestCompareMath::zoomAtCursorKeepsThePointUnderIt()
{
    const QSizeF image(400, 300);
    const QRectF box(0, 0, 800, 600);
    const QPointF cursor(600, 150);
    const SharedView fitted;
    const QRectF before = CompareViewGeometry::imageRect(image, box, fitted);
    QCOMPARE(before, QRectF(0, 0, 800, 600));
    const SharedView zoomed = CompareViewGeometry::zoomedAt(fitted, image, box, 2.0, cursor, 0.25, 32);
    QCOMPARE(zoomed.zoom, 2.0);
    const QRectF after = CompareViewGeometry::imageRect(image, box, zoomed);
    const auto normAt = [](const QRectF &r, QPointF p) {
        return QPointF((p.x() - r.left()) / r.width(), (p.y() - r.top()) / r.height());
    };
    QVERIFY(QLineF(normAt(before, cursor), normAt(after, cursor)).length() < 1e-9);
    // Clamped.
    QCOMPARE(CompareViewGeometry::zoomedAt(fitted, image, box, 1000, cursor, 0.25, 32).zoom, 32.0);
    // Dragging moves the picture with the mouse.
    const SharedView panned = CompareViewGeometry::pannedBy(zoomed, image, box, QPointF(50, -20));
    QCOMPARE(CompareViewGeometry::imageRect(image, box, panned).topLeft(), after.topLeft() + QPointF(50, -20));
}

void TestCompareMath::sameViewSameVisibleRectAcrossSizes()
{
    // The same picture at two resolutions in boxes of two sizes.
    const SharedView view{3.0, QPointF(0.3, 0.7)};
    const QRectF small = CompareViewGeometry::visibleRect(QSizeF(640, 480), QRectF(0, 0, 400, 300), view);
    const QRectF large = CompareViewGeometry::visibleRect(QSizeF(1600, 1200), QRectF(10, 20, 400, 300), view);
    QVERIFY(qAbs(small.x() - large.x()) < 1e-9 && qAbs(small.y() - large.y()) < 1e-9);
    QVERIFY(qAbs(small.width() - large.width()) < 1e-9 && qAbs(small.height() - large.height()) < 1e-9);
    QVERIFY(qAbs(small.center().x() - 0.3) < 1e-9 && qAbs(small.center().y() - 0.7) < 1e-9);
    QVERIFY(qAbs(small.width() - 1.0 / 3.0) < 1e-9);
}

void TestCompareMath::canvasPanMatchesImageRect()
{
    // OverlayCanvas places the fitted picture centred, then adds the pan.
    const QSizeF image(1920, 1080);
    const QSizeF widget(700, 500);
    const SharedView view{2.5, QPointF(0.8, 0.25)};
    const QRectF rect = CompareViewGeometry::imageRect(image, QRectF(QPointF(), widget), view);
    const QPointF pan = CompareViewGeometry::canvasPan(image, widget, view);
    const double scale = 2.5 * std::min(widget.width() / image.width(), widget.height() / image.height());
    const QPointF canvasTopLeft((widget.width() - image.width() * scale) / 2 + pan.x(),
                                (widget.height() - image.height() * scale) / 2 + pan.y());
    QVERIFY(QLineF(canvasTopLeft, rect.topLeft()).length() < 1e-9);
}

void TestCompareMath::wipeSplit_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<double>("divider");
    QTest::newRow("middle") << 0.5 << 410.0;
    QTest::newRow("quarter") << 0.25 << 210.0;
    QTest::newRow("below 0") << -1.0 << 10.0;
    QTest::newRow("above 1") << 2.0 << 810.0;
}

void TestCompareMath::wipeSplit()
{
    QFETCH(double, fraction);
    QFETCH(double, divider);
    const QRectF box(10, 20, 800, 600);
    const WipeSplit split = CompareViewGeometry::wipeSplit(box, fraction);
    QCOMPARE(split.dividerX, divider);
    QCOMPARE(split.leftClip, QRectF(10, 20, divider - 10, 600));
    QCOMPARE(split.rightClip, QRectF(divider, 20, 810 - divider, 600));
    QCOMPARE(CompareViewGeometry::wipeFractionAt(box, divider), std::clamp(fraction, 0.0, 1.0));
}

QTEST_GUILESS_MAIN(TestCompareMath)
#include "tst_comparemath.moc"
