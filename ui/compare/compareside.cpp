#include "compare/compareside.h"

#include "common/logging.h"
#include "compare/comparecanvas.h"
#include "compare/comparetimeline.h"
#include "media/framesourceworker.h"

#include <QFileInfo>

namespace sl {

CompareSide::CompareSide(CompareCanvas *canvas, QObject *parent)
    : QObject(parent)
    , m_canvas(canvas)
    , m_frames(new FrameSourceWorker(this))
{
    connect(m_frames, &FrameSourceWorker::opened, this, &CompareSide::onOpened);
    connect(m_frames, &FrameSourceWorker::openFailed, this, &CompareSide::onOpenFailed);
    connect(m_frames, &FrameSourceWorker::frameReady, this, &CompareSide::onFrame);
    connect(m_frames, &FrameSourceWorker::frameFailed, this, &CompareSide::onFrameFailed);
}

CompareSide::~CompareSide() = default;

void CompareSide::open(const CaptureRecord &record, const QString &mediaPath, std::vector<Markup> worldMarkups)
{
    m_record = record;
    m_mediaPath = mediaPath;
    m_index.reset();
    m_opened = false;
    m_shownIndex = -1;
    m_requestedIndex = -1;
    m_canvas->setCapture(record.manifest, std::move(worldMarkups));
    m_canvas->clearFrame();
    if (!record.manifestError.isEmpty())
        m_canvas->setCaptureNotice(tr("Markup not shown: %1").arg(record.manifestError));
    m_canvas->setMessage(isVideo() ? tr("Loading video…") : tr("Loading photo…"));
    m_frames->open(mediaPath, record.mediaType); // the worker finds a missing or lying file
}

void CompareSide::showSharedTime(double shared)
{
    m_pendingShared = shared;
    if (!m_opened || !isVideo() || !frameIndex())
        return;
    const int index = CompareTimeline::frameShown(*m_index, m_lead, shared);
    if (index < 0) {
        m_canvas->setMessage(tr("The video ends early, at %1 s").arg(m_index->readableEnd(), 0, 'f', 2), true);
        return;
    }
    request(index);
}

void CompareSide::request(int index)
{
    if (index == m_requestedIndex || (m_requestedIndex < 0 && index == m_shownIndex))
        return;
    m_requestedIndex = index;
    m_frames->requestFrame(index);
}

void CompareSide::onOpened(std::shared_ptr<const FrameIndex> index, int rotation, QSize codedSize)
{
    m_index = std::move(index);
    m_opened = true;
    m_canvas->setSensorRotation(rotation, codedSize);
    if (isVideo() && !frameIndex()) {
        onOpenFailed(tr("the video has no frame"));
        return;
    }
    Q_EMIT opened();
    if (isVideo())
        showSharedTime(m_pendingShared);
    else
        request(0);
}

void CompareSide::onOpenFailed(const QString &error)
{
    const QString message =
        tr("%1 cannot be shown: %2").arg(QFileInfo(m_mediaPath).fileName(), error);
    qCWarning(lcUi).noquote() << "compare:" << message;
    m_canvas->setMessage(message, true);
    Q_EMIT failed(message);
}

void CompareSide::onFrame(int index, double seconds, const QImage &image)
{
    if (index == m_requestedIndex)
        m_requestedIndex = -1;
    m_shownIndex = index;
    m_canvas->setFrame(image, seconds);
    m_canvas->applySharedView();
    Q_EMIT frameShown(index);
}

void CompareSide::onFrameFailed(int index, const QString &error)
{
    if (index == m_requestedIndex)
        m_requestedIndex = -1;
    m_canvas->setMessage(tr("Frame %1 cannot be shown: %2").arg(index + 1).arg(error), true);
    Q_EMIT failed(error);
}

} // namespace sl
