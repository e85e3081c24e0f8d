#pragma once

#include "media/ffmpeghandles.h"

#include <QImage>

namespace sl {

// Turns a decoded FFmpeg frame into the QImage (RGB888) a FrameSource
// returns: one swscale call writes the colours straight into the image's
// rows; a rotated video (display matrix) is then turned by 90/180/270
// degrees clockwise from a reused buffer. Not thread-safe.
class RgbConverter
{
  public:
    // `clockwise`: 0, 90, 180 or 270. Null on failure (no memory, a pixel
    // format swscale does not know). `reuse`: an image no one else holds,
    // written over when its size fits (a fresh 6 MB image costs more in
    // page faults than its conversion).
    QImage convert(const AVFrame *frame, int clockwise, QImage reuse = {});

  private:
    bool writeRgb(const AVFrame *frame, uchar *rows, int stride);

    ffmpeg::Scaler m_scaler;
    QImage m_unrotated; // reused for rotated videos
};

} // namespace sl
