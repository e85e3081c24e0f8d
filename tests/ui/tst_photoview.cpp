// PhotoView: the photo scaled to fit with its markup on top, drawn by the
// shared renderer in the photo's pixel coordinates.
#include "captureviewerwidget.h"
#include "photoview.h"
#include "uitestutil.h"

#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using sl::test::pixelsNear;
using sl::test::worldMarkupsOf;

namespace {

const QColor kProbeColor(0x00, 0xff, 0x00);

// An image-space rectangle in a colour the demo never uses, to find on screen.
sl::Markup probeRect()
{
    sl::Markup m;
    m.id = QStringLiteral("probe-rect");
    m.kind = sl::MarkupKind::Rect;
    m.space = sl::MarkupSpace::Image;
    m.imagePoints = {{0.25, 0.25}, {0.75, 0.75}};
    m.color = kProbeColor;
    m.width = 12;
    return m;
}

// Probe pixels on screen: within this of kProbeColor in every channel.
constexpr int kProbeTolerance = 60;

} // namespace

class TestPhotoView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void drawsWorldAndImageMarkup();
    void photoWithoutPoseShowsNotice();
    void keepsAspectRatio_data();
    void keepsAspectRatio();
    void missingFileShowsError();
    void unreadableManifestSaysWhy();
    void snapshotKeysAskForASnapshot();

private:
    void openAndWait(sl::PhotoView &view, const sl::CaptureManifest &manifest, std::vector<sl::Markup> world);

    QTemporaryDir m_tmp;
    sl::CaptureManifest m_photo;
    QString m_photoPath;
};

void TestPhotoView::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    const auto photo = sl::test::makeDemoCapture(m_tmp.path(), QStringLiteral("2b0c6f43-0000-4000-8000-00000000000a"),
                                                 sl::MediaType::Photo, &error);
    QVERIFY2(photo, qPrintable(error));
    m_photo = photo->manifest;
    m_photoPath = photo->mediaPath;
}

void TestPhotoView::openAndWait(sl::PhotoView &view, const sl::CaptureManifest &manifest, std::vector<sl::Markup> world)
{
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &sl::PhotoView::loaded);
    view.open(manifest, m_photoPath, std::move(world));
    QVERIFY(loaded.count() == 1 || loaded.wait(15000));
    QCOMPARE(loaded.first().first().toBool(), true);
    QVERIFY(view.hasFrame());
}

void TestPhotoView::drawsWorldAndImageMarkup()
{
    sl::CaptureManifest manifest = m_photo;
    manifest.markups.push_back(probeRect());
    sl::PhotoView view;
    openAndWait(view, manifest, worldMarkupsOf(m_photo));
    if (QTest::currentTestFailed())
        return;

    const QImage shot = view.grab().toImage();
    const sl::OverlayResult result = view.lastOverlayResult();
    QVERIFY2(result.worldMarkupsDrawn > 0, "no world markup drawn on a posed photo");
    QVERIFY(result.imageMarkupsDrawn > 0);
    QVERIFY2(result.notice.isEmpty(), qPrintable(result.notice));
    QVERIFY(view.framesPainted() >= 1);

    // The probe rectangle's left edge, mapped from photo pixels to the widget.
    const QSize size = view.frame().size();
    const QPointF edge = view.frameToWidget().map(QPointF(0.25 * size.width(), 0.5 * size.height()));
    QVERIFY2(pixelsNear(shot, edge.toPoint(), 3, kProbeColor, kProbeTolerance) > 0,
             "the probe rectangle is not where expected");
    // ...and not in the middle of the rectangle, where only the photo is.
    const QPointF middle = view.frameToWidget().map(QPointF(0.5 * size.width(), 0.5 * size.height()));
    QCOMPARE(pixelsNear(shot, middle.toPoint(), 2, kProbeColor, kProbeTolerance), 0);
}

void TestPhotoView::photoWithoutPoseShowsNotice()
{
    sl::CaptureManifest manifest = m_photo;
    manifest.poses.clear();
    manifest.markups.push_back(probeRect());
    sl::PhotoView view;
    openAndWait(view, manifest, worldMarkupsOf(m_photo));
    if (QTest::currentTestFailed())
        return;

    view.grab();
    const sl::OverlayResult result = view.lastOverlayResult();
    QCOMPARE(result.worldMarkupsDrawn, 0);
    QVERIFY(result.imageMarkupsDrawn > 0);
    QVERIFY2(!result.notice.isEmpty(), "no notice for a photo without a pose");
    QCOMPARE(view.noticeText(), result.notice);
}

void TestPhotoView::keepsAspectRatio_data()
{
    QTest::addColumn<QSize>("widgetSize");
    QTest::newRow("wide") << QSize(1000, 300);
    QTest::newRow("tall") << QSize(300, 900);
    QTest::newRow("square") << QSize(500, 500);
}

void TestPhotoView::keepsAspectRatio()
{
    QFETCH(QSize, widgetSize);
    sl::PhotoView view;
    openAndWait(view, m_photo, worldMarkupsOf(m_photo));
    if (QTest::currentTestFailed())
        return;
    view.resize(widgetSize);
    QTRY_COMPARE(view.size(), widgetSize);

    const QSize frame = view.frame().size();
    const QRectF shown = view.frameToWidget().mapRect(QRectF(QPointF(0, 0), QSizeF(frame)));
    QVERIFY(QRectF(view.rect()).adjusted(-0.5, -0.5, 0.5, 0.5).contains(shown));
    QCOMPARE(qRound(shown.width() / shown.height() * 1000), qRound(double(frame.width()) / frame.height() * 1000));
    // It fills the widget in one direction.
    QVERIFY(qAbs(shown.width() - widgetSize.width()) < 1.0 || qAbs(shown.height() - widgetSize.height()) < 1.0);
}

void TestPhotoView::missingFileShowsError()
{
    sl::PhotoView view;
    view.resize(400, 300);
    view.show();
    QSignalSpy loaded(&view, &sl::PhotoView::loaded);
    view.open(m_photo, QDir(m_tmp.path()).filePath(QStringLiteral("gone.jpg")), {});
    QVERIFY(loaded.count() == 1 || loaded.wait(5000));
    QCOMPARE(loaded.first().first().toBool(), false);
    QVERIFY(!view.hasFrame());
    QVERIFY(view.showsError());
    QVERIFY2(view.message().contains(QLatin1String("gone.jpg")), qPrintable(view.message()));
}

// A capture whose stored manifest no longer reads shows its photo with the
// reason in the banner, not "no camera intrinsics", and no markup.
void TestPhotoView::unreadableManifestSaysWhy()
{
    sl::CaptureRecord record;
    record.id = m_photo.id;
    record.assetId = m_photo.assetId;
    record.mediaType = sl::MediaType::Photo;
    record.manifest.id = m_photo.id;
    record.manifestError = QStringLiteral("x.capture.json: format: is required");
    sl::CaptureViewerWidget viewer;
    viewer.resize(800, 600);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.openCapture(record, m_photoPath, worldMarkupsOf(m_photo));
    auto *view = qobject_cast<sl::PhotoView *>(viewer.currentView());
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->hasFrame(), 15000);
    view->grab();
    QVERIFY2(view->noticeText().contains(QLatin1String("no longer reads")), qPrintable(view->noticeText()));
    QVERIFY(view->noticeText().contains(record.manifestError));
    QCOMPARE(view->lastOverlayResult().worldMarkupsDrawn, 0);
}

// S and Shift+S (also in the context menu) ask for a clean and a baked
// snapshot, once the photo shows.
void TestPhotoView::snapshotKeysAskForASnapshot()
{
    sl::PhotoView view;
    QSignalSpy asked(&view, &sl::PhotoView::snapshotRequested);
    view.findChild<QAction *>(QStringLiteral("snapshotAction"))->trigger();
    QCOMPARE(asked.count(), 0); // nothing shown yet: nothing to take
    openAndWait(view, m_photo, worldMarkupsOf(m_photo));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(view.contextMenuPolicy(), Qt::ActionsContextMenu);
    view.activateWindow();
    view.setFocus();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QTest::keyClick(&view, Qt::Key_S);
    QTest::keyClick(&view, Qt::Key_S, Qt::ShiftModifier);
    QCOMPARE(asked.count(), 2);
    QCOMPARE(asked.at(0).first().toBool(), false);
    QCOMPARE(asked.at(1).first().toBool(), true);
}

QTEST_MAIN(TestPhotoView)
#include "tst_photoview.moc"
