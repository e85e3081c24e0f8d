#include "media/imageconversion.h"

#include <opencv2/imgproc.hpp>

namespace sl {

QImage ImageConversion::toQImage(const cv::Mat &mat)
{
    if (mat.empty() || mat.depth() != CV_8U)
        return {};
    QImage image(mat.cols, mat.rows, QImage::Format_RGB888);
    if (image.isNull())
        return {}; // allocation failed
    // Write straight into the QImage's rows: one conversion, no extra copy.
    cv::Mat target(mat.rows, mat.cols, CV_8UC3, image.bits(), size_t(image.bytesPerLine()));
    switch (mat.channels()) {
    case 1:
        cv::cvtColor(mat, target, cv::COLOR_GRAY2RGB);
        break;
    case 3:
        cv::cvtColor(mat, target, cv::COLOR_BGR2RGB);
        break;
    case 4:
        cv::cvtColor(mat, target, cv::COLOR_BGRA2RGB);
        break;
    default:
        return {};
    }
    return image;
}

cv::Mat ImageConversion::toBgrMat(const QImage &image)
{
    if (image.isNull())
        return {};
    const QImage rgb =
        image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                       size_t(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

} // namespace sl
