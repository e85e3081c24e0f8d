#pragma once

#include <QCoreApplication>
#include <QString>

namespace sl {

// Reads a video file's container with FFmpeg's demuxer, before OpenCV opens
// it and before any frame is decoded, to refuse with the real cause what
// would otherwise be "corrupt or unsupported": a still image or a sound file
// given as a video, a container with no video stream, or a frame size over
// the limits (common/inputlimits.h).
class VideoHeader
{
    Q_DECLARE_TR_FUNCTIONS(VideoHeader)
  public:
    // True when the file holds a video stream within the limits; else false
    // with *error set to a one-line reason naming the file.
    static bool check(const QString &path, QString *error);
};

} // namespace sl
