#pragma once

#include "annotationtool.h"
#include "overlaycanvas.h"

#include <QColor>
#include <QPointer>

class QLineEdit;

namespace sl {

class AnnotationDocument;

// The editor's drawing surface: the photo with the document's markup
// (painted by OverlayRenderer, like the viewer), and the mouse and keys of
// the current tool. New image markup is stored in normalised image
// coordinates (0..1, top-left origin), so it survives a change of
// resolution; a selected image markup moves by dragging; a selected world
// markup (found where the photo's camera sees it) keeps its world geometry
// and is restyled; any selected markup goes with Delete.
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
    // Gives the selected markup (image or world) this colour and width.
    void restyleSelected(const QColor &color, double width);

Q_SIGNALS:
    void selectionChanged(const QString &markupId);
    void toolChanged(AnnotationTool tool);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();
    // Widget position to normalised image coordinates (clamped to the image).
    cv::Point2d toImage(QPointF widgetPos) const;
    QPointF toWidget(cv::Point2d imagePoint) const;
    QString hitTest(QPointF widgetPos) const;
    // Where a markup's points are on the widget: image markup always, world
    // markup through the photo's camera and pose (empty when not seen).
    QPolygonF widgetPointsOf(const Markup &markup) const;
    // The widget rectangle those points span.
    QRectF boundsOf(const Markup &markup) const;
    void select(const QString &markupId);
    void finishShape();
    void beginText(QPointF widgetPos);
    void commitText();

    QPointer<AnnotationDocument> m_document;
    CaptureManifest m_baseManifest;
    AnnotationTool m_tool = AnnotationTool::Select;
    QColor m_color = QColor(0xFF, 0x3B, 0x30);
    double m_width = 4;
    QString m_selected;
    // The shape being drawn (normalised points) or the drag in progress.
    std::vector<cv::Point2d> m_drawing;
    bool m_dragging = false;
    cv::Point2d m_dragStart;                // normalised, where the drag began
    std::vector<cv::Point2d> m_dragPreview; // the dragged markup's points where it would go
    QLineEdit *m_textEditor = nullptr;
    cv::Point2d m_textAt;
};

} // namespace sl
