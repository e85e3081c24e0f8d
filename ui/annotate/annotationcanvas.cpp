#include "annotationcanvas.h"

#include "annotation/annotationdocument.h"
#include "common/inputlimits.h"
#include "spatial/projector.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// A press and release closer than this (widget pixels) draw nothing.
constexpr double kMinShapePixels = 3;
// How far from a markup's bounds a click still selects it (widget pixels).
constexpr double kHitSlackPixels = 6;

MarkupKind kindOf(AnnotationTool tool)
{
    switch (tool) {
    case AnnotationTool::Pen: return MarkupKind::Ink;
    case AnnotationTool::Arrow: return MarkupKind::Arrow;
    case AnnotationTool::Line: return MarkupKind::Line;
    case AnnotationTool::Rect: return MarkupKind::Rect;
    case AnnotationTool::Ellipse: return MarkupKind::Ellipse;
    case AnnotationTool::Text: return MarkupKind::Text;
    case AnnotationTool::Blur: return MarkupKind::Blur;
    case AnnotationTool::Select: break;
    }
    return MarkupKind::Ink;
}

// A pen stroke smoothed by a three-point moving average (ends kept), so
// that a hand's jitter does not show, and thinned to the points a markup
// may hold (inputlimits.h) by keeping every n-th.
std::vector<cv::Point2d> smoothed(const std::vector<cv::Point2d> &points)
{
    if (points.size() < 3)
        return points;
    std::vector<cv::Point2d> out{points.front()};
    for (size_t i = 1; i + 1 < points.size(); ++i)
        out.push_back((points[i - 1] + points[i] + points[i + 1]) / 3.0);
    out.push_back(points.back());
    const size_t limit = size_t(limits::kPointsPerMarkup);
    if (out.size() <= limit)
        return out;
    const size_t step = (out.size() + limit - 2) / (limit - 1);
    std::vector<cv::Point2d> thinned;
    for (size_t i = 0; i + 1 < out.size(); i += step)
        thinned.push_back(out[i]);
    thinned.push_back(out.back());
    return thinned;
}

QString newMarkupId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

AnnotationCanvas::AnnotationCanvas(QWidget *parent) : OverlayCanvas(parent)
{
    setMouseTracking(false);
}

void AnnotationCanvas::setDocument(AnnotationDocument *document, const CaptureManifest &manifest)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_baseManifest = manifest;
    if (m_document)
        connect(m_document, &AnnotationDocument::markupsChanged, this, &AnnotationCanvas::refresh);
    refresh();
}

void AnnotationCanvas::setTool(AnnotationTool tool)
{
    commitText();
    const bool changed = tool != m_tool;
    m_tool = tool;
    // A drawing tool starts afresh: its colour and width are for the next shape.
    if (tool != AnnotationTool::Select)
        select(QString());
    if (changed)
        Q_EMIT toolChanged(tool);
    m_drawing.clear();
    setCursor(tool == AnnotationTool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    update();
}

void AnnotationCanvas::refresh()
{
    CaptureManifest manifest = m_baseManifest;
    manifest.markups.clear();
    std::vector<Markup> world;
    if (m_document) {
        for (Markup &markup : m_document->markups()) {
            if (markup.space == MarkupSpace::World)
                world.push_back(std::move(markup));
            else
                manifest.markups.push_back(std::move(markup));
        }
    }
    if (!m_selected.isEmpty() && (!m_document || !m_document->find(m_selected)))
        select(QString());
    setCapture(manifest, std::move(world));
}

cv::Point2d AnnotationCanvas::toImage(QPointF widgetPos) const
{
    if (!hasFrame())
        return {};
    const QPointF pixel = frameToWidget().inverted().map(widgetPos);
    return {std::clamp(pixel.x() / frame().width(), 0.0, 1.0), std::clamp(pixel.y() / frame().height(), 0.0, 1.0)};
}

QPointF AnnotationCanvas::toWidget(cv::Point2d imagePoint) const
{
    return frameToWidget().map(QPointF(imagePoint.x * frame().width(), imagePoint.y * frame().height()));
}

QPolygonF AnnotationCanvas::widgetPointsOf(const Markup &markup) const
{
    QPolygonF points;
    if (markup.space == MarkupSpace::Image) {
        for (const cv::Point2d &p : markup.imagePoints)
            points.append(toWidget(p));
        return points;
    }
    // World markup where the photo's camera sees it (as OverlayRenderer draws it).
    const CaptureManifest &m = manifest();
    const std::optional<Pose> pose = m.poseTrack().poseAt(frameSeconds());
    if (!hasFrame() || !m.camera || !m.camera->isValid() || !pose)
        return points;
    const Projector projector(m.camera->scaledTo(frame().width(), frame().height()), *pose,
                              m.axes.value_or(Axes::OpenCV));
    for (const cv::Vec3d &p : markup.worldPoints)
        if (const std::optional<cv::Point2d> pixel = projector.projectPoint(p))
            points.append(frameToWidget().map(QPointF(pixel->x + 0.5, pixel->y + 0.5)));
    return points;
}

QRectF AnnotationCanvas::boundsOf(const Markup &markup) const
{
    // By hand: QRectF::united() ignores the empty rectangles of single points.
    const QPolygonF points = widgetPointsOf(markup);
    if (points.isEmpty())
        return {};
    double left = points.front().x(), top = points.front().y(), right = left, bottom = top;
    for (const QPointF &w : points) {
        left = std::min(left, w.x());
        top = std::min(top, w.y());
        right = std::max(right, w.x());
        bottom = std::max(bottom, w.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

QString AnnotationCanvas::hitTest(QPointF widgetPos) const
{
    if (!m_document)
        return {};
    const std::vector<Markup> markups = m_document->markups();
    // The topmost first: image markup is drawn in order, over world markup.
    for (auto it = markups.rbegin(); it != markups.rend(); ++it) {
        if (widgetPointsOf(*it).isEmpty())
            continue; // not seen in this photo
        const QRectF bounds = boundsOf(*it);
        const double slack = kHitSlackPixels + it->width / 2;
        if (bounds.adjusted(-slack, -slack, slack, slack).contains(widgetPos))
            return it->id;
    }
    return {};
}

void AnnotationCanvas::restyleSelected(const QColor &color, double width)
{
    const Markup *selected = m_document && !m_selected.isEmpty() ? m_document->find(m_selected) : nullptr;
    if (!selected || (selected->color == color && selected->width == width))
        return;
    Markup restyled = *selected;
    restyled.color = color;
    restyled.width = width;
    m_document->change(restyled);
}

void AnnotationCanvas::select(const QString &markupId)
{
    if (markupId == m_selected)
        return;
    m_selected = markupId;
    Q_EMIT selectionChanged(markupId);
    update();
}

void AnnotationCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !hasFrame() || !m_document) {
        OverlayCanvas::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const cv::Point2d at = toImage(event->position());
    if (m_tool == AnnotationTool::Select) {
        select(hitTest(event->position()));
        m_dragging = !m_selected.isEmpty();
        m_dragStart = at;
        m_dragPreview.clear();
        return;
    }
    if (m_tool == AnnotationTool::Text) {
        beginText(event->position());
        return;
    }
    m_drawing = {at};
    update();
}

void AnnotationCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_document || !hasFrame())
        return;
    const cv::Point2d at = toImage(event->position());
    if (m_tool == AnnotationTool::Select) {
        // World markup keeps its world geometry: it is restyled or deleted, not moved.
        const Markup *markup = m_dragging ? m_document->find(m_selected) : nullptr;
        if (!markup || markup->space != MarkupSpace::Image)
            return;
        // Shown as a preview while dragging; written once, on release (one
        // row, one outbox update, one audit row and one undo step per drag).
        const cv::Point2d delta = at - m_dragStart;
        m_dragPreview = markup->imagePoints;
        for (cv::Point2d &p : m_dragPreview)
            p = {std::clamp(p.x + delta.x, 0.0, 1.0), std::clamp(p.y + delta.y, 0.0, 1.0)};
        update();
        return;
    }
    if (m_drawing.empty())
        return;
    if (m_tool == AnnotationTool::Pen)
        m_drawing.push_back(at);
    else
        m_drawing.resize(1), m_drawing.push_back(at);
    update();
}

void AnnotationCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_tool == AnnotationTool::Select) {
        const Markup *markup = m_dragging && m_document ? m_document->find(m_selected) : nullptr;
        if (markup && !m_dragPreview.empty() && m_dragPreview != markup->imagePoints) {
            Markup moved = *markup;
            moved.imagePoints = m_dragPreview;
            m_document->change(moved);
        }
        m_dragging = false;
        m_dragPreview.clear();
        update();
        return;
    }
    if (!m_drawing.empty()) {
        if (m_tool != AnnotationTool::Pen)
            m_drawing.resize(1), m_drawing.push_back(toImage(event->position()));
        else
            m_drawing.push_back(toImage(event->position()));
        finishShape();
    }
}

void AnnotationCanvas::finishShape()
{
    std::vector<cv::Point2d> points = std::move(m_drawing);
    m_drawing.clear();
    update();
    if (points.size() < 2 || !m_document)
        return;
    const QPointF a = toWidget(points.front());
    const QPointF b = toWidget(points.back());
    double extent = QLineF(a, b).length();
    for (const cv::Point2d &p : points)
        extent = std::max(extent, QLineF(a, toWidget(p)).length());
    if (extent < kMinShapePixels)
        return;
    Markup markup;
    markup.id = newMarkupId();
    markup.kind = kindOf(m_tool);
    markup.space = MarkupSpace::Image;
    markup.imagePoints = m_tool == AnnotationTool::Pen ? smoothed(points) : points;
    markup.color = m_color;
    markup.width = m_width;
    markup.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (m_document->add(markup))
        select(markup.id);
}

void AnnotationCanvas::beginText(QPointF widgetPos)
{
    commitText();
    m_textAt = toImage(widgetPos);
    m_textEditor = new QLineEdit(this);
    m_textEditor->setPlaceholderText(tr("Label"));
    m_textEditor->setMaxLength(500); // CAPTURE-FORMAT.md: text is at most 500 characters
    m_textEditor->move(widgetPos.toPoint());
    m_textEditor->show();
    m_textEditor->setFocus(Qt::OtherFocusReason);
    connect(m_textEditor, &QLineEdit::returnPressed, this, &AnnotationCanvas::commitText);
}

void AnnotationCanvas::commitText()
{
    if (!m_textEditor)
        return;
    const QString text = m_textEditor->text().trimmed();
    m_textEditor->deleteLater();
    m_textEditor = nullptr;
    if (text.isEmpty() || !m_document)
        return;
    Markup markup;
    markup.id = newMarkupId();
    markup.kind = MarkupKind::Text;
    markup.space = MarkupSpace::Image;
    markup.imagePoints = {m_textAt};
    markup.text = text;
    markup.color = m_color;
    markup.width = m_width;
    markup.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (m_document->add(markup))
        select(markup.id);
    setFocus(Qt::OtherFocusReason);
}

void AnnotationCanvas::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && !m_selected.isEmpty() && m_document) {
        m_document->remove(m_selected);
        return;
    }
    // A tool's key, when no shortcut of the window took it first.
    if (event->modifiers() == Qt::NoModifier) {
        for (const AnnotationToolInfo &info : annotationTools()) {
            if (info.shortcut == QKeySequence(event->key())) {
                setTool(info.tool);
                return;
            }
        }
    }
    if (event->key() == Qt::Key_Escape) {
        m_drawing.clear();
        select(QString());
        return;
    }
    OverlayCanvas::keyPressEvent(event);
}

void AnnotationCanvas::paintEvent(QPaintEvent *event)
{
    OverlayCanvas::paintEvent(event);
    if (!hasFrame())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // The shape being drawn, as a thin preview in the tool's colour.
    if (m_drawing.size() >= 2) {
        painter.setPen(QPen(m_color, 1.5, Qt::DashLine));
        QPolygonF line;
        for (const cv::Point2d &p : m_drawing)
            line.append(toWidget(p));
        painter.drawPolyline(line);
    }
    // A markup being dragged, where it will go.
    if (m_dragPreview.size() >= 1) {
        painter.setPen(QPen(palette().highlight().color(), 1.5, Qt::DashLine));
        QPolygonF moved;
        for (const cv::Point2d &p : m_dragPreview)
            moved.append(toWidget(p));
        if (moved.size() == 1)
            painter.drawEllipse(moved.front(), 4, 4);
        else
            painter.drawPolyline(moved);
    }
    // The selection's bounds.
    const Markup *selected = m_document && !m_selected.isEmpty() ? m_document->find(m_selected) : nullptr;
    if (selected && !widgetPointsOf(*selected).isEmpty()) {
        const QRectF bounds = boundsOf(*selected);
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(bounds.adjusted(-4, -4, 4, 4));
    }
}

} // namespace sl
