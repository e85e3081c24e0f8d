#pragma once

#include "editing/assetcsvimport.h"

#include <QDialog>
#include <QTimer>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace sl {

class StoreWorker;

// Imports assets from a CSV file in the Dataverse template's shape: reads
// and checks the file and shows a preview (rows to import, rejected rows
// with their row numbers and reasons, which can be saved as a CSV to fix),
// then imports the accepted rows in one transaction with a progress bar and
// Cancel (a cancelled import leaves nothing). All file and store work runs
// on a store worker.
class AssetCsvImportDialog : public QDialog
{
    Q_OBJECT
public:
    AssetCsvImportDialog(StoreWorker &store, QWidget *parent = nullptr);
    ~AssetCsvImportDialog() override;

    void chooseFile();
    // Reads `path` and shows what an import would do (previewReady()).
    void preview(const QString &path);
    // Imports the previewed rows (importFinished()).
    void startImport();
    // Writes the rejected rows to `path` (reportSaved()).
    void saveRejectedRows(const QString &path);

    int acceptedCount() const;
    int rejectedCount() const;
    QString summaryText() const;
    QTreeWidget *rejectedView() const { return m_rejected; }
    QPushButton *importButton() const { return m_import; }
    bool isBusy() const { return m_busy; }

    void reject() override; // Cancel: stops an import (nothing is kept), else closes

Q_SIGNALS:
    void previewReady(bool ok);
    void importFinished(bool ok, qint64 created);
    void reportSaved(bool ok);

private:
    void setBusy(bool busy);
    void showPreview();

    StoreWorker &m_store;
    std::shared_ptr<AssetCsvPreview> m_preview;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<qint64>> m_done = std::make_shared<std::atomic<qint64>>(0);
    QTimer m_progressPoll;
    QLabel *m_file = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_rejected = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_choose = nullptr;
    QPushButton *m_saveRejected = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_close = nullptr;
    bool m_busy = false;
    bool m_closeWhenDone = false;
};

} // namespace sl
