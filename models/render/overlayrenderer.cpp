#include "render/overlayrenderer.h"

#include "common/logging.h"
#include "render/markupplan.h"
#include "render/markuppainter.h"
#include "render/reducedlayer.h"
#include "render/redaction.h"
#include "render/renderbudget.h"
#include "render/strokebatch.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <set>

namespace sl {

namespace {

using Kind = PlannedShape::Kind;

// Labels need fonts, which need a QGuiApplication; without one (a bare
// QCoreApplication) they are left out instead of aborting.
bool canDrawText()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

// Draws shapes exactly: polylines through StrokeBatch (collected, then drawn
// at once before anything else is drawn over them), the rest through
// MarkupPainter, each with its offset.
class ExactPass
{
public:
    explicit ExactPass(QPainter &painter) : m_painter(painter), m_shapes(painter) {}
    ~ExactPass() { flush(); }

    // Draws the polylines collected so far; the painter back to the frame's own pixels.
    void flush()
    {
        setOffset(QPointF());
        m_batch.flush(m_painter);
    }

    void draw(const PlannedShape &s)
    {
        if (StrokeBatch::draws(s)) {
            m_batch.add(s);
            return;
        }
        flush();
        drawOne(s);
    }

private:
    void drawOne(const PlannedShape &s)
    {
        setOffset(s.offset);
        switch (s.kind) {
        case Kind::Ink:
            m_shapes.ink(s.points, s.color, s.width);
            return;
        case Kind::Line:
            m_shapes.line(s.points, s.color, s.width);
            return;
        case Kind::Arrow:
            m_shapes.arrow(s.points, s.color, s.width, s.head);
            return;
        case Kind::Rect:
            m_shapes.rect(s.rect, s.color, s.width);
            return;
        case Kind::Ellipse:
            m_shapes.ellipse(s.rect, s.color, s.width);
            return;
        case Kind::Polygon:
            m_shapes.polygon(s.points, s.color, s.width);
            return;
        case Kind::Label:
            m_shapes.label(s.anchor, s.text, s.color, s.pixelSize, s.bounds);
            return;
        }
    }

    void setOffset(const QPointF &offset)
    {
        if (offset == m_offset)
            return;
        if (!m_offset.isNull())
            m_painter.restore();
        if (!offset.isNull()) {
            m_painter.save();
            m_painter.translate(offset);
        }
        m_offset = offset;
    }

    QPainter &m_painter;
    MarkupPainter m_shapes;
    StrokeBatch m_batch;
    QPointF m_offset;
};

} // namespace

OverlayResult OverlayRenderer::paint(QPainter &painter, const CaptureManifest &manifest,
                                     const std::vector<Markup> &worldMarkups, QSize frameSize, double seconds,
                                     const QImage &frame)
{
    return paint(painter, manifest, manifest.poseTrack(), worldMarkups, frameSize, seconds, frame);
}

OverlayResult OverlayRenderer::paint(QPainter &painter, const CaptureManifest &manifest, const PoseTrack &poses,
                                     const std::vector<Markup> &worldMarkups, QSize frameSize, double seconds,
                                     const QImage &frame, const OverlayOptions &options)
{
    OverlayResult result;
    if (frameSize.isEmpty())
        return result;
    const MarkupPlan plan = MarkupPlan::make(manifest, poses, worldMarkups, frameSize, seconds, canDrawText(),
                                             options.filter);
    result.worldMarkupsDrawn = plan.worldMarkupsDrawn;
    result.imageMarkupsDrawn = plan.imageMarkupsDrawn;
    result.notice = plan.notice;
    const RenderBudget::Decision budget = RenderBudget::decide(plan.shapes, QSizeF(frameSize));

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    // 1. Redactions first: everything else is drawn over the hidden pixels.
    Redaction::paint(painter, plan.redactions, frame, frameSize, Redaction::Look::Blurred);
    Redaction::paint(painter, plan.pixelations, frame, frameSize, Redaction::Look::Pixelated);

    // 2. The shapes in order: world markup, then image markup.
    {
        ExactPass exact(painter);
        for (size_t i = 0; i < budget.first && i < plan.shapes.size(); ++i)
            exact.draw(plan.shapes[i]);
        if (budget.reduced()) {
            ReducedLayer layer(frameSize, budget.scale);
            std::set<int> markups;
            for (size_t i = budget.first; i < budget.last; ++i) {
                layer.draw(plan.shapes[i]);
                markups.insert(plan.shapes[i].markup);
            }
            exact.flush();
            layer.composite(painter);
            const QString simplified = QCoreApplication::translate(
                "sl::OverlayRenderer", "Markup simplified for speed: %n markup(s) drawn at reduced detail.", nullptr,
                int(markups.size()));
            result.notice = result.notice.isEmpty() ? simplified : result.notice + QLatin1Char(' ') + simplified;
            qCDebug(lcRender) << "reduced layer at scale" << budget.scale << "for shapes" << budget.first << "to"
                              << budget.last << "of" << plan.shapes.size() << "; estimated"
                              << budget.exactNanoseconds / 1e6 << "ms exact";
        }
        for (size_t i = budget.reduced() ? budget.last : budget.first; i < plan.shapes.size(); ++i)
            exact.draw(plan.shapes[i]);
    }

    // 3. Arrows toward world markup out of the picture, over everything.
    if (options.edgeIndicators) {
        for (const EdgeIndicator &indicator : plan.edgeIndicators) {
            const Markup &markup = worldMarkups[size_t(indicator.markup)];
            indicator.paint(painter, QColor(markup.color.red(), markup.color.green(), markup.color.blue()));
        }
        result.edgeIndicators = int(plan.edgeIndicators.size());
    }

    painter.restore();
    if (!result.notice.isEmpty())
        qCDebug(lcRender) << "overlay of" << manifest.id << ":" << result.notice;
    return result;
}

QImage OverlayRenderer::burnIn(const QImage &frame, const CaptureManifest &manifest,
                               const std::vector<Markup> &worldMarkups, double seconds, OverlayResult *result)
{
    if (frame.isNull()) {
        if (result)
            *result = {};
        return {};
    }
    QImage canvas = frame.convertToFormat(frame.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                                  : QImage::Format_RGB32);
    OverlayResult drawn;
    {
        QPainter painter(&canvas);
        drawn = paint(painter, manifest, worldMarkups, canvas.size(), seconds, frame);
    }
    if (result)
        *result = drawn;
    return frame.format() == QImage::Format_RGB888 ? canvas.convertToFormat(QImage::Format_RGB888) : canvas;
}

} // namespace sl
