#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QHash>
#include <QString>

#include <memory>

namespace sl {

// Writes RGB frames as an H.264 MP4 (no audio) with FFmpeg's libavcodec and
// libavformat, each frame at the presentation time it is given, so a
// variable frame rate stays variable. Encoder settings: libx264 (else the
// best other H.264 encoder FFmpeg has), yuv420p, CRF 20, preset "fast",
// threads "auto" (one per core, as the ffmpeg command sets them): what
// `ffmpeg -c:v libx264 -preset fast -crf 20` does. Timestamps are kept in ticks of 1/90000 s. Not thread-safe.
class Mp4VideoWriter
{
    Q_DECLARE_TR_FUNCTIONS(Mp4VideoWriter)
  public:
    Mp4VideoWriter();
    ~Mp4VideoWriter();
    Mp4VideoWriter(const Mp4VideoWriter &) = delete;
    Mp4VideoWriter &operator=(const Mp4VideoWriter &) = delete;

    // Creates `path` as MP4 for frames of `size` (an odd width or height
    // loses its last column or row: yuv420p needs even sizes).
    // `averageFps` only guides the rate control. False with *error set.
    bool open(const QString &path, QSize size, double averageFps, QString *error);
    // One frame shown from `seconds` (strictly increasing, from 0) for
    // `durationSeconds` (the MP4's edit list ends after the last frame's
    // duration: without one a player would drop that frame).
    bool write(const QImage &frame, double seconds, double durationSeconds, QString *error);
    // Drains the encoder and writes the MP4's index; the file is closed.
    bool finish(QString *error);
    // The encoder in use ("libx264" normally).
    QString encoderName() const;

    static constexpr int kTicksPerSecond = 90000;

  private:
    struct Handles;
    bool drain(bool flushing, QString *error);
    bool failWith(QString *error, const QString &reason, int code = 0);

    std::unique_ptr<Handles> m_handles;
    QString m_path;
    QSize m_size;    // the encoded size (even)
    qint64 m_lastPts = -1;
    QHash<qint64, qint64> m_durations; // ticks by pts, of frames still in the encoder
};

} // namespace sl
