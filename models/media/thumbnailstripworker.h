#pragma once

#include "media/frameindex.h"
#include "media/thumbnailstripmaker.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace sl {

// Runs ThumbnailStripMaker on a thread of its own for the timeline. A new
// request cancels the one running (between two thumbnails) and replaces one
// not yet started; answers of a request made stale are dropped, so a strip
// resized while it fills never shows thumbnails of the old count.
class ThumbnailStripWorker : public QObject
{
    Q_OBJECT
  public:
    // `cacheFolder`: where thumbnails are kept on disk; empty for none.
    explicit ThumbnailStripWorker(QString cacheFolder, QObject *parent = nullptr);
    ~ThumbnailStripWorker() override;

    // Asks for the strip of `count` thumbnails of `height` px of the video at
    // `path`; `index`: its frame index when known (no second indexing).
    void request(const QString &path, std::shared_ptr<const FrameIndex> index, int count, int height);
    // Stops the running request and forgets the pending one.
    void cancel();

  Q_SIGNALS:
    void thumbnailReady(int slot, int frame, double seconds, const QImage &image);
    void finished(const sl::ThumbnailStripMaker::Stats &stats);
    void failed(const QString &error);

  private:
    struct Request
    {
        quint64 id = 0;
        QString path;
        std::shared_ptr<const FrameIndex> index;
        int count = 0;
        int height = 0;
    };
    void run();

    QString m_cacheFolder;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    quint64 m_latest = 0; // the id of the latest request (or cancel)
    std::optional<Request> m_pending;
    std::atomic_bool m_cancelRunning{false};
    std::thread m_thread;
};

} // namespace sl

Q_DECLARE_METATYPE(sl::ThumbnailStripMaker::Stats)
