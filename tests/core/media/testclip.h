#pragma once

#include <QImage>
#include <QString>

#include <opencv2/core.hpp>

#include <vector>

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

    // A clip made by the ffmpeg tool (libx264; MP4, or MPEG-TS for a path ending in .ts).
    struct Spec
    {
        int frames = 90;
        double fps = 30; // the nominal rate; a variable-rate clip strays from it
        cv::Size size{320, 240};
        int keyframeInterval = 60; // frames (x264 -g)
        int bFrames = 3;
        // Irregular presentation times: frame spacing varies between about
        // 0.5 and 1.5 nominal frames, and past frame 60 it doubles (15 fps).
        bool variableRate = false;
        int rotation = 0; // clockwise degrees, written as display metadata
    };

    static cv::Mat frame(int index, cv::Size size); // BGR
    // Writes `frames` frames; false with *error set when the encoder is missing.
    static bool write(const QString &path, int frames, double fps, cv::Size size, Encoder encoder,
                      QString *error);
    static bool write(const QString &path, const Spec &spec, QString *error);
    // The number a decoded frame shows, or -1 when the bars cannot be read.
    static int numberOf(const QImage &frame);
    // The same for a frame shown turned `clockwise` degrees.
    static int numberOfTurned(const QImage &frame, int clockwise);

    // Every frame's presentation time as ffprobe reads it, seconds from the
    // first frame, in presentation order; empty with *error on failure.
    static std::vector<double> probeTimes(const QString &path, QString *error);
    // The frame whose interval [t_i, t_i+1) holds `seconds` (the last one's
    // interval open-ended, the first one's reaching back before 0).
    static int frameShownAt(const std::vector<double> &times, double seconds);
    // Frame `index` as ffmpeg itself decodes and autorotates it, RGB888.
    static QImage ffmpegFrame(const QString &path, int index, QString *error);
};

} // namespace sl::test
