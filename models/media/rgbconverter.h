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
    // format swscale does not know).
    QImage convert(const AVFrame *frame, int clockwise);

  private:
    bool writeRgb(const AVFrame *frame, uchar *rows, int stride);

    ffmpeg::Scaler m_scaler;
    QImage m_unrotated; // reused for rotated videos
};

} // namespace sl
