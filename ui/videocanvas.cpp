#include "videocanvas.h"

#include "media/displayrotation.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sl {

VideoCanvas::VideoCanvas(QWidget *parent)
    : OverlayCanvas(parent)
{
    setObjectName(QStringLiteral("videoCanvas"));
    enableReviewTools();
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &VideoCanvas::onConverted);
}

VideoCanvas::~VideoCanvas()
{
    // A conversion still running finishes on its worker; nobody listens any more.
    m_watcher.disconnect(this);
}

void VideoCanvas::presentFrame(const QVideoFrame &frame, double seconds)
{
    if (!frame.isValid())
        return;
    const qint64 startUs = frame.startTime();
    if (startUs >= 0 && startUs == m_lastStartUs)
        return;
    m_lastStartUs = startUs;

    m_pending = frame; // replaces a waiting frame, which is stale now
    m_pendingSeconds = seconds;
    if (!m_converting)
        startConversion();
}

void VideoCanvas::reset()
{
    dropPendingFrames();
    clearFrame();
}

void VideoCanvas::dropPendingFrames()
{
    ++m_generation;
    m_pending = {};
    m_lastStartUs = -1;
    // m_converting stays as it is: the running conversion's result is dropped
    // by its generation, and its end lets the next one start.
}

void VideoCanvas::startConversion()
{
    const QVideoFrame frame = m_pending;
    const double seconds = m_pendingSeconds;
    const quint64 generation = m_generation;
    m_pending = {};
    m_converting = true;
    const int rotation = sensorRotation();
    const QSize coded = codedSize();
    m_watcher.setFuture(QtConcurrent::run([frame, seconds, generation, rotation, coded]() {
        Converted converted;
        converted.generation = generation;
        converted.seconds = seconds;
        QImage image = frame.toImage();
        // RGB32 and premultiplied ARGB are what QPainter draws fastest.
        if (!image.isNull() && image.format() != QImage::Format_RGB32
            && image.format() != QImage::Format_ARGB32_Premultiplied)
            image = image.convertToFormat(QImage::Format_RGB32);
        // The sink gives the sensor's orientation; the frame source's frames
        // are turned for display, and so must these be.
        if (rotation != 0 && image.size() == coded)
            image = DisplayRotation::toDisplay(image, rotation);
        converted.image = std::move(image);
        return converted;
    }));
}

void VideoCanvas::onConverted()
{
    m_converting = false;
    const Converted converted = m_watcher.result();
    if (converted.generation == m_generation && !converted.image.isNull())
        setFrame(converted.image, converted.seconds);
    if (m_pending.isValid())
        startConversion();
}

} // namespace sl
