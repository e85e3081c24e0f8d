#pragma once

#include "media/framecache.h"
#include "media/frameindex.h"
#include "media/packetscan.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

struct AVFrame;

namespace sl {

// The video half of FrameSource: one open file, its FrameIndex, a decoder
// kept where it last stopped, and a FrameCache. Decodes forward when the
// target is ahead within reach (no seek), seeks to the target's keyframe
// otherwise; a step back decodes the keyframe group up to the target once,
// caching it. fillBehind() does that ahead of time on a second decoder of
// its own, so that the one serving the playhead stays where it stands.
// Frames decoded only to reach a later one are skipped when no other frame
// refers to them (AVDISCARD_NONREF, where every packet has a pts). Not
// thread-safe.
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
        qint64 filled = 0; // frames converted by fillBehind()
        qint64 indexesFromCache = 0; // opens that read the packet index from the cache
    };
    // Videos of at least this many packets keep their index in the cache.
    static constexpr int kCachedIndexPackets = 10'000;

    explicit VideoDecoder(qint64 cacheBytes);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder &) = delete;
    VideoDecoder &operator=(const VideoDecoder &) = delete;

    // Checks the container (VideoHeader), indexes the packets, opens the
    // decoder. False with a one-line reason naming the file.
    bool open(const QString &path, QString *error);
    // Where open() keeps and finds the packet index of a video of at least
    // `minPackets` packets (a ThumbnailCache folder; empty: none). The file
    // is identified by path, size and modification time.
    void setIndexCache(const QString &folder, int minPackets = kCachedIndexPackets);
    const FrameIndex &index() const { return m_index; }
    int rotation() const { return m_rotation; }
    QSize codedSize() const { return m_codedSize; }
    // Null with *error (a reason, without the file name) on failure.
    QImage frame(int n, QString *error);
    // Decodes into the cache the frames just before frame `n` (about a
    // second of them, as many as the cache has room for, across keyframe
    // groups), so that stepping back from n finds them. Does nothing while at least half of them are still
    // held right behind n. Stops after the frame being decoded when `stop`
    // turns true; true when the frames are there. Uses a second decoder
    // (opened on first use), never the one serving frame().
    bool fillBehind(int n, const std::atomic<bool> &stop);
    void setCacheLimit(qint64 bytes);
    // Lets go of every decoded frame held (their memory is freed).
    void dropCachedFrames();
    Counters counters() const { return m_counters; }
    qint64 cachedBytes() const { return m_cache.bytes(); }

  private:
    struct Lane; // a demuxer and a decoder, and where they stand
    enum class Step { Frame, NeedPacket, End, Failed };
    bool openInput(Lane &lane, QString *error);
    bool openDecoder(Lane &lane, QString *error);
    // Every usable packet's timestamps, read from the file without decoding.
    PacketScan scanPackets(Lane &lane);
    // `filling`: keep every converted frame the cache has room for (else
    // only the few a step forward needs).
    Step receive(Lane &lane, int target, int convertFrom, bool filling, QImage *result, QString *error);
    bool feed(Lane &lane, QString *error);
    bool seekTo(Lane &lane, qint64 timestamp);
    QImage decodeTo(Lane &lane, int target, int convertFrom, QString *error);
    QImage seekAndDecode(int target, int convertFrom, QString *error);
    bool seekToKeyframeOf(Lane &lane, int target);
    bool fillGroup(int from, int last, const std::atomic<bool> &stop);
    // Frames the cache holds besides `keep` others (at least one).
    int framesThatFit(int keep) const;
    // The first frame a step back to `target` keeps: within its keyframe
    // group, leaving room in the cache for `keep` other frames.
    int backFillStart(int target, int keep) const;

    std::unique_ptr<Lane> m_main; // serves frame()
    std::unique_ptr<Lane> m_fill; // fillBehind()'s; null until first used
    // Decoded pictures a seek passed through just before its target, by
    // frame, not converted yet (kPicturesKept at most).
    struct FreePicture
    {
        void operator()(AVFrame *picture) const;
    };
    std::map<int, std::unique_ptr<AVFrame, FreePicture>> m_pictures;
    QString m_path;
    QString m_indexCacheFolder; // setIndexCache()
    int m_indexCachePackets = kCachedIndexPackets;
    FrameIndex m_index;
    FrameCache m_cache;
    int m_rotation = 0;
    QSize m_codedSize;
    bool m_ptsEverywhere = true; // every packet has a pts: frames can be told apart when some are skipped
    int m_lastRequested = -1; // the last frame asked for
    Counters m_counters;
};

} // namespace sl
