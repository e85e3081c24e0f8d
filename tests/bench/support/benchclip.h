#pragma once

// What benchmarks on video share: running a program, making a 1080p30 H.264
// test clip with ffmpeg, and the floor of decoding one frame with FFmpeg's
// libavcodec in-process. Header-only; link FFmpeg (libavformat, libavcodec,
// libavutil) where it is included.

#include "benchstats.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdio>

#include <sys/resource.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace sl::bench {

// CPU time (user + system, milliseconds) of the children reaped so far.
inline double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Runs a program to its end: its wall time in *ms and, where asked, the CPU
// time it took in *cpuMs (all its threads; the figure a machine loaded by
// other work changes least). One child at a time.
inline bool run(const QString &program, const QStringList &args, double *ms = nullptr, double *cpuMs = nullptr)
{
    QProcess process;
    const double cpuBefore = childrenCpuMs();
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    const bool ok = process.waitForFinished(600000) && process.exitStatus() == QProcess::NormalExit &&
                    process.exitCode() == 0;
    if (ms)
        *ms = msSince(timer);
    if (cpuMs)
        *cpuMs = childrenCpuMs() - cpuBefore;
    if (!ok)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), process.readAllStandardError().constData());
    return ok;
}

inline bool makeClip(const QString &path, int seconds, int gop)
{
    return run(QStringLiteral("ffmpeg"),
               {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                QStringLiteral("lavfi"), QStringLiteral("-i"),
                QStringLiteral("testsrc2=size=1920x1080:rate=30:duration=%1").arg(seconds), QStringLiteral("-c:v"),
                QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"),
                QStringLiteral("-g"), QString::number(gop), QStringLiteral("-keyint_min"), QString::number(gop),
                QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
}

// The floors' decoder: the file's best video stream opened with libavcodec,
// with the same threading as ours (all cores, frame and slice threads).
// False when the file cannot be opened.
inline bool openFloorDecoder(const QString &path, AVFormatContext **input, AVCodecContext **context, int *stream)
{
    *input = nullptr;
    if (avformat_open_input(input, path.toLocal8Bit().constData(), nullptr, nullptr) < 0)
        return false;
    avformat_find_stream_info(*input, nullptr);
    *stream = av_find_best_stream(*input, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const AVCodec *codec = avcodec_find_decoder((*input)->streams[*stream]->codecpar->codec_id);
    *context = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(*context, (*input)->streams[*stream]->codecpar);
    (*context)->thread_count = 0;
    (*context)->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    avcodec_open2(*context, codec, nullptr);
    return true;
}

// The floor: libavcodec decoding the whole file in-process with the same
// threading, no conversion; milliseconds per frame.
inline double decodeOneFrameFloor(const QString &path)
{
    AVFormatContext *input = nullptr;
    AVCodecContext *context = nullptr;
    int stream = -1;
    if (!openFloorDecoder(path, &input, &context, &stream))
        return -1;
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    int frames = 0;
    QElapsedTimer timer;
    timer.start();
    while (av_read_frame(input, packet) >= 0) {
        if (packet->stream_index == stream && avcodec_send_packet(context, packet) >= 0)
            while (avcodec_receive_frame(context, frame) >= 0)
                ++frames;
        av_packet_unref(packet);
    }
    avcodec_send_packet(context, nullptr);
    while (avcodec_receive_frame(context, frame) >= 0)
        ++frames;
    const double ms = msSince(timer);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&context);
    avformat_close_input(&input);
    return frames > 0 ? ms / frames : -1;
}

} // namespace sl::bench
