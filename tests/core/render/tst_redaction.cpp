#include "render/redaction.h"

#include <QPainter>
#include <QtTest>

#include <vector>

using namespace sl;

Q_DECLARE_METATYPE(std::vector<QRect>)

// Redaction: the union of blur rectangles, and what shows through it.
class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unionIsTheRectangles_data();
    void unionIsTheRectangles();
    void hidesOnlyTheUnion_data();
    void hidesOnlyTheUnion();
    void pixelatedIsSquareBlocks();
    void aRepaintIsTheSameAndANewFrameIsHiddenAnew();
    void largeAndSmallUnionsLookAlike_data();
    void largeAndSmallUnionsLookAlike();
    void aFullFrameKeepsNoDetailOnEveryNewFrame_data();
    void aFullFrameKeepsNoDetailOnEveryNewFrame();
};

void TestRedaction::unionIsTheRectangles_data()
{
    QTest::addColumn<std::vector<QRect>>("rects");
    const QSize size(64, 48);
    QTest::newRow("one") << std::vector<QRect>{QRect(3, 4, 10, 7)};
    QTest::newRow("the whole frame") << std::vector<QRect>{QRect(QPoint(0, 0), size)};
    QTest::newRow("one pixel") << std::vector<QRect>{QRect(63, 47, 1, 1)};
    QTest::newRow("overlapping") << std::vector<QRect>{QRect(0, 0, 20, 20), QRect(10, 10, 20, 20)};
    QTest::newRow("nested") << std::vector<QRect>{QRect(5, 5, 40, 30), QRect(10, 10, 5, 5)};
    QTest::newRow("touching") << std::vector<QRect>{QRect(0, 0, 10, 10), QRect(10, 0, 10, 10)};
    QTest::newRow("apart") << std::vector<QRect>{QRect(0, 0, 5, 5), QRect(50, 40, 14, 8)};
    QTest::newRow("a cross") << std::vector<QRect>{QRect(20, 0, 8, 48), QRect(0, 20, 64, 8)};
    QTest::newRow("a ring") << std::vector<QRect>{QRect(10, 10, 40, 4), QRect(10, 30, 40, 4),
                                                  QRect(10, 10, 4, 24), QRect(46, 10, 4, 24)};
    QTest::newRow("the same twice") << std::vector<QRect>{QRect(7, 7, 9, 9), QRect(7, 7, 9, 9)};
    QTest::newRow("past the frame") << std::vector<QRect>{QRect(-10, -10, 20, 20), QRect(60, 40, 30, 30)};
    QTest::newRow("none") << std::vector<QRect>{};
    std::vector<QRect> many;
    for (int i = 0; i < 200; ++i)
        many.push_back(QRect((i * 37) % 60, (i * 53) % 44, 1 + i % 9, 1 + (i * 7) % 5));
    QTest::newRow("200 scattered") << many;
}

void TestRedaction::unionIsTheRectangles()
{
    QFETCH(std::vector<QRect>, rects);
    const QSize size(64, 48);
    const Redaction::Mask mask = Redaction::unionOf(rects, size);
    int inside = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const bool expected = std::any_of(rects.begin(), rects.end(), [&](const QRect &r) { return r.contains(x, y); });
            const bool got = mask.bounds.contains(x, y)
                             && mask.inside.at<uchar>(y - mask.bounds.top(), x - mask.bounds.left()) == 255;
            QVERIFY2(got == expected, qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
            inside += expected;
        }
    }
    QCOMPARE(mask.full, !mask.bounds.isEmpty() && inside == mask.bounds.width() * mask.bounds.height());
}

void TestRedaction::hidesOnlyTheUnion_data()
{
    QTest::addColumn<int>("look");
    QTest::newRow("blurred") << int(Redaction::Look::Blurred);
    QTest::newRow("pixelated") << int(Redaction::Look::Pixelated);
}

void TestRedaction::hidesOnlyTheUnion()
{
    QFETCH(int, look);
    // Stripes under two overlapping rectangles: inside the union, smooth;
    // outside, untouched.
    const QSize size(320, 200);
    QImage frame(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            frame.setPixelColor(x, y, (x / 2) % 2 ? Qt::white : Qt::black);
    }
    const std::vector<QRect> rects{QRect(40, 30, 100, 80), QRect(100, 60, 120, 100)};
    QImage canvas = frame.convertToFormat(QImage::Format_RGB32);
    {
        QPainter painter(&canvas);
        Redaction::paint(painter, rects, frame, size, Redaction::Look(look));
    }
    int changed = 0;
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const bool inside = rects[0].contains(x, y) || rects[1].contains(x, y);
            if (!inside) {
                QCOMPARE(canvas.pixel(x, y), frame.pixel(x, y));
                continue;
            }
            // The stripes averaged away: mid grey, nowhere near black or white.
            const int grey = qGray(canvas.pixel(x, y));
            QVERIFY2(grey > 80 && grey < 175, qPrintable(QStringLiteral("%1,%2: %3").arg(x).arg(y).arg(grey)));
            ++changed;
        }
    }
    QVERIFY(changed > 10000);
}

namespace {

// Of the horizontally neighbouring pixels inside `area`, how many are equal (0..1).
double equalNeighbours(const QImage &image, const QRect &area)
{
    int equal = 0, pairs = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x < area.right(); ++x, ++pairs)
            equal += image.pixel(x, y) == image.pixel(x + 1, y);
    return double(equal) / pairs;
}

} // namespace

// Over a gradient, a pixelation is flat blocks (neighbours mostly equal, the
// steps as far apart as the cells), a blur a smooth ramp (neighbours differ).
void TestRedaction::pixelatedIsSquareBlocks()
{
    const QSize size(320, 200);
    QImage frame(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            frame.setPixelColor(x, y, QColor::fromRgb(x * 255 / 319, 128, 255 - y));
    const std::vector<QRect> rects{QRect(40, 30, 160, 120)};
    const QRect inside = rects.front().adjusted(2, 2, -2, -2);
    QImage pixelated = frame, blurred = frame;
    {
        QPainter painter(&pixelated);
        Redaction::paint(painter, rects, frame, size, Redaction::Look::Pixelated);
    }
    {
        QPainter painter(&blurred);
        Redaction::paint(painter, rects, frame, size, Redaction::Look::Blurred);
    }
    const double blocks = equalNeighbours(pixelated, inside);
    const double ramp = equalNeighbours(blurred, inside);
    QVERIFY2(blocks > 0.85, qPrintable(QString::number(blocks)));
    QVERIFY2(ramp < blocks / 2, qPrintable(QStringLiteral("%1 vs %2").arg(ramp).arg(blocks)));
    // Cells a tenth of the longer side (16 pixels here): about that many pixels per step.
    int steps = 0;
    for (int x = inside.left(); x < inside.right(); ++x)
        steps += pixelated.pixel(x, 90) != pixelated.pixel(x + 1, 90);
    QVERIFY2(steps >= inside.width() / 20 && steps <= inside.width() / 12 + 1, qPrintable(QString::number(steps)));
}

void TestRedaction::aRepaintIsTheSameAndANewFrameIsHiddenAnew()
{
    // The layer of a frame is made once and then reused: a repaint must give
    // the same pixels, and a frame written to (a new decoded frame) or other
    // rectangles must never get the old layer.
    const QSize size(160, 120);
    QImage frame(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            frame.setPixelColor(x, y, QColor::fromRgb(x * 255 / 159, 40, 255 - 2 * y));
    const std::vector<QRect> rects{QRect(20, 10, 100, 80), QRect(0, 100, 30, 20)};
    const auto redacted = [&](const QImage &source, const std::vector<QRect> &r) {
        QImage canvas(size, QImage::Format_RGB32);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        Redaction::paint(painter, r, source, size, Redaction::Look::Blurred);
        painter.end();
        return canvas;
    };
    const QImage first = redacted(frame, rects);
    QCOMPARE(redacted(frame, rects), first);
    // Outside the rectangles nothing is drawn, on the first paint and the repaint.
    QCOMPARE(first.pixelColor(150, 5), QColor(Qt::white));

    frame.fill(QColor(200, 0, 0)); // the same QImage, new pixels
    const QImage red = redacted(frame, rects);
    const QColor inside = red.pixelColor(70, 50);
    QVERIFY2(inside.red() > 190 && inside.green() < 10 && inside.blue() < 10, qPrintable(inside.name()));

    const std::vector<QRect> other{QRect(100, 0, 60, 40)};
    const QImage moved = redacted(frame, other);
    QCOMPARE(moved.pixelColor(70, 50), QColor(Qt::white)); // not under the other rectangle
    QVERIFY(moved.pixelColor(130, 20).red() > 190);
}

void TestRedaction::largeAndSmallUnionsLookAlike_data()
{
    QTest::addColumn<int>("look");
    QTest::newRow("blurred") << int(Redaction::Look::Blurred);
    QTest::newRow("pixelated") << int(Redaction::Look::Pixelated);
}

// A union over most of the frame is made by another path (a resize of the
// whole frame) than a small one (a warp of its bounds): where both cover the
// same pixels with the same cells, they show the same look.
void TestRedaction::largeAndSmallUnionsLookAlike()
{
    QFETCH(int, look);
    const QSize size(320, 200);
    QImage frame(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            frame.setPixelColor(x, y, QColor::fromRgb((x * 7 + y * 3) % 256, (x * x / 64 + y) % 256, 255 - y));
    // The same longest side (310: cells of 31, a grid of 11 x 7 that does not
    // divide the frame evenly) in both, so the same cells.
    const QRect strip(0, 90, 310, 12);
    const std::vector<QRect> small{strip};
    const std::vector<QRect> large{strip, QRect(0, 0, 300, 200)};
    QImage a = frame, b = frame;
    {
        QPainter painter(&a);
        Redaction::paint(painter, small, frame, size, Redaction::Look(look));
    }
    {
        QPainter painter(&b);
        Redaction::paint(painter, large, frame, size, Redaction::Look(look));
    }
    int worst = 0;
    for (int y = strip.top(); y <= strip.bottom(); ++y) {
        for (int x = strip.left(); x <= strip.right(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                              std::abs(qBlue(p) - qBlue(q))});
        }
    }
    QVERIFY2(worst <= 2, qPrintable(QString::number(worst)));
    QVERIFY(a.pixel(10, 95) != frame.pixel(10, 95)); // both hid the strip
}

namespace {

// A 1080p frame of the finest detail there is: a one-pixel checkerboard with
// black text over it, shifted by `seed` so each frame differs.
QImage detailedFrame(QSize size, int seed)
{
    QImage frame(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(frame.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = (x + y + seed) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
    }
    QPainter painter(&frame);
    QFont font;
    font.setPixelSize(40);
    painter.setFont(font);
    painter.setPen(Qt::red);
    for (int row = 0; row < 20; ++row)
        painter.drawText(QPoint(20 + seed * 7, 50 + row * 52), QStringLiteral("SERIAL 4711-%1 OPERATOR").arg(row + seed));
    return frame;
}

// The largest difference of one channel between neighbouring pixels.
int largestStep(const QImage &image)
{
    int largest = 0;
    for (int y = 0; y + 1 < image.height(); ++y) {
        for (int x = 0; x + 1 < image.width(); ++x) {
            const QRgb p = image.pixel(x, y), right = image.pixel(x + 1, y), below = image.pixel(x, y + 1);
            for (const QRgb q : {right, below})
                largest = std::max({largest, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                    std::abs(qBlue(p) - qBlue(q))});
        }
    }
    return largest;
}

} // namespace

void TestRedaction::aFullFrameKeepsNoDetailOnEveryNewFrame_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1080p") << QSize(1920, 1080);
    QTest::newRow("odd sides") << QSize(1279, 719); // no halving: the direct path
}

// A whole-frame blur, frame after frame as in playback (the layer buffers
// lent again): no edge of the checkerboard or the text survives anywhere,
// whatever the buffer held before; and the result is the same as that
// frame's first redaction in a fresh size, so no stale pixel shows.
void TestRedaction::aFullFrameKeepsNoDetailOnEveryNewFrame()
{
    QFETCH(QSize, size);
    const std::vector<QRect> whole{QRect(QPoint(0, 0), size)};
    const auto redacted = [&](const QImage &frame) {
        QImage canvas = frame.copy(); // the frame under the overlay
        QPainter painter(&canvas);
        Redaction::paint(painter, whole, frame, size, Redaction::Look::Blurred);
        painter.end();
        return canvas;
    };
    QImage firstHidden;
    for (int seed = 0; seed < 6; ++seed) {
        const QImage frame = detailedFrame(size, seed);
        const QImage hidden = redacted(frame);
        // The checkerboard alone steps by 255 between neighbours; the text by
        // as much. Cells of 192 px vary smoothly: a step of a few levels.
        const int step = largestStep(hidden);
        QVERIFY2(step <= 3, qPrintable(QStringLiteral("frame %1: a step of %2").arg(seed).arg(step)));
        QVERIFY(hidden.pixel(0, 0) != frame.pixel(0, 0) || hidden.pixel(1, 0) != frame.pixel(1, 0));
        if (seed == 0)
            firstHidden = hidden;
    }
    // The first frame again, as a new frame (a copy: a new identity), through buffers used since.
    const QImage again = redacted(detailedFrame(size, 0).copy());
    QCOMPARE(again, firstHidden);
}

QTEST_MAIN(TestRedaction)
#include "tst_redaction.moc"
