#include "testclip.h"

#include <QFile>
#include <QProcess>
#include <QTransform>

#include <algorithm>

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

    Spec spec;
    spec.frames = frames;
    spec.fps = fps;
    spec.size = size;
    return write(path, spec, error);
}

bool TestClip::write(const QString &path, const Spec &spec, QString *error)
{
    QStringList args = {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                        QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                        QStringLiteral("bgr24"), QStringLiteral("-s"),
                        QStringLiteral("%1x%2").arg(spec.size.width).arg(spec.size.height), QStringLiteral("-r"),
                        QString::number(spec.fps), QStringLiteral("-i"), QStringLiteral("-")};
    if (spec.variableRate) {
        // Each frame's time in nominal frames: N plus up to 0.6 of jitter,
        // and one more per frame past 60 (half the rate from there).
        args << QStringLiteral("-vf")
             << QStringLiteral("settb=1/90000,setpts='(N+0.6*mod(N*N,5)/5+gt(N,60)*(N-60))/(%1*TB)'")
                    .arg(spec.fps)
             << QStringLiteral("-fps_mode") << QStringLiteral("passthrough")
             // The encoder keeps the fine time base (else it rounds to 1/fps).
             << QStringLiteral("-enc_time_base:v") << QStringLiteral("1/90000");
    }
    args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-g")
         << QString::number(spec.keyframeInterval) << QStringLiteral("-keyint_min")
         << QString::number(std::min(spec.keyframeInterval, 25)) << QStringLiteral("-bf")
         << QString::number(spec.bFrames) << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p");
    if (!path.endsWith(QLatin1String(".ts"))) // MPEG-TS counts in 90 kHz anyway
        args << QStringLiteral("-video_track_timescale") << QStringLiteral("90000");
    // ffmpeg 5.1 writes the rotation only when copying a stream: encode
    // first, then copy with the display matrix.
    const QString encoded = spec.rotation != 0 ? path + QLatin1String(".unrotated.mp4") : path;
    args << encoded;

    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), args);
    if (!ffmpeg.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start ffmpeg: ") + ffmpeg.errorString();
        return false;
    }
    for (int i = 0; i < spec.frames; ++i) {
        const cv::Mat image = frame(i, spec.size);
        ffmpeg.write(reinterpret_cast<const char *>(image.data), qint64(image.total() * image.elemSize()));
        ffmpeg.waitForBytesWritten(-1);
    }
    ffmpeg.closeWriteChannel();
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0) {
        *error = QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(ffmpeg.readAllStandardError());
        return false;
    }
    if (spec.rotation == 0)
        return true;
    QProcess copy;
    copy.start(QStringLiteral("ffmpeg"),
               {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"), encoded,
                QStringLiteral("-c"), QStringLiteral("copy"), QStringLiteral("-metadata:s:v:0"),
                // ffmpeg 5.1 reads this tag as counter-clockwise degrees.
                QStringLiteral("rotate=%1").arg((360 - spec.rotation) % 360), path});
    if (!copy.waitForFinished(60000) || copy.exitCode() != 0) {
        *error = QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(copy.readAllStandardError());
        return false;
    }
    QFile::remove(encoded);
    return true;
}

int TestClip::numberOfTurned(const QImage &frame, int clockwise)
{
    if (frame.isNull())
        return -1;
    return numberOf(clockwise == 0 ? frame : frame.transformed(QTransform().rotate(-clockwise)));
}

std::vector<double> TestClip::probeTimes(const QString &path, QString *error)
{
    QProcess probe;
    probe.start(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                 QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("frame=pts_time"),
                 QStringLiteral("-of"), QStringLiteral("csv=p=0"), path});
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0) {
        *error = QStringLiteral("ffprobe failed: ") + QString::fromUtf8(probe.readAllStandardError());
        return {};
    }
    std::vector<double> times;
    for (const QByteArray &line : probe.readAllStandardOutput().split('\n')) {
        bool ok = false;
        const double t = line.split(',').first().trimmed().toDouble(&ok); // "0.000000," when a frame has side data
        if (ok)
            times.push_back(t);
    }
    std::sort(times.begin(), times.end());
    if (times.empty()) {
        *error = QStringLiteral("ffprobe found no frames in ") + path;
        return {};
    }
    const double first = times.front();
    for (double &t : times)
        t -= first;
    return times;
}

int TestClip::frameShownAt(const std::vector<double> &times, double seconds)
{
    const auto after = std::upper_bound(times.begin(), times.end(), seconds);
    return std::max(0, int(after - times.begin()) - 1);
}

QImage TestClip::ffmpegFrame(const QString &path, int index, QString *error)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path, QStringLiteral("-vf"),
                  QStringLiteral("select=eq(n\\,%1)").arg(index), QStringLiteral("-fps_mode"),
                  QStringLiteral("passthrough"), QStringLiteral("-frames:v"), QStringLiteral("1"),
                  QStringLiteral("-f"), QStringLiteral("image2pipe"), QStringLiteral("-c:v"), QStringLiteral("png"),
                  QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0) {
        *error = QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(ffmpeg.readAllStandardError());
        return {};
    }
    QImage image = QImage::fromData(ffmpeg.readAllStandardOutput(), "PNG");
    if (image.isNull())
        *error = QStringLiteral("ffmpeg gave no frame %1 of %2").arg(index).arg(path);
    return image.convertToFormat(QImage::Format_RGB888);
}

} // namespace sl::test
