#include "render/markuppainter.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Head half-width as a fraction of its length, and how far (as a fraction of
// the head length, from the tip) the shaft reaches under the head.
constexpr double kHeadHalfWidth = 0.45;
constexpr double kShaftUnderHead = 0.7;

double segmentLength(const QPointF &a, const QPointF &b)
{
    return std::hypot(b.x() - a.x(), b.y() - a.y());
}

double pathLength(const QPolygonF &points)
{
    double length = 0;
    for (qsizetype i = 1; i < points.size(); ++i)
        length += segmentLength(points[i - 1], points[i]);
    return length;
}

// The polyline with `trim` pixels of path length cut off its end; the point
// where it was cut is its new last point.
QPolygonF trimmedEnd(const QPolygonF &points, double trim)
{
    QPolygonF result = points;
    while (result.size() >= 2 && trim > 0) {
        const QPointF last = result.last();
        const QPointF previous = result[result.size() - 2];
        const double length = segmentLength(previous, last);
        if (length > trim) {
            const double s = (length - trim) / length;
            result.last() = previous + s * (last - previous);
            return result;
        }
        trim -= length;
        result.removeLast();
    }
    return result;
}

QPen strokePen(const QColor &color, double width, Qt::PenCapStyle cap, Qt::PenJoinStyle join)
{
    QPen pen(color, width, Qt::SolidLine, cap, join);
    pen.setCosmetic(false);
    return pen;
}

// An open polyline with round joins (one point: a dot), what ink, lines and
// projected outlines have in common.
void strokePolyline(QPainter &painter, const QPolygonF &points, const QColor &color, double width,
                    Qt::PenCapStyle cap)
{
    painter.setPen(strokePen(color, width, cap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    if (points.size() == 1)
        painter.drawPoint(points.first());
    else
        painter.drawPolyline(points);
}

} // namespace

MarkupPainter::MarkupPainter(QPainter &painter) : m_painter(painter) {}

double MarkupPainter::headLength(double width)
{
    return std::max(4.5 * width, 9.0);
}

void MarkupPainter::ink(const QPolygonF &points, const QColor &color, double width)
{
    if (!points.isEmpty())
        strokePolyline(m_painter, points, color, width, Qt::RoundCap);
}

void MarkupPainter::line(const QPolygonF &points, const QColor &color, double width)
{
    if (points.size() >= 2)
        strokePolyline(m_painter, points, color, width, Qt::FlatCap);
}

void MarkupPainter::strokeInPieces(const QPolygonF &points, const QColor &color, double width,
                                   Qt::PenCapStyle cap)
{
    if (points.size() <= kPieceVertices + 1) {
        if (points.size() >= (cap == Qt::FlatCap ? 2 : 1))
            strokePolyline(m_painter, points, color, width, cap);
        return;
    }
    // Round caps where two pieces meet are the round join; a flat-capped
    // stroke gets that join as a dot.
    for (qsizetype start = 0; start + 1 < points.size(); start += kPieceVertices) {
        const QPolygonF piece = points.mid(start, kPieceVertices + 1);
        strokePolyline(m_painter, piece, color, width, cap);
        if (cap == Qt::FlatCap && start + piece.size() < points.size())
            strokePolyline(m_painter, QPolygonF{piece.last()}, color, width, Qt::RoundCap);
    }
}

MarkupPainter::ArrowShape MarkupPainter::arrowShape(const QPolygonF &points, double width, bool head)
{
    ArrowShape shape;
    if (points.size() < 2)
        return shape;
    const double total = pathLength(points);
    if (total <= 0)
        return shape;
    if (!head) {
        shape.shaft = points;
        return shape;
    }

    // A short arrow keeps a head that fits on it.
    const double length = std::min(headLength(width), 0.6 * total);
    const QPointF tip = points.last();
    // The head follows the path's direction over its own length, so a shaft
    // bent by lens distortion still meets its head straight on.
    const QPointF base = trimmedEnd(points, length).last();
    const double baseDistance = segmentLength(base, tip);
    if (baseDistance <= 0)
        return shape;
    const QPointF direction = (tip - base) / baseDistance;
    const QPointF normal(-direction.y(), direction.x());
    const QPointF headBase = tip - direction * length;
    const double halfWidth = kHeadHalfWidth * length;

    // The shaft ends under the head, where the head is wider than the shaft.
    shape.shaft = trimmedEnd(points, kShaftUnderHead * length);
    shape.head = QPolygonF{tip, headBase + normal * halfWidth, headBase - normal * halfWidth};
    return shape;
}

void MarkupPainter::arrow(const QPolygonF &points, const QColor &color, double width, bool head)
{
    const ArrowShape shape = arrowShape(points, width, head);
    line(shape.shaft, color, width);
    if (shape.head.isEmpty())
        return;
    QPainterPath triangle;
    triangle.moveTo(shape.head[0]);
    triangle.lineTo(shape.head[1]);
    triangle.lineTo(shape.head[2]);
    triangle.closeSubpath();
    m_painter.fillPath(triangle, color);
}

void MarkupPainter::rect(const QRectF &rect, const QColor &color, double width)
{
    m_painter.setPen(strokePen(color, width, Qt::SquareCap, Qt::MiterJoin));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(rect.normalized());
}

void MarkupPainter::ellipse(const QRectF &rect, const QColor &color, double width)
{
    m_painter.setPen(strokePen(color, width, Qt::RoundCap, Qt::RoundJoin));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawEllipse(rect.normalized());
}

void MarkupPainter::polygon(const QPolygonF &points, const QColor &color, double width)
{
    if (points.size() >= 2)
        strokePolyline(m_painter, points, color, width, Qt::RoundCap);
}

MarkupPainter::LabelShape MarkupPainter::labelShape(const QPointF &anchor, const QString &text,
                                                   const QColor &color, double pixelSize, const QRectF &bounds)
{
    LabelShape shape;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || pixelSize <= 0)
        return shape;
    QFont font;
    font.setPixelSize(std::max(1, int(std::lround(pixelSize))));
    font.setBold(true);
    const QFontMetricsF metrics(font);

    QPainterPath &path = shape.path;
    const QStringList lines = trimmed.split(QLatin1Char('\n'));
    double y = metrics.ascent();
    for (const QString &textLine : lines) {
        path.addText(QPointF(0, y), font, textLine);
        y += metrics.lineSpacing();
    }
    const double halo = std::max(2.0, pixelSize / 5.0);
    const QRectF box = path.boundingRect().adjusted(-halo, -halo, halo, halo);

    // Keep the whole label (with its halo) inside the frame where it fits.
    QPointF origin = anchor;
    if (bounds.isValid()) {
        origin.setX(std::clamp(origin.x(), bounds.left() - box.left(),
                               std::max(bounds.left() - box.left(), bounds.right() - box.right())));
        origin.setY(std::clamp(origin.y(), bounds.top() - box.top(),
                               std::max(bounds.top() - box.top(), bounds.bottom() - box.bottom())));
    }
    path.translate(origin);
    shape.halo = halo;
    shape.haloColor = color.lightnessF() > 0.5 ? QColor(0, 0, 0, 210) : QColor(255, 255, 255, 230);
    return shape;
}

void MarkupPainter::label(const QPointF &anchor, const QString &text, const QColor &color, double pixelSize,
                          const QRectF &bounds)
{
    const LabelShape shape = labelShape(anchor, text, color, pixelSize, bounds);
    if (shape.path.isEmpty())
        return;
    m_painter.strokePath(shape.path, strokePen(shape.haloColor, 2 * shape.halo, Qt::RoundCap, Qt::RoundJoin));
    m_painter.fillPath(shape.path, color);
}


} // namespace sl
