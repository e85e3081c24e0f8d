#pragma once

#include "compare/compareviewgeometry.h"
#include "overlaycanvas.h"

namespace sl {

// One side's picture in a comparison: an OverlayCanvas showing the view both
// sides share (zoom over the fitted scale, centre in normalised image
// coordinates), so that pictures of different sizes show the same part.
// The wheel and a left drag do not change the view themselves: they ask for
// it (zoomRequested, panRequested) and the comparison sets it on both sides.
class CompareCanvas : public OverlayCanvas
{
    Q_OBJECT
public:
    explicit CompareCanvas(QWidget *parent = nullptr);

    void setSharedView(const SharedView &view);
    const SharedView &sharedView() const { return m_view; }
    // Applies the shared view for the current frame and widget size (a new
    // frame of another size, a resize).
    void applySharedView();
    // The part of the picture on screen, normalised image coordinates.
    QRectF visibleImageRect() const;

Q_SIGNALS:
    // The wheel turned by `factor` at `cursor` (widget pixels).
    void zoomRequested(double factor, QPointF cursor);
    // The picture was dragged by `delta` widget pixels.
    void panRequested(QPointF delta);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    SharedView m_view;
    QPointF m_dragFrom; // widget pixels
    bool m_dragging = false;
};

} // namespace sl
