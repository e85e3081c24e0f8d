#pragma once

#include "capture/capturemanifest.h"
#include "media/frameindex.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <atomic>
#include <memory>

namespace sl {

class VideoDecoder;

// The one source of a capture's frames, for the player, export-frame and
// thumbnails alike, so that what is exported is what was seen. A video is
// opened once with FFmpeg (libavformat/libavcodec/libswscale) and indexed
// by demuxing its packets: frame n is the n-th by presentation timestamp,
// at any frame rate, and the container's rotation is applied to every
// frame. A photo is one frame (PhotoReader). Not thread-safe: one source
// per thread (FrameSourceWorker runs one for the GUI).
//
// Why not OpenCV's VideoCapture: it reports a position computed from the
// average frame rate (CAP_PROP_POS_FRAMES counts frames, POS_MSEC derives
// from the last packet's dts), so on variable-rate video it cannot name the
// presentation time of each frame, it seeks by frame number converted to a
// time at that average rate, it cannot step back without decoding from the
// file's start, and OpenCV 4.6 ignores the display matrix's rotation.
class FrameSource
{
    Q_DECLARE_TR_FUNCTIONS(FrameSource)
  public:
    // What a source did, for tests and benchmarks.
    struct Stats
    {
        qint64 decoded = 0;   // frames out of the decoder
        qint64 converted = 0; // frames converted to RGB
        qint64 seeks = 0;
        qint64 cacheHits = 0;
        qint64 cachedBytes = 0; // decoded frames held now
        qint64 filled = 0;      // frames put in the cache by fillBehind()
    };

    FrameSource();
    ~FrameSource();
    FrameSource(const FrameSource &) = delete;
    FrameSource &operator=(const FrameSource &) = delete;

    // Opens a photo or a video, told apart by the file's signature (and,
    // for an unrecognised file, its extension).
    bool open(const QString &path, QString *error = nullptr);
    // Opens the file as what its manifest says it is.
    bool open(const QString &path, MediaType type, QString *error = nullptr);
    bool isVideo() const;
    int frameCount() const;
    // Mean frames per second over the readable part (display only: never
    // used to find a frame).
    double fps() const;
    // How long the video shows (FrameIndex::length()), seconds.
    double duration() const;
    // Why `seconds` names no frame (not a number, negative, past the end;
    // for a cut-short file, past what can be read); empty when it names one.
    // A photo takes any time 0 or more.
    QString timeProblem(double seconds) const;
    const FrameIndex &index() const;
    // Frame shown at `seconds` (FrameIndex::indexAt); -1 past the readable
    // end of a cut-short file.
    int frameIndexAt(double seconds) const;
    // Presentation time of frame n, seconds from the first frame.
    double timeOfFrame(int index) const;
    // Clockwise degrees every returned frame was turned by (0, 90, 180, 270).
    int rotation() const;
    // The decoder's (sensor) size, before rotation.
    QSize codedSize() const;

    // Frame n as RGB888, rotated for display; null with lastError() on
    // failure, never another frame. +1 costs one decode; a step back is a
    // cache hit after the first (which decodes the keyframe group once).
    QImage frame(int index);
    QImage frameAt(double seconds);
    // Readies a step back from frame `index`: decodes the frames before it
    // into the cache ahead of time (VideoDecoder::fillBehind), stopping
    // after the frame being decoded once `stop` is true. True when they are
    // there (always for a photo); a failure is met again, and reported, when
    // such a frame is asked for.
    bool fillBehind(int index, const std::atomic<bool> &stop);
    // Why the last open() or frame request failed (one line, names the file).
    QString lastError() const;

    // Bytes of decoded frames kept (FrameCache::kDefaultBytes by default).
    void setCacheLimit(qint64 bytes);
    // Where a long video's packet index is kept between opens
    // (VideoDecoder::setIndexCache); set before open(). Empty: nowhere.
    void setIndexCache(const QString &folder) { m_indexCacheFolder = folder; }
    // Lets go of the decoded frames held (while something else decodes the
    // video, such as playback, they only take memory).
    void dropCachedFrames();
    Stats stats() const;

  private:
    bool openAs(const QString &path, std::optional<MediaType> type, QString *error);
    QImage failWith(const QString &reason);

    QString m_path;
    QString m_error;
    QImage m_photo;
    std::unique_ptr<VideoDecoder> m_video;
    qint64 m_cacheLimit;
    QString m_indexCacheFolder;
};

} // namespace sl
