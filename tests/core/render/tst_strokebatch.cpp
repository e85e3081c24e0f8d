#include "render/markuppainter.h"
#include "render/strokebatch.h"

#include <QtTest>

#include <QImage>
#include <QPainter>

#include <cmath>

using namespace sl;

// StrokeBatch (StrokeRaster) draws what MarkupPainter draws with QPainter,
// within antialiasing: the same pixels covered, the same ink, and no pixel
// far off; straight into an image and through a layer (a painter that clips).
class TestStrokeBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsWhatQPainterDraws_data();
    void drawsWhatQPainterDraws();
    void laterStrokesStayOnTop();
    void narrowTargetLeavesNothingForAWiderOne();
};

namespace {

using Kind = PlannedShape::Kind;

PlannedShape shape(Kind kind, const QPolygonF &points, double width, const QColor &color,
                   QPointF offset = QPointF(0.5, 0.5))
{
    PlannedShape s;
    s.kind = kind;
    s.points = points;
    s.width = width;
    s.color = color;
    s.offset = offset;
    return s;
}

QPolygonF curve(int points, double cx, double cy, double radius, double turns, double jitter = 0)
{
    QPolygonF polygon;
    for (int i = 0; i < points; ++i) {
        const double a = 6.2832 * turns * i / points;
        const double wobble = jitter * std::sin(i * 2.39996); // deterministic, not smooth
        polygon.append(QPointF(cx + radius * std::cos(a) + wobble, cy + 0.7 * radius * std::sin(1.3 * a) + wobble));
    }
    return polygon;
}

// The reference: MarkupPainter with QPainter, antialiased, as the renderer drew before.
void drawReference(QPainter &painter, const PlannedShape &s)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.translate(s.offset);
    MarkupPainter shapes(painter);
    if (s.kind == Kind::Ink)
        shapes.ink(s.points, s.color, s.width);
    else if (s.kind == Kind::Line)
        shapes.line(s.points, s.color, s.width);
    else
        shapes.polygon(s.points, s.color, s.width);
    painter.restore();
}

struct Difference
{
    int covered = 0, coveredBoth = 0, coveredEither = 0, far = 0;
    double meanAbsolute = 0, ink = 0, inkReference = 0;
};

Difference compare(const QImage &drawn, const QImage &reference, const QImage &blank)
{
    Difference d;
    double sum = 0;
    for (int y = 0; y < drawn.height(); ++y) {
        for (int x = 0; x < drawn.width(); ++x) {
            const QRgb a = drawn.pixel(x, y), b = reference.pixel(x, y), o = blank.pixel(x, y);
            const int diff = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                       std::abs(qBlue(a) - qBlue(b))});
            sum += diff;
            d.far += diff > 96;
            // Covered: changed by more than a tenth of full coverage.
            const auto covered = [&](QRgb p) {
                return std::max({std::abs(qRed(p) - qRed(o)), std::abs(qGreen(p) - qGreen(o)),
                                 std::abs(qBlue(p) - qBlue(o))}) > 25;
            };
            d.covered += covered(b);
            d.coveredBoth += covered(a) && covered(b);
            d.coveredEither += covered(a) || covered(b);
            const int background = qRed(o) + qGreen(o) + qBlue(o);
            d.ink += std::abs(background - qRed(a) - qGreen(a) - qBlue(a));
            d.inkReference += std::abs(background - qRed(b) - qGreen(b) - qBlue(b));
        }
    }
    d.meanAbsolute = sum / std::max(1, d.covered);
    return d;
}

} // namespace

void TestStrokeBatch::drawsWhatQPainterDraws_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QPolygonF>("points");
    QTest::addColumn<double>("width");
    QTest::addColumn<QColor>("color");
    QTest::addColumn<bool>("throughLayer");
    QTest::addColumn<double>("scale"); // painter scale: a zoomed view

    const QColor blue(20, 40, 220), highlighter(250, 200, 0, 96);
    QTest::newRow("thin ink") << int(Kind::Ink) << curve(60, 160, 90, 60, 1) << 1.0 << blue << false << 1.0;
    QTest::newRow("4 px ink") << int(Kind::Ink) << curve(50, 160, 90, 60, 1.5) << 4.0 << blue << false << 1.0;
    QTest::newRow("wide ink") << int(Kind::Ink) << curve(40, 160, 90, 50, 1) << 18.0 << blue << false << 1.0;
    QTest::newRow("jittered ink") << int(Kind::Ink) << curve(400, 160, 90, 60, 2, 0.4) << 2.0 << blue << false
                                  << 1.0;
    QTest::newRow("highlighter") << int(Kind::Ink) << curve(80, 160, 90, 60, 2) << 12.0 << highlighter << false
                                 << 1.0;
    QTest::newRow("dot") << int(Kind::Ink) << QPolygonF{QPointF(100.3, 80.6)} << 9.0 << blue << false << 1.0;
    QTest::newRow("flat line") << int(Kind::Line) << QPolygonF{QPointF(20, 30), QPointF(290, 150)} << 6.0 << blue
                               << false << 1.0;
    QTest::newRow("bent line") << int(Kind::Line) << QPolygonF{QPointF(20, 30), QPointF(150, 60), QPointF(290, 20)}
                               << 5.0 << blue << false << 1.0;
    QTest::newRow("outline") << int(Kind::Polygon) << curve(30, 160, 90, 70, 1) << 3.0 << blue << false << 1.0;
    QTest::newRow("through a layer") << int(Kind::Ink) << curve(50, 160, 90, 60, 1.5) << 4.0 << blue << true << 1.0;
    QTest::newRow("zoomed view") << int(Kind::Ink) << curve(50, 80, 45, 30, 1.5) << 2.0 << blue << true << 2.0;
}

void TestStrokeBatch::drawsWhatQPainterDraws()
{
    QFETCH(int, kind);
    QFETCH(QPolygonF, points);
    QFETCH(double, width);
    QFETCH(QColor, color);
    QFETCH(bool, throughLayer);
    QFETCH(double, scale);
    const QSize size(320, 180);
    QImage blank(size, QImage::Format_RGB32);
    blank.fill(QColor(235, 235, 235));
    const PlannedShape s = shape(Kind(kind), points, width, color);

    QImage reference = blank.copy();
    {
        QPainter painter(&reference);
        painter.scale(scale, scale);
        drawReference(painter, s);
    }
    QImage drawn = blank.copy();
    {
        QPainter painter(&drawn);
        if (throughLayer)
            painter.setClipRect(QRect(QPoint(0, 0), size)); // not straight into the image
        painter.scale(scale, scale);
        StrokeBatch batch;
        QVERIFY(StrokeBatch::draws(s));
        batch.add(s);
        batch.flush(painter);
        QVERIFY(batch.isEmpty());
    }
    const Difference d = compare(drawn, reference, blank);
    const QString figures = QStringLiteral("covered %1 (both %2, either %3), far off %4, mean difference %5, ink %6 vs %7")
                                .arg(d.covered)
                                .arg(d.coveredBoth)
                                .arg(d.coveredEither)
                                .arg(d.far)
                                .arg(d.meanAbsolute, 0, 'f', 2)
                                .arg(d.ink, 0, 'f', 0)
                                .arg(d.inkReference, 0, 'f', 0);
    qInfo("%s", qPrintable(figures));
    QVERIFY2(d.covered > 20, qPrintable(figures));
    // The same pixels covered, but for a few on the antialiased fringe.
    QVERIFY2(d.coveredBoth >= 0.95 * d.coveredEither, qPrintable(figures));
    // No pixel more than a little over a third of full coverage off.
    QVERIFY2(d.far <= d.covered / 200, qPrintable(figures));
    // Per covered pixel, a few levels of 255 apart on average.
    QVERIFY2(d.meanAbsolute <= 8, qPrintable(figures));
    QVERIFY2(std::abs(d.ink - d.inkReference) <= 0.05 * d.inkReference, qPrintable(figures));
}

void TestStrokeBatch::laterStrokesStayOnTop()
{
    // Two strokes crossing: the second, added later, covers the first where they cross.
    QImage image(100, 100, QImage::Format_RGB32);
    image.fill(Qt::white);
    const PlannedShape first = shape(Kind::Ink, {QPointF(10, 50), QPointF(90, 50)}, 8, Qt::red);
    const PlannedShape second = shape(Kind::Ink, {QPointF(50, 10), QPointF(50, 90)}, 8, Qt::blue);
    {
        QPainter painter(&image);
        StrokeBatch batch;
        batch.add(first);
        batch.add(second);
        batch.flush(painter);
    }
    QCOMPARE(image.pixelColor(50, 50), QColor(Qt::blue));
    QCOMPARE(image.pixelColor(20, 50), QColor(Qt::red));
    QCOMPARE(image.pixelColor(50, 20), QColor(Qt::blue));
    QCOMPARE(image.pixelColor(20, 20), QColor(Qt::white));
}

void TestStrokeBatch::narrowTargetLeavesNothingForAWiderOne()
{
    // A stroke running off the right edge of a narrow image, then on the
    // same thread a wide image with a straight, even stroke across where the
    // narrow image ended: the stroke is the same all along its middle,
    // nothing of the first image shows in the second.
    QImage narrow(37, 20, QImage::Format_RGB32);
    narrow.fill(Qt::white);
    {
        QPainter painter(&narrow);
        StrokeBatch batch;
        const PlannedShape offEdge = shape(Kind::Ink, {QPointF(20, 2), QPointF(60, 18)}, 8, Qt::black);
        batch.add(offEdge);
        batch.flush(painter);
    }
    QImage wide(200, 20, QImage::Format_RGB32);
    wide.fill(Qt::white);
    {
        QPainter painter(&wide);
        StrokeBatch batch;
        const PlannedShape across = shape(Kind::Ink, {QPointF(10, 9.7), QPointF(190, 9.7)}, 3, Qt::black);
        batch.add(across);
        batch.flush(painter);
    }
    for (int y = 0; y < wide.height(); ++y) {
        for (int x = 30; x < 45; ++x)
            QCOMPARE(wide.pixel(x, y), wide.pixel(100, y));
    }
}

QTEST_MAIN(TestStrokeBatch)
#include "tst_strokebatch.moc"
