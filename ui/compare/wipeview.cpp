#include "compare/wipeview.h"

#include "compare/comparecanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <cmath>

namespace sl {

namespace {

const QColor kBackground(0x1e, 0x1f, 0x22);
constexpr double kZoomStep = 1.25; // per wheel notch, as CompareCanvas

} // namespace

WipeView::WipeView(CompareCanvas *a, CompareCanvas *b, QWidget *parent)
    : QWidget(parent)
    , m_a(a)
    , m_b(b)
{
    setObjectName(QStringLiteral("compareWipeView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // the cursor says when the divider can be grabbed
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void WipeView::setSharedView(const SharedView &view)
{
    m_view = view;
    update();
}

void WipeView::setFraction(double fraction)
{
    const double clamped = std::clamp(fraction, 0.0, 1.0);
    if (clamped == m_fraction)
        return;
    m_fraction = clamped;
    update();
    Q_EMIT fractionChanged(m_fraction);
}

double WipeView::dividerX() const
{
    return CompareViewGeometry::wipeSplit(QRectF(rect()), m_fraction).dividerX;
}

void WipeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    const WipeSplit split = CompareViewGeometry::wipeSplit(QRectF(rect()), m_fraction);
    paintSide(painter, m_a, split.leftClip);
    paintSide(painter, m_b, split.rightClip);
    paintDivider(painter, split.dividerX);
    // Which side is which, beside the divider at the top.
    paintTag(painter, tr("A"), split.dividerX, true);
    paintTag(painter, tr("B"), split.dividerX, false);
}

void WipeView::paintTag(QPainter &painter, const QString &text, double dividerX, bool leftOfIt)
{
    const int margin = 8;
    const QRectF textRect = painter.fontMetrics().boundingRect(text);
    QRectF box(0, margin, textRect.width() + 12, textRect.height() + 6);
    if (leftOfIt)
        box.moveRight(dividerX - margin);
    else
        box.moveLeft(dividerX + margin);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 170));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

void WipeView::paintSide(QPainter &painter, CompareCanvas *canvas, const QRectF &clip)
{
    if (!canvas->hasFrame() || clip.width() <= 0)
        return;
    const QSizeF frameSize(canvas->frame().size());
    const QRectF shown = CompareViewGeometry::imageRect(frameSize, QRectF(rect()), m_view);
    if (shown.isEmpty())
        return;
    painter.save();
    painter.setClipRect(clip);
    const QTransform toWidget = QTransform::fromTranslate(shown.left(), shown.top())
                                    .scale(shown.width() / frameSize.width(), shown.height() / frameSize.height());
    canvas->paintFrame(painter, toWidget);
    painter.restore();
}

void WipeView::paintDivider(QPainter &painter, double x)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 140), 4));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    // A round handle in the middle, with arrows both ways.
    const QPointF centre(x, height() / 2.0);
    painter.setBrush(Qt::white);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 1.5));
    painter.drawEllipse(centre, 14, 14);
    QPainterPath arrows;
    arrows.moveTo(centre + QPointF(-3, -6));
    arrows.lineTo(centre + QPointF(-9, 0));
    arrows.lineTo(centre + QPointF(-3, 6));
    arrows.moveTo(centre + QPointF(3, -6));
    arrows.lineTo(centre + QPointF(9, 0));
    arrows.lineTo(centre + QPointF(3, 6));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0x30, 0x30, 0x30), 2));
    painter.drawPath(arrows);
    painter.restore();
}

void WipeView::wheelEvent(QWheelEvent *event)
{
    const int eighths = event->angleDelta().y();
    if (eighths == 0) {
        event->ignore();
        return;
    }
    Q_EMIT zoomRequested(std::pow(kZoomStep, eighths / 120.0), event->position(), sideAt(event->position().x()));
    event->accept();
}

void WipeView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragFrom = event->position();
    m_dragSide = sideAt(event->position().x());
    m_drag = std::abs(event->position().x() - dividerX()) <= kGrabPixels ? Drag::Divider : Drag::Pan;
    setCursor(m_drag == Drag::Divider ? Qt::SplitHCursor : Qt::ClosedHandCursor);
    event->accept();
}

void WipeView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF at = event->position();
    switch (m_drag) {
    case Drag::Divider:
        setFraction(CompareViewGeometry::wipeFractionAt(QRectF(rect()), at.x()));
        break;
    case Drag::Pan:
        if (at != m_dragFrom)
            Q_EMIT panRequested(at - m_dragFrom, m_dragSide);
        m_dragFrom = at;
        break;
    case Drag::None:
        if (std::abs(at.x() - dividerX()) <= kGrabPixels)
            setCursor(Qt::SplitHCursor);
        else
            unsetCursor();
        break;
    }
    event->accept();
}

void WipeView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_drag != Drag::None) {
        m_drag = Drag::None;
        unsetCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace sl
