#include "media/mp4videowriter.h"

#include "media/ffmpeghandles.h"

#include <QFile>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/opt.h>
}

#include <cmath>

namespace sl {

namespace {

QString ffmpegError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

// The source layout of a QImage for swscale; 32-bit formats are BGRA in
// memory on a little-endian machine (opaque: alpha is ignored).
AVPixelFormat sourceFormat(QImage::Format format)
{
    switch (format) {
    case QImage::Format_RGB888:
        return AV_PIX_FMT_RGB24;
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        return Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? AV_PIX_FMT_BGRA : AV_PIX_FMT_ARGB;
    default:
        return AV_PIX_FMT_NONE;
    }
}

} // namespace

struct Mp4VideoWriter::Handles
{
    AVFormatContext *output = nullptr;
    AVStream *stream = nullptr;
    ffmpeg::Codec encoder;
    ffmpeg::Frame frame{av_frame_alloc()};
    ffmpeg::Packet packet{av_packet_alloc()};
    SwsContext *scaler = nullptr; // sws_getCachedContext owns and reuses it
    bool headerWritten = false;

    ~Handles()
    {
        sws_freeContext(scaler);
        if (output) {
            if (output->pb)
                avio_closep(&output->pb);
            avformat_free_context(output);
        }
    }
};

Mp4VideoWriter::Mp4VideoWriter() = default;
Mp4VideoWriter::~Mp4VideoWriter() = default;

bool Mp4VideoWriter::failWith(QString *error, const QString &reason, int code)
{
    if (error)
        *error = code == 0 ? reason : reason + QLatin1String(": ") + ffmpegError(code);
    return false;
}

QString Mp4VideoWriter::encoderName() const
{
    return m_handles && m_handles->encoder ? QString::fromLatin1(m_handles->encoder->codec->name) : QString();
}

bool Mp4VideoWriter::open(const QString &path, QSize size, double averageFps, QString *error)
{
    m_handles = std::make_unique<Handles>();
    m_path = path;
    m_lastPts = -1;
    m_durations.clear();
    // yuv420p halves the chroma in both directions: the size must be even.
    m_size = QSize(size.width() & ~1, size.height() & ~1);
    if (m_size.width() < 2 || m_size.height() < 2)
        return failWith(error, tr("the frames are too small to encode (%1×%2)").arg(size.width()).arg(size.height()));

    Handles &h = *m_handles;
    const QByteArray name = QFile::encodeName(path);
    int code = avformat_alloc_output_context2(&h.output, nullptr, "mp4", name.constData());
    if (code < 0 || !h.output)
        return failWith(error, tr("cannot create an MP4 file"), code);

    // libx264 is what Debian's libavcodec carries; any other H.264 encoder
    // (hardware ones) only as a fallback.
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        codec = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec)
        return failWith(error, tr("no H.264 encoder is available in this FFmpeg"));
    h.encoder.reset(avcodec_alloc_context3(codec));
    AVCodecContext *c = h.encoder.get();
    c->width = m_size.width();
    c->height = m_size.height();
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->time_base = AVRational{1, kTicksPerSecond};
    if (std::isfinite(averageFps) && averageFps > 0)
        c->framerate = av_d2q(averageFps, 100000);
    // Threads as `ffmpeg` sets them ("threads auto": one per core, and
    // libx264 then frame threads and a lookahead thread of its own). An
    // AVCodecContext's own default is one thread, which libx264 takes
    // literally: the encode, most of an export's time, used one core of two.
    c->thread_count = 0;
    if (h.output->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    // The settings of `ffmpeg -c:v libx264 -preset fast -crf 20`: constant
    // quality 20 (visually near lossless for review), the "fast" preset.
    if (QByteArrayView(codec->name) == "libx264") {
        av_opt_set(c->priv_data, "preset", "fast", 0);
        av_opt_set(c->priv_data, "crf", "20", 0);
    }
    code = avcodec_open2(c, codec, nullptr);
    if (code < 0)
        return failWith(error, tr("cannot open the H.264 encoder"), code);

    h.stream = avformat_new_stream(h.output, nullptr);
    if (!h.stream)
        return failWith(error, tr("cannot add a video stream"));
    h.stream->time_base = c->time_base;
    code = avcodec_parameters_from_context(h.stream->codecpar, c);
    if (code < 0)
        return failWith(error, tr("cannot set up the video stream"), code);

    h.frame->format = c->pix_fmt;
    h.frame->width = c->width;
    h.frame->height = c->height;
    code = av_frame_get_buffer(h.frame.get(), 0);
    if (code < 0)
        return failWith(error, tr("not enough memory for a frame"), code);

    code = avio_open(&h.output->pb, name.constData(), AVIO_FLAG_WRITE);
    if (code < 0)
        return failWith(error, tr("cannot open the file"), code);
    code = avformat_write_header(h.output, nullptr);
    if (code < 0)
        return failWith(error, tr("cannot write the MP4 header"), code);
    h.headerWritten = true;
    return true;
}

bool Mp4VideoWriter::write(const QImage &frame, double seconds, double durationSeconds, QString *error)
{
    if (!m_handles || !m_handles->headerWritten)
        return failWith(error, tr("the video file is not open"));
    Handles &h = *m_handles;
    const AVPixelFormat from = sourceFormat(frame.format());
    if (from == AV_PIX_FMT_NONE)
        return write(frame.convertToFormat(QImage::Format_RGB888), seconds, durationSeconds, error);
    if (frame.width() < m_size.width() || frame.height() < m_size.height())
        return failWith(error, tr("a frame changed size while encoding"));
    const qint64 pts = qint64(std::llround(seconds * kTicksPerSecond));
    if (pts <= m_lastPts)
        return failWith(error, tr("frame times must increase (%1 s)").arg(seconds, 0, 'f', 6));

    // Cropping, not scaling, to an even size: the source is read from its
    // top left, one column or row short.
    h.scaler = sws_getCachedContext(h.scaler, m_size.width(), m_size.height(), from, m_size.width(), m_size.height(),
                                    AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr);
    if (!h.scaler)
        return failWith(error, tr("cannot convert the frame to YUV"));
    int code = av_frame_make_writable(h.frame.get());
    if (code < 0)
        return failWith(error, tr("not enough memory for a frame"), code);
    const uint8_t *source[] = {frame.constBits()};
    const int stride[] = {int(frame.bytesPerLine())};
    sws_scale(h.scaler, source, stride, 0, m_size.height(), h.frame->data, h.frame->linesize);
    h.frame->pts = pts;
    m_lastPts = pts;
    // The encoder (with B-frames, a delaying one) sets no packet durations:
    // each packet gets its frame's, found by its pts.
    m_durations.insert(pts, std::max<qint64>(1, std::llround(durationSeconds * kTicksPerSecond)));
    code = avcodec_send_frame(h.encoder.get(), h.frame.get());
    if (code < 0)
        return failWith(error, tr("the encoder refused a frame"), code);
    return drain(false, error);
}

bool Mp4VideoWriter::drain(bool flushing, QString *error)
{
    Handles &h = *m_handles;
    for (;;) {
        const int code = avcodec_receive_packet(h.encoder.get(), h.packet.get());
        if (code == AVERROR(EAGAIN) && !flushing)
            return true;
        if (code == AVERROR_EOF)
            return true;
        if (code < 0)
            return failWith(error, tr("the encoder failed"), code);
        h.packet->duration = m_durations.take(h.packet->pts);
        av_packet_rescale_ts(h.packet.get(), h.encoder->time_base, h.stream->time_base);
        h.packet->stream_index = h.stream->index;
        const int written = av_interleaved_write_frame(h.output, h.packet.get());
        if (written < 0)
            return failWith(error, tr("cannot write to the file"), written);
    }
}

bool Mp4VideoWriter::finish(QString *error)
{
    if (!m_handles || !m_handles->headerWritten)
        return failWith(error, tr("the video file is not open"));
    Handles &h = *m_handles;
    int code = avcodec_send_frame(h.encoder.get(), nullptr);
    if (code < 0 && code != AVERROR_EOF)
        return failWith(error, tr("the encoder failed"), code);
    if (!drain(true, error))
        return false;
    code = av_write_trailer(h.output);
    if (code < 0)
        return failWith(error, tr("cannot write the MP4 index"), code);
    code = avio_closep(&h.output->pb);
    if (code < 0)
        return failWith(error, tr("cannot close the file"), code);
    m_handles.reset();
    return true;
}

} // namespace sl
