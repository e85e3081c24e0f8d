#include "media/videoheader.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "common/systemerror.h"
#include "media/mediafile.h"
#include "media/thirdpartylog.h"

#include <QFile>
#include <QSize>

#include <memory>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
}

namespace sl {

namespace {

struct CloseInput
{
    void operator()(AVFormatContext *context) const { avformat_close_input(&context); }
};
using Input = std::unique_ptr<AVFormatContext, CloseInput>;

// The first real video stream (not a cover picture of a sound file), or null.
const AVStream *videoStream(const AVFormatContext *context)
{
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVStream *stream = context->streams[i];
        if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
            !(stream->disposition & AV_DISPOSITION_ATTACHED_PIC))
            return stream;
    }
    return nullptr;
}

bool hasAudio(const AVFormatContext *context)
{
    for (unsigned i = 0; i < context->nb_streams; ++i)
        if (context->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            return true;
    return false;
}

QString causeOf(int averror)
{
    if (averror == AVERROR(ENOMEM))
        return SystemError::notEnoughMemory();
    if (averror < 0 && averror > -4096) // an errno value: a file system cause
        return VideoHeader::tr("cannot be read: %1").arg(SystemError::describe(AVUNERROR(averror)));
    return VideoHeader::tr("cannot be decoded as a video (corrupt or unsupported format)");
}

bool fail(QString *error, const QString &path, const QString &reason)
{
    if (error)
        *error = MediaFile::describe(path, reason);
    return false;
}

} // namespace

bool VideoHeader::check(const QString &path, QString *error)
{
    ThirdPartyLog::route();
    AVFormatContext *opened = nullptr;
    const int status = avformat_open_input(&opened, QFile::encodeName(path).constData(), nullptr, nullptr);
    if (status < 0)
        return fail(error, path, causeOf(status));
    const Input input(opened);

    // FFmpeg opens a PNG or a JPEG as a one-frame "video" (its image demuxers).
    const QLatin1String format(input->iformat->name);
    if (format.endsWith(QLatin1String("_pipe")) || format == QLatin1String("image2"))
        return fail(error, path, tr("the file is a still image, not a video"));

    const AVStream *stream = videoStream(input.get());
    if (!stream || stream->codecpar->width <= 0 || stream->codecpar->height <= 0) {
        // Containers without a header (MPEG-TS, raw streams) tell the size
        // only once a few packets are parsed (and maybe decoded: FFmpeg's
        // decoders are held to the limits' area while it probes).
        std::vector<AVDictionary *> options(input->nb_streams, nullptr);
        for (AVDictionary *&streamOptions : options)
            av_dict_set_int(&streamOptions, "max_pixels", limits::kImagePixels, 0);
        const int found = avformat_find_stream_info(input.get(), options.data());
        for (AVDictionary *&streamOptions : options)
            av_dict_free(&streamOptions);
        if (found < 0)
            return fail(error, path, causeOf(found));
        stream = videoStream(input.get());
    }
    if (!stream)
        return fail(error, path,
                    hasAudio(input.get()) ? tr("the file holds only sound, no video stream")
                                          : tr("the file holds no video stream"));
    const QSize size(stream->codecpar->width, stream->codecpar->height);
    if (size.width() <= 0 || size.height() <= 0)
        return fail(error, path,
                    tr("the size of the video's frames cannot be read (corrupt or unsupported format)"));
    if (!MediaFile::checkImageSize(path, size, MediaFile::Kind::Video, error))
        return false;
    qCDebug(lcMedia) << path << "is" << format << "with a" << size << "video stream";
    return true;
}

} // namespace sl
