#pragma once

#include "annotationtool.h"
#include "overlaycanvas.h"

#include <QColor>
#include <QPointer>

namespace sl {

class AnnotationDocument;
class InlineTextEditor;

// The editor's drawing surface: the photo with the document's markup
// (painted by OverlayRenderer, like the viewer), and the mouse and keys of
// the current tool. New image markup is stored in normalised image
// coordinates (0..1, top-left origin), so it survives a change of
// resolution and is right at any zoom. A selected image markup moves by
// dragging and resizes by its handles; a selected world markup (found where
// the photo's camera sees it) keeps its world geometry and is restyled; any
// selected markup goes with Delete, any touched one with the eraser. The
// wheel zooms at the cursor, + and - at the centre, 0 fits; the middle
// button or Space with the left one pans.
class AnnotationCanvas : public OverlayCanvas
{
    Q_OBJECT
public:
    explicit AnnotationCanvas(QWidget *parent = nullptr);

    // The document edited (not owned); its capture's manifest for the camera.
    void setDocument(AnnotationDocument *document, const CaptureManifest &manifest);
    void setTool(AnnotationTool tool);
    AnnotationTool tool() const { return m_tool; }
    void setColor(const QColor &color) { m_color = color; }
    QColor color() const { return m_color; }
    void setStrokeWidth(double pixels) { m_width = pixels; } // pixels at the media's full size
    double strokeWidth() const { return m_width; }
    QString selectedId() const { return m_selected; }
    // Selects a shown markup (empty: none), as a click with the select tool does.
    void selectMarkup(const QString &markupId) { select(markupId); }
    AnnotationDocument *document() const;
    // Gives the selected markup (image or world) this colour and width (a
    // highlighter kHighlighterWidthFactor times that width); with
    // `mergeKey`, successive restyles of it are one undo step.
    void restyleSelected(const QColor &color, double width, const QString &mergeKey = QString());
    // Zooms by `factor` keeping the image point under `widgetPos` in place.
    void zoomAt(double factor, QPointF widgetPos);
    void fitToView();
    // Opens the in-place editor on a shown text markup.
    void editText(const QString &markupId);

    // A highlighter is this many times the chosen width (at most the format's
    // limit): the width control means the same for a pen and a highlighter.
    static constexpr double kHighlighterWidthFactor = 4;
    // One wheel notch (120 eighths of a degree) or one +/- key zooms by this factor.
    static constexpr double kZoomStep = 1.25;

Q_SIGNALS:
    void selectionChanged(const QString &markupId);
    void toolChanged(AnnotationTool tool);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();
    void showToolCursor();
    // Widget position to normalised image coordinates (clamped to the image).
    cv::Point2d toImage(QPointF widgetPos) const;
    QPointF toWidget(cv::Point2d imagePoint) const;
    // Widget pixels per pixel of the media.
    double pixelScale() const;
    QString hitTest(QPointF widgetPos) const;
    // Where a markup's points are on the widget: image markup always, world
    // markup through the photo's camera and pose (empty when not seen).
    QPolygonF widgetPointsOf(const Markup &markup) const;
    // The widget rectangle those points span.
    QRectF boundsOf(const Markup &markup) const;
    // The selected markup's resize handle at a widget position, or -1.
    int handleAt(QPointF widgetPos) const;
    void select(const QString &markupId);
    void finishShape();
    // Deletes every markup the eraser touches from `from` to `to` (widget
    // pixels); the first one opens the drag's undo step.
    void eraseAlong(QPointF from, QPointF to);
    void endErase();
    void setViewKeepingEditor(double zoom, QPointF pan);
    void beginText(cv::Point2d at, const Markup *existing);
    void commitText();
    void cancelText();
    void paintPreview(QPainter &painter, const std::vector<cv::Point2d> &points, MarkupKind kind) const;

    QPointer<AnnotationDocument> m_document;
    CaptureManifest m_baseManifest;
    AnnotationTool m_tool = AnnotationTool::Select;
    QColor m_color = QColor(0xFF, 0x3B, 0x30);
    double m_width = 4;
    QString m_selected;
    // The shape being drawn (normalised points) or the drag in progress.
    std::vector<cv::Point2d> m_drawing;
    bool m_dragging = false;
    int m_handle = -1;                      // the resize handle dragged, -1 for a move
    cv::Point2d m_dragStart;                // normalised, where the drag began
    std::vector<cv::Point2d> m_dragPreview; // the dragged markup's points where it would go
    bool m_erasing = false;
    bool m_eraseStepOpen = false;           // an undo macro is open for this drag
    QPointF m_lastErase;                    // widget pixels
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPointF m_panFrom;                      // widget pixels
    InlineTextEditor *m_textEditor = nullptr;
    cv::Point2d m_textAt;                   // normalised, the label's anchor
    QString m_textMarkupId;                 // the label edited; empty for a new one
};

} // namespace sl
