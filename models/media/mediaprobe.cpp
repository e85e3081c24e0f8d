#include "media/mediaprobe.h"

#include "common/logging.h"
#include "common/systemerror.h"
#include "media/mediafile.h"
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
    QString error;
    cv::VideoCapture capture;
    if (!MediaFile::openVideo(path, capture, &error))
        return failure(error);

    // The container's figures can lie; decoding the first frame cannot.
    const QString noFrame =
        QCoreApplication::translate("sl::MediaProbe", "the video has no decodable frame (zero frames)");
    cv::Mat first;
    bool read = false;
    try {
        read = capture.read(first);
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << "reading the first frame threw for" << path << e.what();
        return failure(MediaFile::describe(path, SystemError::describe(e, noFrame)));
    }
    if (!read || first.empty())
        return failure(MediaFile::describe(path, noFrame));

    const double fps = capture.get(cv::CAP_PROP_FPS);
    if (!std::isfinite(fps) || fps <= 0 || fps > 1000)
        return failure(MediaFile::describe(
            path, QCoreApplication::translate("sl::MediaProbe", "the video has no usable frame rate")));

    const double count = capture.get(cv::CAP_PROP_FRAME_COUNT);
    MediaInfo info;
    info.ok = true;
    info.width = first.cols;
    info.height = first.rows;
    info.fps = fps;
    // Containers without a count give 0 or a negative number; at least one
    // frame was decoded above.
    info.frameCount = std::isfinite(count) && count >= 1 ? int(std::llround(count)) : 1;
    info.duration = info.frameCount / fps;
    return info;
}

} // namespace sl
