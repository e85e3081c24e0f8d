#include "render/markuphittest.h"

#include <QRectF>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace sl {

namespace {

// Vertices of an ellipse's outline when measuring the distance to it.
constexpr int kEllipseVertices = 64;

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

double distanceToPolyline(QPointF p, const QPolygonF &line)
{
    if (line.size() == 1)
        return std::hypot(p.x() - line.front().x(), p.y() - line.front().y());
    double best = std::numeric_limits<double>::infinity();
    for (qsizetype i = 1; i < line.size(); ++i)
        best = std::min(best, distanceToSegment(p, line[i - 1], line[i]));
    return best;
}

QPolygonF rectOutline(const QRectF &r)
{
    return QPolygonF{r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), r.topLeft()};
}

QPolygonF ellipseOutline(const QRectF &r)
{
    QPolygonF outline;
    for (int i = 0; i <= kEllipseVertices; ++i) {
        const double a = 2 * std::numbers::pi * i / kEllipseVertices;
        outline.append(r.center() + QPointF(r.width() / 2 * std::cos(a), r.height() / 2 * std::sin(a)));
    }
    return outline;
}

// The widget box of a label's words, as MarkupPlan sizes them (font pixel
// size max(12, 6 × width) media pixels), estimated without a font.
QRectF labelBox(const Markup &markup, QPointF anchor, double pixelScale)
{
    const double size = std::max(12.0, 6.0 * markup.width) * pixelScale;
    qsizetype longest = 1;
    const QStringList lines = markup.text.split(QLatin1Char('\n'));
    for (const QString &line : lines)
        longest = std::max(longest, line.size());
    return QRectF(anchor, QSizeF(0.65 * size * double(longest), 1.2 * size * double(lines.size())));
}

} // namespace

bool MarkupHitTest::touches(const Markup &markup, const QPolygonF &points, double pixelScale, QPointF pos,
                            double slack)
{
    if (points.isEmpty())
        return false;
    const double reach = markup.width * pixelScale / 2 + slack;
    const QRectF box = QRectF(points.front(), points.back()).normalized();
    if (markup.space == MarkupSpace::Image) {
        switch (markup.kind) {
        case MarkupKind::Rect:
            return distanceToPolyline(pos, rectOutline(box)) <= reach;
        case MarkupKind::Ellipse:
            return distanceToPolyline(pos, ellipseOutline(box)) <= reach;
        case MarkupKind::Blur:
            return box.adjusted(-slack, -slack, slack, slack).contains(pos);
        case MarkupKind::Text:
            return labelBox(markup, points.front(), pixelScale).adjusted(-slack, -slack, slack, slack).contains(pos);
        case MarkupKind::Ink:
        case MarkupKind::Line:
        case MarkupKind::Arrow:
            break;
        }
        return distanceToPolyline(pos, points) <= reach;
    }
    // World markup as projected: rectangles and ellipses are the outline through their points.
    if (markup.kind == MarkupKind::Text)
        return labelBox(markup, points.front(), pixelScale).adjusted(-slack, -slack, slack, slack).contains(pos);
    QPolygonF line = points;
    if ((markup.kind == MarkupKind::Rect || markup.kind == MarkupKind::Ellipse) && line.size() > 2)
        line.append(line.front());
    return distanceToPolyline(pos, line) <= reach;
}

} // namespace sl
