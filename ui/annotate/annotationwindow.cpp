#include "annotationwindow.h"

#include "annotation/annotationdocument.h"
#include "annotation/markupeditor.h"
#include "annotationeditorwidget.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QLabel>
#include <QPointer>
#include <QVBoxLayout>

namespace sl {

AnnotationWindow::AnnotationWindow(StoreWorker *store, const QString &author, const CaptureManifest &manifest,
                                   std::vector<Markup> markups, const QImage &photo, QWidget *parent)
    : QWidget(parent, Qt::Window), m_manifest(manifest)
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
    m_status->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    m_editor->open(m_document, manifest, photo);
    connect(m_document, &AnnotationDocument::markupsChanged, this, &AnnotationWindow::emitMarkups);
    connect(m_document, &AnnotationDocument::writeFailed, this, [this](const QString &message) {
        m_status->setText(tr("The last change is not saved: %1").arg(message));
        m_status->show();
    });
    resize(960, 640);
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
