#include "media/framesourceworker.h"

#include "media/framesource.h"

#include <chrono>
#include <utility>

namespace sl {

namespace {

// Frames decoded ahead of the last one served: two keep a held arrow key
// (about 30 steps a second) ahead of decoding on a long keyframe interval.
constexpr int kPrefetchFrames = 2;

using Clock = std::chrono::steady_clock;

} // namespace

FrameSourceWorker::FrameSourceWorker(QObject *parent, QString indexCache)
    : QObject(parent), m_indexCache(std::move(indexCache))
{
    m_thread = std::thread([this] { run(); });
}

FrameSourceWorker::~FrameSourceWorker()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_interrupt = true;
    }
    m_wake.notify_one();
    m_thread.join(); // a frame being decoded finishes first (tens of ms)
}

void FrameSourceWorker::open(const QString &path, MediaType type)
{
    {
        const std::lock_guard lock(m_mutex);
        ++m_media;
        m_openPath = path;
        m_openType = type;
        m_pending.reset();
        m_interrupt = true;
    }
    m_wake.notify_one();
}

void FrameSourceWorker::close()
{
    open(QString(), MediaType::Video);
}

void FrameSourceWorker::setFillBehind(bool on)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_fillBehind && !on) {
            m_interrupt = true;
            m_dropCache = true;
        }
        m_fillBehind = on;
    }
    m_wake.notify_one();
}

void FrameSourceWorker::requestFrame(int index)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending = Request{m_media, index, std::nullopt};
        m_interrupt = true;
    }
    m_wake.notify_one();
}

void FrameSourceWorker::requestTime(double seconds)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending = Request{m_media, std::nullopt, seconds};
        m_interrupt = true;
    }
    m_wake.notify_one();
}

void FrameSourceWorker::run()
{
    std::unique_ptr<FrameSource> source;
    quint64 openedMedia = 0;
    // After a frame is served and while nothing else is asked, the next ones
    // are decoded into the source's cache: a reviewer's step forward (an
    // arrow key, or its repeat) then finds its frame decoded. A request that
    // arrives meanwhile waits for at most the one frame being decoded.
    int prefetchNext = -1;
    int prefetchLeft = 0;
    // Then the frames before the one served (fillBehind), from `fillDue` on.
    int fillAt = -1;
    int lastServed = -1;
    Clock::time_point fillDue;
    // Answers are posted to this object's thread and dropped there when a
    // newer open() made them stale.
    const auto post = [this](quint64 media, auto emitter) {
        QMetaObject::invokeMethod(
            this,
            [this, media, emitter] {
                {
                    const std::lock_guard lock(m_mutex);
                    if (media != m_media)
                        return;
                }
                emitter(); // unlocked: its slots may ask for the next frame
            },
            Qt::QueuedConnection);
    };
    while (true) {
        std::optional<QString> openPath;
        MediaType openType = MediaType::Video;
        std::optional<Request> request;
        quint64 media = 0;
        bool fill = false;
        bool drop = false;
        {
            std::unique_lock lock(m_mutex);
            const auto asked = [&] {
                return m_stop || m_openPath || m_pending || m_dropCache || (prefetchLeft > 0 && source);
            };
            while (!asked()) {
                if (!(source && fillAt >= 0 && m_fillBehind)) {
                    m_wake.wait(lock);
                } else if (Clock::now() >= fillDue) {
                    fill = true;
                    m_interrupt = false; // nothing is asked: an earlier stop is spent
                    break;
                } else {
                    m_wake.wait_until(lock, fillDue);
                }
            }
            if (m_stop)
                return;
            drop = std::exchange(m_dropCache, false);
            if (!fill && !drop) {
                media = m_media;
                openPath.swap(m_openPath);
                openType = m_openType;
                request.swap(m_pending);
                if (openPath || request)
                    m_interrupt = false;
            }
        }
        if (drop) {
            if (source)
                source->dropCachedFrames();
            m_cachedBytes = 0;
            prefetchLeft = 0;
            fillAt = -1;
            continue;
        }
        if (fill) {
            const qint64 before = source->stats().filled;
            source->fillBehind(fillAt, m_interrupt); // a failure is met again when asked for
            m_filledBehind += source->stats().filled - before;
            m_cachedBytes = source->stats().cachedBytes;
            fillAt = -1; // done, or stopped for a request that sets it again
            continue;
        }
        if (!openPath && !request) {
            --prefetchLeft;
            if (prefetchNext < source->frameCount()) {
                source->frame(prefetchNext++); // into the cache; a failure is met again when asked for
                ++m_decodedAhead;
            }
            continue;
        }
        prefetchLeft = 0;
        fillAt = -1;
        if (openPath) {
            source.reset();
            openedMedia = media;
            lastServed = -1;
            if (openPath->isEmpty())
                continue; // close()
            source = std::make_unique<FrameSource>();
            source->setIndexCache(m_indexCache);
            QString error;
            if (!source->open(*openPath, openType, &error)) {
                source.reset();
                post(media, [this, error] { Q_EMIT openFailed(error); });
                continue;
            }
            auto index = std::make_shared<const FrameIndex>(source->index());
            const int rotation = source->rotation();
            const QSize coded = source->codedSize();
            post(media, [this, index, rotation, coded] { Q_EMIT opened(index, rotation, coded); });
        }
        if (!request || !source || request->media != openedMedia)
            continue;
        const int index = request->index ? *request->index : source->frameIndexAt(*request->seconds);
        const QImage image = index >= 0 ? source->frame(index) : source->frameAt(*request->seconds);
        ++m_served;
        m_cachedBytes = source->stats().cachedBytes;
        if (image.isNull()) {
            const QString error = source->lastError();
            post(media, [this, index, error] { Q_EMIT frameFailed(index, error); });
        } else {
            const double seconds = source->timeOfFrame(index);
            post(media, [this, index, seconds, image] { Q_EMIT frameReady(index, seconds, image); });
            prefetchNext = index + 1;
            prefetchLeft = kPrefetchFrames;
            // A step back is followed by more: their frames are readied at
            // once. Anything else waits for a pause.
            const bool stepBack = lastServed > index && lastServed - index <= 2;
            fillAt = index;
            fillDue = Clock::now() + (stepBack ? Clock::duration::zero() : std::chrono::milliseconds(kFillDelayMs));
            lastServed = index;
        }
    }
}

} // namespace sl
