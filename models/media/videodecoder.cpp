#include "media/videodecoder.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "common/systemerror.h"
#include "media/ffmpeghandles.h"
#include "media/mediafile.h"
#include "media/rgbconverter.h"
#include "media/thirdpartylog.h"
#include "media/videoheader.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <vector>

extern "C" {
#include <libavutil/display.h>
}

namespace sl {

namespace {

// A step back of at most this many frames fills the cache with the keyframe
// group up to the target, so the next steps back are hits; a longer jump
// back converts only its target (a random seek).
constexpr int kBackStep = 2;
// Frames kept behind the playhead while stepping or playing forward; their
// buffers are written again rather than fresh memory taken for each frame.
constexpr int kFramesKeptStepping = 4;
// What a seek costs beyond decoding from the keyframe, in decoded frames.
constexpr int kSeekCostFrames = 4;

int videoStreamIndex(const AVFormatContext *input)
{
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVStream *stream = input->streams[i];
        if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
            !(stream->disposition & AV_DISPOSITION_ATTACHED_PIC))
            return int(i);
    }
    return -1;
}

// Clockwise degrees from the display matrix, as ffmpeg's own autorotation
// reads it (av_display_rotation_get is counter-clockwise).
int clockwiseRotation(const AVStream *stream)
{
    const auto *matrix =
        reinterpret_cast<const int32_t *>(av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix)
        return 0;
    const double degrees = -av_display_rotation_get(matrix);
    if (!std::isfinite(degrees))
        return 0;
    const int quarter = int(std::lround(degrees / 90.0));
    return ((quarter % 4) + 4) % 4 * 90;
}

// A file cut short loses packets in decode order. Each lost packet has a
// dts past the last one read and a pts at or past its dts, so frames shown
// up to that dts are all there; later ones may have holes between them
// (B-frames), and are dropped rather than shown for a time they do not hold.
void keepWholeFrames(std::vector<PacketRecord> &packets)
{
    if (packets.empty())
        return;
    const qint64 lastDts = packets.back().dts;
    packets.erase(std::remove_if(packets.begin(), packets.end(),
                                 [lastDts](const PacketRecord &p) { return p.pts > lastDts; }),
                  packets.end());
}

QString causeOf(int averror)
{
    if (averror == AVERROR(ENOMEM))
        return SystemError::notEnoughMemory();
    if (averror < 0 && averror > -4096)
        return VideoDecoder::tr("cannot be read: %1").arg(SystemError::describe(AVUNERROR(averror)));
    return VideoDecoder::tr("cannot be decoded as a video (corrupt or unsupported format)");
}

} // namespace

struct VideoDecoder::Handles
{
    ffmpeg::Input input;
    ffmpeg::Codec codec;
    ffmpeg::Frame frame{av_frame_alloc()};
    ffmpeg::Packet packet{av_packet_alloc()};
    RgbConverter converter;
    int stream = -1;
};

VideoDecoder::VideoDecoder(qint64 cacheBytes) : m_handles(std::make_unique<Handles>()), m_cache(cacheBytes) {}

VideoDecoder::~VideoDecoder() = default;

void VideoDecoder::setCacheLimit(qint64 bytes)
{
    m_cache = FrameCache(bytes);
}

bool VideoDecoder::open(const QString &path, QString *error)
{
    m_path = path;
    const auto fail = [&](const QString &reason) {
        *error = MediaFile::describe(path, reason);
        return false;
    };
    // The container first: a still image, a sound file or an oversized
    // frame is refused with its cause before anything is decoded.
    if (!MediaFile::checkReadable(path, error) || !VideoHeader::check(path, error))
        return false;
    ThirdPartyLog::route();
    Handles &h = *m_handles;
    if (!h.frame || !h.packet)
        return fail(SystemError::notEnoughMemory());
    AVFormatContext *opened = nullptr;
    int status = avformat_open_input(&opened, QFile::encodeName(path).constData(), nullptr, nullptr);
    if (status < 0)
        return fail(causeOf(status));
    h.input.reset(opened);
    std::vector<AVDictionary *> options(h.input->nb_streams, nullptr);
    for (AVDictionary *&streamOptions : options)
        av_dict_set_int(&streamOptions, "max_pixels", limits::kImagePixels, 0);
    status = avformat_find_stream_info(h.input.get(), options.data());
    for (AVDictionary *&streamOptions : options)
        av_dict_free(&streamOptions);
    if (status < 0)
        return fail(causeOf(status));
    h.stream = videoStreamIndex(h.input.get());
    if (h.stream < 0)
        return fail(tr("the file holds no video stream"));
    AVStream *stream = h.input->streams[h.stream];
    for (unsigned i = 0; i < h.input->nb_streams; ++i)
        if (int(i) != h.stream)
            h.input->streams[i]->discard = AVDISCARD_ALL; // never read sound packets
    m_rotation = clockwiseRotation(stream);
    m_codedSize = QSize(stream->codecpar->width, stream->codecpar->height);

    // The index: every packet's timestamps, read without decoding.
    std::vector<PacketRecord> packets;
    if (stream->nb_frames > 0)
        packets.reserve(size_t(std::min<int64_t>(stream->nb_frames, 10'000'000)));
    bool readError = false;
    while (true) {
        status = av_read_frame(h.input.get(), h.packet.get());
        if (status < 0) {
            readError = status != AVERROR_EOF;
            if (readError)
                qCInfo(lcMedia) << path << "cannot be read past packet" << packets.size() << ":" << causeOf(status);
            break;
        }
        const AVPacket &p = *h.packet;
        if (p.stream_index == h.stream && (p.flags & AV_PKT_FLAG_CORRUPT)) {
            // The file ends inside this packet (a copy that stopped): what
            // follows is not there either.
            readError = true;
            av_packet_unref(h.packet.get());
            break;
        }
        // Frames an edit list cuts away are never shown.
        const bool usable = p.stream_index == h.stream && !(p.flags & AV_PKT_FLAG_DISCARD) &&
                            (p.pts != AV_NOPTS_VALUE || p.dts != AV_NOPTS_VALUE);
        if (usable) {
            const qint64 pts = p.pts != AV_NOPTS_VALUE ? p.pts : p.dts;
            packets.push_back({pts, p.dts != AV_NOPTS_VALUE ? p.dts : pts, qint64(p.duration),
                               (p.flags & AV_PKT_FLAG_KEY) != 0});
        }
        av_packet_unref(h.packet.get());
    }
    if (readError || (stream->nb_frames > 0 && qint64(packets.size()) < stream->nb_frames))
        keepWholeFrames(packets);
    const double secondsPerTick = av_q2d(stream->time_base);
    double promised = 0; // what the container says it holds, seconds
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        promised = double(stream->duration) * secondsPerTick;
    else if (h.input->duration != AV_NOPTS_VALUE && h.input->duration > 0)
        promised = double(h.input->duration) / AV_TIME_BASE;
    m_index = FrameIndex(std::move(packets), secondsPerTick, promised);
    if (m_index.isEmpty())
        return fail(tr("the video has no decodable frame (zero frames)"));
    if (m_index.isCutShort() || readError)
        qCWarning(lcMedia) << path << "ends at" << m_index.readableEnd() << "s; the container says"
                           << m_index.containerEnd() << "s";

    const AVCodec *decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!decoder)
        return fail(tr("the video's codec is not supported (%1)")
                        .arg(QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id))));
    h.codec.reset(avcodec_alloc_context3(decoder));
    if (!h.codec || avcodec_parameters_to_context(h.codec.get(), stream->codecpar) < 0)
        return fail(SystemError::notEnoughMemory());
    h.codec->pkt_timebase = stream->time_base;
    h.codec->thread_count = 0; // one per core
    h.codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    AVDictionary *codecOptions = nullptr;
    av_dict_set_int(&codecOptions, "max_pixels", limits::kImagePixels, 0);
    status = avcodec_open2(h.codec.get(), decoder, &codecOptions);
    av_dict_free(&codecOptions);
    if (status < 0)
        return fail(causeOf(status));
    m_decoded = -1; // the first request seeks
    return true;
}

bool VideoDecoder::seekTo(qint64 timestamp)
{
    Handles &h = *m_handles;
    ++m_counters.seeks;
    const int status = av_seek_frame(h.input.get(), h.stream, timestamp, AVSEEK_FLAG_BACKWARD);
    avcodec_flush_buffers(h.codec.get());
    m_decoded = -1;
    m_drained = false;
    m_skipBefore.reset();
    if (status < 0)
        qCDebug(lcMedia) << "seek to" << timestamp << "failed in" << m_path << causeOf(status);
    return status >= 0;
}

// Sends the next packet of the video stream to the decoder (or, at the end,
// the flush that drains it). False when nothing more can be sent.
bool VideoDecoder::feed(QString *error)
{
    Handles &h = *m_handles;
    if (m_drained)
        return false;
    while (true) {
        const int status = av_read_frame(h.input.get(), h.packet.get());
        if (status < 0) {
            if (status != AVERROR_EOF)
                qCDebug(lcMedia) << m_path << "read stopped:" << causeOf(status);
            m_drained = true;
            avcodec_send_packet(h.codec.get(), nullptr);
            return true;
        }
        if (h.packet->stream_index != h.stream) {
            av_packet_unref(h.packet.get());
            continue;
        }
        if (m_skipBefore) {
            // Containers seek by their own rules and may land a group or
            // more early: packets before the wanted keyframe are skipped
            // unread by the decoder (demuxing costs little, decoding a lot).
            const AVPacket &p = *h.packet;
            const qint64 pts = p.pts != AV_NOPTS_VALUE ? p.pts : p.dts;
            const bool reached = (p.flags & AV_PKT_FLAG_KEY) && pts != AV_NOPTS_VALUE && pts >= *m_skipBefore;
            if (!reached) {
                av_packet_unref(h.packet.get());
                continue;
            }
            m_skipBefore.reset();
        }
        if (h.packet->flags & AV_PKT_FLAG_CORRUPT) { // the file ends inside it
            av_packet_unref(h.packet.get());
            m_drained = true;
            avcodec_send_packet(h.codec.get(), nullptr);
            return true;
        }
        const int sent = avcodec_send_packet(h.codec.get(), h.packet.get());
        av_packet_unref(h.packet.get());
        if (sent == AVERROR(ENOMEM)) {
            *error = SystemError::notEnoughMemory();
            return false;
        }
        if (sent < 0) // a damaged packet: the frames it held will be missing
            qCDebug(lcMedia) << m_path << "packet refused by the decoder:" << causeOf(sent);
        return true;
    }
}

VideoDecoder::Step VideoDecoder::receive(int target, int convertFrom, QImage *result, QString *error)
{
    Handles &h = *m_handles;
    const int status = avcodec_receive_frame(h.codec.get(), h.frame.get());
    if (status == AVERROR(EAGAIN))
        return Step::NeedPacket;
    if (status == AVERROR_EOF)
        return Step::End;
    if (status < 0) {
        *error = causeOf(status);
        return Step::Failed;
    }
    ++m_counters.decoded;
    const AVFrame &frame = *h.frame;
    const qint64 pts = frame.pts != AV_NOPTS_VALUE ? frame.pts : frame.best_effort_timestamp;
    m_decoded = pts != AV_NOPTS_VALUE ? m_index.indexOfPts(pts) : m_decoded + 1;
    if (m_decoded >= convertFrom && m_decoded <= target && !m_cache.contains(m_decoded)) {
        // Stepping on keeps a few frames behind the playhead; a step back
        // keeps as many as the cache holds. The frame dropped lends its
        // buffer to the new one.
        const bool filling = convertFrom < target;
        const qint64 frameBytes = qint64(frame.width) * frame.height * 3;
        QImage spare;
        if ((!filling && m_cache.size() >= kFramesKeptStepping) || m_cache.bytes() + frameBytes > m_cache.maxBytes())
            spare = m_cache.takeLeastRecent();
        const QImage image = h.converter.convert(&frame, m_rotation, std::move(spare));
        ++m_counters.converted;
        if (image.isNull()) {
            av_frame_unref(h.frame.get());
            *error = SystemError::notEnoughMemory();
            return Step::Failed;
        }
        m_cache.insert(m_decoded, image);
        if (m_decoded == target)
            *result = image;
    } else if (m_decoded == target) {
        *result = m_cache.find(target);
    }
    av_frame_unref(h.frame.get());
    return Step::Frame;
}

// Decodes on from where the decoder stands until frame `target` is out,
// converting the frames from `convertFrom` on into the cache.
QImage VideoDecoder::decodeTo(int target, int convertFrom, QString *error)
{
    while (true) {
        QImage result;
        switch (receive(target, convertFrom, &result, error)) {
        case Step::Frame:
            if (m_decoded == target)
                return result;
            if (m_decoded > target) {
                *error = tr("frame %1 cannot be decoded").arg(target);
                return {};
            }
            break;
        case Step::NeedPacket:
            if (!feed(error)) {
                if (error->isEmpty())
                    *error = tr("frame %1 cannot be decoded").arg(target);
                return {};
            }
            break;
        case Step::End:
            *error = tr("frame %1 cannot be decoded").arg(target);
            return {};
        case Step::Failed:
            return {};
        }
    }
}

QImage VideoDecoder::seekAndDecode(int target, int convertFrom, QString *error)
{
    const qint64 keyframe = m_index.seekTimestampOf(target);
    const bool sought = seekTo(keyframe);
    if (sought && m_index.isKeyframe(m_index.keyframeOf(target)))
        m_skipBefore = keyframe; // (a stream that does not start on a keyframe decodes from its start)
    if (sought) {
        QImage image = decodeTo(target, convertFrom, error);
        // Landing past the target means the container's seek is not exact
        // (or the frame was skipped): once more from the start of the file.
        if (!image.isNull() || m_decoded <= target || keyframe == m_index.firstDts())
            return image;
        qCInfo(lcMedia) << "seeking in" << m_path << "landed past frame" << target << "; decoding from the start";
    }
    error->clear();
    if (!seekTo(m_index.firstDts())) {
        *error = tr("frame %1 cannot be decoded").arg(target);
        return {};
    }
    return decodeTo(target, convertFrom, error);
}

int VideoDecoder::backFillStart(int target) const
{
    // As many frames before the target as the cache holds, leaving room for
    // the two the player showed last.
    const qint64 frameBytes = qint64(m_codedSize.width()) * 3 * m_codedSize.height();
    const int fits = int(std::clamp<qint64>(m_cache.maxBytes() / std::max<qint64>(frameBytes, 1) - 2, 1, target + 1));
    return std::max(m_index.keyframeOf(target), target - fits + 1);
}

QImage VideoDecoder::frame(int n, QString *error)
{
    error->clear();
    const int previous = m_lastRequested;
    m_lastRequested = n;
    if (QImage cached = m_cache.find(n); !cached.isNull()) {
        ++m_counters.cacheHits;
        return cached;
    }
    // Ahead within reach: decoding on costs n - m_decoded frames; a seek
    // decodes from the target's keyframe, and costs a few frames more (the
    // flush empties the decoder's threads).
    const bool ahead = m_decoded >= 0 && n > m_decoded &&
                       n - m_decoded <= n - m_index.keyframeOf(n) + kSeekCostFrames;
    if (ahead) {
        QImage image = decodeTo(n, n, error);
        if (!image.isNull() || m_decoded < n)
            return image;
        error->clear(); // the decoder skipped it: try again from the keyframe
    }
    const bool stepBack = previous >= 0 && n < previous && previous - n <= kBackStep;
    return seekAndDecode(n, stepBack ? backFillStart(n) : n, error);
}

} // namespace sl
