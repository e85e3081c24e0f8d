#include "media/rgbconverter.h"

#include <opencv2/core.hpp>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace sl {

namespace {

// Older files name the full-range JPEG formats instead of a colour range.
AVPixelFormat withoutJpegRange(AVPixelFormat format)
{
    switch (format) {
    case AV_PIX_FMT_YUVJ420P:
        return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
        return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
        return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
        return AV_PIX_FMT_YUV440P;
    default:
        return format;
    }
}

bool isJpegRange(AVPixelFormat format)
{
    return withoutJpegRange(format) != format;
}

} // namespace

bool RgbConverter::writeRgb(const AVFrame *frame, uchar *rows, int stride)
{
    const auto source = AVPixelFormat(frame->format);
    // Same size in and out: the filter only matters for chroma upsampling;
    // bilinear is what ffmpeg's own conversion to rgb24 uses by default.
    m_scaler.reset(sws_getCachedContext(m_scaler.release(), frame->width, frame->height,
                                        withoutJpegRange(source), frame->width, frame->height,
                                        AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!m_scaler)
        return false;
    // The frame's own colour matrix and range (BT.709 for HD phone video),
    // where swscale would otherwise assume BT.601 limited range.
    const int space = frame->colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : int(frame->colorspace);
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG || isJpegRange(source);
    const int *coefficients = sws_getCoefficients(space);
    sws_setColorspaceDetails(m_scaler.get(), coefficients, fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT),
                             1, 0, 1 << 16, 1 << 16);
    uint8_t *targets[4] = {rows, nullptr, nullptr, nullptr};
    const int strides[4] = {stride, 0, 0, 0};
    return sws_scale(m_scaler.get(), frame->data, frame->linesize, 0, frame->height, targets, strides) ==
           frame->height;
}

QImage RgbConverter::convert(const AVFrame *frame, int clockwise, QImage reuse)
{
    const bool sideways = clockwise == 90 || clockwise == 270;
    const QSize size = sideways ? QSize(frame->height, frame->width) : QSize(frame->width, frame->height);
    const auto output = [&] {
        if (reuse.isDetached() && reuse.size() == size && reuse.format() == QImage::Format_RGB888)
            return std::move(reuse);
        return QImage(size, QImage::Format_RGB888);
    };
    if (clockwise == 0) {
        QImage image = output();
        if (image.isNull() || !writeRgb(frame, image.bits(), int(image.bytesPerLine())))
            return {};
        return image;
    }
    if (m_unrotated.size() != QSize(frame->width, frame->height))
        m_unrotated = QImage(frame->width, frame->height, QImage::Format_RGB888);
    if (m_unrotated.isNull() || !writeRgb(frame, m_unrotated.bits(), int(m_unrotated.bytesPerLine())))
        return {};
    QImage image = output();
    if (image.isNull())
        return {};
    const cv::Mat source(m_unrotated.height(), m_unrotated.width(), CV_8UC3, m_unrotated.bits(),
                         size_t(m_unrotated.bytesPerLine()));
    cv::Mat target(image.height(), image.width(), CV_8UC3, image.bits(), size_t(image.bytesPerLine()));
    const int code = clockwise == 90 ? cv::ROTATE_90_CLOCKWISE
                     : clockwise == 180 ? cv::ROTATE_180
                                        : cv::ROTATE_90_COUNTERCLOCKWISE;
    cv::rotate(source, target, code);
    return image;
}

} // namespace sl
