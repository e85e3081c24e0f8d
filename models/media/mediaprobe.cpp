#include "media/mediaprobe.h"

#include "media/framesource.h"
#include "media/photoreader.h"

#include <QCoreApplication>

#include <cmath>

namespace sl {

namespace {

MediaInfo failure(const QString &error)
{
    MediaInfo info;
    info.error = error;
    return info;
}

} // namespace

MediaInfo MediaProbe::probePhoto(const QString &path)
{
    QString error;
    const QImage image = PhotoReader::read(path, &error);
    if (image.isNull())
        return failure(error);
    MediaInfo info;
    info.ok = true;
    info.width = image.width();
    info.height = image.height();
    return info;
}

MediaInfo MediaProbe::probeVideo(const QString &path)
{
    // The same source the player and export use: its sizes are the rotated,
    // displayed ones, and decoding the first frame proves the container's
    // figures.
    FrameSource source;
    QString error;
    if (!source.open(path, MediaType::Video, &error))
        return failure(error);
    const QImage first = source.frame(0);
    if (first.isNull())
        return failure(source.lastError());
    MediaInfo info;
    info.ok = true;
    info.width = first.width();
    info.height = first.height();
    info.fps = source.fps();
    info.frameCount = source.frameCount();
    info.duration = source.duration();
    return info;
}

} // namespace sl
