// Strokes drawn by StrokeBatch on a widget that is not at its window's
// corner: a widget paints into its window's backing store at its offset,
// and the strokes' layer must land where the widget's painter put them
// (they were once shifted by that offset, and clipped by the widget's size
// taken at the window's corner). Run at 1x and 2x density.

#include "render/plannedshape.h"
#include "render/strokebatch.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QPainter>
#include <QTest>
#include <QWidget>

using namespace sl;

namespace {

// Paints a red horizontal ink stroke at y = 30, x = 20..180 of itself, and,
// through a zoomed painter, a blue one at y = 80 (x = 20..90, doubled).
class StrokeWidget : public QWidget
{
public:
    StrokeWidget() { setFixedSize(240, 140); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        PlannedShape red;
        red.kind = PlannedShape::Kind::Ink;
        red.points = QPolygonF({QPointF(20, 30), QPointF(100, 30), QPointF(180, 30)});
        red.color = Qt::red;
        red.width = 6;
        PlannedShape blue = red;
        blue.points = QPolygonF({QPointF(10, 40), QPointF(45, 40)});
        blue.color = Qt::blue;
        blue.width = 3;
        StrokeBatch batch;
        batch.add(red);
        batch.flush(painter);
        painter.scale(2, 2);
        batch.add(blue);
        batch.flush(painter);
    }
};

QColor colourAt(const QImage &image, QPoint logical)
{
    const double dpr = image.devicePixelRatio();
    return image.pixelColor(int(logical.x() * dpr), int(logical.y() * dpr));
}

} // namespace

class tst_StrokesOnWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strokesLandWhereTheWidgetDrewThem()
    {
        QWidget window;
        auto *row = new QHBoxLayout(&window);
        row->setContentsMargins(150, 100, 20, 20); // the canvas well away from the window's corner
        auto *canvas = new StrokeWidget;
        row->addWidget(canvas);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QPoint at = canvas->pos();
        QVERIFY(at.x() >= 150 && at.y() >= 100);

        // The window's backing store, as on screen (the canvas at its offset).
        const QImage shown = window.grab().toImage();
        QCOMPARE(colourAt(shown, at + QPoint(100, 30)), QColor(Qt::red));
        QCOMPARE(colourAt(shown, at + QPoint(175, 30)), QColor(Qt::red)); // not clipped near its right end
        QCOMPARE(colourAt(shown, at + QPoint(100, 40)), QColor(Qt::white));
        QCOMPARE(colourAt(shown, at + QPoint(50, 80)), QColor(Qt::blue));
        QCOMPARE(colourAt(shown, at + QPoint(50, 90)), QColor(Qt::white));
        // Nothing drawn again at twice the offset.
        const QPoint twice = at + at + QPoint(100, 30);
        QVERIFY(window.rect().contains(twice)); // the layout leaves room for it
        QVERIFY(colourAt(shown, twice) != QColor(Qt::red));
    }
};

QTEST_MAIN(tst_StrokesOnWidgets)
#include "tst_strokesonwidgets.moc"
