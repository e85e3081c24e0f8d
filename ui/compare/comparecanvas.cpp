#include "compare/comparecanvas.h"

#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace sl {

namespace {

constexpr double kZoomStep = 1.25; // per wheel notch (120 eighths of a degree), as in the annotation editor

} // namespace

CompareCanvas::CompareCanvas(QWidget *parent)
    : OverlayCanvas(parent)
{
    setFocusPolicy(Qt::ClickFocus);
}

void CompareCanvas::setSharedView(const SharedView &view)
{
    m_view = view;
    applySharedView();
}

void CompareCanvas::applySharedView()
{
    if (!hasFrame()) {
        setView(m_view.zoom, QPointF());
        return;
    }
    setView(m_view.zoom, CompareViewGeometry::canvasPan(QSizeF(frame().size()), QSizeF(size()), m_view));
}

QRectF CompareCanvas::visibleImageRect() const
{
    if (!hasFrame())
        return {};
    return CompareViewGeometry::visibleRect(QSizeF(frame().size()), QRectF(rect()), m_view);
}

void CompareCanvas::resizeEvent(QResizeEvent *event)
{
    OverlayCanvas::resizeEvent(event);
    applySharedView();
}

void CompareCanvas::wheelEvent(QWheelEvent *event)
{
    const int eighths = event->angleDelta().y();
    if (eighths == 0 || !hasFrame()) {
        event->ignore();
        return;
    }
    Q_EMIT zoomRequested(std::pow(kZoomStep, eighths / 120.0), event->position());
    event->accept();
}

void CompareCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        OverlayCanvas::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_dragFrom = event->position();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void CompareCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        OverlayCanvas::mouseMoveEvent(event);
        return;
    }
    const QPointF delta = event->position() - m_dragFrom;
    m_dragFrom = event->position();
    if (!delta.isNull())
        Q_EMIT panRequested(delta);
    event->accept();
}

void CompareCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
        event->accept();
        return;
    }
    OverlayCanvas::mouseReleaseEvent(event);
}

} // namespace sl
