#include "media/thumbnailstripmaker.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "media/framesource.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailer.h"

#include <QSize>

#include <optional>

namespace sl {

namespace {

// Widest thumbnail, in heights: room for a panorama, not a stripe.
constexpr int kMaxAspect = 4;
constexpr qint64 kSourceCacheBytes = 64LL * 1024 * 1024;

} // namespace

ThumbnailStripMaker::ThumbnailStripMaker(ThumbnailCache *cache) : m_cache(cache)
{
}

ThumbnailStripMaker::~ThumbnailStripMaker() = default;

bool ThumbnailStripMaker::openSource(const QString &path, QString *error)
{
    if (m_source)
        return true;
    auto source = std::make_unique<FrameSource>();
    // A thumbnail's frame is never asked for twice: keep few decoded frames
    // (about ten of 1080p; the decoder reuses their buffers).
    source->setCacheLimit(kSourceCacheBytes);
    ++m_stats.sourceOpens;
    if (!source->open(path, MediaType::Video, error))
        return false;
    m_source = std::move(source);
    return true;
}

bool ThumbnailStripMaker::make(const QString &path, int count, int height, const Sink &sink,
                               const FrameIndex *index, const std::atomic_bool *cancel, QString *error)
{
    m_stats = {};
    m_source.reset();
    if (count < 1 || count > limits::kThumbnailsPerStrip || height < 1 || height > limits::kThumbnailHeight) {
        if (error)
            *error = tr("%1: a strip of %2 thumbnails of %3 px is not allowed (at most %4 of %5 px)")
                         .arg(path)
                         .arg(count)
                         .arg(height)
                         .arg(limits::kThumbnailsPerStrip)
                         .arg(limits::kThumbnailHeight);
        return false;
    }
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const QString key = m_cache ? ThumbnailCache::mediaKey(path) : QString();
    const bool cached = m_cache && !key.isEmpty();
    const int damagedBefore = cached ? m_cache->damagedFiles() : 0;

    std::optional<std::vector<ThumbnailSlot>> plan;
    if (index)
        plan = planThumbnails(*index, count);
    else if (cached)
        plan = m_cache->readPlan(key, count);
    if (!plan) {
        if (!openSource(path, error))
            return false;
        plan = planThumbnails(m_source->index(), count);
        if (cached)
            m_cache->writePlan(key, count, *plan);
    }

    // What the cache has is shown at once; the rest is decoded in frame order.
    std::vector<int> missing;
    for (int slot = 0; slot < int(plan->size()); ++slot) {
        const ThumbnailSlot &shows = (*plan)[size_t(slot)];
        QImage image = cached ? m_cache->read(key, shows.frame, height) : QImage();
        if (image.isNull()) {
            missing.push_back(slot);
            continue;
        }
        ++m_stats.fromDisk;
        sink({slot, shows, std::move(image), true});
    }
    QImage previous; // a frame shown by several slots is decoded once
    int previousFrame = -1;
    for (const int slot : missing) {
        if (cancelled())
            break;
        const ThumbnailSlot &shows = (*plan)[size_t(slot)];
        if (shows.frame != previousFrame) {
            if (!openSource(path, error))
                return false;
            const QImage frame = m_source->frame(shows.frame);
            if (frame.isNull()) {
                // A frame past a damaged part: the slot stays empty, the rest still come.
                qCWarning(lcMedia) << "thumbnail of frame" << shows.frame << "of" << path << m_source->lastError();
                continue;
            }
            previous = Thumbnailer::fitted(frame, QSize(height * kMaxAspect, height));
            previousFrame = shows.frame;
            ++m_stats.decodedThumbnails;
            if (cached) {
                QString writeError;
                if (!m_cache->write(key, shows.frame, height, previous, &writeError))
                    qCWarning(lcMedia) << "thumbnail cache:" << writeError;
            }
        }
        sink({slot, shows, previous, false});
    }
    if (m_source)
        m_stats.framesDecoded = m_source->stats().decoded;
    if (cached) {
        m_stats.damagedFiles = m_cache->damagedFiles() - damagedBefore;
        if (m_stats.decodedThumbnails > 0)
            m_cache->prune();
    }
    return true;
}

} // namespace sl
