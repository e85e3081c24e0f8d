#include "render/strokesimplifier.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace sl;

// StrokeSimplifier: what it drops stays within its tolerance of what it keeps,
// the end points are kept exactly, and dense strokes shrink to what a pixel
// grid can show.
class TestStrokeSimplifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysWithinTolerance_data();
    void staysWithinTolerance();
    void keepsShortStrokes();
    void visibleParts_data();
    void visibleParts();
};

namespace {

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double s = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF q = a + s * ab;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

double distanceToPolyline(const QPointF &p, const QPolygonF &line)
{
    if (line.size() == 1)
        return std::hypot(p.x() - line[0].x(), p.y() - line[0].y());
    double best = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i + 1 < line.size(); ++i)
        best = std::min(best, distanceToSegment(p, line[i], line[i + 1]));
    return best;
}

QPolygonF stroke(const QString &shape, int count)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> jitter(0, 1);
    std::uniform_real_distribution<double> anywhere(0, 1000);
    QPolygonF points;
    double x = 500, y = 500;
    for (int i = 0; i < count; ++i) {
        const double t = double(i) / count;
        if (shape == QLatin1String("straight"))
            points.append(QPointF(10 + 900 * t, 20 + 300 * t));
        else if (shape == QLatin1String("circle"))
            points.append(QPointF(500 + 400 * std::cos(6.283 * t), 500 + 400 * std::sin(6.283 * t)));
        else if (shape == QLatin1String("spiral"))
            points.append(QPointF(500 + 400 * t * std::cos(60 * t), 500 + 400 * t * std::sin(60 * t)));
        else if (shape == QLatin1String("random walk")) {
            x += 0.3 * jitter(rng);
            y += 0.3 * jitter(rng);
            points.append(QPointF(x, y));
        } else if (shape == QLatin1String("back and forth"))
            points.append(QPointF(i % 2 ? 100 : 900, 100 + (i % 5) * 0.1));
        else if (shape == QLatin1String("scattered"))
            points.append(QPointF(anywhere(rng), anywhere(rng)));
        else if (shape == QLatin1String("repeated point"))
            points.append(QPointF(300, 300));
        else if (shape == QLatin1String("hook")) // out and back by less than the tolerance
            points.append(i < count / 2 ? QPointF(100 + i * 0.01, 100) : QPointF(100 + (count - i) * 0.01, 100.2));
    }
    return points;
}

} // namespace

void TestStrokeSimplifier::staysWithinTolerance_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("atMost"); // points kept

    QTest::newRow("straight") << "straight" << 10000 << 2;
    QTest::newRow("circle") << "circle" << 10000 << 400;
    QTest::newRow("spiral") << "spiral" << 10000 << 2000;
    QTest::newRow("random walk") << "random walk" << 10000 << 10000;
    QTest::newRow("back and forth") << "back and forth" << 1000 << 1000;
    QTest::newRow("scattered") << "scattered" << 1000 << 1000;
    QTest::newRow("repeated point") << "repeated point" << 1000 << 2;
    QTest::newRow("hook") << "hook" << 1000 << 1000;
}

void TestStrokeSimplifier::staysWithinTolerance()
{
    QFETCH(QString, shape);
    QFETCH(int, count);
    QFETCH(int, atMost);

    const QPolygonF points = stroke(shape, count);
    const QPolygonF kept = StrokeSimplifier::simplify(points);
    QCOMPARE(kept.first(), points.first());
    QCOMPARE(kept.last(), points.last());
    QVERIFY2(kept.size() <= atMost, qPrintable(QString::number(kept.size())));
    // Kept points are original points, in their order.
    qsizetype at = 0;
    for (const QPointF &p : kept) {
        while (at < points.size() && points[at] != p)
            ++at;
        QVERIFY(at < points.size());
    }
    double worst = 0;
    for (const QPointF &p : points)
        worst = std::max(worst, distanceToPolyline(p, kept));
    QVERIFY2(worst <= StrokeSimplifier::kTolerance + 1e-9, qPrintable(QString::number(worst)));
}

void TestStrokeSimplifier::keepsShortStrokes()
{
    const QPolygonF one{QPointF(1, 2)};
    QCOMPARE(StrokeSimplifier::simplify(one), one);
    const QPolygonF two{QPointF(1, 2), QPointF(1.1, 2)};
    QCOMPARE(StrokeSimplifier::simplify(two), two);
    const QPolygonF three{QPointF(0, 0), QPointF(5, 0.1), QPointF(10, 0)};
    QCOMPARE(StrokeSimplifier::simplify(three), (QPolygonF{QPointF(0, 0), QPointF(10, 0)}));
    const QPolygonF corner{QPointF(0, 0), QPointF(5, 5), QPointF(10, 0)};
    QCOMPARE(StrokeSimplifier::simplify(corner), corner);
}

void TestStrokeSimplifier::visibleParts_data()
{
    QTest::addColumn<QPolygonF>("points");
    QTest::addColumn<double>("width");
    QTest::addColumn<int>("parts");
    QTest::addColumn<int>("pointsKept");

    // The frame is 0..100 x 0..50.
    QTest::newRow("inside") << QPolygonF{QPointF(10, 10), QPointF(20, 20), QPointF(30, 10)} << 3.0 << 1 << 3;
    QTest::newRow("out and back") << QPolygonF{QPointF(10, 10), QPointF(200, 10), QPointF(300, 10), QPointF(50, 10)}
                                  << 3.0 << 2 << 4;
    QTest::newRow("wholly left") << QPolygonF{QPointF(-10, 10), QPointF(-20, 20)} << 3.0 << 0 << 0;
    QTest::newRow("wide reaches in") << QPolygonF{QPointF(-10, 10), QPointF(-20, 20)} << 30.0 << 1 << 2;
    QTest::newRow("crossing") << QPolygonF{QPointF(-100, 25), QPointF(200, 25)} << 1.0 << 1 << 2;
    QTest::newRow("dot inside") << QPolygonF{QPointF(5, 5)} << 3.0 << 1 << 1;
    QTest::newRow("dot outside") << QPolygonF{QPointF(5, -50)} << 3.0 << 0 << 0;
}

void TestStrokeSimplifier::visibleParts()
{
    QFETCH(QPolygonF, points);
    QFETCH(double, width);
    QFETCH(int, parts);
    QFETCH(int, pointsKept);
    const auto result = StrokeSimplifier::visibleParts(points, width, QRectF(0, 0, 100, 50));
    QCOMPARE(int(result.size()), parts);
    int total = 0;
    for (const QPolygonF &part : result)
        total += int(part.size());
    QCOMPARE(total, pointsKept);
}

QTEST_GUILESS_MAIN(TestStrokeSimplifier)
#include "tst_strokesimplifier.moc"
