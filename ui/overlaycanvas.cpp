#include "overlaycanvas.h"

#include "media/displayrotation.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace sl {

namespace {

const QColor kBackground(0x1e, 0x1f, 0x22);

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
    if (m_rotation == 0 || DisplayRotation::displaySize(m_rotation, m_codedSize) != m_frame.size()) {
        m_lastResult = OverlayRenderer::paint(painter, m_manifest, m_poseTrack, m_worldMarkups, m_frame.size(),
                                              m_seconds, m_frame);
    } else {
        // Sensor pixels, turned with the frame.
        if (m_sensorFrame.isNull())
            m_sensorFrame = DisplayRotation::toSensor(m_frame, m_rotation);
        painter.setTransform(DisplayRotation::sensorToDisplay(m_rotation, m_codedSize) * frameToDevice);
        m_lastResult = OverlayRenderer::paint(painter, m_manifest, m_poseTrack, m_worldMarkups, m_codedSize,
                                              m_seconds, m_sensorFrame);
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
    const QRect available = rect().adjusted(margin + padding, margin + padding, -margin - padding, 0);
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
