#include "overlaycanvas.h"

#include "media/displayrotation.h"
#include "overlaylegendpanel.h"
#include "render/markuppicker.h"
#include "render/overlaylegend.h"
#include "uitext.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace sl {

namespace {

const QColor kBackground(0x1e, 0x1f, 0x22);
// How far from a markup's drawn shape a click still selects it, widget pixels.
constexpr double kPickSlack = 6;
// Space between the picture's panels (legend, selection box) and the widget's edge.
constexpr int kPanelMargin = 8;
constexpr double kLegendShare = 0.15; // the most of the picture's area the unfolded legend may cover by default

} // namespace

OverlayCanvas::OverlayCanvas(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void OverlayCanvas::setCapture(const CaptureManifest &manifest, std::vector<Markup> worldMarkups)
{
    m_manifest = manifest;
    m_poseTrack = manifest.poseTrack();
    m_worldMarkups = std::move(worldMarkups);
    m_lastResult = {};
    if (m_reviewTools) {
        // Keep the selection while its markup is still there (an edit elsewhere re-sends the capture).
        if (m_selected) {
            const auto same = [this](const Markup &m) { return m.id == m_selected->id; };
            const auto inImage = std::find_if(m_manifest.markups.begin(), m_manifest.markups.end(), same);
            const auto inWorld = std::find_if(m_worldMarkups.begin(), m_worldMarkups.end(), same);
            if (inImage != m_manifest.markups.end())
                m_selected = *inImage;
            else if (inWorld != m_worldMarkups.end())
                m_selected = *inWorld;
            else
                clearSelection();
            showSelectionInfo();
        }
        m_legend->setLegend(OverlayLegend::of(m_manifest.markups, m_worldMarkups));
        m_legend->setVisible(m_legendAction->isChecked() && !m_legend->isEmpty());
        placePanels();
    }
    update();
}

void OverlayCanvas::setSensorRotation(int clockwise, QSize codedSize)
{
    m_rotation = clockwise;
    m_codedSize = codedSize;
    m_sensorFrame = {};
    update();
}

void OverlayCanvas::setFrame(const QImage &frame, double seconds)
{
    m_frame = frame;
    m_sensorFrame = {};
    m_seconds = seconds;
    ++m_frameSerial;
    if (!frame.isNull()) {
        m_message.clear();
        m_isError = false;
    }
    update();
}

void OverlayCanvas::clearFrame()
{
    m_frame = {};
    m_seconds = 0;
    ++m_frameSerial;
    m_lastResult = {};
    update();
}

void OverlayCanvas::setMessage(const QString &text, bool isError)
{
    m_message = text;
    m_isError = isError;
    update();
}

void OverlayCanvas::setCaptureNotice(const QString &text)
{
    m_captureNotice = text;
    update();
}

QString OverlayCanvas::noticeText() const
{
    return m_captureNotice.isEmpty() ? m_lastResult.notice : m_captureNotice;
}

QTransform OverlayCanvas::frameToWidget() const
{
    if (m_frame.isNull() || width() <= 0 || height() <= 0)
        return {};
    const double scale = m_zoom * std::min(double(width()) / m_frame.width(), double(height()) / m_frame.height());
    const double dx = (width() - m_frame.width() * scale) / 2.0 + m_pan.x();
    const double dy = (height() - m_frame.height() * scale) / 2.0 + m_pan.y();
    return QTransform::fromTranslate(dx, dy).scale(scale, scale);
}

void OverlayCanvas::setView(double zoom, QPointF pan)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_pan = pan;
    update();
}

QSize OverlayCanvas::sizeHint() const
{
    return {640, 360};
}

QSize OverlayCanvas::minimumSizeHint() const
{
    return {160, 90};
}

void OverlayCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    if (m_frame.isNull()) {
        paintMessage(painter);
        return;
    }

    paintFrame(painter, frameToWidget());
    paintSelection(painter);

    if (const QString notice = noticeText(); !notice.isEmpty())
        paintBanner(painter, notice);
    if (!m_message.isEmpty())
        paintMessage(painter);

    if (m_paintedSerial != m_frameSerial) {
        m_paintedSerial = m_frameSerial;
        ++m_framesPainted;
        Q_EMIT framePainted(m_seconds);
    }
}

void OverlayCanvas::paintFrame(QPainter &painter, const QTransform &toWidget)
{
    if (m_frame.isNull())
        return;
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    // From here on the painter works in the frame's pixels (0..frame size).
    painter.setTransform(toWidget, true);
    const QTransform frameToDevice = painter.transform();
    painter.drawImage(QPointF(0, 0), m_frame);
    OverlayOptions options;
    options.filter = m_filter;
    options.edgeIndicators = m_reviewTools;
    if (m_rotation == 0 || DisplayRotation::displaySize(m_rotation, m_codedSize) != m_frame.size()) {
        m_lastResult = OverlayRenderer::paint(painter, m_manifest, m_poseTrack, m_worldMarkups, m_frame.size(),
                                              m_seconds, m_frame, options);
    } else {
        // Sensor pixels, turned with the frame.
        if (m_sensorFrame.isNull())
            m_sensorFrame = DisplayRotation::toSensor(m_frame, m_rotation);
        painter.setTransform(DisplayRotation::sensorToDisplay(m_rotation, m_codedSize) * frameToDevice);
        m_lastResult = OverlayRenderer::paint(painter, m_manifest, m_poseTrack, m_worldMarkups, m_codedSize,
                                              m_seconds, m_sensorFrame, options);
    }
    painter.restore();
}

void OverlayCanvas::paintBanner(QPainter &painter, const QString &text)
{
    const int margin = 8;
    const int padding = 6;
    QFont font = painter.font();
    font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.9));
    painter.setFont(font);
    QRect available = rect().adjusted(margin + padding, margin + padding, -margin - padding, 0);
    // Beside the legend, not under it (it sits at the top right).
    if (m_legend && m_legend->isVisible() && m_legend->x() - margin - padding > available.left() + 120)
        available.setRight(m_legend->x() - margin - padding);
    const QRect textRect = painter.fontMetrics().boundingRect(available, Qt::TextWordWrap | Qt::AlignLeft, text);
    const QRectF box = QRectF(textRect).adjusted(-padding, -padding, padding, padding);
    QPainterPath path;
    path.addRoundedRect(box, 4, 4);
    painter.fillPath(path, QColor(0, 0, 0, 170));
    painter.setPen(QColor(0xff, 0xd6, 0x0a));
    painter.drawText(textRect, Qt::TextWordWrap | Qt::AlignLeft, text);
}

void OverlayCanvas::paintMessage(QPainter &painter)
{
    if (m_message.isEmpty())
        return;
    const QRect area = rect().adjusted(24, 24, -24, -24);
    if (!m_frame.isNull()) {
        // Over a frame (a playback error after frames were shown): a box at the bottom.
        const QRect textRect = painter.fontMetrics().boundingRect(area, Qt::TextWordWrap | Qt::AlignHCenter, m_message);
        QRect box = textRect.adjusted(-8, -6, 8, 6);
        box.moveBottom(rect().bottom() - 12);
        painter.fillRect(box, QColor(0, 0, 0, 190));
        painter.setPen(m_isError ? QColor(0xff, 0x6b, 0x60) : QColor(Qt::white));
        painter.drawText(box, Qt::TextWordWrap | Qt::AlignCenter, m_message);
        return;
    }
    painter.setPen(m_isError ? QColor(0xff, 0x6b, 0x60) : QColor(0xc8, 0xc8, 0xc8));
    painter.drawText(area, Qt::TextWordWrap | Qt::AlignCenter, m_message);
}

} // namespace sl

namespace sl {

void OverlayCanvas::enableReviewTools()
{
    if (m_reviewTools)
        return;
    m_reviewTools = true;
    m_legend = new OverlayLegendPanel(this);
    m_legend->hide();
    connect(m_legend, &OverlayLegendPanel::filterChanged, this, &OverlayCanvas::setFilter);
    connect(m_legend, &OverlayLegendPanel::expandedByUser, this, [this] {
        m_legendFoldChosen = true;
        placePanels();
    });

    m_legendAction = new QAction(tr("Show legend"), this);
    m_legendAction->setObjectName(QStringLiteral("legendAction"));
    m_legendAction->setCheckable(true);
    m_legendAction->setChecked(true);
    m_legendAction->setShortcut(QKeySequence(Qt::Key_G));
    m_legendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_legendAction, &QAction::toggled, this,
            [this](bool on) { m_legend->setVisible(on && !m_legend->isEmpty()); });
    addAction(m_legendAction);
    setContextMenuPolicy(Qt::ActionsContextMenu); // the menu shows the action and its key
    m_legend->setToolTip(tr("Markup by author and kind: untick to hide (%1 shows or hides this legend)")
                             .arg(m_legendAction->shortcut().toString(QKeySequence::NativeText)));

    m_selectionInfo = new QLabel(this);
    m_selectionInfo->setObjectName(QStringLiteral("selectionInfo"));
    m_selectionInfo->setAutoFillBackground(true);
    m_selectionInfo->setMargin(6);
    m_selectionInfo->setTextFormat(Qt::PlainText);
    QPalette pal = m_selectionInfo->palette();
    pal.setColor(QPalette::Window, QColor(0x1e, 0x1f, 0x22, 225));
    pal.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    m_selectionInfo->setPalette(pal);
    m_selectionInfo->hide();

    m_legend->setLegend(OverlayLegend::of(m_manifest.markups, m_worldMarkups));
    m_legend->setVisible(!m_legend->isEmpty());
    placePanels();
}

void OverlayCanvas::setFilter(const OverlayFilter &filter)
{
    m_filter = filter;
    if (m_selected && !m_filter.shows(*m_selected))
        clearSelection(); // what is hidden cannot stay selected
    update();
}

QTransform OverlayCanvas::overlayToWidget(QSize *overlaySize) const
{
    if (m_rotation == 0 || DisplayRotation::displaySize(m_rotation, m_codedSize) != m_frame.size()) {
        *overlaySize = m_frame.size();
        return frameToWidget();
    }
    *overlaySize = m_codedSize;
    return DisplayRotation::sensorToDisplay(m_rotation, m_codedSize) * frameToWidget();
}

bool OverlayCanvas::selectAt(QPointF widgetPos)
{
    if (!m_reviewTools || m_frame.isNull())
        return false;
    QSize size;
    const QTransform toWidget = overlayToWidget(&size);
    std::optional<Markup> picked = MarkupPicker::pick(m_manifest, m_poseTrack, m_worldMarkups, m_filter, size,
                                                      m_seconds, toWidget, widgetPos, kPickSlack);
    if (!picked) {
        clearSelection();
        return false;
    }
    m_selected = std::move(picked);
    showSelectionInfo();
    update();
    Q_EMIT markupSelected(m_selected->id);
    return true;
}

void OverlayCanvas::clearSelection()
{
    if (!m_selected)
        return;
    m_selected.reset();
    showSelectionInfo();
    update();
    Q_EMIT markupSelected(QString());
}

QString OverlayCanvas::selectionInfoText() const
{
    if (!m_selected)
        return {};
    const Markup &m = *m_selected;
    QStringList lines;
    lines << tr("Author: %1").arg(OverlayLegendPanel::authorText(m.author));
    lines << tr("Created: %1").arg(m.createdAt.isEmpty() ? tr("unknown") : UiText::captureDate(m.createdAt));
    lines << tr("Kind: %1").arg(OverlayLegendPanel::kindText(m.kind));
    lines << tr("Space: %1").arg(m.space == MarkupSpace::World ? tr("world (anchored in 3D)")
                                                               : tr("image (on the picture)"));
    if (m.from || m.to) {
        const QString from = m.from ? UiText::mediaTime(*m.from) : tr("start");
        const QString to = m.to ? UiText::mediaTime(*m.to) : tr("end");
        lines << tr("Shown: %1 – %2").arg(from, to);
    }
    if (m.kind == MarkupKind::Text && !m.text.isEmpty())
        lines << tr("Text: %1").arg(m.text.left(80));
    return lines.join(QLatin1Char('\n'));
}

void OverlayCanvas::showSelectionInfo()
{
    if (!m_selectionInfo)
        return;
    m_selectionInfo->setText(selectionInfoText());
    m_selectionInfo->adjustSize();
    m_selectionInfo->setVisible(m_selected.has_value());
    placePanels();
}

void OverlayCanvas::placePanels()
{
    if (!m_reviewTools)
        return;
    // Unfolded only where its lists leave most of the picture free (a small
    // view shows the folded header), until the user folds or unfolds it.
    if (!m_legendFoldChosen) {
        const QSize open = m_legend->expandedSize();
        const bool roomy = open.width() * open.height() <= kLegendShare * width() * height() &&
                           open.height() <= 0.6 * height();
        if (m_legend->isExpanded() != roomy)
            m_legend->setExpanded(roomy);
    }
    m_legend->adjustSize();
    m_legend->move(width() - m_legend->width() - kPanelMargin, kPanelMargin);
    m_selectionInfo->move(kPanelMargin, height() - m_selectionInfo->height() - kPanelMargin);
}

void OverlayCanvas::paintSelection(QPainter &painter)
{
    if (!m_selected)
        return;
    const Markup &m = *m_selected;
    if (m.space == MarkupSpace::Image && m_manifest.mediaType == MediaType::Video && !m.visibleAt(m_seconds))
        return; // not shown at this time: nothing to point at
    QSize size;
    const QTransform toWidget = overlayToWidget(&size);
    const QPolygonF points = toWidget.map(MarkupPicker::framePointsOf(m, m_manifest, m_poseTrack, size, m_seconds));
    if (points.isEmpty())
        return;
    // Around its points, by hand: a single point's rectangle is empty and QRectF::united skips it.
    double left = points.front().x(), top = points.front().y(), right = left, bottom = top;
    for (const QPointF &p : points) {
        left = std::min(left, p.x());
        top = std::min(top, p.y());
        right = std::max(right, p.x());
        bottom = std::max(bottom, p.y());
    }
    const double pad = kPickSlack + m.width * std::sqrt(std::abs(toWidget.determinant())) / 2;
    const QRectF box = QRectF(QPointF(left, top), QPointF(right, bottom)).adjusted(-pad, -pad, pad, pad);
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 200), 3));
    painter.drawRect(box);
    painter.setPen(QPen(QColor(0x5a, 0xc8, 0xfa), 1.5, Qt::DashLine));
    painter.drawRect(box);
    painter.restore();
}

void OverlayCanvas::mousePressEvent(QMouseEvent *event)
{
    if (m_reviewTools && event->button() == Qt::LeftButton) {
        setFocus(Qt::MouseFocusReason);
        selectAt(event->position());
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void OverlayCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_selected) {
        clearSelection();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void OverlayCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placePanels();
}

} // namespace sl
