#include "mainwindow.h"

#include "annotate/annotationwindow.h"
#include "annotation/snapshotmaker.h"
#include "browser/assetbrowserwidget.h"
#include "browser/assetcsvimportdialog.h"
#include "browser/assetdetailswidget.h"
#include "browser/asseteditdialog.h"
#include "capturegallerywidget.h"
#include "capturetabrefresher.h"
#include "captureviewerwidget.h"
#include "compare/compareactions.h"
#include "common/logging.h"
#include "editing/asseteditor.h"
#include "editing/asseteditrequest.h"
#include "editing/editauthor.h"
#include "editing/revieweditor.h"
#include "importjob.h"
#include "photoview.h"
#include "player/bookmarkwriter.h"
#include "player/videoexportrunner.h"
#include "items/assetlistmodel.h"
#include "items/assettreemodel.h"
#include "store/assetdetails.h"
#include "store/assetfinder.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/storeworker.h"
#include "store/workspace.h"
#include "sync/mediafetchfollower.h"
#include "sync/syncactions.h"
#include "sync/syncstatuswidget.h"
#include "uitext.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace sl {

namespace {

// How long a sync's message stays in the status bar, ms. A temporary
// message hides the bar's normal widgets (the workspace path) while it is
// shown; the sync's lasting state is on its own badge (SyncStatusWidget).
constexpr int kSyncMessageMs = 10'000;

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kMainSplitterKey = QStringLiteral("mainWindow/mainSplitter");
const QString kRightSplitterKey = QStringLiteral("mainWindow/rightSplitter");
const QString kTopSplitterKey = QStringLiteral("mainWindow/topSplitter");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Sightline"));
    m_store = std::make_unique<StoreWorker>();
    m_background = std::make_unique<StoreWorker>();
    m_background->setChangePollInterval(0); // one watcher is enough
    connect(m_store.get(), &StoreWorker::opened, this, &MainWindow::onWorkspaceOpened);
    connect(m_store.get(), &StoreWorker::openFailed, this, &MainWindow::onWorkspaceRefused);
    // The second worker opens with SQLite's check of the whole file: edits
    // wait for it, and a damaged file closes the window's view of it.
    connect(m_background.get(), &StoreWorker::opened, this, [this](const QString &directory) {
        if (directory != m_requested)
            return; // a workspace opened before the current one
        m_verified = true;
        m_sync->setWorkspace(directory); // syncs write: like edits, after the whole-file check
        updateAssetActions();
        Q_EMIT workspaceVerified();
    });
    connect(m_background.get(), &StoreWorker::openFailed, this, &MainWindow::onWorkspaceRefused);
    connect(m_store.get(), &StoreWorker::changed, this, &MainWindow::onWorkspaceChanged);
    buildUi();
    buildMenus();
    restoreSettings();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Views and the models refer to the workers: let them go first.
    m_viewer->closeAll();
    m_gallery->clear();
    m_browser->setModels(nullptr, nullptr, nullptr);
    m_model.reset();
    m_treeModel.reset();
    m_store.reset();
    m_background.reset();
}

void MainWindow::buildUi()
{
    m_browser = new AssetBrowserWidget(this);
    m_details = new AssetDetailsWidget(this);
    m_gallery = new CaptureGalleryWidget(this);
    m_viewer = new CaptureViewerWidget(this);
    m_tabRefresher = new CaptureTabRefresher(*m_store, *m_viewer, this);
    connect(m_tabRefresher, &CaptureTabRefresher::readFailed, this, &MainWindow::showStoreError);
    auto *bookmarks = new BookmarkWriter(*m_store, *m_viewer, this);
    connect(bookmarks, &BookmarkWriter::written, this, [this](const QString &captureId, const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The bookmark was not saved: %1").arg(error), 15000);
        Q_EMIT bookmarksWritten(captureId, error.isEmpty());
    });
    connect(m_viewer, &CaptureViewerWidget::snapshotRequested, this, &MainWindow::snapshotCapture);
    m_videoExport = new VideoExportRunner(*m_store, this);
    m_videoExport->serve(*m_viewer);
    // A snapshot just made goes to the annotation editor once its photo shows.
    connect(this, &MainWindow::captureOpened, this, [this](const QString &captureId) {
        if (captureId != m_annotateWhenOpened)
            return;
        m_annotateWhenOpened.clear();
        QPointer<PhotoView> photo = m_viewer->currentPhotoView();
        if (!photo)
            return;
        if (photo->hasFrame()) {
            annotateCurrentPhoto();
            return;
        }
        connect(
            photo, &PhotoView::loaded, this,
            [this, photo](bool ok) {
                if (ok && photo && m_viewer->currentPhotoView() == photo)
                    annotateCurrentPhoto();
            },
            Qt::SingleShotConnection);
    });

    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setMinimumWidth(220);

    auto *galleryPane = new QWidget(this);
    m_galleryTitle = new QLabel(tr("Captures"), galleryPane);
    QFont titleFont = m_galleryTitle->font();
    titleFont.setBold(true);
    m_galleryTitle->setFont(titleFont);
    auto *galleryLayout = new QVBoxLayout(galleryPane);
    galleryLayout->setContentsMargins(4, 4, 4, 0);
    galleryLayout->addWidget(m_galleryTitle);
    galleryLayout->addWidget(m_gallery, 1);

    // Two panes each; the second one takes the extra room.
    const auto splitter = [this](Qt::Orientation orientation, const QString &name, QWidget *first,
                                 QWidget *second, const QList<int> &sizes) {
        auto *split = new QSplitter(orientation, this);
        split->setObjectName(name);
        split->addWidget(first);
        split->addWidget(second);
        split->setStretchFactor(1, 1);
        split->setSizes(sizes);
        return split;
    };
    m_topSplitter = splitter(Qt::Horizontal, QStringLiteral("topSplitter"), detailsScroll, galleryPane, {300, 700});
    m_rightSplitter = splitter(Qt::Vertical, QStringLiteral("rightSplitter"), m_topSplitter, m_viewer, {330, 450});
    m_mainSplitter = splitter(Qt::Horizontal, QStringLiteral("mainSplitter"), m_browser, m_rightSplitter, {580, 700});
    setCentralWidget(m_mainSplitter);

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("workspacePathLabel"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("workspaceCountLabel"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_browser, &AssetBrowserWidget::assetSelected, this, [this](const QString &id) {
        if (!id.isEmpty())
            showAsset(id);
    });
    connect(m_details, &AssetDetailsWidget::assetLinkActivated, this, [this](const QString &id) { showAsset(id); });
    connect(m_gallery, &CaptureGalleryWidget::captureActivated, this, [this](const QString &id) { openCapture(id); });
    connect(m_gallery, &CaptureGalleryWidget::reviewRequested, this,
            [this](const QStringList &ids, bool withStatus, ReviewStatus status, bool withNote, const QString &note) {
                reviewCaptures(ids, withStatus ? std::optional<ReviewStatus>(status) : std::nullopt,
                               withNote ? std::optional<QString>(note) : std::nullopt);
            });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(tr("&Open workspace…"), this, &MainWindow::chooseWorkspace);
    m_openAction->setShortcut(QKeySequence::Open);
    m_importAction = file->addAction(tr("&Import captures…"), this, &MainWindow::chooseImportFolder);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *asset = menuBar()->addMenu(tr("&Asset"));
    m_newAssetAction = asset->addAction(tr("&New asset…"), this, [this] { editAsset(QString()); });
    m_newAssetAction->setShortcut(QKeySequence::New);
    m_editAssetAction = asset->addAction(tr("&Edit asset…"), this, [this] { editAsset(m_currentAssetId); });
    m_editAssetAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_deactivateAction = asset->addAction(tr("&Deactivate asset"), this,
                                          [this] { setCurrentAssetActive(m_currentAssetState != 0); });
    asset->addSeparator();
    m_importCsvAction = asset->addAction(tr("Import assets from &CSV…"), this, [this] { importAssetsFromCsv(); });
    m_importCsvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));

    QMenu *capture = menuBar()->addMenu(tr("&Capture"));
    QAction *annotate = capture->addAction(tr("&Annotate photo…"), this, &MainWindow::annotateCurrentPhoto);
    annotate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_viewer, &CaptureViewerWidget::currentWritableChanged, annotate, &QAction::setEnabled);
    m_compare = new CompareActions(this);
    m_compare->addTo(capture);

    m_sync = new SyncActions(*m_store, this);
    m_sync->addTo(menuBar());
    statusBar()->addPermanentWidget(new SyncStatusWidget(*m_store, *m_sync, this));
    new MediaFetchFollower(*m_store, *m_viewer, *m_sync, this);
    connect(this, &MainWindow::assetShown, m_sync, &SyncActions::setCurrentAsset);
    connect(m_sync, &SyncActions::statusChanged, this,
            [this](const QString &text) { statusBar()->showMessage(text, kSyncMessageMs); });
    m_sync->resume();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Sightline"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    // Not in a menu: Ctrl+F jumps to the search box from anywhere in the window.
    auto *find = new QAction(tr("Find asset"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, m_browser, &AssetBrowserWidget::focusSearch);
    addAction(find);
}

void MainWindow::openWorkspace(const QString &directory)
{
    m_requested = QDir::cleanPath(QFileInfo(directory).absoluteFilePath()); // as the workers report it
    m_verified = false;
    m_refused = false;
    // Rows show at once; the whole-file check runs on the other worker.
    m_store->open(directory, Workspace::Check::Deferred);
    m_background->open(directory, Workspace::Check::BeforeOpening);
}

void MainWindow::onWorkspaceRefused(const QString &directory, const QString &error)
{
    if (QDir::cleanPath(QFileInfo(directory).absoluteFilePath()) != m_requested)
        return; // about a workspace asked for before the current one
    if (m_refused)
        return; // both workers say so: once is enough
    m_refused = true;
    qCWarning(lcUi).noquote() << "cannot open workspace:" << error;
    m_sync->setWorkspace(QString());
    m_store->close();
    m_background->close();
    m_viewer->closeAll();
    m_gallery->clear();
    m_details->clear();
    m_browser->setModels(nullptr, nullptr, nullptr);
    m_model.reset();
    m_treeModel.reset();
    m_directory.clear();
    m_currentAssetId.clear();
    m_requestedAssetId.clear();
    m_galleryKey.clear();
    ++m_detailsGeneration;
    setWindowTitle(tr("Sightline"));
    updateStatus();
    updateAssetActions();
    Q_EMIT workspaceOpenFailed(directory, error);
}

void MainWindow::onWorkspaceOpened(const QString &directory)
{
    if (m_refused || directory != m_requested)
        return; // the check on the other worker was faster, or an older request
    // Everything that showed the old workspace goes.
    m_viewer->closeAll();
    m_gallery->clear();
    m_details->clear();
    m_currentAssetId.clear();
    m_requestedAssetId.clear();
    m_galleryKey.clear();
    ++m_detailsGeneration;
    m_browser->setModels(nullptr, nullptr, nullptr);
    m_model = std::make_unique<AssetListModel>(*m_store, *m_background);
    m_treeModel = std::make_unique<AssetTreeModel>(*m_store);
    connect(m_model.get(), &AssetListModel::readFailed, this, &MainWindow::showStoreError);
    connect(m_treeModel.get(), &AssetTreeModel::readFailed, this, &MainWindow::showStoreError);
    m_directory = directory;
    m_browser->setModels(m_model.get(), m_treeModel.get(), m_background.get());
    // After the first rows (queued before it): where every asset stands in
    // name order, so that the first broad search does not read it.
    m_store->post<bool>(
        this,
        [](Workspace &workspace) {
            workspace.assets().finder().prepare(AssetSort::Name);
            return true;
        },
        [](StoreResult<bool>) {}); // a failure shows again, and is reported, at the search that needs it
    m_galleryTitle->setText(tr("Captures"));
    setWindowTitle(tr("%1 — Sightline").arg(QDir(directory).dirName()));
    updateStatus();
    updateAssetActions();
    qCInfo(lcUi) << "opened workspace" << directory;
    Q_EMIT workspaceOpened(directory);
}

void MainWindow::onWorkspaceChanged()
{
    // Another program (a CLI import, a sync) or an edit here changed the
    // workspace: what is shown is read again, keeping selection and scroll.
    if (m_directory.isEmpty())
        return;
    m_browser->refresh();
    // The asset asked for last, which may not have arrived yet: a change
    // noticed while moving to another asset must not bring the old one back.
    if (!m_requestedAssetId.isEmpty())
        showAsset(m_requestedAssetId);
    m_tabRefresher->refresh(); // the open tabs, in place
    updateStatus();
}

void MainWindow::showAsset(const QString &assetId)
{
    if (m_directory.isEmpty() || assetId.isEmpty())
        return;
    if (m_browser->currentAssetId() != assetId && !m_browser->selectAsset(assetId))
        m_browser->clearSelection(); // not among the current results: shown without a list selection
    const quint64 generation = ++m_detailsGeneration;
    m_requestedAssetId = assetId;
    std::function<std::optional<AssetDetails>(Workspace &)> job = [assetId](Workspace &workspace) {
        return AssetDetails::read(workspace, assetId);
    };
    m_store->post<std::optional<AssetDetails>>(
        this, std::move(job), [this, generation, assetId](StoreResult<std::optional<AssetDetails>> result) {
            if (generation != m_detailsGeneration)
                return; // the user moved on
            if (!result.ok()) {
                showStoreError(result.error);
                return;
            }
            if (!result.value->has_value()) {
                statusBar()->showMessage(tr("That asset is not in this workspace."), 5000);
                if (m_currentAssetId == assetId) { // deleted meanwhile
                    m_currentAssetId.clear();
                    m_requestedAssetId.clear();
                    m_galleryKey.clear();
                    m_details->clear();
                    m_gallery->clear();
                    updateAssetActions();
                }
                return;
            }
            showDetails(**result.value);
        });
}

void MainWindow::showDetails(const AssetDetails &details)
{
    m_currentAssetId = details.asset.id;
    m_currentAssetState = details.asset.stateCode;
    m_details->showAsset(details);
    // The gallery is rebuilt only when its captures changed, so that a
    // refresh does not make every thumbnail again.
    QString key = details.asset.id;
    for (const CaptureListing &capture : details.captures)
        key += QLatin1Char('|') + capture.record.id + QLatin1Char(':') + capture.record.mediaSha256
            + QLatin1Char(':') + reviewStatusKey(capture.record.reviewStatus);
    if (key != m_galleryKey) {
        m_galleryKey = key;
        std::vector<GalleryEntry> entries;
        entries.reserve(details.captures.size());
        for (const CaptureListing &capture : details.captures)
            entries.push_back({capture.record, capture.mediaPath});
        m_galleryTitle->setText(tr("Captures of %1 (%L2)").arg(details.asset.name).arg(entries.size()));
        m_gallery->setCaptures(std::move(entries));
    }
    updateAssetActions();
    Q_EMIT assetShown(details.asset.id);
}

void MainWindow::showStoreError(const QString &message)
{
    qCWarning(lcUi).noquote() << "store:" << message;
    statusBar()->showMessage(tr("The workspace could not be read: %1").arg(message), 15000);
}

void MainWindow::openCapture(const QString &captureId)
{
    if (m_directory.isEmpty() || captureId.isEmpty())
        return;
    std::function<std::optional<CaptureOpening>(Workspace &)> job = [captureId](Workspace &workspace) {
        return CaptureOpening::readForView(workspace, captureId);
    };
    m_store->post<std::optional<CaptureOpening>>(
        this, std::move(job), [this, captureId](StoreResult<std::optional<CaptureOpening>> result) {
            if (!result.ok()) {
                showStoreError(result.error);
                return;
            }
            if (!result.value->has_value()) {
                statusBar()->showMessage(tr("That capture is not in this workspace."), 5000);
                return;
            }
            CaptureOpening &opening = **result.value;
            m_viewer->openCapture(std::move(opening));
            m_gallery->selectCapture(captureId);
            Q_EMIT captureOpened(captureId);
        });
}

void MainWindow::reviewCaptures(const QStringList &captureIds, std::optional<ReviewStatus> status,
                                const std::optional<QString> &note)
{
    if (m_directory.isEmpty() || captureIds.isEmpty())
        return;
    std::function<ReviewOutcome(Workspace &)> job = [captureIds, status, note](Workspace &workspace) {
        return ReviewEditor(workspace.database()).setReview(captureIds, status, note, EditAuthor::current());
    };
    m_store->post<ReviewOutcome>(this, std::move(job), [this](StoreResult<ReviewOutcome> result) {
        if (!result.ok()) {
            showStoreError(result.error);
            Q_EMIT reviewFinished(false);
            return;
        }
        const ReviewOutcome &outcome = *result.value;
        if (outcome.status == ReviewOutcome::Status::Refused)
            statusBar()->showMessage(tr("The review was not saved: %1").arg(outcome.problem), 15000);
        else
            statusBar()->showMessage(tr("Reviewed %n capture(s).", nullptr, int(outcome.changed.size())), 5000);
        // The details and the gallery read again through the worker's changed().
        Q_EMIT reviewFinished(outcome.saved());
    });
}

void MainWindow::annotateCurrentPhoto()
{
    QPointer<PhotoView> photo = m_viewer->currentPhotoView();
    if (!photo || !photo->hasFrame()) {
        statusBar()->showMessage(tr("Open a photo to annotate it."), 5000);
        return;
    }
    const QString captureId = m_viewer->currentCaptureId();
    std::function<std::optional<CaptureOpening>(Workspace &)> job = [captureId](Workspace &workspace) {
        return CaptureOpening::read(workspace, captureId);
    };
    m_store->post<std::optional<CaptureOpening>>(
        this, std::move(job), [this, photo](StoreResult<std::optional<CaptureOpening>> result) {
            if (!result.ok()) {
                showStoreError(result.error);
                return;
            }
            if (!result.value->has_value() || !photo || !photo->hasFrame())
                return;
            CaptureOpening &opening = **result.value;
            // What the viewer shows, world markup first (the order drawn).
            std::vector<Markup> markups = std::move(opening.worldMarkups);
            for (Markup &markup : opening.record.manifest.markups)
                markups.push_back(std::move(markup));
            opening.record.manifest.markups.clear();
            auto *window = new AnnotationWindow(m_store.get(), EditAuthor::current(), opening.record.manifest,
                                                std::move(markups), photo->frame(), this);
            // The viewer follows the editor.
            connect(window, &AnnotationWindow::markupsChanged, photo,
                    [photo](const CaptureManifest &manifest, const std::vector<Markup> &world) {
                        photo->setCapture(manifest, world);
                    });
            window->show();
            Q_EMIT annotationOpened(window);
        });
}

void MainWindow::snapshotCapture(const QString &captureId, double seconds, bool baked)
{
    if (m_directory.isEmpty() || captureId.isEmpty())
        return;
    statusBar()->showMessage(tr("Making a snapshot…"));
    SnapshotRequest request;
    request.sourceCaptureId = captureId;
    request.seconds = seconds;
    request.mode = baked ? SnapshotMode::Baked : SnapshotMode::Clean;
    request.author = EditAuthor::current();
    // Decoding, writing and importing may take a while: the background worker.
    std::function<SnapshotResult(Workspace &)> job = [request](Workspace &workspace) {
        return SnapshotMaker::make(workspace, request);
    };
    m_background->post<SnapshotResult>(this, std::move(job), [this](StoreResult<SnapshotResult> result) {
        if (!result.ok()) {
            showStoreError(result.error);
            Q_EMIT snapshotFinished(QString());
            return;
        }
        if (!result.value->ok()) {
            statusBar()->showMessage(tr("The snapshot was not saved: %1").arg(result.value->error), 15000);
            Q_EMIT snapshotFinished(QString());
            return;
        }
        const QString id = result.value->captureId;
        statusBar()->showMessage(tr("Snapshot saved as a new capture."), 5000);
        m_annotateWhenOpened = id;
        openCapture(id); // the gallery reads it again through the worker's changed()
        Q_EMIT snapshotFinished(id);
    });
}

void MainWindow::showFirstCapture(MediaType preferred)
{
    if (m_directory.isEmpty()) {
        Q_EMIT firstCaptureShown(false);
        return;
    }
    using First = std::pair<QString, QString>; // asset id, capture id
    std::function<First(Workspace &)> job = [preferred](Workspace &workspace) {
        First first;
        first.first = workspace.assets().firstWithCaptures();
        if (first.first.isEmpty())
            return first;
        const std::vector<CaptureRecord> captures = workspace.captures().summariesForAsset(first.first);
        const auto wanted = std::find_if(captures.begin(), captures.end(),
                                         [preferred](const CaptureRecord &c) { return c.mediaType == preferred; });
        if (!captures.empty())
            first.second = wanted != captures.end() ? wanted->id : captures.front().id;
        return first;
    };
    m_store->post<First>(this, std::move(job), [this](StoreResult<First> result) {
        if (!result.ok() || result.value->second.isEmpty()) {
            if (!result.ok())
                showStoreError(result.error);
            Q_EMIT firstCaptureShown(false);
            return;
        }
        showAsset(result.value->first);
        openCapture(result.value->second);
        Q_EMIT firstCaptureShown(true);
    });
}

AssetEditDialog *MainWindow::editAsset(const QString &assetId)
{
    if (m_directory.isEmpty() || !m_verified)
        return nullptr;
    auto *dialog = new AssetEditDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->loadLookups(*m_store);
    if (!assetId.isEmpty()) {
        std::function<std::optional<AssetDetails>(Workspace &)> job = [assetId](Workspace &workspace) {
            return AssetDetails::read(workspace, assetId);
        };
        m_store->post<std::optional<AssetDetails>>(
            dialog, std::move(job), [dialog](StoreResult<std::optional<AssetDetails>> result) {
                if (result.ok() && result.value->has_value())
                    dialog->setAsset(**result.value);
                else
                    dialog->showProblem(result.ok() ? tr("That asset is not in this workspace.") : result.error);
            });
    }
    connect(dialog, &AssetEditDialog::saveRequested, this, [this, dialog](const AssetEditRequest &request) {
        std::function<AssetEditOutcome(Workspace &)> job = [request](Workspace &workspace) {
            return request.apply(workspace.database(), EditAuthor::current());
        };
        m_store->post<AssetEditOutcome>(dialog, std::move(job), [this, dialog](StoreResult<AssetEditOutcome> result) {
            if (!result.ok()) {
                dialog->showProblem(result.error);
                Q_EMIT assetEditFinished(QString(), false);
                return;
            }
            const AssetEditOutcome &outcome = *result.value;
            if (outcome.status == AssetEditOutcome::Status::Refused) {
                dialog->showProblem(outcome.message());
                Q_EMIT assetEditFinished(outcome.assetId, false);
                return;
            }
            statusBar()->showMessage(outcome.saved() ? tr("Saved; the change waits in the outbox to be sent.")
                                                     : tr("Nothing to change."),
                                     5000);
            const QString id = outcome.assetId;
            const bool saved = outcome.saved();
            dialog->accept();
            showAsset(id);
            Q_EMIT assetEditFinished(id, saved);
        });
    });
    dialog->open();
    return dialog;
}

void MainWindow::setCurrentAssetActive(bool active)
{
    if (m_currentAssetId.isEmpty() || !m_verified)
        return;
    std::function<AssetEditOutcome(Workspace &)> job = [id = m_currentAssetId, active](Workspace &workspace) {
        return AssetEditor(workspace.database()).setActive(id, active, EditAuthor::current());
    };
    m_store->post<AssetEditOutcome>(this, std::move(job), [this](StoreResult<AssetEditOutcome> result) {
        if (!result.ok() || result.value->status == AssetEditOutcome::Status::Refused) {
            QMessageBox::warning(this, tr("Asset not changed"), !result.ok() ? result.error : result.value->message());
            return;
        }
        showAsset(result.value->assetId);
        Q_EMIT assetEditFinished(result.value->assetId, result.value->saved());
    });
}

AssetCsvImportDialog *MainWindow::importAssetsFromCsv(const QString &path)
{
    if (m_directory.isEmpty() || !m_verified)
        return nullptr;
    auto *dialog = new AssetCsvImportDialog(*m_background, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    if (!path.isEmpty())
        dialog->preview(path);
    else
        dialog->chooseFile();
    return dialog;
}

void MainWindow::updateAssetActions()
{
    // Edits wait until the file was found sound.
    const bool open = !m_directory.isEmpty() && m_verified;
    const bool asset = open && !m_currentAssetId.isEmpty();
    m_newAssetAction->setEnabled(open);
    m_importCsvAction->setEnabled(open);
    m_editAssetAction->setEnabled(asset);
    m_deactivateAction->setEnabled(asset);
    m_deactivateAction->setText(m_currentAssetState == 0 ? tr("&Deactivate asset") : tr("Re&activate asset"));
}

void MainWindow::chooseWorkspace()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open workspace"), workspaceDirectory());
    if (directory.isEmpty())
        return;
    const QDir dir(directory);
    if (!dir.exists(QStringLiteral("sightline.db")) && !dir.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Create a workspace?"),
            tr("%1 holds no Sightline workspace. Create a new, empty workspace in this folder?")
                .arg(QDir::toNativeSeparators(directory)));
        if (answer != QMessageBox::Yes)
            return;
    }
    // The answer comes later: one of the two signals, and only its first time.
    auto failure = std::make_shared<QMetaObject::Connection>();
    *failure = connect(this, &MainWindow::workspaceOpenFailed, this, [this, failure](const QString &, const QString &error) {
        disconnect(*failure);
        QMessageBox::warning(this, tr("Cannot open workspace"), error);
    });
    connect(this, &MainWindow::workspaceOpened, this, [failure] { QObject::disconnect(*failure); },
            Qt::SingleShotConnection);
    openWorkspace(directory);
}

void MainWindow::chooseImportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import captures from folder"));
    if (!folder.isEmpty())
        importFolder(folder);
}

void MainWindow::importFolder(const QString &folder)
{
    if (m_directory.isEmpty() || m_importJob)
        return;
    m_importAction->setEnabled(false);
    m_openAction->setEnabled(false);
    m_importProgress = new QProgressDialog(tr("Importing captures from %1…").arg(QDir::toNativeSeparators(folder)),
                                           QString(), 0, 0, this);
    m_importProgress->setWindowTitle(tr("Import captures"));
    m_importProgress->setCancelButton(nullptr);
    m_importProgress->setMinimumDuration(300);
    m_importProgress->setAttribute(Qt::WA_DeleteOnClose);

    m_importJob = new ImportJob(m_directory, folder, this);
    connect(m_importJob, &ImportJob::finished, this, [this, folder](const ImportJob::Result &result) {
        reportImport(folder, result.report.importedIds, result.report.errors, result.error);
        m_importJob->deleteLater();
    });
    m_importJob->start();
}

void MainWindow::reportImport(const QString &folder, const QStringList &imported, const QStringList &errors,
                              const QString &fatalError)
{
    if (m_importProgress) {
        m_importProgress->close();
        m_importProgress = nullptr;
    }
    m_importAction->setEnabled(true);
    m_openAction->setEnabled(true);

    // What changed shows up through the store worker's change notice.

    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Import captures"));
    if (!fatalError.isEmpty()) {
        box->setIcon(QMessageBox::Critical);
        box->setText(tr("Nothing was imported: %1").arg(fatalError));
    } else {
        box->setIcon(errors.isEmpty() ? QMessageBox::Information : QMessageBox::Warning);
        box->setText(tr("Imported %1 from %2.")
                         .arg(UiText::captures(int(imported.size())), QDir::toNativeSeparators(folder)));
        if (!errors.isEmpty()) {
            box->setInformativeText(errors.size() == 1
                                        ? tr("1 capture could not be imported; see the details.")
                                        : tr("%L1 captures could not be imported; see the details.")
                                              .arg(errors.size()));
            box->setDetailedText(errors.join(QLatin1Char('\n')));
        }
    }
    box->open();
    Q_EMIT importFinished(int(imported.size()), int(errors.size()));
}

void MainWindow::updateStatus()
{
    if (m_directory.isEmpty()) {
        m_pathLabel->setText(tr("No workspace open"));
        m_countLabel->clear();
        return;
    }
    m_pathLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_directory)));
    std::function<std::pair<int, int>(Workspace &)> job = [](Workspace &workspace) {
        return std::pair<int, int>(workspace.assets().count(), workspace.captures().count());
    };
    m_background->post<std::pair<int, int>>(this, std::move(job), [this](StoreResult<std::pair<int, int>> result) {
        if (!result.ok()) {
            m_countLabel->clear();
            showStoreError(result.error);
            return;
        }
        m_countLabel->setText(tr("%1 · %2").arg(UiText::assets(result.value->first),
                                               UiText::captures(result.value->second)));
    });
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Sightline"),
        tr("<h3>Sightline %1</h3><p>Review field captures of equipment with their spatial markup.</p>"
           "<p>Photos and videos are shown with the markup their technicians drew, in 3D and on the image.</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(kStateKey).toByteArray());
    m_mainSplitter->restoreState(settings.value(kMainSplitterKey).toByteArray());
    m_rightSplitter->restoreState(settings.value(kRightSplitterKey).toByteArray());
    m_topSplitter->restoreState(settings.value(kTopSplitterKey).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kMainSplitterKey, m_mainSplitter->saveState());
    settings.setValue(kRightSplitterKey, m_rightSplitter->saveState());
    settings.setValue(kTopSplitterKey, m_topSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_importJob && m_importJob->isRunning()) {
        QMessageBox::information(this, tr("Import in progress"),
                                 tr("Captures are being imported. Close Sightline once the import has finished."));
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace sl
