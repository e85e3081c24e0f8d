#include "overlayprobe.h"

#include "render/markuppicker.h"
#include "render/overlayfilter.h"
#include "render/overlaylegend.h"
#include "render/overlayrenderer.h"

#include <QPainter>
#include <QtTest>

using namespace sl;
using sl::test::changed;

// The legend's toggles as one rule: OverlayFilter hides exactly the chosen
// authors and kinds from what the renderer draws (never a redaction), the
// legend lists what is there, and a click picks only what is drawn.
class TestOverlayFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hidesExactlyTheChosen_data();
    void hidesExactlyTheChosen();
    void legendListsAuthorsAndKinds();
    void pickFindsTheTopmostDrawnMarkup();
};

namespace {

const QSize kFrame(400, 200);

Markup imageMarkup(const QString &id, MarkupKind kind, const QString &author, std::vector<cv::Point2d> points,
                   QColor color = Qt::red)
{
    Markup m;
    m.id = id;
    m.kind = kind;
    m.space = MarkupSpace::Image;
    m.author = author;
    m.width = 4;
    m.color = color;
    m.imagePoints = std::move(points);
    return m;
}

// Pixel-centre probes of each markup, in the 400x200 frame.
const QPoint kAnaRect(40, 20);     // on the top edge of ana's rectangle
const QPoint kBobRect(240, 20);    // on the top edge of bob's rectangle
const QPoint kAnaInk(200, 150);    // on ana's ink stroke
const QPoint kWorldLine(200, 100); // on the world line (ana's), through the picture's centre
const QPoint kBlurInside(360, 150);

CaptureManifest manifest()
{
    CaptureManifest m;
    m.id = QStringLiteral("capture");
    m.mediaType = MediaType::Photo;
    m.camera = CameraIntrinsics{.width = kFrame.width(), .height = kFrame.height(), .fx = 300, .fy = 300,
                                .cx = 199.5, .cy = 99.5, .distortion = {}};
    m.axes = Axes::OpenCV;
    m.poses = {ManifestPose{}};
    m.markups = {
        imageMarkup(QStringLiteral("anaRect"), MarkupKind::Rect, QStringLiteral("ana"), {{0.1, 0.1}, {0.3, 0.4}}),
        imageMarkup(QStringLiteral("bobRect"), MarkupKind::Rect, QStringLiteral("bob"), {{0.6, 0.1}, {0.8, 0.4}},
                    Qt::blue),
        imageMarkup(QStringLiteral("anaInk"), MarkupKind::Ink, QStringLiteral("ana"), {{0.4, 0.75}, {0.6, 0.75}}),
        imageMarkup(QStringLiteral("blur"), MarkupKind::Blur, QStringLiteral("bob"), {{0.85, 0.6}, {0.95, 0.9}}),
    };
    return m;
}

std::vector<Markup> worldMarkups()
{
    Markup line;
    line.id = QStringLiteral("worldLine");
    line.kind = MarkupKind::Line;
    line.space = MarkupSpace::World;
    line.author = QStringLiteral("ana");
    line.width = 4;
    line.color = Qt::green;
    // Vertical through the centre, 2 m ahead: pixels y 100 +- 75.
    line.worldPoints = {{0, -0.5, 2}, {0, 0.5, 2}};
    return {line};
}

// A frame with a pattern, so that a blur changes it.
QImage pattern()
{
    QImage image(kFrame, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, ((x / 3 + y / 3) % 2) ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
    return image;
}

QImage render(const OverlayFilter &filter)
{
    const CaptureManifest m = manifest();
    const QImage frame = pattern();
    QImage out = frame.copy();
    QPainter painter(&out);
    OverlayOptions options;
    options.filter = filter;
    OverlayRenderer::paint(painter, m, m.poseTrack(), worldMarkups(), kFrame, 0, frame, options);
    return out;
}

} // namespace

void TestOverlayFilter::hidesExactlyTheChosen_data()
{
    QTest::addColumn<QStringList>("hiddenAuthors");
    QTest::addColumn<QList<int>>("hiddenKinds"); // MarkupKind values
    QTest::addColumn<QList<bool>>("drawn");      // anaRect, bobRect, anaInk, worldLine, blur
    QTest::newRow("nothing hidden") << QStringList{} << QList<int>{} << QList<bool>{true, true, true, true, true};
    QTest::newRow("ana hidden") << QStringList{QStringLiteral("ana")} << QList<int>{}
                                << QList<bool>{false, true, false, false, true};
    QTest::newRow("bob hidden: his redaction stays")
        << QStringList{QStringLiteral("bob")} << QList<int>{} << QList<bool>{true, false, true, true, true};
    QTest::newRow("rectangles hidden") << QStringList{} << QList<int>{int(MarkupKind::Rect)}
                                       << QList<bool>{false, false, true, true, true};
    QTest::newRow("lines hidden (world)") << QStringList{} << QList<int>{int(MarkupKind::Line)}
                                          << QList<bool>{true, true, true, false, true};
    QTest::newRow("redactions cannot be hidden") << QStringList{} << QList<int>{int(MarkupKind::Blur)}
                                                 << QList<bool>{true, true, true, true, true};
    QTest::newRow("unknown author hidden: no change") << QStringList{QStringLiteral("eve")} << QList<int>{}
                                                      << QList<bool>{true, true, true, true, true};
}

void TestOverlayFilter::hidesExactlyTheChosen()
{
    QFETCH(QStringList, hiddenAuthors);
    QFETCH(QList<int>, hiddenKinds);
    QFETCH(QList<bool>, drawn);

    OverlayFilter filter;
    for (const QString &author : hiddenAuthors)
        filter.setAuthorShown(author, false);
    for (int kind : hiddenKinds)
        filter.setKindShown(MarkupKind(kind), false);
    const QImage frame = pattern();
    const QImage out = render(filter);
    const QList<QPoint> probes{kAnaRect, kBobRect, kAnaInk, kWorldLine, kBlurInside};
    const QStringList names{"anaRect", "bobRect", "anaInk", "worldLine", "blur"};
    for (int i = 0; i < probes.size(); ++i) {
        // Three pixels around the probe: the pattern is 3 px, a stroke 4 px wide.
        bool any = false;
        for (int d = -1; d <= 1; ++d)
            any = any || changed(frame, out, probes[i].x() + d, probes[i].y() + d);
        QVERIFY2(any == drawn[i], qPrintable(names[i] + (drawn[i] ? QStringLiteral(" not drawn")
                                                                   : QStringLiteral(" drawn though hidden"))));
    }
    // Nothing drawn where no markup is.
    QVERIFY(!changed(frame, out, 120, 180));
}

void TestOverlayFilter::legendListsAuthorsAndKinds()
{
    const OverlayLegend legend = OverlayLegend::of(manifest().markups, worldMarkups());
    QCOMPARE(legend.authors.size(), size_t(2));
    QCOMPARE(legend.authors[0].name, QStringLiteral("ana"));
    QCOMPARE(legend.authors[0].count, 3); // rect, ink, world line
    QCOMPARE(legend.authors[0].color, QColor(Qt::red)); // two of her three are red
    QCOMPARE(legend.authors[1].name, QStringLiteral("bob"));
    QCOMPARE(legend.authors[1].count, 1); // his redaction is not listed
    QCOMPARE(legend.authors[1].color, QColor(Qt::blue));
    QCOMPARE(legend.kinds.size(), size_t(3));
    QCOMPARE(legend.kinds[0].kind, MarkupKind::Rect);
    QCOMPARE(legend.kinds[0].count, 2);
    QCOMPARE(legend.kinds[1].kind, MarkupKind::Ink);
    QCOMPARE(legend.kinds[2].kind, MarkupKind::Line);
}

void TestOverlayFilter::pickFindsTheTopmostDrawnMarkup()
{
    const CaptureManifest m = manifest();
    const std::vector<Markup> world = worldMarkups();
    // A view showing the frame at twice its size, shifted.
    const QTransform toWidget = QTransform::fromTranslate(10, 20).scale(2, 2);
    const auto pick = [&](QPoint framePixel, const OverlayFilter &filter) {
        const std::optional<Markup> picked = MarkupPicker::pick(m, m.poseTrack(), world, filter, kFrame, 0, toWidget,
                                                                toWidget.map(QPointF(framePixel) + QPointF(0.5, 0.5)),
                                                                4);
        return picked ? picked->id : QString();
    };
    const OverlayFilter all;
    QCOMPARE(pick(kAnaRect, all), QStringLiteral("anaRect"));
    QCOMPARE(pick(kBobRect, all), QStringLiteral("bobRect"));
    QCOMPARE(pick(kWorldLine, all), QStringLiteral("worldLine"));
    QCOMPARE(pick(kBlurInside, all), QStringLiteral("blur"));
    QCOMPARE(pick(QPoint(120, 180), all), QString());
    // Inside a rectangle, away from its outline: not on it.
    QCOMPARE(pick(QPoint(80, 50), all), QString());
    // The ink crosses the world line: image markup is on top.
    QCOMPARE(pick(kAnaInk, all), QStringLiteral("anaInk"));

    OverlayFilter noAna;
    noAna.setAuthorShown(QStringLiteral("ana"), false);
    QCOMPARE(pick(kAnaRect, noAna), QString());
    QCOMPARE(pick(kAnaInk, noAna), QString());
    QCOMPARE(pick(kBobRect, noAna), QStringLiteral("bobRect"));
}

QTEST_MAIN(TestOverlayFilter)
#include "tst_overlayfilter.moc"
