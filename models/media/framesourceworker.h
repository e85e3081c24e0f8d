#pragma once

#include "capture/capturemanifest.h"
#include "media/frameindex.h"
#include "media/thumbnailcache.h"

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

// The asynchronous front of a FrameSource for the GUI: the source lives on
// a thread of its own; requests are collapsed so that only the latest
// target is decoded (a scrub or a held arrow key never queues up), and
// answers arrive as signals on the worker object's thread. While nothing is
// asked, the frames after the last one served are decoded ahead and, when
// filling behind is on, those before it (FrameSource::fillBehind): right
// after a step back, else once no request came for kFillDelayMs, so that a
// held arrow key is not slowed by it. A new request stops it after the
// frame being decoded.
class FrameSourceWorker : public QObject
{
    Q_OBJECT
  public:
    // `indexCache`: where a long video's packet index is kept between opens
    // (FrameSource::setIndexCache), by default beside the timeline's
    // thumbnails; empty: nowhere.
    explicit FrameSourceWorker(QObject *parent = nullptr, QString indexCache = ThumbnailCache::defaultFolder());
    ~FrameSourceWorker() override;

    // Opens the media on the thread (forgetting any pending frame); answers
    // with opened() or openFailed().
    void open(const QString &path, MediaType type);
    // Asks for frame `index` (or the frame shown at `seconds`); a request
    // not yet started is replaced by a newer one.
    void requestFrame(int index);
    void requestTime(double seconds);
    // Forgets the open media and any pending request.
    void close();
    // Whether frames before the one served are decoded while nothing is
    // asked (off by default: on while a player shows exact frames, off while
    // something else decodes the video, such as playback). Turning it off
    // also lets go of the decoded frames held.
    void setFillBehind(bool on);
    // How long no request must come before frames behind are decoded (ms).
    static constexpr int kFillDelayMs = 120;
    // Frame requests decoded (or failed) so far: a drag over many positions
    // counts only those that were still the latest when the thread got to them.
    qint64 requestsServed() const { return m_served.load(); }
    // Frames decoded ahead of the last one served, so far (while nothing
    // was asked): the next steps forward find them decoded.
    qint64 framesDecodedAhead() const { return m_decodedAhead.load(); }
    // Frames decoded behind the ones served, so far: steps back find them.
    qint64 framesFilledBehind() const { return m_filledBehind.load(); }
    // Bytes of decoded frames the source held after its last piece of work.
    qint64 cachedBytes() const { return m_cachedBytes.load(); }

  Q_SIGNALS:
    // The frame index of the opened video (empty for a photo) and its
    // rotation, clockwise degrees.
    void opened(std::shared_ptr<const FrameIndex> index, int rotation, QSize codedSize);
    void openFailed(const QString &error);
    // `seconds`: the frame's own presentation time.
    void frameReady(int index, double seconds, const QImage &image);
    void frameFailed(int index, const QString &error);

  private:
    const QString m_indexCache; // read by the thread: set once, before it starts
    struct Request
    {
        quint64 media = 0; // the open() this request belongs to
        std::optional<int> index;
        std::optional<double> seconds;
    };
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    quint64 m_media = 0;               // counts open() calls
    std::optional<QString> m_openPath; // an open() not yet started
    MediaType m_openType = MediaType::Video;
    std::optional<Request> m_pending;
    bool m_fillBehind = false;
    bool m_dropCache = false; // setFillBehind(false) came: the source's frames go
    std::atomic<bool> m_interrupt{false}; // a request or open() came: background work stops
    std::atomic<qint64> m_served{0};
    std::atomic<qint64> m_decodedAhead{0};
    std::atomic<qint64> m_filledBehind{0};
    std::atomic<qint64> m_cachedBytes{0};
    std::thread m_thread;
};

} // namespace sl
