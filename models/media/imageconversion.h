#pragma once

#include <QImage>

#include <opencv2/core.hpp>

namespace sl {

// Conversions between OpenCV matrices (BGR channel order, as OpenCV decodes)
// and QImage. Every function copies: the result never aliases its input.
class ImageConversion
{
public:
    // An 8-bit BGR, BGRA or grey cv::Mat -> QImage::Format_RGB888. Null on an
    // empty or unsupported matrix.
    static QImage toQImage(const cv::Mat &mat);
    // Any QImage -> 8-bit 3-channel BGR cv::Mat (alpha is dropped).
    static cv::Mat toBgrMat(const QImage &image);
};

} // namespace sl
