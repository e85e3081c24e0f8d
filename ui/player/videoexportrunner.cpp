#include "player/videoexportrunner.h"

#include "captureviewerwidget.h"
#include "common/outputfile.h"
#include "editing/editauthor.h"
#include "render/videoexporttask.h"
#include "store/database.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace sl {

namespace {

const QString kLastDirectoryKey = QStringLiteral("export/videoDirectory");

// A file name from a capture's name: no separators, nothing a shell or a
// file system would trip on.
QString safeFileName(const QString &name)
{
    QString safe;
    for (const QChar c : name)
        safe += (c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.') ? c : QChar(u'_');
    safe = safe.left(80);
    return safe.isEmpty() ? QStringLiteral("capture") : safe;
}

} // namespace

VideoExportRunner::VideoExportRunner(StoreWorker &store, QMainWindow *window)
    : QObject(window), m_store(store), m_window(window), m_task(new VideoExportTask(this))
{
    m_chooser = [this](const QString &suggestedPath) {
        return QFileDialog::getSaveFileName(m_window, tr("Export video"), suggestedPath, tr("MP4 video (*.mp4)"));
    };
}

VideoExportRunner::~VideoExportRunner() = default; // the task (a child) cancels and waits

void VideoExportRunner::serve(CaptureViewerWidget &viewer)
{
    connect(&viewer, &CaptureViewerWidget::videoExportRequested, this,
            [this](const QString &captureId, const QString &name, double from, double to) {
                exportCapture(captureId, name, from >= 0 ? std::optional(from) : std::nullopt,
                              to >= 0 ? std::optional(to) : std::nullopt);
            });
}

bool VideoExportRunner::isRunning() const
{
    return m_busy;
}

void VideoExportRunner::exportCapture(const QString &captureId, const QString &suggestedName,
                                      std::optional<double> from, std::optional<double> to)
{
    if (m_busy) {
        QMessageBox::information(m_window, tr("Export video"),
                                 tr("An export is already running: wait for it or cancel it first."));
        return;
    }
    QSettings settings;
    QString directory = settings.value(kLastDirectoryKey).toString();
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    QString path = m_chooser(QDir(directory).filePath(safeFileName(suggestedName) + QStringLiteral(".mp4")));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mp4");
    settings.setValue(kLastDirectoryKey, QFileInfo(path).absolutePath());
    // A target that may not be written is refused before anything is read.
    QString refusal;
    if (!OutputFile::checkTarget(path, &refusal)) {
        end(captureId, path, VideoExporter::Outcome::Failed, refusal);
        return;
    }
    m_busy = true;
    m_store.post<FrameExporter::Source>(
        this,
        [captureId](Workspace &workspace) {
            FrameExporter::Source source;
            QString error;
            if (!FrameExporter::readCapture(workspace, captureId, &source, &error))
                throw StoreError(error);
            return source;
        },
        [this, captureId, path, from, to](StoreResult<FrameExporter::Source> result) {
            if (!result.ok()) {
                end(captureId, path, VideoExporter::Outcome::Failed, result.error);
                return;
            }
            encode(captureId, std::move(*result.value), path, from, to);
        });
}

void VideoExportRunner::encode(const QString &captureId, FrameExporter::Source source, const QString &path,
                               std::optional<double> from, std::optional<double> to)
{
    delete m_progress;
    m_progress = new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, m_window);
    m_progress->setWindowTitle(tr("Export video"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_task, &VideoExportTask::cancel);
    connect(m_task, &VideoExportTask::progress, m_progress, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_progress->setLabelText(tr("Exporting frame %1 of %2…").arg(done).arg(total));
    });
    disconnect(m_task, &VideoExportTask::finished, this, nullptr);
    connect(m_task, &VideoExportTask::finished, this,
            [this, captureId, source, path](VideoExporter::Outcome outcome, const QString &error) {
                if (outcome == VideoExporter::Outcome::Done)
                    recordExport(captureId, source, path);
                else
                    end(captureId, path, outcome, error);
            });
    m_progress->show();
    if (!m_task->start(std::move(source), path, from, to))
        end(captureId, path, VideoExporter::Outcome::Failed, tr("An export is already running."));
}

void VideoExportRunner::recordExport(const QString &captureId, const FrameExporter::Source &source,
                                     const QString &path)
{
    const QString author = EditAuthor::current();
    m_store.post<bool>(
        this,
        [source, path, author](Workspace &workspace) {
            QString error;
            if (!FrameExporter::recordExport(workspace, source, path, author, &error))
                throw StoreError(error);
            return true;
        },
        [this, captureId, path](StoreResult<bool> result) {
            // The video is written either way; only its audit row may be missing.
            end(captureId, path, result.ok() ? VideoExporter::Outcome::Done : VideoExporter::Outcome::Failed,
                result.ok() ? QString()
                            : tr("The video was written, but its export could not be recorded: %1").arg(result.error));
        });
}

void VideoExportRunner::end(const QString &captureId, const QString &path, VideoExporter::Outcome outcome,
                            const QString &error)
{
    m_busy = false;
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
    }
    if (outcome == VideoExporter::Outcome::Done) {
        m_window->statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 10000);
    } else if (outcome == VideoExporter::Outcome::Cancelled) {
        m_window->statusBar()->showMessage(tr("The export was cancelled; nothing was written."), 10000);
    } else {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export video"),
                                    tr("%1 could not be exported.").arg(QDir::toNativeSeparators(path)),
                                    QMessageBox::Ok, m_window);
        box->setInformativeText(error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): the event loop goes on
    }
    Q_EMIT finished(captureId, path, outcome, error);
}

} // namespace sl
