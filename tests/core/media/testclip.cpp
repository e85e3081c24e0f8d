#include "testclip.h"

#include <QFile>
#include <QProcess>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace sl::test {

namespace {

constexpr int kBits = 8;

} // namespace

cv::Mat TestClip::frame(int index, cv::Size size)
{
    cv::Mat image(size, CV_8UC3);
    // Background: a diagonal gradient that moves with the frame number.
    for (int y = 0; y < size.height; ++y) {
        auto *row = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < size.width; ++x) {
            const int v = (x + 2 * y + 3 * index) & 255;
            row[x] = cv::Vec3b(uchar(v / 2 + 40), uchar(96), uchar(255 - v / 2));
        }
    }
    // A pure red block top left (channel order checks).
    cv::rectangle(image, cv::Rect(0, 0, size.width / 8, size.height / 8), cv::Scalar(0, 0, 255), cv::FILLED);
    // The number as bars across the middle third.
    const int band = size.width / kBits;
    for (int bit = 0; bit < kBits; ++bit) {
        const bool on = (index >> (kBits - 1 - bit)) & 1;
        cv::rectangle(image, cv::Rect(bit * band, size.height / 3, band, size.height / 3),
                      on ? cv::Scalar(255, 255, 255) : cv::Scalar(0, 0, 0), cv::FILLED);
    }
    return image;
}

int TestClip::numberOf(const QImage &frame)
{
    if (frame.isNull())
        return -1;
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    const int band = rgb.width() / kBits;
    const int y = rgb.height() / 2;
    int number = 0;
    for (int bit = 0; bit < kBits; ++bit) {
        const QColor c = rgb.pixelColor(bit * band + band / 2, y);
        const int grey = (c.red() + c.green() + c.blue()) / 3;
        if (grey > 90 && grey < 165)
            return -1; // neither black nor white: not a bar
        number = number * 2 + (grey >= 165 ? 1 : 0);
    }
    return number;
}

bool TestClip::write(const QString &path, int frames, double fps, cv::Size size, Encoder encoder,
                     QString *error)
{
    if (encoder == Encoder::OpenCv) {
        cv::VideoWriter writer(QFile::encodeName(path).toStdString(), cv::CAP_FFMPEG,
                               cv::VideoWriter::fourcc('a', 'v', 'c', '1'), fps, size, true);
        if (!writer.isOpened()) {
            *error = QStringLiteral("OpenCV cannot open the avc1 encoder");
            return false;
        }
        for (int i = 0; i < frames; ++i)
            writer.write(frame(i, size));
        return true;
    }

    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-v"),
                                            QStringLiteral("error"),
                                            QStringLiteral("-y"),
                                            QStringLiteral("-f"),
                                            QStringLiteral("rawvideo"),
                                            QStringLiteral("-pix_fmt"),
                                            QStringLiteral("bgr24"),
                                            QStringLiteral("-s"),
                                            QStringLiteral("%1x%2").arg(size.width).arg(size.height),
                                            QStringLiteral("-r"),
                                            QString::number(fps),
                                            QStringLiteral("-i"),
                                            QStringLiteral("-"),
                                            QStringLiteral("-c:v"),
                                            QStringLiteral("libx264"),
                                            QStringLiteral("-g"),
                                            QStringLiteral("60"),
                                            QStringLiteral("-bf"),
                                            QStringLiteral("3"),
                                            QStringLiteral("-pix_fmt"),
                                            QStringLiteral("yuv420p"),
                                            path});
    if (!ffmpeg.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start ffmpeg: ") + ffmpeg.errorString();
        return false;
    }
    for (int i = 0; i < frames; ++i) {
        const cv::Mat image = frame(i, size);
        ffmpeg.write(reinterpret_cast<const char *>(image.data), qint64(image.total() * image.elemSize()));
        ffmpeg.waitForBytesWritten(-1);
    }
    ffmpeg.closeWriteChannel();
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0) {
        *error = QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(ffmpeg.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace sl::test
