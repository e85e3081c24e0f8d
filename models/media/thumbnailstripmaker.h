#pragma once

#include "media/thumbnailplan.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace sl {

class FrameIndex;
class FrameSource;
class ThumbnailCache;

// Makes the thumbnails of a timeline strip: `count` thumbnails of `height`
// pixels across a video (planThumbnails), from the disk cache where it has
// them, else decoded through one FrameSource, opened once, in frame order
// (forward only), then written to the cache. Synchronous: run it on a
// worker thread (ThumbnailStripWorker), never the GUI thread.
class ThumbnailStripMaker
{
    Q_DECLARE_TR_FUNCTIONS(ThumbnailStripMaker)
  public:
    struct Thumbnail
    {
        int slot = 0;
        ThumbnailSlot shows; // the frame and its own time
        QImage image;        // RGB888, `height` pixels high
        bool fromDisk = false;
    };
    // What one make() did, for tests and benchmarks.
    struct Stats
    {
        int fromDisk = 0;          // thumbnails read from the cache
        int decodedThumbnails = 0; // thumbnails decoded
        qint64 framesDecoded = 0;  // frames out of the decoder (FrameSource::Stats)
        int sourceOpens = 0;       // 0 when everything came from the cache
        int damagedFiles = 0;      // cache files ignored (and written again)
    };
    using Sink = std::function<void(const Thumbnail &)>;

    // `cache`: may be null (nothing read or written on disk).
    explicit ThumbnailStripMaker(ThumbnailCache *cache);
    ~ThumbnailStripMaker();

    // Calls `sink` once per slot as each thumbnail is ready (cached ones
    // first). `index`: the video's frame index when the caller has it (the
    // player read it already); else the plan comes from the cache or the
    // opened source. Stops early when *cancel turns true. False with a
    // one-line reason naming the file when the video cannot be read.
    bool make(const QString &path, int count, int height, const Sink &sink,
              const FrameIndex *index = nullptr, const std::atomic_bool *cancel = nullptr,
              QString *error = nullptr);
    Stats stats() const { return m_stats; }

  private:
    bool openSource(const QString &path, QString *error);

    ThumbnailCache *m_cache;
    std::unique_ptr<FrameSource> m_source;
    Stats m_stats;
};

} // namespace sl
