#include "mainwindow.h"

#include "assetbrowserwidget.h"
#include "assetdetailswidget.h"
#include "capturegallerywidget.h"
#include "captureviewerwidget.h"
#include "common/logging.h"
#include "importjob.h"
#include "items/assetlistmodel.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "uitext.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace sl {

namespace {


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
    buildUi();
    buildMenus();
    restoreSettings();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Views and the model refer to the workspace: let them go first.
    m_viewer->closeAll();
    m_gallery->clear();
    m_browser->setModel(nullptr);
    m_model.reset();
    m_workspace.reset();
}

void MainWindow::buildUi()
{
    m_browser = new AssetBrowserWidget(this);
    m_details = new AssetDetailsWidget(this);
    m_gallery = new CaptureGalleryWidget(this);
    m_viewer = new CaptureViewerWidget(this);

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
    m_rightSplitter = splitter(Qt::Vertical, QStringLiteral("rightSplitter"), m_topSplitter, m_viewer, {260, 520});
    m_mainSplitter = splitter(Qt::Horizontal, QStringLiteral("mainSplitter"), m_browser, m_rightSplitter, {300, 980});
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
    connect(m_details, &AssetDetailsWidget::assetLinkActivated, this, &MainWindow::showAsset);
    connect(m_gallery, &CaptureGalleryWidget::captureActivated, this, &MainWindow::openCapture);
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

bool MainWindow::openWorkspace(const QString &directory, QString *error)
{
    QString reason;
    std::unique_ptr<Workspace> workspace = Workspace::open(directory, &reason);
    if (!workspace) {
        if (error)
            *error = reason.isEmpty() ? tr("The workspace in %1 could not be opened.").arg(directory) : reason;
        return false;
    }
    // Everything that refers to the old workspace goes before it does.
    m_viewer->closeAll();
    m_gallery->clear();
    m_details->clear();
    m_currentAssetId.clear();
    auto model = std::make_unique<AssetListModel>(workspace->assets());
    m_browser->setModel(model.get());
    m_model = std::move(model);
    m_workspace = std::move(workspace);
    m_galleryTitle->setText(tr("Captures"));
    setWindowTitle(tr("%1 — Sightline").arg(QDir(m_workspace->directory()).dirName()));
    updateStatus();
    qCInfo(lcUi) << "opened workspace" << m_workspace->directory();
    Q_EMIT workspaceOpened(m_workspace->directory());
    return true;
}

QString MainWindow::workspaceDirectory() const
{
    return m_workspace ? m_workspace->directory() : QString();
}

bool MainWindow::showAsset(const QString &assetId)
{
    if (!m_workspace || assetId.isEmpty())
        return false;
    try {
        const std::optional<Asset> asset = m_workspace->assets().byId(assetId);
        if (!asset) {
            statusBar()->showMessage(tr("That asset is not in this workspace."), 5000);
            return false;
        }
        if (m_browser->currentAssetId() != assetId && !m_browser->selectAsset(assetId))
            m_browser->clearSelection(); // not among the current results: shown without a list selection
        if (m_currentAssetId == assetId && m_details->assetId() == assetId)
            return true;

        std::optional<Asset> parentAsset;
        if (!asset->parentId.isEmpty())
            parentAsset = m_workspace->assets().byId(asset->parentId);
        const int childCount = m_workspace->assets().childCount(assetId);
        std::vector<CaptureRecord> records = m_workspace->captures().forAsset(assetId);

        m_currentAssetId = assetId;
        m_details->showAsset(*asset, parentAsset, childCount, int(records.size()));
        std::vector<GalleryEntry> entries;
        entries.reserve(records.size());
        for (CaptureRecord &record : records) {
            const QString path = m_workspace->absoluteMediaPath(record.mediaPath);
            entries.push_back({std::move(record), path});
        }
        m_galleryTitle->setText(tr("Captures of %1 (%L2)").arg(asset->name).arg(entries.size()));
        m_gallery->setCaptures(std::move(entries));
        return true;
    } catch (const StoreError &e) {
        showStoreError(e);
        return false;
    }
}

void MainWindow::showStoreError(const StoreError &error)
{
    qCWarning(lcUi).noquote() << "store:" << error.message();
    statusBar()->showMessage(tr("The workspace could not be read: %1").arg(error.message()), 15000);
}

bool MainWindow::openCapture(const QString &captureId)
{
    if (!m_workspace)
        return false;
    try {
        std::optional<CaptureRecord> record;
        if (const GalleryEntry *entry = m_gallery->entry(captureId))
            record = entry->record;
        else
            record = m_workspace->captures().byId(captureId);
        if (!record) {
            statusBar()->showMessage(tr("That capture is not in this workspace."), 5000);
            return false;
        }
        m_viewer->openCapture(*record, m_workspace->absoluteMediaPath(record->mediaPath), worldMarkupsFor(*record));
        m_gallery->selectCapture(captureId);
        return true;
    } catch (const StoreError &e) {
        showStoreError(e);
        return false;
    }
}

std::vector<Markup> MainWindow::worldMarkupsFor(const CaptureRecord &record) const
{
    // World markup belongs to the spatial frame: every capture of the frame shows it.
    if (!record.spatialFrame.isEmpty())
        return m_workspace->captures().worldMarkupsForFrame(record.spatialFrame);
    std::vector<Markup> own;
    for (const Markup &markup : record.manifest.markups)
        if (markup.space == MarkupSpace::World)
            own.push_back(markup);
    return own;
}

QString MainWindow::firstAssetWithCaptures()
{
    if (!m_workspace)
        return {};
    try {
        return m_workspace->assets().firstWithCaptures();
    } catch (const StoreError &e) {
        showStoreError(e);
        return {};
    }
}

bool MainWindow::showFirstCapture(MediaType preferred)
{
    const QString assetId = firstAssetWithCaptures();
    if (assetId.isEmpty() || !showAsset(assetId))
        return false;
    const auto &entries = m_gallery->entries();
    if (entries.empty())
        return false;
    const auto photo = std::find_if(entries.begin(), entries.end(),
                                    [preferred](const GalleryEntry &e) { return e.record.mediaType == preferred; });
    return openCapture(photo != entries.end() ? photo->record.id : entries.front().record.id);
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
    QString error;
    if (!openWorkspace(directory, &error))
        QMessageBox::warning(this, tr("Cannot open workspace"), error);
}

void MainWindow::chooseImportFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import captures from folder"));
    if (!folder.isEmpty())
        importFolder(folder);
}

void MainWindow::importFolder(const QString &folder)
{
    if (!m_workspace || m_importJob)
        return;
    m_importAction->setEnabled(false);
    m_openAction->setEnabled(false);
    m_importProgress = new QProgressDialog(tr("Importing captures from %1…").arg(QDir::toNativeSeparators(folder)),
                                           QString(), 0, 0, this);
    m_importProgress->setWindowTitle(tr("Import captures"));
    m_importProgress->setCancelButton(nullptr);
    m_importProgress->setMinimumDuration(300);
    m_importProgress->setAttribute(Qt::WA_DeleteOnClose);

    m_importJob = new ImportJob(m_workspace->directory(), folder, this);
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

    // Show what changed: the list, the counts and the current asset's captures.
    if (m_model)
        m_model->reload();
    const QString current = m_currentAssetId;
    m_currentAssetId.clear();
    if (!current.isEmpty())
        showAsset(current);
    updateStatus();

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
    if (!m_workspace) {
        m_pathLabel->setText(tr("No workspace open"));
        m_countLabel->clear();
        return;
    }
    m_pathLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_workspace->directory())));
    try {
        const int assets = m_workspace->assets().count();
        const int captures = m_workspace->captures().count();
        m_countLabel->setText(
            tr("%1 · %2").arg(UiText::assets(assets), UiText::captures(captures)));
    } catch (const StoreError &e) {
        m_countLabel->clear();
        showStoreError(e);
    }
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
