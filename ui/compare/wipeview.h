#pragma once

#include "compare/compareviewgeometry.h"

#include <QWidget>

namespace sl {

class CompareCanvas;

// Compare's wipe: capture A's picture left of a vertical divider and B's
// right of it, both fitted into the same box (the whole widget, aspect
// kept) under the shared view, each with its own markup drawn only in its
// own part. Dragging near the divider moves it; dragging elsewhere pans and
// the wheel zooms (asked for, like CompareCanvas does). The window repaints
// it when either side shows a new frame.
class WipeView : public QWidget
{
    Q_OBJECT
public:
    // The pictures and markup come from the two sides' canvases.
    WipeView(CompareCanvas *a, CompareCanvas *b, QWidget *parent = nullptr);

    void setSharedView(const SharedView &view);
    // Where the divider is, as a fraction of the width (0..1).
    double fraction() const { return m_fraction; }
    void setFraction(double fraction);
    double dividerX() const;
    // The side whose picture is at widget x (0: A, 1: B).
    int sideAt(double x) const { return x < dividerX() ? 0 : 1; }

    QSize sizeHint() const override { return {960, 540}; }

    // How close to the divider a press grabs it, widget pixels.
    static constexpr double kGrabPixels = 8;

Q_SIGNALS:
    void zoomRequested(double factor, QPointF cursor, int side);
    void panRequested(QPointF delta, int side);
    void fractionChanged(double fraction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    enum class Drag { None, Divider, Pan };
    void paintSide(QPainter &painter, CompareCanvas *canvas, const QRectF &clip);
    void paintDivider(QPainter &painter, double x);
    // "A" or "B" in a small box at the top, just left or right of the divider.
    void paintTag(QPainter &painter, const QString &text, double dividerX, bool leftOfIt);

    CompareCanvas *m_a;
    CompareCanvas *m_b;
    SharedView m_view;
    double m_fraction = 0.5;
    Drag m_drag = Drag::None;
    QPointF m_dragFrom;
    int m_dragSide = 0;
};

} // namespace sl
