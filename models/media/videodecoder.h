#pragma once

#include "media/framecache.h"
#include "media/frameindex.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

namespace sl {

// The video half of FrameSource: one open file, its FrameIndex, a decoder
// kept where it last stopped, and a FrameCache. Decodes forward when the
// target is ahead within reach (no seek), seeks to the target's keyframe
// otherwise; a step back decodes the keyframe group up to the target once,
// caching it. Not thread-safe.
class VideoDecoder
{
    Q_DECLARE_TR_FUNCTIONS(VideoDecoder)
  public:
    struct Counters
    {
        qint64 decoded = 0;
        qint64 converted = 0;
        qint64 seeks = 0;
        qint64 cacheHits = 0;
    };

    explicit VideoDecoder(qint64 cacheBytes);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder &) = delete;
    VideoDecoder &operator=(const VideoDecoder &) = delete;

    // Checks the container (VideoHeader), indexes the packets, opens the
    // decoder. False with a one-line reason naming the file.
    bool open(const QString &path, QString *error);
    const FrameIndex &index() const { return m_index; }
    int rotation() const { return m_rotation; }
    QSize codedSize() const { return m_codedSize; }
    // Null with *error (a reason, without the file name) on failure.
    QImage frame(int n, QString *error);
    void setCacheLimit(qint64 bytes);
    Counters counters() const { return m_counters; }
    qint64 cachedBytes() const { return m_cache.bytes(); }

  private:
    struct Handles;
    enum class Step { Frame, NeedPacket, End, Failed };
    Step receive(int target, int convertFrom, QImage *result, QString *error);
    bool feed(QString *error);
    bool seekTo(qint64 timestamp);
    QImage decodeTo(int target, int convertFrom, QString *error);
    QImage seekAndDecode(int target, int convertFrom, QString *error);
    int backFillStart(int target) const;

    std::unique_ptr<Handles> m_handles;
    QString m_path;
    FrameIndex m_index;
    FrameCache m_cache;
    int m_rotation = 0;
    QSize m_codedSize;
    int m_decoded = -1;       // the index the decoder last put out; -1 right after a seek
    int m_lastRequested = -1; // the last frame asked for
    bool m_drained = false;   // the decoder was flushed at the end of the file
    std::optional<qint64> m_skipBefore; // after a seek: the keyframe's pts, packets before it are skipped
    Counters m_counters;
};

} // namespace sl
