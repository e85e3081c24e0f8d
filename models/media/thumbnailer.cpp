#include "media/thumbnailer.h"

#include "media/framedecoder.h"
#include "media/imageconversion.h"
#include "media/mediafile.h"

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

// Scales a BGR image to fit `maxSize`, area-averaging as it shrinks.
QImage fittedBgr(const cv::Mat &bgr, QSize maxSize)
{
    const cv::Size size = fittedSize(bgr.size(), maxSize);
    if (size == bgr.size())
        return ImageConversion::toQImage(bgr);
    cv::Mat small;
    cv::resize(bgr, small, size, 0, 0, cv::INTER_AREA);
    return ImageConversion::toQImage(small);
}

// The same for an RGB888 frame, resized straight into the result's rows.
QImage fittedRgb(const QImage &rgb, QSize maxSize)
{
    const cv::Size size = fittedSize({rgb.width(), rgb.height()}, maxSize);
    if (size.width == rgb.width() && size.height == rgb.height())
        return rgb;
    QImage result(size.width, size.height, QImage::Format_RGB888);
    const cv::Mat source(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                         size_t(rgb.bytesPerLine()));
    cv::Mat target(size.height, size.width, CV_8UC3, result.bits(), size_t(result.bytesPerLine()));
    cv::resize(source, target, size, 0, 0, cv::INTER_AREA);
    return result;
}

} // namespace

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
            cv::Mat full = MediaFile::decodePhoto(mediaPath, &message);
            if (full.empty()) {
                if (error)
                    *error = message;
                return {};
            }
            return fittedBgr(full, maxSize);
        }

        FrameDecoder decoder;
        QString message;
        if (!decoder.open(mediaPath, MediaType::Video, &message)) {
            if (error)
                *error = message;
            return {};
        }
        // Opened as a video: fps() is positive.
        const QImage frame = decoder.frameAt(kVideoPosition * (decoder.frameCount() / decoder.fps()));
        if (frame.isNull()) {
            if (error)
                *error = decoder.lastError();
            return {};
        }
        return fittedRgb(frame, maxSize);
    } catch (const cv::Exception &e) {
        if (error)
            *error = MediaFile::describe(mediaPath, QString::fromUtf8(e.what()).simplified());
        return {};
    }
}

} // namespace sl
