#include "media/thumbnailstripworker.h"

#include "media/thumbnailcache.h"

namespace sl {

ThumbnailStripWorker::ThumbnailStripWorker(QString cacheFolder, QObject *parent)
    : QObject(parent), m_cacheFolder(std::move(cacheFolder))
{
    qRegisterMetaType<sl::ThumbnailStripMaker::Stats>();
    m_thread = std::thread([this] { run(); });
}

ThumbnailStripWorker::~ThumbnailStripWorker()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_cancelRunning = true;
    }
    m_wake.notify_one();
    m_thread.join(); // stops after the thumbnail being decoded
}

void ThumbnailStripWorker::request(const QString &path, std::shared_ptr<const FrameIndex> index, int count,
                                   int height)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending = Request{++m_latest, path, std::move(index), count, height};
        m_cancelRunning = true;
    }
    m_wake.notify_one();
}

void ThumbnailStripWorker::cancel()
{
    const std::lock_guard lock(m_mutex);
    ++m_latest;
    m_pending.reset();
    m_cancelRunning = true;
}

void ThumbnailStripWorker::run()
{
    std::unique_ptr<ThumbnailCache> cache;
    if (!m_cacheFolder.isEmpty())
        cache = std::make_unique<ThumbnailCache>(m_cacheFolder);
    ThumbnailStripMaker maker(cache.get());
    // Answers are posted to this object's thread and dropped there when a
    // newer request made them stale.
    const auto post = [this](quint64 id, auto emitter) {
        QMetaObject::invokeMethod(
            this,
            [this, id, emitter] {
                {
                    const std::lock_guard lock(m_mutex);
                    if (id != m_latest)
                        return;
                }
                emitter();
            },
            Qt::QueuedConnection);
    };
    while (true) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_pending; });
            if (m_stop)
                return;
            request = std::move(*m_pending);
            m_pending.reset();
            m_cancelRunning = false;
        }
        const quint64 id = request.id;
        QString error;
        const bool made = maker.make(
            request.path, request.count, request.height,
            [&](const ThumbnailStripMaker::Thumbnail &t) {
                post(id, [this, t] { Q_EMIT thumbnailReady(t.slot, t.shows.frame, t.shows.seconds, t.image); });
            },
            request.index.get(), &m_cancelRunning, &error);
        if (made) {
            const ThumbnailStripMaker::Stats stats = maker.stats();
            post(id, [this, stats] { Q_EMIT finished(stats); });
        } else {
            post(id, [this, error] { Q_EMIT failed(error); });
        }
    }
}

} // namespace sl
