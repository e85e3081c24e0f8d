#pragma once

#include "capture/markup.h"
#include "domain/capturerecord.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QProgressDialog;
class QSplitter;

namespace sl {

class AssetBrowserWidget;
class AssetDetailsWidget;
class AssetListModel;
class CaptureGalleryWidget;
class CaptureViewerWidget;
class ImportJob;
class StoreError;
class Workspace;

// Sightline's main window: the asset browser on the left; on the right the
// selected asset's details and capture gallery above the capture viewer.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) the workspace in `directory`; false with *error set.
    bool openWorkspace(const QString &directory, QString *error = nullptr);
    Workspace *workspace() const { return m_workspace.get(); }
    QString workspaceDirectory() const;

    // Shows an asset's details and captures, selecting it in the list when it
    // is among the results; false when there is no such asset.
    bool showAsset(const QString &assetId);
    QString currentAssetId() const { return m_currentAssetId; }
    // Opens a capture of the workspace in the viewer; false when unknown.
    bool openCapture(const QString &captureId);
    // The first asset (by name) that has captures, or empty.
    QString firstAssetWithCaptures();
    // Shows the first asset with captures and opens its first photo (else its
    // first capture): what the docs' screenshot shows. False when none exists.
    bool showFirstCapture(MediaType preferred = MediaType::Photo);
    // Imports a folder of captures in the background.
    void importFolder(const QString &folder);

    AssetBrowserWidget *assetBrowser() const { return m_browser; }
    AssetDetailsWidget *assetDetails() const { return m_details; }
    CaptureGalleryWidget *captureGallery() const { return m_gallery; }
    CaptureViewerWidget *captureViewer() const { return m_viewer; }

Q_SIGNALS:
    void workspaceOpened(const QString &directory);
    void importFinished(int imported, int failed);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void restoreSettings();
    void saveSettings() const;
    void chooseWorkspace();
    void chooseImportFolder();
    void reportImport(const QString &folder, const QStringList &imported, const QStringList &errors,
                      const QString &fatalError);
    void updateStatus();
    void showAbout();
    std::vector<Markup> worldMarkupsFor(const CaptureRecord &record) const; // may throw StoreError
    void showStoreError(const StoreError &error);

    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<AssetListModel> m_model;
    QString m_currentAssetId;
    AssetBrowserWidget *m_browser = nullptr;
    AssetDetailsWidget *m_details = nullptr;
    CaptureGalleryWidget *m_gallery = nullptr;
    CaptureViewerWidget *m_viewer = nullptr;
    QLabel *m_galleryTitle = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QSplitter *m_topSplitter = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QPointer<ImportJob> m_importJob;
    QProgressDialog *m_importProgress = nullptr;
};

} // namespace sl
