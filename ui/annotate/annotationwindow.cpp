#include "annotationwindow.h"

#include "annotation/annotationdocument.h"
#include "annotation/markupeditor.h"
#include "annotationcanvas.h"
#include "annotationeditorwidget.h"
#include "render/frameexporter.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QScreen>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl {

AnnotationWindow::AnnotationWindow(StoreWorker *store, const QString &author, const CaptureManifest &manifest,
                                   std::vector<Markup> markups, const QImage &photo, QWidget *parent)
    : QWidget(parent, Qt::Window), m_store(store), m_author(author), m_manifest(manifest)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Annotate %1").arg(manifest.mediaFile.isEmpty() ? manifest.id : manifest.mediaFile));
    QPointer<StoreWorker> worker(store);
    // Each edit is posted to the store worker, which runs jobs in order; the
    // result comes back here (dropped once the window is gone).
    m_document = new AnnotationDocument(
        manifest.id, std::move(markups), author,
        [this, worker](const MarkupEdit &edit) {
            if (!worker)
                return;
            std::function<bool(Workspace &)> job = [edit](Workspace &workspace) {
                MarkupEditor(workspace.database()).apply(edit);
                return true;
            };
            worker->post<bool>(this, std::move(job), [this](StoreResult<bool> result) {
                if (!result.ok())
                    m_document->reportWriteFailure(result.error);
            });
        },
        this);
    m_editor = new AnnotationEditorWidget(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *exportButton = new QPushButton(tr("Export image…"), this);
    connect(exportButton, &QPushButton::clicked, this, &AnnotationWindow::chooseExportFile);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);
    m_editor->open(m_document, manifest, photo);
    connect(m_document, &AnnotationDocument::markupsChanged, this, &AnnotationWindow::emitMarkups);
    connect(m_document, &AnnotationDocument::writeFailed, this, [this](const QString &message) {
        m_status->setText(tr("The last change is not saved: %1").arg(message));
        m_status->show();
    });
    // Wide enough for the whole tool bar (German labels are longer), within the screen.
    const int toolBarWidth = m_editor->sizeHint().width() + layout->contentsMargins().left() +
                             layout->contentsMargins().right();
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1920, 1080);
    resize(std::min(std::max(1120, toolBarWidth), screen.width()), std::min(720, screen.height()));
}

void AnnotationWindow::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the annotated image"),
                                                      m_manifest.id + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;JPEG image (*.jpg *.jpeg)"));
    if (!path.isEmpty())
        exportFlattened(path);
    m_editor->canvas()->setFocus(Qt::OtherFocusReason); // the tool keys work again at once
}

void AnnotationWindow::exportFlattened(const QString &path)
{
    if (!m_store)
        return;
    const QString captureId = m_manifest.id;
    // The same export as the CLI's export-frame: the markup the store holds,
    // with every edit posted before this job written.
    std::function<QString(Workspace &)> job = [captureId, path, author = m_author](Workspace &workspace) {
        QString error;
        if (!FrameExporter::exportCapture(workspace, captureId, {}, path, &error, nullptr, author))
            return error.isEmpty() ? QStringLiteral("the image could not be written") : error;
        return QString();
    };
    m_store->post<QString>(this, std::move(job), [this, path](StoreResult<QString> result) {
        const QString problem = result.ok() ? *result.value : result.error;
        const QString message = problem.isEmpty() ? tr("Exported %1").arg(QDir::toNativeSeparators(path))
                                                  : tr("The image was not exported: %1").arg(problem);
        m_status->setText(message);
        m_status->show();
        Q_EMIT exported(problem.isEmpty(), message);
    });
}

void AnnotationWindow::emitMarkups()
{
    CaptureManifest manifest = m_manifest;
    manifest.markups.clear();
    std::vector<Markup> world;
    for (Markup &markup : m_document->markups()) {
        if (markup.space == MarkupSpace::World)
            world.push_back(std::move(markup));
        else
            manifest.markups.push_back(std::move(markup));
    }
    Q_EMIT markupsChanged(manifest, world);
}

} // namespace sl
