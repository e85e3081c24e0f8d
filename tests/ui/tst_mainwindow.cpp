// The main window end to end on a small demo workspace: search, select an
// asset, thumbnails, a photo with its 3D markup, a video playing with it.
#include "annotate/annotationwindow.h"
#include "annotation/annotationdocument.h"
#include "browser/assetbrowserwidget.h"
#include "browser/assetdetailswidget.h"
#include "capturegallerywidget.h"
#include "captureviewerwidget.h"
#include "demo/demoworkspacebuilder.h"
#include "items/assetlistmodel.h"
#include "mainwindow.h"
#include "photoview.h"
#include "player/bookmarkpanel.h"
#include "programrun.h"
#include "spatial/projector.h"
#include "store/assetdetails.h"
#include "store/assetrepository.h"
#include "store/markuprepository.h"
#include "store/outboxrepository.h"
#include "store/storeworker.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "synthetic/democapturegenerator.h"
#include "uitestutil.h"
#include "videocanvas.h"
#include "videoplayerwidget.h"

#include <QAction>
#include <QDir>
#include <QJsonObject>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QListWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTest>

namespace {

int rowOfType(const sl::CaptureGalleryWidget &gallery, sl::MediaType type)
{
    for (int row = 0; row < gallery.count(); ++row)
        if (gallery.entries()[size_t(row)].record.mediaType == type)
            return row;
    return -1;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void searchFiltersTheList();
    void selectingAnAssetShowsDetailsAndThumbnails();
    void photoShowsWorldMarkup();
    void videoPlaysWithWorldMarkup();
    void bookmarksAreStoredListedAndJumpedTo();
    void annotatingAPhotoWritesOnTheStoreWorker();
    void reviewingFromTheGallery();
    void ctrlFFocusesSearch();
    void openingACaptureSelectsItInTheGallery();
    void parentLinkShowsParent();
    void snapshotFromThePlayerOpensANewCapture(); // before the import, whose photo may take the video's id
    void importRunsInTheBackground();
    void cleanupTestCase();

private:
    void showAssetAndWait(const QString &assetId)
    {
        if (m_window->currentAssetId() == assetId && m_window->assetDetails()->assetId() == assetId)
            return;
        QSignalSpy shown(m_window.get(), &sl::MainWindow::assetShown);
        m_window->showAsset(assetId);
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_window->currentAssetId(), assetId);
    }
    // Shows the test asset and opens its first capture of `type` from the
    // gallery as a user does (Enter); *row is its gallery row.
    void openFromGallery(sl::MediaType type, int *row);

    QTemporaryDir m_tmp;
    QString m_workspaceDir;
    sl::Asset m_asset; // an asset with a photo and a video
    int m_totalAssets = 0;
    std::unique_ptr<sl::MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // window settings go to a scratch location
    QVERIFY(m_tmp.isValid());
    m_workspaceDir = m_tmp.filePath(QStringLiteral("workspace"));
    sl::DemoWorkspaceBuilder::Options options;
    options.videoCount = 1;
    options.photoCount = 2;
    options.videoSeconds = 2;
    QString error;
    QVERIFY2(sl::DemoWorkspaceBuilder::build(m_workspaceDir, options, &error), qPrintable(error));

    {
        auto workspace = sl::Workspace::open(m_workspaceDir, &error);
        QVERIFY2(workspace, qPrintable(error));
        m_totalAssets = workspace->assets().count();
        QVERIFY(m_totalAssets > 1);
        const std::vector<sl::Asset> all = workspace->assets().page(QString(), {}, m_totalAssets);
        QCOMPARE(int(all.size()), m_totalAssets);
        // Prefer an asset holding both a photo and the video.
        for (const sl::Asset &asset : all) {
            if (asset.captureCount == 0)
                continue;
            const auto records = workspace->captures().forAsset(asset.id);
            const bool photo = std::any_of(records.begin(), records.end(),
                                           [](const auto &r) { return r.mediaType == sl::MediaType::Photo; });
            const bool video = std::any_of(records.begin(), records.end(),
                                           [](const auto &r) { return r.mediaType == sl::MediaType::Video; });
            if (m_asset.id.isEmpty() || (photo && video))
                m_asset = asset;
            if (photo && video)
                break;
        }
        QVERIFY2(!m_asset.id.isEmpty(), "the demo workspace has no asset with captures");
    }

    m_window = std::make_unique<sl::MainWindow>();
    QSignalSpy opened(m_window.get(), &sl::MainWindow::workspaceOpened);
    m_window->openWorkspace(m_workspaceDir);
    QVERIFY(opened.wait(30000));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::searchFiltersTheList()
{
    sl::AssetBrowserWidget *browser = m_window->assetBrowser();
    sl::AssetListModel *model = browser->model();
    QVERIFY(model);
    QTRY_COMPARE_WITH_TIMEOUT(model->matchCount().value_or(sl::AssetCount{}).value, m_totalAssets, 10000);
    QTRY_VERIFY(model->rowCount() > 0);

    const QString query = m_asset.assetTag.isEmpty() ? m_asset.name : m_asset.assetTag;
    browser->searchEdit()->clear();
    QTest::keyClicks(browser->searchEdit(), query);
    QTRY_VERIFY_WITH_TIMEOUT(model->query().text == query, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(model->isIdle() && model->rowCount() >= 1, 10000);
    QTRY_VERIFY(model->matchCount().has_value());
    QVERIFY2(model->matchCount()->value < m_totalAssets,
             qPrintable(QStringLiteral("'%1' matched all %2 assets").arg(query).arg(m_totalAssets)));
    QVERIFY2(model->rowOf(m_asset.id) >= 0, qPrintable(QStringLiteral("'%1' did not find its asset").arg(query)));
    QVERIFY(browser->countLabel()->text().contains(QLocale().toString(model->matchCount()->value)));
}

void TestMainWindow::selectingAnAssetShowsDetailsAndThumbnails()
{
    sl::AssetBrowserWidget *browser = m_window->assetBrowser();
    sl::AssetListModel *model = browser->model();
    const int row = model->rowOf(m_asset.id);
    QVERIFY(row >= 0);
    QSignalSpy thumbnails(m_window->captureGallery(), &sl::CaptureGalleryWidget::thumbnailsReady);

    // Click the asset's row as a user would.
    QTableView *list = browser->listView();
    const QModelIndex index = model->index(row);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    QTRY_COMPARE(m_window->currentAssetId(), m_asset.id);

    const sl::AssetDetailsWidget *details = m_window->assetDetails();
    QCOMPARE(details->fieldText(QStringLiteral("name")), m_asset.name);
    QCOMPARE(details->fieldText(QStringLiteral("captures")), QLocale().toString(m_asset.captureCount));
    if (!m_asset.assetTag.isEmpty())
        QCOMPARE(details->fieldText(QStringLiteral("tag")), m_asset.assetTag);

    sl::CaptureGalleryWidget *gallery = m_window->captureGallery();
    QCOMPARE(gallery->count(), m_asset.captureCount);
    QTRY_COMPARE_WITH_TIMEOUT(gallery->thumbnailsPending(), 0, 30000);
    QVERIFY(thumbnails.count() >= 1);
    for (int i = 0; i < gallery->listWidget()->count(); ++i) {
        const QListWidgetItem *item = gallery->listWidget()->item(i);
        QVERIFY(!item->icon().isNull());
        QVERIFY2(!item->toolTip().startsWith(QLatin1String("No thumbnail")), qPrintable(item->toolTip()));
        QVERIFY(!item->text().isEmpty());
    }
}

void TestMainWindow::openFromGallery(sl::MediaType type, int *row)
{
    showAssetAndWait(m_asset.id); // the same asset when run after the others
    sl::CaptureGalleryWidget *gallery = m_window->captureGallery();
    *row = rowOfType(*gallery, type);
    QVERIFY2(*row >= 0,
             qPrintable(QStringLiteral("the demo asset with captures has no %1").arg(sl::mediaTypeName(type))));
    QListWidget *list = gallery->listWidget();
    list->setFocus();
    list->setCurrentRow(*row);
    QTest::keyClick(list, Qt::Key_Return);
}

void TestMainWindow::photoShowsWorldMarkup()
{
    int row = -1;
    openFromGallery(sl::MediaType::Photo, &row);
    if (QTest::currentTestFailed())
        return;
    sl::CaptureGalleryWidget *gallery = m_window->captureGallery();
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    QTRY_VERIFY(viewer->currentPhotoView() != nullptr);
    sl::PhotoView *photo = viewer->currentPhotoView();
    QTRY_VERIFY_WITH_TIMEOUT(!photo->isLoading() && photo->hasFrame(), 15000);
    const QImage shot = photo->grab().toImage();
    const sl::OverlayResult result = photo->lastOverlayResult();
    QVERIFY2(result.worldMarkupsDrawn > 0, qPrintable(result.notice));

    // Where the world markup projects, the screen has its colour.
    // The gallery lists captures from columns; the viewer has the whole manifest.
    QCOMPARE(viewer->currentCaptureId(), gallery->entries()[size_t(row)].record.id);
    const sl::CaptureRecord record = viewer->currentRecord();
    const sl::CaptureManifest &manifest = record.manifest;
    QVERIFY(manifest.camera && manifest.hasPoses());
    const QSize frameSize = photo->frame().size();
    const sl::Projector projector(manifest.camera->scaledTo(frameSize.width(), frameSize.height()),
                                  *manifest.poseTrack().poseAt(0), manifest.axes.value_or(sl::Axes::OpenCV));
    int checked = 0;
    int found = 0;
    // World markup belongs to the spatial frame, so it may come from another
    // capture of it (read through a connection of the test's own).
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    const std::optional<sl::CaptureOpening> opening = sl::CaptureOpening::read(*workspace, record.id);
    QVERIFY(opening);
    const std::vector<sl::Markup> world = opening->worldMarkups;
    for (const sl::Markup &markup : world) {
        if (markup.space != sl::MarkupSpace::World || markup.kind == sl::MarkupKind::Text)
            continue;
        for (const cv::Vec3d &point : markup.worldPoints) {
            const auto pixel = projector.projectPoint(point);
            if (!pixel || pixel->x < 10 || pixel->y < 10 || pixel->x > frameSize.width() - 10
                || pixel->y > frameSize.height() - 10)
                continue;
            ++checked;
            const QPoint at = photo->frameToWidget().map(QPointF(pixel->x + 0.5, pixel->y + 0.5)).toPoint();
            if (sl::test::pixelsNear(shot, at, 3, markup.color, 50) > 0)
                ++found;
        }
    }
    QVERIFY2(checked > 0, "no world markup point projects into the photo");
    QVERIFY2(found * 2 >= checked, qPrintable(QStringLiteral("markup colour at %1 of %2 points").arg(found).arg(checked)));
}

// Capture > Annotate photo: the editor opens with what the viewer shows; an
// edit is written on the store worker (row and outbox entry) and the viewer
// follows it.
void TestMainWindow::annotatingAPhotoWritesOnTheStoreWorker()
{
    int row = -1;
    openFromGallery(sl::MediaType::Photo, &row);
    if (QTest::currentTestFailed())
        return;
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    QTRY_VERIFY(viewer->currentPhotoView() != nullptr);
    sl::PhotoView *photo = viewer->currentPhotoView();
    QTRY_VERIFY_WITH_TIMEOUT(!photo->isLoading() && photo->hasFrame(), 15000);
    const QString captureId = viewer->currentCaptureId();

    QSignalSpy opened(m_window.get(), &sl::MainWindow::annotationOpened);
    m_window->annotateCurrentPhoto();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    auto *window = opened.first().first().value<sl::AnnotationWindow *>();
    QVERIFY(window);
    const size_t shownBefore = window->document()->markups().size();
    QVERIFY(shownBefore > 0); // the demo photo's world and image markup

    sl::Markup rect;
    rect.id = QStringLiteral("f0000000-0000-4000-8000-00000000a001");
    rect.kind = sl::MarkupKind::Rect;
    rect.imagePoints = {{0.1, 0.1}, {0.4, 0.3}};
    rect.color = QColor(0x00, 0xFF, 0x00);
    QVERIFY(window->document()->add(rect));
    // A markup drawn, then deleted: nothing may draw it any more.
    sl::Markup removed;
    removed.id = QStringLiteral("f0000000-0000-4000-8000-00000000a002");
    removed.kind = sl::MarkupKind::Line;
    removed.imagePoints = {{0.55, 0.55}, {0.8, 0.85}};
    removed.color = QColor(0xFF, 0x00, 0xFF);
    QVERIFY(window->document()->add(removed));
    m_window->store()->drain();
    const QSize frameSize = photo->frame().size();
    // A point on the outline of each: the first image point of the markup.
    const auto probe = [&](const sl::Markup &m, const QImage &image, const QTransform &toImage) {
        const QPointF at(m.imagePoints.front().x * frameSize.width(), m.imagePoints.front().y * frameSize.height());
        return sl::test::pixelsNear(image, toImage.map(at).toPoint(), 3, m.color, 60) > 0;
    };
    QVERIFY2(probe(removed, photo->grab().toImage(), photo->frameToWidget()), "the markup to delete is not on screen");
    QVERIFY(window->document()->remove(removed.id));
    m_window->store()->drain();
    // The viewer shows it at once.
    const auto &viewed = photo->manifest().markups;
    QVERIFY(std::any_of(viewed.begin(), viewed.end(), [&](const sl::Markup &m) { return m.id == rect.id; }));
    QVERIFY(std::none_of(viewed.begin(), viewed.end(), [&](const sl::Markup &m) { return m.id == removed.id; }));

    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    const std::vector<sl::Markup> stored = sl::MarkupRepository(workspace->database()).visibleIn(captureId);
    QCOMPARE(stored.size(), shownBefore + 1);
    QCOMPARE(stored.back().id, rect.id);
    QVERIFY(workspace->outbox().newestFor(QStringLiteral("capture"), captureId).has_value());

    // The flattened export (JPEG by its name) carries the new rectangle.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("annotated.jpg"));
    QSignalSpy exported(window, &sl::AnnotationWindow::exported);
    window->exportFlattened(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 15000);
    QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
    QImage image;
    QVERIFY(image.load(path, "JPEG"));
    const QPoint edge(int(0.1 * image.width()), int(0.2 * image.height()));
    QVERIFY2(sl::test::pixelsNear(image, edge, 3, rect.color, 60) > 0, "no rectangle edge in the export");

    // The GUI, `export-frame CAPTURE_ID --workspace` and the flattened export
    // draw the same markup: the two exports are the same pixels, and every
    // drawn image markup (the new rectangle in, the deleted one out) is where
    // the screen shows it.
    const QString flattenedPng = out.filePath(QStringLiteral("flattened.png"));
    window->exportFlattened(flattenedPng);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 15000);
    QVERIFY2(exported.at(1).first().toBool(), qPrintable(exported.at(1).at(1).toString()));
    const QString cliPng = out.filePath(QStringLiteral("cli.png"));
    const sl::test::CliRun cli = sl::test::runProgram(
        QStringLiteral(SIGHTLINE_CLI_PATH),
        {QStringLiteral("export-frame"), captureId, QStringLiteral("--workspace"), m_workspaceDir,
         QStringLiteral("--out"), cliPng});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QImage flattened;
    QImage exportedByCli;
    QVERIFY(flattened.load(flattenedPng, "PNG"));
    QVERIFY(exportedByCli.load(cliPng, "PNG"));
    QCOMPARE(flattened.convertToFormat(QImage::Format_RGB32), exportedByCli.convertToFormat(QImage::Format_RGB32));

    QTRY_VERIFY_WITH_TIMEOUT(photo->lastOverlayResult().imageMarkupsDrawn > 0, 5000);
    const QImage screen = photo->grab().toImage();
    QCOMPARE(flattened.size(), frameSize);
    const QTransform onScreen = photo->frameToWidget();
    QVERIFY2(probe(rect, screen, onScreen), "the new rectangle is not on screen");
    QVERIFY2(probe(rect, exportedByCli, QTransform()), "the new rectangle is not in export-frame's image");
    QVERIFY2(!probe(removed, screen, onScreen), "the deleted markup is still on screen");
    QVERIFY2(!probe(removed, exportedByCli, QTransform()), "the deleted markup is still in export-frame's image");
    window->close();
}

// The gallery reviews all its captures at once (on the store worker): the
// gallery shows the new status, its filter finds them, and each capture has
// its outbox entry.
void TestMainWindow::reviewingFromTheGallery()
{
    showAssetAndWait(m_asset.id);
    sl::CaptureGalleryWidget *gallery = m_window->captureGallery();
    QVERIFY(gallery->count() >= 2);
    gallery->listWidget()->selectAll();
    const QStringList ids = gallery->selectedCaptureIds();
    QCOMPARE(ids.size(), gallery->count());

    QSignalSpy finished(m_window.get(), &sl::MainWindow::reviewFinished);
    gallery->reviewSelected(sl::ReviewStatus::NeedsFollowUp, QStringLiteral("Check the flange"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(finished.first().first().toBool());
    // The gallery reads again and shows the status.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(gallery->entries().begin(), gallery->entries().end(),
                                         [](const sl::GalleryEntry &e) {
                                             return e.record.reviewStatus == sl::ReviewStatus::NeedsFollowUp;
                                         }),
                             10000);
    gallery->setStatusFilter(sl::ReviewStatus::Approved);
    QCOMPARE(gallery->visibleCount(), 0);
    gallery->setStatusFilter(sl::ReviewStatus::NeedsFollowUp);
    QCOMPARE(gallery->visibleCount(), gallery->count());
    gallery->setStatusFilter(std::nullopt);

    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    for (const QString &id : ids) {
        const std::optional<sl::OutboxEntry> entry = workspace->outbox().newestFor(QStringLiteral("capture"), id);
        QVERIFY(entry);
        QCOMPARE(entry->payload.value(QStringLiteral("sl_reviewstatus")).toString(), QStringLiteral("needs-follow-up"));
        QCOMPARE(entry->payload.value(QStringLiteral("sl_reviewnote")).toString(), QStringLiteral("Check the flange"));
    }

    // A note alone (Review with a note…) keeps each capture's own status.
    gallery->listWidget()->clearSelection();
    gallery->listWidget()->item(0)->setSelected(true);
    gallery->reviewSelected(sl::ReviewStatus::Approved);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    const QString approved = gallery->selectedCaptureIds().first();
    gallery->listWidget()->selectAll();
    gallery->reviewSelected(std::nullopt, QStringLiteral("Seen on site"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(gallery->entries().begin(), gallery->entries().end(),
                                         [](const sl::GalleryEntry &e) { return e.record.reviewNote == "Seen on site"; }),
                             10000);
    for (const sl::GalleryEntry &e : gallery->entries())
        QCOMPARE(e.record.reviewStatus,
                 e.record.id == approved ? sl::ReviewStatus::Approved : sl::ReviewStatus::NeedsFollowUp);
}

void TestMainWindow::videoPlaysWithWorldMarkup()
{
    int row = -1;
    openFromGallery(sl::MediaType::Video, &row);
    if (QTest::currentTestFailed())
        return;
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    QTRY_VERIFY(viewer->currentVideoPlayer() != nullptr);
    sl::VideoPlayerWidget *player = viewer->currentVideoPlayer();
    player->play();
    QTRY_VERIFY_WITH_TIMEOUT(player->framesPainted() >= 3, 15000);
    QVERIFY2(player->errorText().isEmpty(), qPrintable(player->errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(player->lastOverlayResult().worldMarkupsDrawn > 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(player->currentFrameTime() > 0, 15000);
}

// M bookmarks the frame on screen (or the loop range), the store writes it
// with its outbox entry, the list beside the player shows it, ] and [ jump
// between bookmarks by frame, and renaming and deleting write through.
void TestMainWindow::bookmarksAreStoredListedAndJumpedTo()
{
    int row = -1;
    openFromGallery(sl::MediaType::Video, &row);
    if (QTest::currentTestFailed())
        return;
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    QTRY_VERIFY(viewer->currentVideoPlayer() != nullptr);
    sl::VideoPlayerWidget *player = viewer->currentVideoPlayer();
    const QString captureId = viewer->currentCaptureId();
    QTRY_VERIFY_WITH_TIMEOUT(player->frameIndex() && player->currentFrameIndex() >= 0, 15000);
    player->pause();
    player->goToFirstFrame();
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 0, 15000);
    const size_t before = player->bookmarks().size();
    QSignalSpy written(m_window.get(), &sl::MainWindow::bookmarksWritten);

    // A moment at frame 10.
    player->stepFrames(10);
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 10, 15000);
    player->canvas()->setFocus();
    QTest::keyClick(player->canvas(), Qt::Key_M);
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10000);
    QVERIFY(written.last().at(1).toBool());
    QCOMPARE(player->bookmarks().size(), before + 1);
    // A range from the loop's in and out points, frames 20 to 25.
    player->stepFrames(10);
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 20, 15000);
    player->markIn();
    player->stepFrames(5);
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 25, 15000);
    player->markOut();
    player->addBookmark();
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 2, 10000);
    const std::vector<sl::Bookmark> shown = player->bookmarks();
    QCOMPARE(shown.size(), before + 2);
    const sl::Bookmark range = shown.back();
    QCOMPARE(range.from, player->frameIndex()->timeOf(20));
    QCOMPARE(range.to, player->frameIndex()->timeOf(25));
    QTreeWidget *list = player->bookmarkPanel()->list();
    QCOMPARE(list->topLevelItemCount(), int(before + 2));

    // The store holds both, in the manifest its outbox entry sends.
    {
        QString error;
        auto workspace = sl::Workspace::open(m_workspaceDir, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->captures().byId(captureId)->manifest.bookmarks.size(), before + 2);
        const std::optional<sl::OutboxEntry> entry = workspace->outbox().newestFor(QStringLiteral("capture"), captureId);
        QVERIFY(entry);
        QVERIFY(entry->payload.value(QStringLiteral("sl_manifest")).toString().contains(range.id));
    }

    // ] and [ go from bookmark to bookmark (the demo's own too), by frame.
    std::vector<int> starts;
    for (const sl::Bookmark &b : player->bookmarks())
        starts.push_back(player->frameIndex()->indexAt(b.from));
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    QVERIFY(std::find(starts.begin(), starts.end(), 10) != starts.end());
    QVERIFY(std::find(starts.begin(), starts.end(), 20) != starts.end());
    if (starts.front() == 0)
        starts.erase(starts.begin());
    player->goToFirstFrame();
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 0, 15000);
    player->canvas()->setFocus();
    for (const int start : starts) {
        QTest::keyClick(player->canvas(), Qt::Key_BracketRight);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), start, 15000);
    }
    QTest::keyClick(player->canvas(), Qt::Key_BracketRight); // none after the last: it stays
    QTest::qWait(200);
    QCOMPARE(player->currentFrameIndex(), starts.back());
    for (auto it = starts.rbegin() + 1; it != starts.rend(); ++it) {
        QTest::keyClick(player->canvas(), Qt::Key_BracketLeft);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), *it, 15000);
    }

    // Renamed in place, then deleted, from the list.
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toString() == range.id)
            item = list->topLevelItem(i);
    QVERIFY(item);
    item->setText(0, QStringLiteral("loose flange"));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 3, 10000);
    const auto renamed = std::find_if(player->bookmarks().begin(), player->bookmarks().end(),
                                      [&](const sl::Bookmark &b) { return b.id == range.id; });
    QVERIFY(renamed != player->bookmarks().end());
    QCOMPARE(renamed->name, QStringLiteral("loose flange"));
    Q_EMIT player->bookmarkPanel()->removeRequested(range.id);
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 4, 10000);
    QCOMPARE(player->bookmarks().size(), before + 1);
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    const std::vector<sl::Bookmark> stored = workspace->captures().byId(captureId)->manifest.bookmarks;
    QCOMPARE(stored.size(), before + 1);
    QVERIFY(std::none_of(stored.begin(), stored.end(), [&](const sl::Bookmark &b) { return b.id == range.id; }));
}

// The player's Snapshot action stores the frame on screen as a new photo
// capture (off the GUI thread), which shows in the gallery and opens in the
// annotation editor.
void TestMainWindow::snapshotFromThePlayerOpensANewCapture()
{
    // The demo's video and its asset.
    QString videoId, videoAsset;
    {
        QString error;
        auto workspace = sl::Workspace::open(m_workspaceDir, &error);
        QVERIFY2(workspace, qPrintable(error));
        sl::Statement video = workspace->database().cached(
            "SELECT id, coalesce(asset_id, '') FROM captures WHERE media_type = 'video' ORDER BY id LIMIT 1");
        if (video.step()) {
            videoId = video.columnText(0);
            videoAsset = video.columnText(1);
        }
        QVERIFY2(!videoId.isEmpty(), "the demo has no video");
    }
    showAssetAndWait(videoAsset);
    QSignalSpy opened(m_window.get(), &sl::MainWindow::captureOpened);
    m_window->openCapture(videoId);
    QVERIFY(opened.wait(10000));
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    QTRY_VERIFY(viewer->currentVideoPlayer() != nullptr);
    sl::VideoPlayerWidget *player = viewer->currentVideoPlayer();
    QCOMPARE(viewer->currentCaptureId(), videoId);
    QTRY_VERIFY_WITH_TIMEOUT(player->frameIndex() != nullptr && player->currentFrameIndex() >= 0, 15000);
    player->pause();
    player->goToFirstFrame();
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 0, 15000);
    player->stepFrames(5);
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 5, 15000);
    const double shownAt = player->currentFrameTime();

    QAction *snapshot = player->findChild<QAction *>(QStringLiteral("snapshotAction"));
    QVERIFY(snapshot);
    QCOMPARE(snapshot->shortcut(), QKeySequence(Qt::Key_S));
    QAction *baked = player->findChild<QAction *>(QStringLiteral("bakedSnapshotAction"));
    QVERIFY(baked);
    QCOMPARE(baked->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_S));
    QSignalSpy finished(m_window.get(), &sl::MainWindow::snapshotFinished);
    QSignalSpy annotating(m_window.get(), &sl::MainWindow::annotationOpened);
    snapshot->trigger();
    QVERIFY(finished.wait(30000));
    const QString id = finished.first().first().toString();
    QVERIFY(!id.isEmpty());

    // It opens in the annotation editor, and shows in the gallery.
    QTRY_COMPARE_WITH_TIMEOUT(annotating.count(), 1, 15000);
    auto *window = annotating.first().first().value<sl::AnnotationWindow *>();
    QVERIFY(window);
    QCOMPARE(window->document()->captureId(), id);
    QCOMPARE(viewer->currentCaptureId(), id);
    sl::CaptureGalleryWidget *gallery = m_window->captureGallery();
    const auto inGallery = [gallery, &id] {
        for (int i = 0; i < gallery->count(); ++i)
            if (gallery->captureIdAt(i) == id)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(inGallery(), 15000);
    window->close();

    // Stored: a photo of the frame's time, and one outbox entry creating it.
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    const std::optional<sl::CaptureRecord> record = workspace->captures().byId(id);
    QVERIFY(record);
    QCOMPARE(record->mediaType, sl::MediaType::Photo);
    const QJsonObject origin = record->manifest.raw.value(QStringLiteral("snapshot")).toObject();
    QCOMPARE(origin.value(QStringLiteral("sourceCapture")).toString(), videoId);
    QCOMPARE(origin.value(QStringLiteral("frame")).toInt(), 5);
    QVERIFY(std::abs(origin.value(QStringLiteral("time")).toDouble() - shownAt) < 1e-3);
    int entries = 0;
    for (const sl::OutboxEntry &entry : sl::OutboxRepository(workspace->database()).pending(1000))
        if (entry.entityId == id) {
            ++entries;
            QCOMPARE(entry.operation, QStringLiteral("create"));
        }
    QCOMPARE(entries, 1);
}

void TestMainWindow::openingACaptureSelectsItInTheGallery()
{
    showAssetAndWait(m_asset.id);
    sl::CaptureGalleryWidget *gallery = m_window->captureGallery();
    const int video = rowOfType(*gallery, sl::MediaType::Video);
    QVERIFY2(video >= 0, "the demo asset with captures has no video");
    gallery->listWidget()->setCurrentRow(video == 0 ? 1 : 0);
    QSignalSpy opened(m_window.get(), &sl::MainWindow::captureOpened);
    m_window->openCapture(gallery->captureIdAt(video));
    QVERIFY(opened.wait(10000));
    QCOMPARE(gallery->listWidget()->currentRow(), video);
}

void TestMainWindow::ctrlFFocusesSearch()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->captureGallery()->listWidget()->setFocus();
    QTRY_VERIFY(!m_window->assetBrowser()->searchEdit()->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->assetBrowser()->searchEdit()->hasFocus());
}

void TestMainWindow::parentLinkShowsParent()
{
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    const std::vector<sl::Asset> all = workspace->assets().page(QString(), {}, m_totalAssets);
    const auto child = std::find_if(all.begin(), all.end(), [](const sl::Asset &a) { return !a.parentId.isEmpty(); });
    QVERIFY2(child != all.end(), "the demo has no child asset");
    showAssetAndWait(child->id);
    QCOMPARE(m_window->assetDetails()->assetId(), child->id);
    const auto parent = workspace->assets().byId(child->parentId);
    QVERIFY(parent);
    QCOMPARE(m_window->assetDetails()->fieldText(QStringLiteral("parent")), parent->name);
    Q_EMIT m_window->assetDetails()->assetLinkActivated(child->parentId);
    QTRY_COMPARE(m_window->currentAssetId(), child->parentId);
    QCOMPARE(m_window->assetDetails()->fieldText(QStringLiteral("name")), parent->name);
    // The master-asset path of the child ends at its parent.
    QVERIFY(!parent->name.isEmpty());
}

void TestMainWindow::importRunsInTheBackground()
{
    const QString folder = m_tmp.filePath(QStringLiteral("to-import"));
    QVERIFY(QDir().mkpath(folder));
    sl::DemoCaptureGenerator::Options options;
    options.videoCount = 0;
    options.photoCount = 1;
    QString error;
    const QStringList manifests = sl::DemoCaptureGenerator::generate(folder, {m_asset.id}, options, &error);
    QVERIFY2(manifests.size() == 1, qPrintable(error));
    QFile broken(QDir(folder).filePath(QStringLiteral("broken.capture.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();

    QSignalSpy finished(m_window.get(), &sl::MainWindow::importFinished);
    m_window->importFolder(folder);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toInt(), 1); // imported
    QCOMPARE(finished.first().at(1).toInt(), 1); // failed
    // The summary is shown without blocking; the window stays usable.
    QMessageBox *summary = m_window->findChild<QMessageBox *>();
    QVERIFY(summary);
    QVERIFY(summary->detailedText().contains(QLatin1String("broken.capture.json")));
    summary->close();
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
