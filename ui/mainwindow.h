#pragma once

#include "domain/capturerecord.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QProgressDialog;
class QSplitter;

namespace sl {

class AnnotationWindow;
class AssetBrowserWidget;
class AssetCsvImportDialog;
class AssetEditDialog;
class AssetTreeModel;
class StoreWorker;
class Workspace;
class SyncActions;
class VideoExportRunner;
struct AssetDetails;
class AssetDetailsWidget;
class AssetListModel;
class CaptureGalleryWidget;
class CaptureTabRefresher;
class CaptureViewerWidget;
class CompareActions;
class ImportJob;

// Sightline's main window: the asset browser on the left; on the right the
// selected asset's details and capture gallery above the capture viewer.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) the workspace in `directory` on the store workers;
    // emits workspaceOpened() (rows show at once) or workspaceOpenFailed()
    // (also later, when SQLite's check of the whole file, run meanwhile,
    // finds it damaged; edits wait for that check). Nothing is read on the
    // GUI thread.
    void openWorkspace(const QString &directory);
    QString workspaceDirectory() const { return m_directory; }
    // The store workers (reads for the views; counts, facets and imports).
    StoreWorker *store() const { return m_store.get(); }
    StoreWorker *backgroundStore() const { return m_background.get(); }
    VideoExportRunner *videoExportRunner() const { return m_videoExport; }
    SyncActions *syncActions() const { return m_sync; }
    CompareActions *compareActions() const { return m_compare; }

    // Shows an asset's details and captures (read in the background; emits
    // assetShown()), selecting it in the browser when the browser holds it.
    void showAsset(const QString &assetId);
    QString currentAssetId() const { return m_currentAssetId; }
    // Opens a capture of the workspace in the viewer; emits captureOpened().
    void openCapture(const QString &captureId);
    // Shows the first asset with captures and opens its first capture of
    // the preferred type (else its first): what the docs' screenshot shows.
    // Emits firstCaptureShown(false) when there is none.
    void showFirstCapture(MediaType preferred = MediaType::Photo);
    // Imports a folder of captures in the background.
    void importFolder(const QString &folder);
    // Opens the edit dialog for an asset (empty: a new asset).
    AssetEditDialog *editAsset(const QString &assetId);
    // Deactivates or reactivates the current asset.
    void setCurrentAssetActive(bool active);
    // Opens the CSV import dialog (on `path` when given).
    AssetCsvImportDialog *importAssetsFromCsv(const QString &path = QString());
    // Opens the annotation editor on the photo shown in the viewer, once its
    // markup is read on the store worker; emits annotationOpened().
    void annotateCurrentPhoto();
    // Stores a snapshot of a capture (SnapshotMaker, on the background store
    // worker), then opens it in the viewer and in the annotation editor;
    // emits snapshotFinished() with the new capture's id, empty on failure.
    void snapshotCapture(const QString &captureId, double seconds, bool baked);
    // Sets the review of captures on the store worker (ReviewEditor: one
    // transaction, an outbox entry per changed capture); emits reviewFinished().
    void reviewCaptures(const QStringList &captureIds, std::optional<ReviewStatus> status,
                        const std::optional<QString> &note);

    AssetBrowserWidget *assetBrowser() const { return m_browser; }
    AssetDetailsWidget *assetDetails() const { return m_details; }
    CaptureGalleryWidget *captureGallery() const { return m_gallery; }
    CaptureViewerWidget *captureViewer() const { return m_viewer; }
    CaptureTabRefresher *captureTabRefresher() const { return m_tabRefresher; }

Q_SIGNALS:
    void annotationOpened(AnnotationWindow *window);
    void snapshotFinished(const QString &newCaptureId);
    void reviewFinished(bool saved);
    // A bookmark edit asked for by a player was written (or refused).
    void bookmarksWritten(const QString &captureId, bool saved);
    void workspaceOpened(const QString &directory);
    void workspaceOpenFailed(const QString &directory, const QString &error);
    // The whole-file check passed; edits are enabled.
    void workspaceVerified();
    void assetShown(const QString &assetId);
    void captureOpened(const QString &captureId);
    void firstCaptureShown(bool shown);
    void importFinished(int imported, int failed);
    // An asset edit was saved (or refused: `saved` false).
    void assetEditFinished(const QString &assetId, bool saved);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void restoreSettings();
    void saveSettings() const;
    void chooseWorkspace();
    void chooseImportFolder();
    void onWorkspaceOpened(const QString &directory);
    void onWorkspaceChanged();
    void onWorkspaceRefused(const QString &directory, const QString &error);
    void reportImport(const QString &folder, const QStringList &imported, const QStringList &errors,
                      const QString &fatalError);
    void showDetails(const AssetDetails &details);
    void updateStatus();
    void updateAssetActions();
    void showAbout();
    void showStoreError(const QString &message);

    std::unique_ptr<StoreWorker> m_store;
    std::unique_ptr<StoreWorker> m_background;
    QString m_annotateWhenOpened; // a snapshot's capture, to annotate once the viewer shows it
    std::unique_ptr<AssetListModel> m_model;
    std::unique_ptr<AssetTreeModel> m_treeModel;
    QString m_directory; // of the open workspace; empty while none is open
    QString m_requested;     // the workspace asked for last, absolute and clean
    bool m_verified = false; // the whole-file check passed: edits may write
    bool m_refused = false;  // the last open failed
    QString m_currentAssetId;
    QString m_requestedAssetId; // the asset showAsset() asked for last (its details may still be on their way)
    int m_currentAssetState = 0;
    quint64 m_detailsGeneration = 0;
    QString m_galleryKey; // what the gallery shows, to leave it alone when unchanged
    AssetBrowserWidget *m_browser = nullptr;
    AssetDetailsWidget *m_details = nullptr;
    CaptureGalleryWidget *m_gallery = nullptr;
    CaptureViewerWidget *m_viewer = nullptr;
    CaptureTabRefresher *m_tabRefresher = nullptr; // open tabs follow workspace changes
    QLabel *m_galleryTitle = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QSplitter *m_topSplitter = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_newAssetAction = nullptr;
    QAction *m_editAssetAction = nullptr;
    QAction *m_deactivateAction = nullptr;
    QAction *m_importCsvAction = nullptr;
    QPointer<ImportJob> m_importJob;
    QProgressDialog *m_importProgress = nullptr;
    SyncActions *m_sync = nullptr; // the Sync menu (sign-in, conflicts)
    VideoExportRunner *m_videoExport = nullptr; // the player's "Export video…"
    CompareActions *m_compare = nullptr; // Compare with… (menu, gallery)
};

} // namespace sl
