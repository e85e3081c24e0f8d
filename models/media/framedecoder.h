#pragma once

#include "capture/capturemanifest.h"

#include <QImage>
#include <QString>

#include <opencv2/videoio.hpp>

namespace sl {

// Frame-exact decoding of one video (or a photo) with OpenCV. Not thread-safe:
// one decoder per thread.
class FrameDecoder
{
public:
    // Opens a photo or a video, told apart by the file's signature (and,
    // for an unrecognised file, its extension).
    bool open(const QString &path, QString *error = nullptr);
    // Opens the file as what its manifest says it is.
    bool open(const QString &path, MediaType type, QString *error = nullptr);
    bool isVideo() const { return m_isVideo; }
    double fps() const { return m_fps; }
    int frameCount() const { return m_frameCount; }
    // Index of the frame shown at `seconds`: floor(seconds * fps + 1e-6), clamped.
    int frameIndexAt(double seconds) const;
    // Presentation time of a frame index, seconds.
    double timeOfFrame(int index) const;
    // The frame at `seconds` as RGB888; null on failure, never another frame:
    // past the end of a truncated file lastError() says where it ends.
    // Sequential reads are fast.
    QImage frameAt(double seconds);
    QImage frameByIndex(int index);
    // Why the last open() or frame request failed (one line, names the file).
    QString lastError() const { return m_error; }

private:
    bool openAs(const QString &path, std::optional<MediaType> type, QString *error);
    void close(); // forgets the open media (m_path and m_error stay)
    enum class Read { Ok, EndOfStream, NoMemory };
    bool readForwardTo(int index);
    bool seekTo(int index);
    Read readNext(); // decodes frame m_nextIndex into m_current
    bool pastStreamEnd(int index) const;
    int decodedIndexFromTimestamp() const;
    bool restartFromBeginning();
    QImage failWith(const QString &reason);

    cv::VideoCapture m_capture;
    QString m_path;
    bool m_isVideo = false;
    double m_fps = 0;
    int m_frameCount = 0;
    int m_nextIndex = 0; // the index the next read() returns
    QImage m_photo;
    QImage m_current; // the frame last decoded, RGB888
    int m_currentIndex = -1;
    // The first index the stream does not hold although the container counts
    // it (a truncated file); -1 while no read has run out early.
    int m_streamEnd = -1;
    bool m_outOfMemory = false; // the last frame request failed for memory
    bool m_countedFromStart = true; // m_nextIndex counted by reading from frame 0
    cv::Mat m_bgr; // reused decode buffer
    QString m_error;
};

} // namespace sl
