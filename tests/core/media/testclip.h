#pragma once

#include <QImage>
#include <QString>

#include <opencv2/core.hpp>

namespace sl::test {

// Test clips whose frames say which frame they are: frame i shows i in
// binary as eight black or white bars (most significant bit left) across
// the middle of the picture, over a moving pattern that keeps the encoder
// busy. Frame numbers above 255 wrap.
class TestClip
{
public:
    enum class Encoder {
        OpenCv, // cv::VideoWriter, fourcc avc1 (what the demo generator uses)
        Ffmpeg, // the ffmpeg tool, libx264 with B-frames and a long GOP
    };

    static cv::Mat frame(int index, cv::Size size); // BGR
    // Writes `frames` frames; false with *error set when the encoder is missing.
    static bool write(const QString &path, int frames, double fps, cv::Size size, Encoder encoder,
                      QString *error);
    // The number a decoded frame shows, or -1 when the bars cannot be read.
    static int numberOf(const QImage &frame);
};

} // namespace sl::test
