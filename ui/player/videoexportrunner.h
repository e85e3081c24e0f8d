#pragma once

#include "render/videoexporter.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QMainWindow;
class QProgressDialog;

namespace sl {

class CaptureViewerWidget;
class StoreWorker;
class VideoExportTask;

// "Export video…" in the player: asks where, reads the capture as the
// viewer shows it on the store worker (FrameExporter::readCapture), burns
// and encodes on a VideoExportTask with a progress dialog whose Cancel
// stops it (nothing is left at the target), then writes the export's audit
// row on the store worker, as `sightline-cli export-video --workspace` does.
// One export at a time; the window's status bar says how it ended.
class VideoExportRunner : public QObject
{
    Q_OBJECT

public:
    // Returns the chosen file, or empty when the user backed out.
    using TargetChooser = std::function<QString(const QString &suggestedPath)>;

    VideoExportRunner(StoreWorker &store, QMainWindow *window);
    ~VideoExportRunner() override;

    // Exports what the viewer's players ask for.
    void serve(CaptureViewerWidget &viewer);

    // Exports the capture, or its [from, to) seconds when both are given.
    void exportCapture(const QString &captureId, const QString &suggestedName, std::optional<double> from,
                       std::optional<double> to);
    bool isRunning() const;
    // Tests choose the file without a dialog.
    void setTargetChooser(TargetChooser chooser) { m_chooser = std::move(chooser); }
    QProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    // `path` is where the video went; `error` is empty when it was written
    // (and audited), "cancelled" text when the user stopped it.
    void finished(const QString &captureId, const QString &path, sl::VideoExporter::Outcome outcome,
                  const QString &error);

private:
    void encode(const QString &captureId, FrameExporter::Source source, const QString &path,
                std::optional<double> from, std::optional<double> to);
    void recordExport(const QString &captureId, const FrameExporter::Source &source, const QString &path);
    void end(const QString &captureId, const QString &path, VideoExporter::Outcome outcome, const QString &error);

    StoreWorker &m_store;
    QMainWindow *m_window;
    TargetChooser m_chooser;
    VideoExportTask *m_task = nullptr;
    QPointer<QProgressDialog> m_progress;
    bool m_busy = false; // from the file's choice to the audit row
};

} // namespace sl
