#pragma once

#include "annotationtool.h"
#include "capture/capturemanifest.h"

#include <QImage>
#include <QWidget>

#include <map>

class QAction;
class QDoubleSpinBox;
class QToolButton;

namespace sl {

class AnnotationCanvas;
class AnnotationDocument;

// The annotation editor: a tool bar (a tool per shortcut key, colour and
// width of new markup and of the selection, zoom, undo and redo) over an AnnotationCanvas showing a photo with the
// document's markup.
class AnnotationEditorWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AnnotationEditorWidget(QWidget *parent = nullptr);

    // `photo`: the decoded photo; `manifest`: its capture's (camera, pose).
    void open(AnnotationDocument *document, const CaptureManifest &manifest, const QImage &photo);
    AnnotationCanvas *canvas() const { return m_canvas; }
    QAction *toolAction(AnnotationTool tool) const;
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    void setColor(const QColor &color);

private:
    void chooseColor();
    void showSelectionStyle(const QString &markupId);
    void showSwatch(const QColor &color);

    AnnotationCanvas *m_canvas = nullptr;
    std::map<AnnotationTool, QAction *> m_tools;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QToolButton *m_colorButton = nullptr;
    QDoubleSpinBox *m_width = nullptr;
};

} // namespace sl
