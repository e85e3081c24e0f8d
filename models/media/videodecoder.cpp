#include "media/videodecoder.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "common/systemerror.h"
#include "media/ffmpeghandles.h"
#include "media/mediafile.h"
#include "media/rgbconverter.h"
#include "media/thirdpartylog.h"
#include "media/thumbnailcache.h"
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
// fillBehind() readies at most this many frames, and at most this many
// bytes of them: about a second of video, 190 MB of 1080p (a paused player
// keeps them; playback's own memory comes on top).
constexpr int kFillFrames = 32;
// A seek keeps the decoded pictures of this many frames before its target
// as they are (YUV, the decoder's own buffers: 3 MB a 1080p frame), and
// converts one only when asked for: a step back right after a seek is a
// conversion, not a decode of the keyframe group. They cost the seek the
// frames the decoder could otherwise have skipped among them.
constexpr int kPicturesKept = 8;
constexpr qint64 kFillBytes = 192LL * 1024 * 1024;

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

struct VideoDecoder::Lane
{
    ffmpeg::Input input;
    ffmpeg::Codec codec;
    ffmpeg::Frame frame{av_frame_alloc()};
    ffmpeg::Packet packet{av_packet_alloc()};
    RgbConverter converter;
    int stream = -1;
    int decoded = -1;    // the index the decoder last put out; -1 right after a seek
    bool drained = false; // the decoder was flushed at the end of the file
    std::optional<qint64> skipBefore; // after a seek: the keyframe's pts, packets before it are skipped
    // Packets shown before this pts (ticks) are decoded only to reach later
    // frames: the decoder may drop those no other frame refers to.
    std::optional<qint64> discardBefore;
    int keepFrom = -1; // pictures of frames from here to the target are kept (main lane, after a seek)
};

VideoDecoder::VideoDecoder(qint64 cacheBytes) : m_main(std::make_unique<Lane>()), m_cache(cacheBytes) {}

VideoDecoder::~VideoDecoder() = default;

void VideoDecoder::FreePicture::operator()(AVFrame *picture) const
{
    av_frame_free(&picture);
}

void VideoDecoder::setCacheLimit(qint64 bytes)
{
    m_cache = FrameCache(bytes);
}

void VideoDecoder::dropCachedFrames()
{
    m_cache.clear();
    m_pictures.clear();
}

// The demuxer, and the stream to decode; rotation and size from it.
bool VideoDecoder::openInput(Lane &lane, QString *error)
{
    if (!lane.frame || !lane.packet) {
        *error = SystemError::notEnoughMemory();
        return false;
    }
    AVFormatContext *opened = nullptr;
    int status = avformat_open_input(&opened, QFile::encodeName(m_path).constData(), nullptr, nullptr);
    if (status < 0) {
        *error = causeOf(status);
        return false;
    }
    lane.input.reset(opened);
    std::vector<AVDictionary *> options(lane.input->nb_streams, nullptr);
    for (AVDictionary *&streamOptions : options)
        av_dict_set_int(&streamOptions, "max_pixels", limits::kImagePixels, 0);
    status = avformat_find_stream_info(lane.input.get(), options.data());
    for (AVDictionary *&streamOptions : options)
        av_dict_free(&streamOptions);
    if (status < 0) {
        *error = causeOf(status);
        return false;
    }
    lane.stream = videoStreamIndex(lane.input.get());
    if (lane.stream < 0) {
        *error = tr("the file holds no video stream");
        return false;
    }
    for (unsigned i = 0; i < lane.input->nb_streams; ++i)
        if (int(i) != lane.stream)
            lane.input->streams[i]->discard = AVDISCARD_ALL; // never read sound packets
    return true;
}

bool VideoDecoder::openDecoder(Lane &lane, QString *error)
{
    const AVStream *stream = lane.input->streams[lane.stream];
    const AVCodec *decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!decoder) {
        *error = tr("the video's codec is not supported (%1)")
                     .arg(QString::fromLatin1(avcodec_get_name(stream->codecpar->codec_id)));
        return false;
    }
    lane.codec.reset(avcodec_alloc_context3(decoder));
    if (!lane.codec || avcodec_parameters_to_context(lane.codec.get(), stream->codecpar) < 0) {
        *error = SystemError::notEnoughMemory();
        return false;
    }
    lane.codec->pkt_timebase = stream->time_base;
    lane.codec->thread_count = 0; // one per core
    lane.codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    AVDictionary *codecOptions = nullptr;
    av_dict_set_int(&codecOptions, "max_pixels", limits::kImagePixels, 0);
    const int status = avcodec_open2(lane.codec.get(), decoder, &codecOptions);
    av_dict_free(&codecOptions);
    if (status < 0) {
        *error = causeOf(status);
        return false;
    }
    lane.decoded = -1; // the first request seeks
    return true;
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
    Lane &lane = *m_main;
    QString reason;
    if (!openInput(lane, &reason))
        return fail(reason);
    AVStream *stream = lane.input->streams[lane.stream];
    m_rotation = clockwiseRotation(stream);
    m_codedSize = QSize(stream->codecpar->width, stream->codecpar->height);

    // The index: every packet's timestamps, read without decoding, or as
    // kept from an earlier open of the same file.
    std::optional<PacketScan> scan;
    QString mediaKey;
    if (!m_indexCacheFolder.isEmpty()) {
        mediaKey = ThumbnailCache::mediaKey(path);
        ThumbnailCache cache(m_indexCacheFolder);
        if (const std::optional<QByteArray> kept = mediaKey.isEmpty() ? std::nullopt : cache.readIndex(mediaKey))
            scan = PacketScan::fromBytes(*kept);
        if (scan)
            ++m_counters.indexesFromCache;
    }
    if (!scan) {
        scan = scanPackets(lane);
        if (!mediaKey.isEmpty() && int(scan->packets.size()) >= m_indexCachePackets)
            ThumbnailCache(m_indexCacheFolder).writeIndex(mediaKey, scan->toBytes()); // a failed write costs a scan
    }
    m_ptsEverywhere = scan->ptsEverywhere;
    const bool readError = scan->readError;
    std::vector<PacketRecord> packets = std::move(scan->packets);
    const double secondsPerTick = av_q2d(stream->time_base);
    double promised = 0; // what the container says it holds, seconds
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        promised = double(stream->duration) * secondsPerTick;
    else if (lane.input->duration != AV_NOPTS_VALUE && lane.input->duration > 0)
        promised = double(lane.input->duration) / AV_TIME_BASE;
    m_index = FrameIndex(std::move(packets), secondsPerTick, promised);
    if (m_index.isEmpty())
        return fail(tr("the video has no decodable frame (zero frames)"));
    if (m_index.isCutShort() || readError)
        qCWarning(lcMedia) << path << "ends at" << m_index.readableEnd() << "s; the container says"
                           << m_index.containerEnd() << "s";
    if (!openDecoder(lane, &reason))
        return fail(reason);
    return true;
}

PacketScan VideoDecoder::scanPackets(Lane &lane)
{
    AVStream *stream = lane.input->streams[lane.stream];
    PacketScan scan;
    if (stream->nb_frames > 0)
        scan.packets.reserve(size_t(std::min<int64_t>(stream->nb_frames, 10'000'000)));
    while (true) {
        const int status = av_read_frame(lane.input.get(), lane.packet.get());
        if (status < 0) {
            scan.readError = status != AVERROR_EOF;
            if (scan.readError)
                qCInfo(lcMedia) << m_path << "cannot be read past packet" << scan.packets.size() << ":" << causeOf(status);
            break;
        }
        const AVPacket &p = *lane.packet;
        if (p.stream_index == lane.stream && (p.flags & AV_PKT_FLAG_CORRUPT)) {
            // The file ends inside this packet (a copy that stopped): what
            // follows is not there either.
            scan.readError = true;
            av_packet_unref(lane.packet.get());
            break;
        }
        // Frames an edit list cuts away are never shown.
        const bool usable = lane.stream == p.stream_index && !(p.flags & AV_PKT_FLAG_DISCARD) &&
                            (p.pts != AV_NOPTS_VALUE || p.dts != AV_NOPTS_VALUE);
        if (usable) {
            scan.ptsEverywhere = scan.ptsEverywhere && p.pts != AV_NOPTS_VALUE;
            const qint64 pts = p.pts != AV_NOPTS_VALUE ? p.pts : p.dts;
            scan.packets.push_back({pts, p.dts != AV_NOPTS_VALUE ? p.dts : pts, qint64(p.duration),
                                    (p.flags & AV_PKT_FLAG_KEY) != 0});
        }
        av_packet_unref(lane.packet.get());
    }
    if (scan.readError || (stream->nb_frames > 0 && qint64(scan.packets.size()) < stream->nb_frames))
        keepWholeFrames(scan.packets);
    return scan;
}

void VideoDecoder::setIndexCache(const QString &folder, int minPackets)
{
    m_indexCacheFolder = folder;
    m_indexCachePackets = minPackets;
}

bool VideoDecoder::seekTo(Lane &lane, qint64 timestamp)
{
    ++m_counters.seeks;
    const int status = av_seek_frame(lane.input.get(), lane.stream, timestamp, AVSEEK_FLAG_BACKWARD);
    avcodec_flush_buffers(lane.codec.get());
    lane.decoded = -1;
    lane.drained = false;
    lane.skipBefore.reset();
    lane.keepFrom = -1;
    if (status < 0)
        qCDebug(lcMedia) << "seek to" << timestamp << "failed in" << m_path << causeOf(status);
    return status >= 0;
}

// Sends the next packet of the video stream to the decoder (or, at the end,
// the flush that drains it). False when nothing more can be sent.
bool VideoDecoder::feed(Lane &lane, QString *error)
{
    if (lane.drained)
        return false;
    while (true) {
        const int status = av_read_frame(lane.input.get(), lane.packet.get());
        if (status < 0) {
            if (status != AVERROR_EOF)
                qCDebug(lcMedia) << m_path << "read stopped:" << causeOf(status);
            lane.drained = true;
            avcodec_send_packet(lane.codec.get(), nullptr);
            return true;
        }
        if (lane.packet->stream_index != lane.stream) {
            av_packet_unref(lane.packet.get());
            continue;
        }
        const AVPacket &p = *lane.packet;
        const qint64 pts = p.pts != AV_NOPTS_VALUE ? p.pts : p.dts;
        if (lane.skipBefore) {
            // Containers seek by their own rules and may land a group or
            // more early: packets before the wanted keyframe are skipped
            // unread by the decoder (demuxing costs little, decoding a lot).
            const bool reached = (p.flags & AV_PKT_FLAG_KEY) && pts != AV_NOPTS_VALUE && pts >= *lane.skipBefore;
            if (!reached) {
                av_packet_unref(lane.packet.get());
                continue;
            }
            lane.skipBefore.reset();
        }
        if (p.flags & AV_PKT_FLAG_CORRUPT) { // the file ends inside it
            av_packet_unref(lane.packet.get());
            lane.drained = true;
            avcodec_send_packet(lane.codec.get(), nullptr);
            return true;
        }
        // Read per packet (frame threads take it with the packet).
        const bool passing = lane.discardBefore && m_ptsEverywhere && p.pts != AV_NOPTS_VALUE &&
                             p.pts < *lane.discardBefore;
        lane.codec->skip_frame = passing ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        const int sent = avcodec_send_packet(lane.codec.get(), lane.packet.get());
        av_packet_unref(lane.packet.get());
        if (sent == AVERROR(ENOMEM)) {
            *error = SystemError::notEnoughMemory();
            return false;
        }
        if (sent < 0) // a damaged packet: the frames it held will be missing
            qCDebug(lcMedia) << m_path << "packet refused by the decoder:" << causeOf(sent);
        return true;
    }
}

VideoDecoder::Step VideoDecoder::receive(Lane &lane, int target, int convertFrom, bool filling, QImage *result,
                                         QString *error)
{
    const int status = avcodec_receive_frame(lane.codec.get(), lane.frame.get());
    if (status == AVERROR(EAGAIN))
        return Step::NeedPacket;
    if (status == AVERROR_EOF)
        return Step::End;
    if (status < 0) {
        *error = causeOf(status);
        return Step::Failed;
    }
    ++m_counters.decoded;
    const AVFrame &frame = *lane.frame;
    const qint64 pts = frame.pts != AV_NOPTS_VALUE ? frame.pts : frame.best_effort_timestamp;
    lane.decoded = pts != AV_NOPTS_VALUE ? m_index.indexOfPts(pts) : lane.decoded + 1;
    if (lane.decoded >= convertFrom && lane.decoded <= target && !m_cache.contains(lane.decoded)) {
        // Stepping on keeps a few frames behind the playhead; a step back
        // (filling) keeps as many as the cache holds. The frame dropped
        // lends its buffer to the new one.
        const qint64 frameBytes = qint64(frame.width) * frame.height * 3;
        QImage spare;
        if ((!filling && m_cache.size() >= kFramesKeptStepping) || m_cache.bytes() + frameBytes > m_cache.maxBytes())
            spare = m_cache.takeLeastRecent();
        const QImage image = lane.converter.convert(&frame, m_rotation, std::move(spare));
        ++m_counters.converted;
        if (image.isNull()) {
            av_frame_unref(lane.frame.get());
            *error = SystemError::notEnoughMemory();
            return Step::Failed;
        }
        m_cache.insert(lane.decoded, image);
        m_pictures.erase(lane.decoded); // converted now: its kept picture is not needed
        if (lane.decoded == target)
            *result = image;
    } else if (lane.decoded == target) {
        *result = m_cache.find(target);
    } else if (lane.keepFrom >= 0 && lane.decoded >= lane.keepFrom && lane.decoded < target &&
               !m_cache.contains(lane.decoded)) {
        if (AVFrame *kept = av_frame_clone(&frame)) // a reference, no copy
            m_pictures[lane.decoded].reset(kept);
    }
    av_frame_unref(lane.frame.get());
    return Step::Frame;
}

// Decodes on from where the decoder stands until frame `target` is out,
// converting the frames from `convertFrom` on into the cache.
QImage VideoDecoder::decodeTo(Lane &lane, int target, int convertFrom, QString *error)
{
    int first = std::min(convertFrom, target);
    if (lane.keepFrom >= 0)
        first = std::min(first, lane.keepFrom);
    lane.discardBefore = m_index.ptsOf(first);
    while (true) {
        QImage result;
        switch (receive(lane, target, convertFrom, convertFrom < target, &result, error)) {
        case Step::Frame:
            if (lane.decoded == target)
                return result;
            if (lane.decoded > target) {
                *error = tr("frame %1 cannot be decoded").arg(target);
                return {};
            }
            break;
        case Step::NeedPacket:
            if (!feed(lane, error)) {
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

// A seek to the keyframe decoding must start from to show `target`.
bool VideoDecoder::seekToKeyframeOf(Lane &lane, int target)
{
    const qint64 keyframe = m_index.seekTimestampOf(target);
    if (!seekTo(lane, keyframe))
        return false;
    if (m_index.isKeyframe(m_index.keyframeOf(target)))
        lane.skipBefore = keyframe; // (a stream that does not start on a keyframe decodes from its start)
    return true;
}

QImage VideoDecoder::seekAndDecode(int target, int convertFrom, QString *error)
{
    Lane &lane = *m_main;
    if (seekToKeyframeOf(lane, target)) {
        if (convertFrom == target) { // a seek: the pictures just before it are kept
            m_pictures.clear();
            lane.keepFrom = std::max(m_index.keyframeOf(target), target - kPicturesKept);
        }
        QImage image = decodeTo(lane, target, convertFrom, error);
        lane.keepFrom = -1;
        // Landing past the target means the container's seek is not exact
        // (or the frame was skipped), and so does finding no frame at all
        // (MPEG-TS: the keyframe sought never came by): once more from the
        // start of the file.
        const bool nothing = image.isNull() && lane.decoded < 0;
        if (!image.isNull() || (lane.decoded <= target && !nothing) ||
            m_index.seekTimestampOf(target) == m_index.firstDts())
            return image;
        qCInfo(lcMedia) << "seeking in" << m_path << (nothing ? "found no frame for" : "landed past") << "frame"
                        << target << "; decoding from the start";
    }
    error->clear();
    if (!seekTo(lane, m_index.firstDts())) {
        *error = tr("frame %1 cannot be decoded").arg(target);
        return {};
    }
    return decodeTo(lane, target, convertFrom, error);
}

int VideoDecoder::framesThatFit(int keep) const
{
    const qint64 frameBytes = qint64(m_codedSize.width()) * 3 * m_codedSize.height();
    return int(std::max<qint64>(m_cache.maxBytes() / std::max<qint64>(frameBytes, 1) - keep, 1));
}

int VideoDecoder::backFillStart(int target, int keep) const
{
    return std::max({m_index.keyframeOf(target), target - framesThatFit(keep) + 1, 0});
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
    if (const auto kept = m_pictures.find(n); kept != m_pictures.end()) {
        QImage image = m_main->converter.convert(kept->second.get(), m_rotation);
        m_pictures.erase(kept);
        if (!image.isNull()) {
            ++m_counters.converted;
            ++m_counters.cacheHits;
            m_cache.insert(n, image);
            return image;
        }
    }
    // Ahead within reach: decoding on costs n - decoded frames; a seek
    // decodes from the target's keyframe, and costs a few frames more (the
    // flush empties the decoder's threads).
    Lane &lane = *m_main;
    const int keyframe = m_index.keyframeOf(n);
    const bool ahead = lane.decoded >= 0 && n > lane.decoded && n - lane.decoded <= n - keyframe + kSeekCostFrames;
    // A fill behind that stopped short of n in n's group (the step back came
    // before it was done) goes on, cheaper than the main lane getting there.
    if (m_fill && !m_fill->drained && m_fill->decoded >= keyframe && m_fill->decoded < n &&
        n - m_fill->decoded < (ahead ? n - lane.decoded : n - keyframe + kSeekCostFrames)) {
        QImage image = decodeTo(*m_fill, n, std::max(m_fill->decoded + 1, backFillStart(n, 2)), error);
        if (!image.isNull())
            return image;
        error->clear(); // the main lane tries
    }
    if (ahead) {
        if (n - lane.decoded > 1) { // a jump ahead, as good as a seek: the pictures before it are kept
            m_pictures.clear();
            lane.keepFrom = std::max({keyframe, lane.decoded + 1, n - kPicturesKept});
        }
        QImage image = decodeTo(lane, n, n, error);
        lane.keepFrom = -1;
        if (!image.isNull() || lane.decoded < n)
            return image;
        error->clear(); // the decoder skipped it: try again from the keyframe
    }
    // A step back keeps the frames before it, leaving room for the two the
    // player showed last.
    const bool stepBack = previous >= 0 && n < previous && previous - n <= kBackStep;
    return seekAndDecode(n, stepBack ? backFillStart(n, 2) : n, error);
}

bool VideoDecoder::fillBehind(int n, const std::atomic<bool> &stop)
{
    const int target = n - 1;
    if (target < 0 || target >= m_index.count())
        return true;
    // As many frames as the cache holds, leaving room for the frame shown
    // and those decoded ahead of it, within the fill's own bounds; across
    // keyframe groups.
    const qint64 frameBytes = std::max<qint64>(qint64(m_codedSize.width()) * 3 * m_codedSize.height(), 1);
    const int fill = std::max(1, std::min({framesThatFit(kFramesKeptStepping), kFillFrames, int(kFillBytes / frameBytes)}));
    const int start = std::max(0, target - fill + 1);
    int held = 0; // frames cached right behind n
    while (target - held >= start && m_cache.contains(target - held))
        ++held;
    const int wanted = target - start + 1;
    if (held * 2 >= wanted)
        return true;
    if (!m_fill) {
        auto lane = std::make_unique<Lane>();
        QString reason;
        if (!openInput(*lane, &reason) || !openDecoder(*lane, &reason)) {
            qCInfo(lcMedia) << "cannot open a second decoder on" << m_path << ":" << reason;
            return false;
        }
        m_fill = std::move(lane);
    }
    // The cache drops the least recently used frame first: the frames held
    // are marked used, nearest last, so that the new ones push out the
    // frames already stepped over, not those still to come.
    for (int i = target - held + 1; i <= target; ++i)
        m_cache.find(i);
    const qint64 convertedBefore = m_counters.converted;
    bool done = true;
    // Group by group, the nearest first (each decodes from its keyframe).
    for (int last = target - held; last >= start && done;) {
        const int from = std::max(start, m_index.keyframeOf(last));
        done = fillGroup(from, last, stop);
        last = from - 1;
        while (last >= start && m_cache.contains(last))
            --last;
    }
    m_counters.filled += m_counters.converted - convertedBefore;
    for (int i = start; i <= target; ++i) // nearest most recently used
        m_cache.find(i);
    return done;
}

// Decodes frames `from`..`last` of one keyframe group into the cache on the
// fill lane: on from where it stands when it stopped early in the group,
// else from the group's keyframe.
bool VideoDecoder::fillGroup(int from, int last, const std::atomic<bool> &stop)
{
    Lane &lane = *m_fill;
    const bool onTrack = lane.decoded >= m_index.keyframeOf(last) && lane.decoded < last && !lane.drained;
    if (!onTrack && !seekToKeyframeOf(lane, last))
        return false;
    lane.discardBefore = m_index.ptsOf(from);
    QString error;
    while (true) {
        QImage unused;
        switch (receive(lane, last, from, true, &unused, &error)) {
        case Step::Frame:
            if (lane.decoded >= last)
                return lane.decoded == last;
            if (stop.load(std::memory_order_relaxed))
                return false;
            break;
        case Step::NeedPacket:
            if (feed(lane, &error))
                break;
            [[fallthrough]];
        case Step::End:
        case Step::Failed:
            qCDebug(lcMedia) << "filling frames" << from << "to" << last << "of" << m_path << "stopped:" << error;
            return false;
        }
    }
}

} // namespace sl
