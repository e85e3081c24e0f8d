// The viewers' review tools on OverlayCanvas: the legend's toggles change what
// is drawn, a click on a markup shows its details and Esc clears them, G
// hides the legend, world markup out of the picture gets an edge arrow, and a
// capture without poses says why its world markup is missing.
#include "overlaylegendpanel.h"
#include "photoview.h"
#include "uitestutil.h"
#include "videocanvas.h"

#include "media/displayrotation.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace sl;
using sl::test::pixelsNear;

namespace {

const QSize kPhoto(320, 240);
const QColor kAnaColor(0x00, 0xff, 0x00);
const QColor kBobColor(0xff, 0x00, 0xff);
constexpr int kTolerance = 60;

Markup imageRect(const QString &id, const QString &author, const QColor &color, std::vector<cv::Point2d> corners)
{
    Markup m;
    m.id = id;
    m.kind = MarkupKind::Rect;
    m.space = MarkupSpace::Image;
    m.author = author;
    m.createdAt = QStringLiteral("2025-03-04T10:20:30Z");
    m.color = color;
    m.width = 8;
    m.imagePoints = std::move(corners);
    return m;
}

Markup worldLine(const QString &id, std::vector<cv::Vec3d> points)
{
    Markup m;
    m.id = id;
    m.kind = MarkupKind::Line;
    m.space = MarkupSpace::World;
    m.author = QStringLiteral("bob");
    m.color = kBobColor;
    m.width = 6;
    m.worldPoints = std::move(points);
    return m;
}

// A photo of 320x240 seen by a pinhole at the origin with OpenCV axes.
CaptureManifest photoManifest(bool withPose)
{
    CaptureManifest m;
    m.id = QStringLiteral("review-photo");
    m.mediaType = MediaType::Photo;
    m.camera = CameraIntrinsics{.width = kPhoto.width(), .height = kPhoto.height(), .fx = 250, .fy = 250,
                                .cx = 159.5, .cy = 119.5, .distortion = {}};
    m.axes = Axes::OpenCV;
    if (withPose)
        m.poses = {ManifestPose{}};
    m.markups = {imageRect(QStringLiteral("ana-rect"), QStringLiteral("ana"), kAnaColor, {{0.1, 0.1}, {0.4, 0.5}}),
                 imageRect(QStringLiteral("bob-rect"), QStringLiteral("bob"), kBobColor, {{0.6, 0.1}, {0.9, 0.5}})};
    return m;
}

std::vector<Markup> worldMarkups()
{
    // One far to the right of the picture (an edge arrow), one across its lower part.
    return {worldLine(QStringLiteral("off-right"), {{5, 0, 1}, {6, 0, 1}}),
            worldLine(QStringLiteral("seen"), {{-0.3, 0.35, 1}, {0.3, 0.35, 1}})};
}

} // namespace

class TestOverlayReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void legendListsAndTogglesAuthors();
    void kindToggleHidesThatKind();
    void clickShowsAuthorAndKindEscClears();
    void keyHidesTheLegend();
    void legendFoldsOnASmallPicture();
    void worldMarkupOutOfViewGetsAnArrow();
    void noPosesSaysSo();
    void videoFrameSelectsWithinTimeRange();
    void rotatedVideoSelectsWhereDrawn();

private:
    void open(PhotoView &view, const CaptureManifest &manifest, std::vector<Markup> world);
    // Widget position of a normalised image point.
    static QPoint at(const PhotoView &view, cv::Point2d normalised);

    QTemporaryDir m_tmp;
    QString m_photoPath;
};

void TestOverlayReview::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QImage photo(kPhoto, QImage::Format_RGB32);
    photo.fill(QColor(0x40, 0x40, 0x40));
    m_photoPath = m_tmp.filePath(QStringLiteral("photo.png"));
    QVERIFY(photo.save(m_photoPath));
}

void TestOverlayReview::open(PhotoView &view, const CaptureManifest &manifest, std::vector<Markup> world)
{
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &PhotoView::loaded);
    view.open(manifest, m_photoPath, std::move(world));
    QVERIFY(loaded.count() == 1 || loaded.wait(15000));
    QVERIFY(view.hasFrame());
}

QPoint TestOverlayReview::at(const PhotoView &view, cv::Point2d normalised)
{
    return view.frameToWidget()
        .map(QPointF(normalised.x * kPhoto.width(), normalised.y * kPhoto.height()))
        .toPoint();
}

void TestOverlayReview::legendListsAndTogglesAuthors()
{
    PhotoView view;
    open(view, photoManifest(true), worldMarkups());
    QVERIFY(view.reviewToolsEnabled());
    QVERIFY(view.legendPanel()->isVisible());
    auto *ana = view.legendPanel()->findChild<QCheckBox *>(QStringLiteral("legendAuthor:ana"));
    auto *bob = view.legendPanel()->findChild<QCheckBox *>(QStringLiteral("legendAuthor:bob"));
    QVERIFY(ana && bob);
    QVERIFY(ana->text().contains(QLatin1String("(1)")));
    QVERIFY(bob->text().contains(QLatin1String("(3)"))); // a rectangle and two world lines
    QVERIFY(ana->isChecked() && bob->isChecked());

    // Probes on the top edges of the two rectangles.
    const QPoint anaEdge = at(view, {0.25, 0.1});
    const QPoint bobEdge = at(view, {0.75, 0.1});
    QImage shot = view.grab().toImage();
    QVERIFY(pixelsNear(shot, anaEdge, 3, kAnaColor, kTolerance) > 0);
    QVERIFY(pixelsNear(shot, bobEdge, 3, kBobColor, kTolerance) > 0);

    ana->setChecked(false);
    QVERIFY(!view.overlayFilter().authorShown(QStringLiteral("ana")));
    shot = view.grab().toImage();
    QCOMPARE(pixelsNear(shot, anaEdge, 3, kAnaColor, kTolerance), 0);
    QVERIFY(pixelsNear(shot, bobEdge, 3, kBobColor, kTolerance) > 0);

    ana->setChecked(true);
    shot = view.grab().toImage();
    QVERIFY(pixelsNear(shot, anaEdge, 3, kAnaColor, kTolerance) > 0);
}

void TestOverlayReview::kindToggleHidesThatKind()
{
    PhotoView view;
    open(view, photoManifest(true), worldMarkups());
    auto *rects = view.legendPanel()->findChild<QCheckBox *>(QStringLiteral("legendKind:rect"));
    auto *lines = view.legendPanel()->findChild<QCheckBox *>(QStringLiteral("legendKind:line"));
    QVERIFY(rects && lines);
    // The world line across the lower part: pixel y = 119.5 + 250 * 0.35 = 207, x 84.5 .. 234.5.
    const QPoint onLine = view.frameToWidget().map(QPointF(160, 208)).toPoint();
    const QPoint bobEdge = at(view, {0.75, 0.1});
    QVERIFY(pixelsNear(view.grab().toImage(), onLine, 3, kBobColor, kTolerance) > 0);

    lines->setChecked(false);
    QImage shot = view.grab().toImage();
    QCOMPARE(pixelsNear(shot, onLine, 3, kBobColor, kTolerance), 0);
    QVERIFY(pixelsNear(shot, bobEdge, 3, kBobColor, kTolerance) > 0); // his rectangle stays
    QCOMPARE(view.lastOverlayResult().worldMarkupsDrawn, 0);

    rects->setChecked(false);
    shot = view.grab().toImage();
    QCOMPARE(pixelsNear(shot, bobEdge, 3, kBobColor, kTolerance), 0);
    QCOMPARE(view.lastOverlayResult().imageMarkupsDrawn, 0);
}

void TestOverlayReview::clickShowsAuthorAndKindEscClears()
{
    PhotoView view;
    open(view, photoManifest(true), worldMarkups());
    auto *info = view.findChild<QLabel *>(QStringLiteral("selectionInfo"));
    QVERIFY(info);
    QVERIFY(!info->isVisible());
    QSignalSpy selected(&view, &OverlayCanvas::markupSelected);

    QTest::mouseClick(&view, Qt::LeftButton, {}, at(view, {0.25, 0.1}));
    QCOMPARE(view.selectedMarkupId(), QStringLiteral("ana-rect"));
    QVERIFY(info->isVisible());
    QVERIFY2(info->text().contains(QLatin1String("ana")), qPrintable(info->text()));
    QVERIFY2(info->text().contains(QLatin1String("Rectangle")), qPrintable(info->text()));
    QVERIFY2(info->text().contains(QLatin1String("image")), qPrintable(info->text()));
    QCOMPARE(selected.count(), 1);

    // World markup is found where it is drawn.
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.frameToWidget().map(QPointF(160, 208)).toPoint());
    QCOMPARE(view.selectedMarkupId(), QStringLiteral("seen"));
    QVERIFY2(info->text().contains(QLatin1String("bob")), qPrintable(info->text()));
    QVERIFY2(info->text().contains(QLatin1String("Line")), qPrintable(info->text()));
    QVERIFY2(info->text().contains(QLatin1String("world")), qPrintable(info->text()));

    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(view.selectedMarkupId().isEmpty());
    QVERIFY(!info->isVisible());
    QCOMPARE(selected.last().first().toString(), QString());

    // A click on nothing selects nothing; a hidden author's markup cannot be picked.
    QTest::mouseClick(&view, Qt::LeftButton, {}, at(view, {0.25, 0.3}));
    QVERIFY(view.selectedMarkupId().isEmpty());
    view.legendPanel()->findChild<QCheckBox *>(QStringLiteral("legendAuthor:ana"))->setChecked(false);
    QTest::mouseClick(&view, Qt::LeftButton, {}, at(view, {0.25, 0.1}));
    QVERIFY(view.selectedMarkupId().isEmpty());
}

void TestOverlayReview::keyHidesTheLegend()
{
    PhotoView view;
    open(view, photoManifest(true), worldMarkups());
    QVERIFY(view.legendAction());
    QCOMPARE(view.legendAction()->shortcut(), QKeySequence(Qt::Key_G));
    QVERIFY(view.legendPanel()->toolTip().contains(QLatin1String("G")));
    QVERIFY(view.actions().contains(view.legendAction())); // in the context menu, with its key
    view.activateWindow();
    view.setFocus();
    QTRY_VERIFY(view.hasFocus());
    QVERIFY(view.legendPanel()->isVisible());
    QTest::keyClick(&view, Qt::Key_G);
    QVERIFY(!view.legendPanel()->isVisible());
    QTest::keyClick(&view, Qt::Key_G);
    QVERIFY(view.legendPanel()->isVisible());
}

// Unfolded, the legend's lists would cover much of a small picture: it
// opens folded there (its header only) and unfolded on a large one; once the
// user folds or unfolds it, resizing leaves it so.
void TestOverlayReview::legendFoldsOnASmallPicture()
{
    PhotoView view;
    open(view, photoManifest(true), worldMarkups());
    OverlayLegendPanel *legend = view.legendPanel();
    QVERIFY(legend->isVisible());
    QVERIFY(legend->isExpanded()); // 640 x 480: room for it
    const QSize open = legend->expandedSize();
    QVERIFY(open.width() * open.height() <= 0.15 * view.width() * view.height());

    view.resize(330, 240);
    QTRY_VERIFY(!legend->isExpanded());
    QVERIFY(legend->isVisible());
    QVERIFY(legend->height() < open.height() / 2); // the header alone
    QVERIFY(!legend->findChild<QCheckBox *>()->isVisible());

    QTest::mouseClick(legend->header(), Qt::LeftButton); // the user unfolds it
    QVERIFY(legend->isExpanded());
    QVERIFY(legend->findChild<QCheckBox *>()->isVisible());
    view.resize(320, 230);
    QVERIFY(legend->isExpanded()); // the user's choice stands
    view.resize(900, 700);
    QTest::mouseClick(legend->header(), Qt::LeftButton);
    QVERIFY(!legend->isExpanded());
    view.resize(1000, 760);
    QVERIFY(!legend->isExpanded());
}

void TestOverlayReview::worldMarkupOutOfViewGetsAnArrow()
{
    PhotoView view;
    open(view, photoManifest(true), worldMarkups());
    view.grab();
    QCOMPARE(view.lastOverlayResult().edgeIndicators, 1);
    // The arrow sits at the right edge, halfway down (the line is at the camera's height).
    const QPoint edge = view.frameToWidget().map(QPointF(kPhoto.width() - 12, kPhoto.height() / 2.0)).toPoint();
    QVERIFY(pixelsNear(view.grab().toImage(), edge, 8, kBobColor, kTolerance) > 0);
}

void TestOverlayReview::noPosesSaysSo()
{
    PhotoView view;
    open(view, photoManifest(false), worldMarkups());
    view.grab();
    QCOMPARE(view.lastOverlayResult().worldMarkupsDrawn, 0);
    QVERIFY2(view.noticeText().contains(QLatin1String("This capture has no camera poses: its 2 world markups "
                                                      "cannot be placed.")),
             qPrintable(view.noticeText()));
    QCOMPARE(view.lastOverlayResult().imageMarkupsDrawn, 2); // image markup still shows
}

// A video canvas showing an exact frame (as when paused): image markup picks
// only within its time range, and its details say that range.
void TestOverlayReview::videoFrameSelectsWithinTimeRange()
{
    CaptureManifest m = photoManifest(true);
    m.mediaType = MediaType::Video;
    m.markups[0].from = 0.5;
    m.markups[0].to = 2.0;
    VideoCanvas canvas;
    canvas.resize(640, 480);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QVERIFY(canvas.reviewToolsEnabled());
    canvas.setCapture(m, worldMarkups());
    QImage frame(kPhoto, QImage::Format_RGB32);
    frame.fill(Qt::darkGray);
    canvas.setFrame(frame, 1.0);
    const auto edge = [&canvas] {
        return canvas.frameToWidget().map(QPointF(0.25 * kPhoto.width(), 0.1 * kPhoto.height())).toPoint();
    };
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, edge());
    QCOMPARE(canvas.selectedMarkupId(), QStringLiteral("ana-rect"));
    QVERIFY2(canvas.selectionInfoText().contains(QLatin1String("00:00.500")), qPrintable(canvas.selectionInfoText()));
    QVERIFY2(canvas.selectionInfoText().contains(QLatin1String("00:02.000")), qPrintable(canvas.selectionInfoText()));
    QTest::keyClick(&canvas, Qt::Key_Escape);
    QVERIFY(canvas.selectedMarkupId().isEmpty());

    canvas.setFrame(frame, 3.0); // past its range: not drawn, not picked
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, edge());
    QVERIFY(canvas.selectedMarkupId().isEmpty());
}

// A video turned 90 degrees: markup is drawn in sensor pixels turned with
// the frame, and a click finds it where it is drawn.
void TestOverlayReview::rotatedVideoSelectsWhereDrawn()
{
    CaptureManifest m = photoManifest(true);
    m.mediaType = MediaType::Video;
    VideoCanvas canvas;
    canvas.resize(480, 640);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setCapture(m, worldMarkups());
    canvas.setSensorRotation(90, kPhoto);
    QImage displayed(DisplayRotation::displaySize(90, kPhoto), QImage::Format_RGB32);
    displayed.fill(Qt::darkGray);
    canvas.setFrame(displayed, 0.0);
    const QTransform sensorToWidget = DisplayRotation::sensorToDisplay(90, kPhoto) * canvas.frameToWidget();
    const QPoint anaEdge = sensorToWidget.map(QPointF(0.25 * kPhoto.width(), 0.1 * kPhoto.height())).toPoint();
    // Drawn there on screen...
    QVERIFY(pixelsNear(canvas.grab().toImage(), anaEdge, 3, kAnaColor, kTolerance) > 0);
    // ...and picked there.
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, anaEdge);
    QCOMPARE(canvas.selectedMarkupId(), QStringLiteral("ana-rect"));
    // Where it would be without the turn, nothing.
    canvas.clearSelection();
    const QPoint unturned = canvas.frameToWidget().map(QPointF(0.25 * kPhoto.width(), 0.1 * kPhoto.height())).toPoint();
    if (QLineF(unturned, anaEdge).length() > 20) {
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, unturned);
        QVERIFY(canvas.selectedMarkupId() != QStringLiteral("ana-rect"));
    }
}

QTEST_MAIN(TestOverlayReview)
#include "tst_overlayreview.moc"
