#include "media/framesource.h"

#include "media/mediafile.h"
#include "media/photoreader.h"
#include "media/videodecoder.h"

#include <cmath>

namespace sl {

FrameSource::FrameSource() : m_cacheLimit(FrameCache::kDefaultBytes) {}

FrameSource::~FrameSource() = default;

bool FrameSource::open(const QString &path, QString *error)
{
    return openAs(path, std::nullopt, error);
}

bool FrameSource::open(const QString &path, MediaType type, QString *error)
{
    return openAs(path, type, error);
}

bool FrameSource::openAs(const QString &path, std::optional<MediaType> type, QString *error)
{
    m_video.reset();
    m_photo = {};
    m_path = path;
    m_error.clear();
    const auto fail = [&](const QString &message) {
        m_error = message;
        if (error)
            *error = message;
        m_video.reset();
        m_photo = {};
        return false;
    };
    QString message;
    if (!MediaFile::checkReadable(path, &message))
        return fail(message);
    const bool photo = type ? *type == MediaType::Photo
                            : MediaFile::looksLikeImage(path) || MediaFile::hasPhotoExtension(path);
    if (photo) {
        m_photo = PhotoReader::read(path, &message);
        return m_photo.isNull() ? fail(message) : true;
    }
    m_video = std::make_unique<VideoDecoder>(m_cacheLimit);
    m_video->setIndexCache(m_indexCacheFolder);
    if (!m_video->open(path, &message))
        return fail(message);
    return true;
}

bool FrameSource::isVideo() const
{
    return m_video != nullptr;
}

int FrameSource::frameCount() const
{
    return m_video ? m_video->index().count() : m_photo.isNull() ? 0 : 1;
}

double FrameSource::fps() const
{
    return m_video ? m_video->index().averageRate() : 0.0;
}

double FrameSource::duration() const
{
    return m_video ? m_video->index().length() : 0.0;
}

QString FrameSource::timeProblem(double seconds) const
{
    if (!std::isfinite(seconds) || seconds < 0)
        return tr("invalid time %1 s: it must be 0 or more").arg(seconds);
    if (!m_video || seconds <= duration() + 1e-9)
        return {};
    const FrameIndex &frames = m_video->index();
    if (frames.isCutShort())
        return tr("time %1 s is past what can be read: the video ends early, at %2 s (its container says %3 s)")
            .arg(seconds, 0, 'f', 3)
            .arg(frames.readableEnd(), 0, 'f', 3)
            .arg(frames.containerEnd(), 0, 'f', 3);
    return tr("time %1 s is beyond the end of the video (%2 s)").arg(seconds, 0, 'f', 3).arg(duration(), 0, 'f', 3);
}

const FrameIndex &FrameSource::index() const
{
    static const FrameIndex none;
    return m_video ? m_video->index() : none;
}

int FrameSource::frameIndexAt(double seconds) const
{
    if (!m_video)
        return m_photo.isNull() ? -1 : 0;
    return m_video->index().indexAt(seconds);
}

double FrameSource::timeOfFrame(int index) const
{
    if (!m_video || index < 0 || index >= m_video->index().count())
        return 0.0;
    return m_video->index().timeOf(index);
}

int FrameSource::rotation() const
{
    return m_video ? m_video->rotation() : 0;
}

QSize FrameSource::codedSize() const
{
    return m_video ? m_video->codedSize() : m_photo.size();
}

QImage FrameSource::frame(int index)
{
    m_error.clear();
    if (!m_video) {
        if (m_photo.isNull())
            return failWith(tr("no media is open"));
        return m_photo;
    }
    const FrameIndex &frames = m_video->index();
    if (index < 0 || index >= frames.count())
        return failWith(tr("there is no frame %1 (the video has %2)").arg(index).arg(frames.count()));
    QString reason;
    const QImage image = m_video->frame(index, &reason);
    if (image.isNull()) {
        // The last frames of a cut file may be there in the index but not
        // whole: say where it ends rather than "cannot be decoded".
        if (frames.isCutShort() && index >= frames.count() - 2)
            return failWith(tr("the video ends early, at %1 s; the container says %2 s")
                                .arg(frames.timeOf(index), 0, 'f', 2)
                                .arg(frames.containerEnd(), 0, 'f', 2));
        return failWith(reason);
    }
    return image;
}

QImage FrameSource::frameAt(double seconds)
{
    if (!std::isfinite(seconds) && !(m_video && seconds > 0))
        return failWith(tr("the requested time is not a number"));
    if (!m_video)
        return frame(0);
    const int index = m_video->index().indexAt(seconds);
    if (index < 0) {
        const FrameIndex &frames = m_video->index();
        return failWith(tr("the video ends early, at %1 s; the container says %2 s")
                            .arg(frames.readableEnd(), 0, 'f', 2)
                            .arg(frames.containerEnd(), 0, 'f', 2));
    }
    return frame(index);
}

bool FrameSource::fillBehind(int index, const std::atomic<bool> &stop)
{
    return !m_video || index < 0 || index >= m_video->index().count() || m_video->fillBehind(index, stop);
}

QString FrameSource::lastError() const
{
    return m_error;
}

void FrameSource::setCacheLimit(qint64 bytes)
{
    m_cacheLimit = bytes;
    if (m_video)
        m_video->setCacheLimit(bytes);
}

void FrameSource::dropCachedFrames()
{
    if (m_video)
        m_video->dropCachedFrames();
}

FrameSource::Stats FrameSource::stats() const
{
    if (!m_video)
        return {};
    const VideoDecoder::Counters c = m_video->counters();
    return {c.decoded, c.converted, c.seeks, c.cacheHits, m_video->cachedBytes(), c.filled};
}

QImage FrameSource::failWith(const QString &reason)
{
    m_error = m_path.isEmpty() ? reason : MediaFile::describe(m_path, reason);
    return {};
}

} // namespace sl
