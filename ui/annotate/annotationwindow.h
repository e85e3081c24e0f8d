#pragma once

#include "capture/capturemanifest.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class QLabel;

namespace sl {

class AnnotationDocument;
class AnnotationEditorWidget;
class StoreWorker;

// A window annotating one photo capture: the editor on a document whose
// edits are written on the store worker (MarkupEditor, one transaction per
// edit, in order), never on the GUI thread. A failed write is shown in the
// window; the markup drawn stays, marked as not saved.
class AnnotationWindow : public QWidget
{
    Q_OBJECT
public:
    // `manifest`: the capture's (camera, pose); `markups`: what it shows
    // (MarkupRepository::visibleIn); `photo`: its decoded pixels.
    AnnotationWindow(StoreWorker *store, const QString &author, const CaptureManifest &manifest,
                     std::vector<Markup> markups, const QImage &photo, QWidget *parent = nullptr);

    AnnotationDocument *document() const { return m_document; }
    // Writes the photo with its markup burned in (PNG, or JPEG for a .jpg
    // name) on the store worker, after the edits posted before; the window
    // says how it went and emits exported().
    void exportFlattened(const QString &path);
    AnnotationEditorWidget *editor() const { return m_editor; }

Q_SIGNALS:
    void exported(bool ok, const QString &message);
    // The markup shown changed: image markup in `manifest.markups`, world markup beside it.
    void markupsChanged(const CaptureManifest &manifest, const std::vector<Markup> &worldMarkups);

private:
    void emitMarkups();
    void chooseExportFile();

    QPointer<StoreWorker> m_store;
    QString m_author;
    CaptureManifest m_manifest;
    AnnotationDocument *m_document = nullptr;
    AnnotationEditorWidget *m_editor = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace sl
