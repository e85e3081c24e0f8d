#include "media/thumbnailer.h"

#include "media/framesource.h"
#include "common/systemerror.h"
#include "media/mediafile.h"
#include "media/photoreader.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Where a video's thumbnail is taken, as a fraction of its length: past
// fades and slates, early enough to show what the capture is of.
constexpr double kVideoPosition = 0.1;

// The size that fits `maxSize` keeping the aspect ratio, never larger than `size`.
cv::Size fittedSize(cv::Size size, QSize maxSize)
{
    const double scale =
        std::min({1.0, double(maxSize.width()) / size.width, double(maxSize.height()) / size.height});
    return {std::max(1, int(std::lround(size.width * scale))),
            std::max(1, int(std::lround(size.height * scale)))};
}

// Scales an RGB888 image to fit `maxSize`, area-averaging as it shrinks,
// straight into the result's rows.
QImage fittedRgb(const QImage &rgb, QSize maxSize)
{
    const cv::Size size = fittedSize({rgb.width(), rgb.height()}, maxSize);
    if (size.width == rgb.width() && size.height == rgb.height())
        return rgb;
    QImage result(size.width, size.height, QImage::Format_RGB888);
    if (result.isNull())
        return {}; // allocation failed
    const cv::Mat source(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                         size_t(rgb.bytesPerLine()));
    cv::Mat target(size.height, size.width, CV_8UC3, result.bits(), size_t(result.bytesPerLine()));
    cv::resize(source, target, size, 0, 0, cv::INTER_AREA);
    return result;
}

} // namespace

QImage Thumbnailer::fitted(const QImage &rgb, QSize maxSize)
{
    if (rgb.isNull() || maxSize.isEmpty())
        return {};
    return fittedRgb(rgb.format() == QImage::Format_RGB888 ? rgb : rgb.convertToFormat(QImage::Format_RGB888),
                     maxSize);
}

QImage Thumbnailer::make(const QString &mediaPath, MediaType type, QSize maxSize, QString *error)
{
    if (maxSize.width() <= 0 || maxSize.height() <= 0) {
        if (error)
            *error = QCoreApplication::translate("sl::Thumbnailer", "invalid thumbnail size %1x%2")
                         .arg(maxSize.width())
                         .arg(maxSize.height());
        return {};
    }
    try {
        if (type == MediaType::Photo) {
            QString message;
            const QImage full = PhotoReader::read(mediaPath, &message);
            if (full.isNull()) {
                if (error)
                    *error = message;
                return {};
            }
            return fittedRgb(full, maxSize);
        }

        FrameSource source;
        QString message;
        if (!source.open(mediaPath, MediaType::Video, &message)) {
            if (error)
                *error = message;
            return {};
        }
        // 10% of the readable part: a cut-short file still gets a thumbnail.
        const QImage frame = source.frame(source.frameIndexAt(kVideoPosition * source.index().readableEnd()));
        if (frame.isNull()) {
            if (error)
                *error = source.lastError();
            return {};
        }
        return fittedRgb(frame, maxSize);
    } catch (const std::exception &e) {
        if (error)
            *error = MediaFile::describe(
                mediaPath, SystemError::describe(
                               e, QCoreApplication::translate("sl::Thumbnailer", "the thumbnail could not be made")));
        return {};
    }
}

} // namespace sl
