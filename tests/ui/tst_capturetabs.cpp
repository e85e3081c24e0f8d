// Open capture tabs follow changes another connection makes to the
// workspace (a sync, a CLI in another process): new markup and bookmarks
// show in place, keeping what the user is doing; a removed capture keeps its
// tab with a notice and its edits off; a change elsewhere leaves them alone.
#include "annotation/bookmarkeditor.h"
#include "capturetabrefresher.h"
#include "captureviewerwidget.h"
#include "demo/demoworkspacebuilder.h"
#include "mainwindow.h"
#include "overlaylegendpanel.h"
#include "photoview.h"
#include "player/bookmarkpanel.h"
#include "player/timelinewidget.h"
#include "store/capturerefresh.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/storeworker.h"
#include "store/workspace.h"
#include "sync/remotemediapanel.h"
#include "videocanvas.h"
#include "videoplayerwidget.h"

#include <QAction>
#include <QCheckBox>
#include <QPushButton>
#include <QDir>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

namespace {

const QString kAt = QStringLiteral("2026-11-30T12:00:00Z");

bool hasMarkup(const std::vector<sl::Markup> &markups, const QString &id)
{
    return std::any_of(markups.begin(), markups.end(), [&](const sl::Markup &m) { return m.id == id; });
}

sl::Markup imageRect(const QString &id)
{
    sl::Markup markup;
    markup.id = id;
    markup.kind = sl::MarkupKind::Rect;
    markup.space = sl::MarkupSpace::Image;
    markup.imagePoints = {{0.2, 0.2}, {0.6, 0.5}};
    markup.author = QStringLiteral("Field tech");
    markup.createdAt = kAt;
    return markup;
}

} // namespace

class TestCaptureTabs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void changeElsewhereLeavesTheTabAlone();
    void newMarkupShowsInTheOpenPhotoKeepingItsView();
    void newMarkupAndBookmarksShowInTheOpenPlayerKeepingItsFrame();
    void aReplacedCameraOpensTheTabAgainInItsPlace();
    void removedCaptureKeepsItsTabWithANotice();
    void aTabWaitingForItsFileGivesWayOnceItCame();
    void cleanupTestCase();

private:
    // Writes through a connection of the test's own, as another process would, in one transaction.
    void writeElsewhere(const std::function<void(sl::Workspace &)> &write);
    // Opens a capture in the viewer and waits for it.
    void open(const QString &captureId);
    // Waits until the open tab of `captureId` shows its capture as read again.
    bool waitForRefresh(const QString &captureId);

    QTemporaryDir m_tmp;
    QString m_workspaceDir;
    QString m_photoId; // a photo and a video of one asset (one spatial frame)
    QString m_videoId;
    QString m_otherPhotoId; // a photo of another asset
    std::unique_ptr<sl::MainWindow> m_window;
};

void TestCaptureTabs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    m_workspaceDir = m_tmp.filePath(QStringLiteral("workspace"));
    sl::DemoWorkspaceBuilder::Options options;
    options.videoCount = 1;
    options.photoCount = 3;
    options.videoSeconds = 2;
    QString error;
    QVERIFY2(sl::DemoWorkspaceBuilder::build(m_workspaceDir, options, &error), qPrintable(error));
    {
        auto workspace = sl::Workspace::open(m_workspaceDir, &error);
        QVERIFY2(workspace, qPrintable(error));
        sl::Statement video = workspace->database().cached(
            "SELECT id, asset_id FROM captures WHERE media_type = 'video' ORDER BY id LIMIT 1");
        QVERIFY(video.step());
        m_videoId = video.columnText(0);
        const QString asset = video.columnText(1);
        for (const sl::CaptureRecord &record : workspace->captures().forAsset(asset))
            if (record.mediaType == sl::MediaType::Photo && m_photoId.isEmpty())
                m_photoId = record.id;
        sl::Statement other = workspace->database().cached(
            "SELECT id FROM captures WHERE media_type = 'photo' AND asset_id <> ?1 ORDER BY id LIMIT 1");
        other.bind(1, asset);
        QVERIFY(other.step());
        m_otherPhotoId = other.columnText(0);
    }
    QVERIFY2(!m_photoId.isEmpty(), "the demo's video has no photo beside it");

    m_window = std::make_unique<sl::MainWindow>();
    QSignalSpy opened(m_window.get(), &sl::MainWindow::workspaceOpened);
    m_window->openWorkspace(m_workspaceDir);
    QVERIFY(opened.wait(30000));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCaptureTabs::writeElsewhere(const std::function<void(sl::Workspace &)> &write)
{
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    sl::Transaction transaction(workspace->database());
    write(*workspace);
    transaction.commit();
}

void TestCaptureTabs::open(const QString &captureId)
{
    QSignalSpy opened(m_window.get(), &sl::MainWindow::captureOpened);
    m_window->openCapture(captureId);
    QVERIFY(opened.wait(10000));
    QCOMPARE(m_window->captureViewer()->currentCaptureId(), captureId);
}

bool TestCaptureTabs::waitForRefresh(const QString &captureId)
{
    QSignalSpy refreshed(m_window->captureViewer(), &sl::CaptureViewerWidget::captureRefreshed);
    for (int i = 0; i < 20; ++i) {
        for (const QList<QVariant> &args : refreshed)
            if (args.first().toString() == captureId)
                return true;
        refreshed.wait(1000);
    }
    return false;
}

void TestCaptureTabs::changeElsewhereLeavesTheTabAlone()
{
    open(m_photoId);
    sl::PhotoView *photo = m_window->captureViewer()->currentPhotoView();
    QVERIFY(photo);
    QTRY_VERIFY_WITH_TIMEOUT(photo->hasFrame(), 15000);
    const std::vector<sl::Markup> before = photo->manifest().markups;
    QSignalSpy loaded(photo, &sl::PhotoView::loaded);
    QSignalSpy touched(m_window->captureViewer(), &sl::CaptureViewerWidget::captureRefreshed);
    // Refreshes answered after the write was noticed: the refresh asked for
    // then reads it (an answer to an older one is dropped by then).
    bool written = false;
    bool noticed = false;
    QList<int> answers;
    QObject context;
    connect(m_window->store(), &sl::StoreWorker::changed, &context, [&] { noticed = noticed || written; });
    connect(m_window->captureTabRefresher(), &sl::CaptureTabRefresher::refreshed, &context, [&](int changedTabs) {
        if (noticed)
            answers.append(changedTabs);
    });

    writeElsewhere([this](sl::Workspace &workspace) {
        sl::MarkupRepository(workspace.database())
            .write(m_otherPhotoId, imageRect(QStringLiteral("elsewhere")), false, kAt);
    });
    written = true;
    QTRY_VERIFY_WITH_TIMEOUT(!answers.isEmpty(), 15000);
    QCOMPARE(answers.first(), 0);
    QCOMPARE(touched.count(), 0);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(sl::sameMarkups(photo->manifest().markups, before));
}

void TestCaptureTabs::newMarkupShowsInTheOpenPhotoKeepingItsView()
{
    open(m_photoId);
    sl::PhotoView *photo = m_window->captureViewer()->currentPhotoView();
    QVERIFY(photo);
    QTRY_VERIFY_WITH_TIMEOUT(photo->hasFrame(), 15000);
    photo->setView(2.5, QPointF(-40, 12));
    // One of the legend's toggles off (the first author or kind listed).
    QCheckBox *toggle = photo->legendPanel()->findChild<QCheckBox *>();
    QVERIFY(toggle);
    toggle->setChecked(false);
    const sl::OverlayFilter filter = photo->overlayFilter();
    QVERIFY(!(filter == sl::OverlayFilter()));
    QSignalSpy loaded(photo, &sl::PhotoView::loaded);

    writeElsewhere([this](sl::Workspace &workspace) {
        sl::MarkupRepository(workspace.database())
            .write(m_photoId, imageRect(QStringLiteral("pulled-rect")), false, kAt);
    });
    QVERIFY(waitForRefresh(m_photoId));
    QVERIFY(hasMarkup(photo->manifest().markups, QStringLiteral("pulled-rect")));
    QCOMPARE(m_window->captureViewer()->currentRecord().manifest.markups.size(), photo->manifest().markups.size());
    // The same view of the same picture: not opened again.
    QCOMPARE(photo->viewZoom(), 2.5);
    QCOMPARE(photo->viewPan(), QPointF(-40, 12));
    QVERIFY(photo->overlayFilter() == filter);
    QVERIFY(photo->hasFrame());
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(m_window->captureViewer()->currentPhotoView(), photo);
}

void TestCaptureTabs::newMarkupAndBookmarksShowInTheOpenPlayerKeepingItsFrame()
{
    open(m_videoId);
    sl::VideoPlayerWidget *player = m_window->captureViewer()->currentVideoPlayer();
    QVERIFY(player);
    QTRY_VERIFY_WITH_TIMEOUT(player->frameIndex() != nullptr && player->currentFrameIndex() >= 0, 15000);
    player->pause();
    player->goToFirstFrame();
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 0, 15000);
    player->stepFrames(5);
    QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), 5, 15000);
    player->markIn();
    const double loopIn = player->loopIn();
    QTRY_VERIFY_WITH_TIMEOUT(!player->timeline()->density().empty(), 15000);
    const std::vector<int> density = player->timeline()->density();

    // Image markup on the video, world markup of its frame through the photo
    // beside it, and a bookmark: what a sync pulls.
    writeElsewhere([this](sl::Workspace &workspace) {
        sl::MarkupRepository markups(workspace.database());
        markups.write(m_videoId, imageRect(QStringLiteral("pulled-video-rect")), false, kAt);
        sl::Markup world;
        world.id = QStringLiteral("pulled-world-line");
        world.kind = sl::MarkupKind::Line;
        world.space = sl::MarkupSpace::World;
        world.worldPoints = {cv::Vec3d(0, 0, 0), cv::Vec3d(0.3, 0.2, 0.1)};
        world.createdAt = kAt;
        markups.write(m_photoId, world, false, kAt);
        sl::Bookmark bookmark;
        bookmark.id = QStringLiteral("pulled-bookmark");
        bookmark.name = QStringLiteral("loose flange");
        bookmark.from = 0.5;
        bookmark.to = 1.0;
        sl::BookmarkEditor(workspace.database()).put(m_videoId, bookmark, QStringLiteral("Field tech"));
    });
    QVERIFY(waitForRefresh(m_videoId));
    QVERIFY(hasMarkup(player->canvas()->manifest().markups, QStringLiteral("pulled-video-rect")));
    const auto &bookmarks = player->bookmarks();
    QVERIFY(std::any_of(bookmarks.begin(), bookmarks.end(),
                        [](const sl::Bookmark &b) { return b.id == QLatin1String("pulled-bookmark"); }));
    QCOMPARE(int(player->bookmarkPanel()->bookmarks().size()), int(bookmarks.size()));
    // The frame's world markup, written through the photo beside it.
    QVERIFY(hasMarkup(player->canvas()->worldMarkups(), QStringLiteral("pulled-world-line")));
    // What the user was doing stays: the frame, paused, the loop's in point.
    QCOMPARE(player->currentFrameIndex(), 5);
    QVERIFY(!player->isPlaying());
    QCOMPARE(player->loopIn(), loopIn);
    // The density strip counts the new markup (visible all along).
    QTRY_VERIFY_WITH_TIMEOUT(player->timeline()->density() != density, 15000);
}

// A newer version of a capture (another camera, other poses, a new file)
// cannot be patched into the open view: a new view takes its tab's place.
void TestCaptureTabs::aReplacedCameraOpensTheTabAgainInItsPlace()
{
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    open(m_otherPhotoId);
    QPointer<sl::PhotoView> before = viewer->currentPhotoView();
    QVERIFY(before);
    QTRY_VERIFY_WITH_TIMEOUT(before->hasFrame(), 15000);
    const int index = viewer->tabWidget()->currentIndex();
    const int tabs = viewer->count();
    QVERIFY(before->manifest().camera);
    const double fx = before->manifest().camera->fx;

    writeElsewhere([this, fx](sl::Workspace &workspace) {
        sl::CaptureManifest manifest = workspace.captures().byId(m_otherPhotoId)->manifest;
        manifest.camera->fx = fx * 1.05;
        workspace.captures().replaceManifest(m_otherPhotoId, manifest);
    });
    QVERIFY(waitForRefresh(m_otherPhotoId));
    QTRY_VERIFY(!before); // the old view is gone
    sl::PhotoView *after = viewer->currentPhotoView();
    QVERIFY(after);
    QCOMPARE(viewer->currentCaptureId(), m_otherPhotoId);
    QCOMPARE(viewer->count(), tabs);
    QCOMPARE(viewer->tabWidget()->currentIndex(), index);
    QCOMPARE(after->manifest().camera->fx, fx * 1.05);
    QCOMPARE(viewer->currentRecord().manifest.camera->fx, fx * 1.05);
    QTRY_VERIFY_WITH_TIMEOUT(after->hasFrame(), 15000);
}

void TestCaptureTabs::removedCaptureKeepsItsTabWithANotice()
{
    sl::CaptureViewerWidget *viewer = m_window->captureViewer();
    open(m_videoId); // (open already when the tests before ran)
    open(m_photoId);
    sl::PhotoView *photo = viewer->currentPhotoView();
    QVERIFY(photo);
    QAction *annotate = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A))
            annotate = action;
    QVERIFY(annotate);
    QVERIFY(annotate->isEnabled());
    const int tabs = viewer->count();

    writeElsewhere([this](sl::Workspace &workspace) {
        QVERIFY(workspace.captures().remove(m_photoId));
        QVERIFY(workspace.captures().remove(m_videoId));
    });
    QVERIFY(waitForRefresh(m_photoId));
    // Still open, saying why, with nothing that writes to it.
    QCOMPARE(viewer->count(), tabs);
    QCOMPARE(viewer->currentPhotoView(), photo);
    QVERIFY(viewer->isRemoved(m_photoId));
    QCOMPARE(photo->noticeText(), sl::CaptureViewerWidget::removedNotice());
    // With SIGHTLINE_SCREENSHOT_DIR set (run under xvfb-run): what the user sees.
    if (const QString dir = qEnvironmentVariable("SIGHTLINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("removed-capture.png"))));
    }
    QVERIFY(!annotate->isEnabled());
    QAction *snapshot = photo->findChild<QAction *>(QStringLiteral("snapshotAction"));
    QVERIFY(snapshot);
    QVERIFY(!snapshot->isEnabled());
    QSignalSpy snapshots(viewer, &sl::CaptureViewerWidget::snapshotRequested);
    Q_EMIT photo->snapshotRequested(false);
    QCOMPARE(snapshots.count(), 0);

    // The video's tab, open beside it, too: no bookmark edits, no snapshot.
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isRemoved(m_videoId), 15000);
    QTabWidget *tabWidget = viewer->tabWidget();
    sl::VideoPlayerWidget *player = nullptr;
    for (int i = 0; i < tabWidget->count(); ++i)
        if (auto *p = qobject_cast<sl::VideoPlayerWidget *>(tabWidget->widget(i)))
            player = p;
    QVERIFY(player);
    QCOMPARE(player->canvas()->noticeText(), sl::CaptureViewerWidget::removedNotice());
    QVERIFY(!player->bookmarkPanel()->isEditable());
    QVERIFY(!player->findChild<QAction *>(QStringLiteral("addBookmarkAction"))->isEnabled());
    QVERIFY(!player->findChild<QAction *>(QStringLiteral("snapshotAction"))->isEnabled());
    QSignalSpy bookmarkPuts(viewer, &sl::CaptureViewerWidget::bookmarkPutRequested);
    Q_EMIT player->bookmarkPutRequested(sl::Bookmark{});
    QCOMPARE(bookmarkPuts.count(), 0);
    // Another tab's edits are still on.
    tabWidget->setCurrentWidget(player);
    QVERIFY(!annotate->isEnabled());
    open(m_otherPhotoId);
    QVERIFY(annotate->isEnabled());
}

// The viewer alone: a tab opened while its file was on the asset store only,
// read again once the file is here (or once the capture is gone).
void TestCaptureTabs::aTabWaitingForItsFileGivesWayOnceItCame()
{
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    QVERIFY2(workspace, qPrintable(error));
    const std::optional<sl::CaptureOpening> opening = sl::CaptureOpening::read(*workspace, m_otherPhotoId);
    QVERIFY(opening);
    QVERIFY(!opening->mediaToFetch);

    sl::CaptureViewerWidget viewer;
    viewer.openCapture(opening->record, opening->mediaPath, opening->worldMarkups, true); // as if not fetched yet
    QVERIFY(viewer.remoteMediaPanel(m_otherPhotoId));
    const std::vector<sl::ShownCapture> shown = viewer.shownCaptures();
    QCOMPARE(int(shown.size()), 1);
    QVERIFY(shown[0].mediaToFetch);
    std::vector<sl::CaptureRefresh> changes = sl::refreshShownCaptures(*workspace, shown);
    QCOMPARE(int(changes.size()), 1);
    QSignalSpy refreshed(&viewer, &sl::CaptureViewerWidget::captureRefreshed);
    viewer.applyRefresh(std::move(changes));
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(viewer.count(), 1);
    QVERIFY(!viewer.remoteMediaPanel(m_otherPhotoId));
    QVERIFY(viewer.currentPhotoView());
    QCOMPARE(viewer.currentCaptureId(), m_otherPhotoId);
    QVERIFY(viewer.shownCaptures().at(0).mediaToFetch == false);

    // A waiting tab whose capture is gone says so, and offers no fetch.
    viewer.closeAll();
    viewer.openCapture(opening->record, opening->mediaPath, opening->worldMarkups, true);
    sl::RemoteMediaPanel *panel = viewer.remoteMediaPanel(m_otherPhotoId);
    QVERIFY(panel);
    std::vector<sl::CaptureRefresh> gone;
    gone.push_back({m_otherPhotoId, std::nullopt});
    viewer.applyRefresh(std::move(gone));
    QVERIFY(viewer.isRemoved(m_otherPhotoId));
    QVERIFY(panel->isRemoved());
    QCOMPARE(panel->statusText(), sl::CaptureViewerWidget::removedNotice());
    QVERIFY(!panel->fetchButton()->isEnabled());
    QVERIFY(viewer.capturesWaitingForMedia().isEmpty());
    QVERIFY(viewer.shownCaptures().empty());
    QSignalSpy fetches(&viewer, &sl::CaptureViewerWidget::mediaFetchRequested);
    Q_EMIT panel->fetchRequested();
    QCOMPARE(fetches.count(), 0);
}

void TestCaptureTabs::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestCaptureTabs)
#include "tst_capturetabs.moc"
