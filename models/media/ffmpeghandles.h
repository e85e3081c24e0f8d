#pragma once

// Owning pointers for FFmpeg's C objects, shared by the media classes that
// use libavformat/libavcodec/libswscale directly (never in a public header).

#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

namespace sl::ffmpeg {

struct CloseInput
{
    void operator()(AVFormatContext *context) const { avformat_close_input(&context); }
};
struct FreeCodec
{
    void operator()(AVCodecContext *context) const { avcodec_free_context(&context); }
};
struct FreeFrame
{
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};
struct FreePacket
{
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};
struct FreeScaler
{
    void operator()(SwsContext *context) const { sws_freeContext(context); }
};

using Input = std::unique_ptr<AVFormatContext, CloseInput>;
using Codec = std::unique_ptr<AVCodecContext, FreeCodec>;
using Frame = std::unique_ptr<AVFrame, FreeFrame>;
using Packet = std::unique_ptr<AVPacket, FreePacket>;
using Scaler = std::unique_ptr<SwsContext, FreeScaler>;

} // namespace sl::ffmpeg
