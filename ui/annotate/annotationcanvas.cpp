#include "annotationcanvas.h"

#include "annotation/annotationdocument.h"
#include "annotation/markuphandles.h"
#include "common/inputlimits.h"
#include "inlinetexteditor.h"
#include "render/markuphittest.h"
#include "render/markuppicker.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QUuid>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// A press and release closer than this (widget pixels) draw nothing.
constexpr double kMinShapePixels = 3;
// How far from a markup's bounds a click still selects it (widget pixels).
constexpr double kHitSlackPixels = 6;
// How far from a resize handle's centre a press still grabs it, and its size drawn (widget pixels).
constexpr double kHandleGrabPixels = 7;
constexpr double kHandleDrawnPixels = 7;
// How far from a shape the eraser still touches it, and its step along a drag (widget pixels).
constexpr double kEraserSlackPixels = 4;
constexpr double kEraserStepPixels = 2;

MarkupKind kindOf(AnnotationTool tool)
{
    switch (tool) {
    case AnnotationTool::Pen:
    case AnnotationTool::Highlighter: return MarkupKind::Ink;
    case AnnotationTool::Arrow: return MarkupKind::Arrow;
    case AnnotationTool::Line: return MarkupKind::Line;
    case AnnotationTool::Rect: return MarkupKind::Rect;
    case AnnotationTool::Ellipse: return MarkupKind::Ellipse;
    case AnnotationTool::Text: return MarkupKind::Text;
    case AnnotationTool::Blur:
    case AnnotationTool::Pixelate: return MarkupKind::Blur;
    case AnnotationTool::Select:
    case AnnotationTool::Eraser: break;
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

bool isFreehand(AnnotationTool tool)
{
    return tool == AnnotationTool::Pen || tool == AnnotationTool::Highlighter;
}

bool isBox(MarkupKind kind)
{
    return kind == MarkupKind::Rect || kind == MarkupKind::Ellipse || kind == MarkupKind::Blur;
}

QString newMarkupId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

AnnotationCanvas::AnnotationCanvas(QWidget *parent) : OverlayCanvas(parent)
{
    setMouseTracking(true); // for the resize cursor over the selection's handles
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

AnnotationDocument *AnnotationCanvas::document() const
{
    return m_document;
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
    endErase();
    showToolCursor();
    update();
}

void AnnotationCanvas::showToolCursor()
{
    setCursor(m_spaceHeld                            ? Qt::OpenHandCursor
              : m_tool == AnnotationTool::Select ? Qt::ArrowCursor
              : m_tool == AnnotationTool::Eraser ? Qt::PointingHandCursor
                                                 : Qt::CrossCursor);
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

double AnnotationCanvas::pixelScale() const
{
    return frameToWidget().m11();
}

QPolygonF AnnotationCanvas::widgetPointsOf(const Markup &markup) const
{
    // Where the viewer draws and picks it (as OverlayRenderer draws it), on the widget.
    return frameToWidget().map(
        MarkupPicker::framePointsOf(markup, manifest(), manifest().poseTrack(), frame().size(), frameSeconds()));
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
        // Its bounds, or its drawn shape where that reaches further (a label's words).
        const QRectF bounds = boundsOf(*it);
        const double slack = kHitSlackPixels + it->width / 2;
        if (bounds.adjusted(-slack, -slack, slack, slack).contains(widgetPos)
            || MarkupHitTest::touches(*it, widgetPointsOf(*it), pixelScale(), widgetPos, kHitSlackPixels))
            return it->id;
    }
    return {};
}

void AnnotationCanvas::restyleSelected(const QColor &color, double width, const QString &mergeKey)
{
    const Markup *selected = m_document && !m_selected.isEmpty() ? m_document->find(m_selected) : nullptr;
    if (!selected)
        return;
    const double actualWidth = selected->style == MarkupStyle::Highlighter
        ? std::min(width * kHighlighterWidthFactor, double(limits::kMarkupWidth))
        : width;
    if (selected->color == color && selected->width == actualWidth)
        return;
    Markup restyled = *selected;
    restyled.color = color;
    restyled.width = actualWidth;
    m_document->change(restyled, mergeKey);
}

int AnnotationCanvas::handleAt(QPointF widgetPos) const
{
    const Markup *selected = m_document && !m_selected.isEmpty() ? m_document->find(m_selected) : nullptr;
    if (!selected)
        return -1;
    const std::vector<cv::Point2d> handles = MarkupHandles::of(*selected);
    for (size_t i = 0; i < handles.size(); ++i) {
        if (QLineF(toWidget(handles[i]), widgetPos).length() <= kHandleGrabPixels)
            return int(i);
    }
    return -1;
}

void AnnotationCanvas::zoomAt(double factor, QPointF widgetPos)
{
    if (!hasFrame())
        return;
    // The frame pixel under the cursor stays under it.
    const QPointF pixel = frameToWidget().inverted().map(widgetPos);
    setView(viewZoom() * factor, QPointF());
    const QPointF unpanned = frameToWidget().map(pixel);
    setViewKeepingEditor(viewZoom(), widgetPos - unpanned);
}

void AnnotationCanvas::fitToView()
{
    setViewKeepingEditor(1, QPointF());
}

void AnnotationCanvas::setViewKeepingEditor(double zoom, QPointF pan)
{
    setView(zoom, pan);
    if (m_textEditor)
        m_textEditor->move(toWidget(m_textAt).toPoint());
}

void AnnotationCanvas::eraseAlong(QPointF from, QPointF to)
{
    if (!m_document)
        return;
    const int steps = std::max(1, int(std::ceil(QLineF(from, to).length() / kEraserStepPixels)));
    const double scale = pixelScale();
    for (const Markup &markup : m_document->markups()) {
        const QPolygonF points = widgetPointsOf(markup);
        bool touched = false;
        for (int i = 0; i <= steps && !touched; ++i)
            touched = MarkupHitTest::touches(markup, points, scale, from + (to - from) * (double(i) / steps),
                                             kEraserSlackPixels);
        if (!touched)
            continue;
        if (!m_eraseStepOpen) {
            m_document->undoStack()->beginMacro(tr("Erase"));
            m_eraseStepOpen = true;
        }
        m_document->remove(markup.id);
    }
    m_lastErase = to;
}

void AnnotationCanvas::endErase()
{
    if (m_eraseStepOpen && m_document)
        m_document->undoStack()->endMacro();
    m_eraseStepOpen = false;
    m_erasing = false;
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
    if (!hasFrame() || !m_document) {
        OverlayCanvas::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const bool left = event->button() == Qt::LeftButton;
    if (event->button() == Qt::MiddleButton || (left && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (!left) {
        OverlayCanvas::mousePressEvent(event);
        return;
    }
    commitText(); // a click elsewhere ends the label being typed
    const cv::Point2d at = toImage(event->position());
    switch (m_tool) {
    case AnnotationTool::Select:
        // The selection's handles first: they may lie over another markup.
        m_handle = handleAt(event->position());
        if (m_handle < 0)
            select(hitTest(event->position()));
        m_dragging = !m_selected.isEmpty();
        m_dragStart = at;
        m_dragPreview.clear();
        return;
    case AnnotationTool::Text:
        beginText(at, nullptr);
        return;
    case AnnotationTool::Eraser:
        m_erasing = true;
        eraseAlong(event->position(), event->position());
        return;
    default:
        m_drawing = {at};
        update();
    }
}

void AnnotationCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        setViewKeepingEditor(viewZoom(), viewPan() + (event->position() - m_panFrom));
        m_panFrom = event->position();
        return;
    }
    if (!m_document || !hasFrame())
        return;
    if (event->buttons() == Qt::NoButton) {
        // Hovering: a handle of the selection shows that it resizes.
        if (m_tool == AnnotationTool::Select && !m_spaceHeld)
            setCursor(handleAt(event->position()) >= 0 ? Qt::SizeAllCursor : Qt::ArrowCursor);
        return;
    }
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const cv::Point2d at = toImage(event->position());
    if (m_tool == AnnotationTool::Eraser) {
        if (m_erasing)
            eraseAlong(m_lastErase, event->position());
        return;
    }
    if (m_tool == AnnotationTool::Select) {
        // World markup keeps its world geometry: it is restyled or deleted, not moved.
        const Markup *markup = m_dragging ? m_document->find(m_selected) : nullptr;
        if (!markup || markup->space != MarkupSpace::Image)
            return;
        // Shown as a preview while dragging; written once, on release (one
        // row, one outbox update, one audit row and one undo step per drag).
        if (m_handle >= 0) {
            m_dragPreview = MarkupHandles::resized(*markup, m_handle, at);
        } else {
            // The move is kept within the picture as a whole, so the shape
            // keeps its size and form at an edge.
            cv::Point2d delta = at - m_dragStart;
            m_dragPreview = markup->imagePoints;
            if (!m_dragPreview.empty()) {
                double left = 1, top = 1, right = 0, bottom = 0;
                for (const cv::Point2d &p : m_dragPreview) {
                    left = std::min(left, p.x), right = std::max(right, p.x);
                    top = std::min(top, p.y), bottom = std::max(bottom, p.y);
                }
                delta.x = std::clamp(delta.x, std::min(0.0, -left), std::max(0.0, 1 - right));
                delta.y = std::clamp(delta.y, std::min(0.0, -top), std::max(0.0, 1 - bottom));
            }
            for (cv::Point2d &p : m_dragPreview)
                p = {std::clamp(p.x + delta.x, 0.0, 1.0), std::clamp(p.y + delta.y, 0.0, 1.0)};
        }
        update();
        return;
    }
    if (m_drawing.empty())
        return;
    if (isFreehand(m_tool))
        m_drawing.push_back(at);
    else
        m_drawing.resize(1), m_drawing.push_back(at);
    update();
}

void AnnotationCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        showToolCursor();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (m_tool == AnnotationTool::Eraser) {
        if (m_erasing)
            eraseAlong(m_lastErase, event->position());
        endErase();
        return;
    }
    if (m_tool == AnnotationTool::Select) {
        const Markup *markup = m_dragging && m_document ? m_document->find(m_selected) : nullptr;
        if (markup && !m_dragPreview.empty() && m_dragPreview != markup->imagePoints) {
            Markup moved = *markup;
            moved.imagePoints = m_dragPreview;
            m_document->change(moved);
        }
        m_dragging = false;
        m_handle = -1;
        m_dragPreview.clear();
        update();
        return;
    }
    if (!m_drawing.empty()) {
        if (!isFreehand(m_tool))
            m_drawing.resize(1), m_drawing.push_back(toImage(event->position()));
        else
            m_drawing.push_back(toImage(event->position()));
        finishShape();
    }
}

void AnnotationCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A double click on a label edits its words in place.
    if (event->button() == Qt::LeftButton && m_document && hasFrame()
        && (m_tool == AnnotationTool::Select || m_tool == AnnotationTool::Text)) {
        const QString hit = hitTest(event->position());
        const Markup *markup = hit.isEmpty() ? nullptr : m_document->find(hit);
        if (markup && markup->kind == MarkupKind::Text) {
            editText(hit);
            return;
        }
    }
    OverlayCanvas::mouseDoubleClickEvent(event);
}

void AnnotationCanvas::wheelEvent(QWheelEvent *event)
{
    const int eighths = event->angleDelta().y();
    if (eighths == 0 || !hasFrame()) {
        event->ignore();
        return;
    }
    zoomAt(std::pow(kZoomStep, eighths / 120.0), event->position());
    event->accept();
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
    markup.imagePoints = isFreehand(m_tool) ? smoothed(points) : points;
    markup.color = m_color;
    markup.width = m_width;
    if (m_tool == AnnotationTool::Highlighter) {
        markup.style = MarkupStyle::Highlighter;
        markup.width = std::min(m_width * kHighlighterWidthFactor, double(limits::kMarkupWidth));
    } else if (m_tool == AnnotationTool::Pixelate) {
        markup.style = MarkupStyle::Pixelate;
    }
    markup.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (m_document->add(markup))
        select(markup.id);
}

void AnnotationCanvas::editText(const QString &markupId)
{
    const Markup *markup = m_document ? m_document->find(markupId) : nullptr;
    if (!markup || markup->kind != MarkupKind::Text)
        return;
    select(markupId);
    // A world label's editor goes where the camera shows it; its point stays world geometry.
    const QPolygonF points = widgetPointsOf(*markup);
    if (points.isEmpty())
        return;
    beginText(toImage(points.front()), markup);
}

void AnnotationCanvas::beginText(cv::Point2d at, const Markup *existing)
{
    commitText();
    m_textAt = at;
    m_textMarkupId = existing ? existing->id : QString();
    m_textEditor = new InlineTextEditor(this);
    // About the size and colour the label will be drawn at (MarkupPlan: max(12, 6 × width) media pixels).
    QFont font = m_textEditor->font();
    const double width = existing ? existing->width : m_width;
    font.setPixelSize(std::clamp(int(std::max(12.0, 6.0 * width) * pixelScale()), 10, 64));
    m_textEditor->setFont(font);
    QPalette palette = m_textEditor->palette();
    palette.setColor(QPalette::Text, existing ? existing->color : m_color);
    m_textEditor->setPalette(palette);
    if (existing)
        m_textEditor->setText(existing->text);
    m_textEditor->selectAll();
    m_textEditor->adjustSize();
    m_textEditor->resize(std::max(m_textEditor->width(), 200), m_textEditor->height());
    m_textEditor->move(toWidget(at).toPoint());
    m_textEditor->show();
    m_textEditor->setFocus(Qt::OtherFocusReason);
    connect(m_textEditor, &InlineTextEditor::accepted, this, &AnnotationCanvas::commitText);
    connect(m_textEditor, &InlineTextEditor::cancelled, this, &AnnotationCanvas::cancelText);
}

void AnnotationCanvas::cancelText()
{
    if (!m_textEditor)
        return;
    m_textEditor->hide();
    m_textEditor->deleteLater();
    m_textEditor = nullptr;
    m_textMarkupId.clear();
    setFocus(Qt::OtherFocusReason);
}

// Closing the window (or anything else that hides the canvas) keeps the
// label being typed, as a click elsewhere does.
void AnnotationCanvas::hideEvent(QHideEvent *event)
{
    commitText();
    OverlayCanvas::hideEvent(event);
}

void AnnotationCanvas::commitText()
{
    if (!m_textEditor)
        return;
    const QString text = m_textEditor->text().trimmed();
    const QString editedId = m_textMarkupId;
    cancelText();
    if (text.isEmpty() || !m_document)
        return; // an emptied label keeps its words: Delete removes a label
    if (!editedId.isEmpty()) {
        const Markup *existing = m_document->find(editedId);
        if (!existing || existing->text == text)
            return;
        Markup changed = *existing;
        changed.text = text;
        m_document->change(changed);
        return;
    }
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
}

void AnnotationCanvas::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && !m_selected.isEmpty() && m_document) {
        m_document->remove(m_selected);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Space:
        // Held: the left button pans.
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            showToolCursor();
        }
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: // + without Shift on many layouts
        zoomAt(kZoomStep, QPointF(rect().center()));
        return;
    case Qt::Key_Minus:
        zoomAt(1 / kZoomStep, QPointF(rect().center()));
        return;
    case Qt::Key_0:
        fitToView();
        return;
    default:
        break;
    }
    // A tool's key, when no shortcut of the window took it first.
    const QKeySequence pressed(event->keyCombination());
    for (const AnnotationToolInfo &info : annotationTools()) {
        if (info.shortcut == pressed) {
            setTool(info.tool);
            return;
        }
    }
    if (event->key() == Qt::Key_Escape) {
        m_drawing.clear();
        select(QString());
        return;
    }
    OverlayCanvas::keyPressEvent(event);
}

void AnnotationCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            showToolCursor();
        return;
    }
    OverlayCanvas::keyReleaseEvent(event);
}

void AnnotationCanvas::paintPreview(QPainter &painter, const std::vector<cv::Point2d> &points, MarkupKind kind) const
{
    QPolygonF line;
    for (const cv::Point2d &p : points)
        line.append(toWidget(p));
    if (line.size() == 1)
        painter.drawEllipse(line.front(), 4, 4);
    else if (isBox(kind) && line.size() == 2)
        painter.drawRect(QRectF(line.front(), line.back()).normalized());
    else
        painter.drawPolyline(line);
}

void AnnotationCanvas::paintEvent(QPaintEvent *event)
{
    OverlayCanvas::paintEvent(event);
    if (!hasFrame())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    // The shape being drawn, as a thin preview in the tool's colour.
    if (m_drawing.size() >= 2) {
        painter.setPen(QPen(m_color, 1.5, Qt::DashLine));
        paintPreview(painter, m_drawing, kindOf(m_tool));
    }
    const Markup *selected = m_document && !m_selected.isEmpty() ? m_document->find(m_selected) : nullptr;
    // A markup being dragged or resized, where it will go.
    if (!m_dragPreview.empty() && selected) {
        painter.setPen(QPen(palette().highlight().color(), 1.5, Qt::DashLine));
        paintPreview(painter, m_dragPreview, selected->kind);
    }
    // The selection's bounds and its resize handles.
    if (selected && !widgetPointsOf(*selected).isEmpty()) {
        const QRectF bounds = boundsOf(*selected);
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DashLine));
        painter.drawRect(bounds.adjusted(-4, -4, 4, 4));
        painter.setPen(QPen(palette().highlight().color(), 1));
        painter.setBrush(Qt::white);
        const double half = kHandleDrawnPixels / 2;
        for (const cv::Point2d &handle : MarkupHandles::of(*selected)) {
            const QPointF centre = toWidget(handle);
            painter.drawRect(QRectF(centre - QPointF(half, half), QSizeF(kHandleDrawnPixels, kHandleDrawnPixels)));
        }
    }
}

} // namespace sl
