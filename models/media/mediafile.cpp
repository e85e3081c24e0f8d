#include "media/mediafile.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio/registry.hpp>

namespace sl {

namespace {

std::string nativePath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace

QString MediaFile::describe(const QString &path, const QString &reason)
{
    return QFileInfo(path).fileName() % QLatin1String(": ") % reason;
}

bool MediaFile::checkReadable(const QString &path, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = describe(path, reason);
        return false;
    };
    if (path.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("sl::MediaFile", "no media file given");
        return false;
    }
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QCoreApplication::translate("sl::MediaFile", "media file not found"));
    if (!info.isFile())
        return fail(QCoreApplication::translate("sl::MediaFile", "not a regular file"));
    if (!info.isReadable())
        return fail(
            QCoreApplication::translate("sl::MediaFile", "media file is not readable (permission denied)"));
    if (info.size() == 0)
        return fail(QCoreApplication::translate("sl::MediaFile", "media file is empty"));
    return true;
}

bool MediaFile::looksLikeImage(const QString &path)
{
    try {
        return cv::haveImageReader(nativePath(path));
    } catch (const cv::Exception &e) {
        qCDebug(lcMedia) << "haveImageReader failed for" << path << e.what();
        return false;
    }
}

bool MediaFile::hasPhotoExtension(const QString &path)
{
    static const QStringList photos = {
        QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"),
        QStringLiteral("bmp"),  QStringLiteral("tif"),  QStringLiteral("tiff"),
        QStringLiteral("webp"), QStringLiteral("heic"), QStringLiteral("heif")};
    return photos.contains(QFileInfo(path).suffix().toLower());
}

cv::Mat MediaFile::decodePhoto(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = describe(
                path,
                QCoreApplication::translate("sl::MediaFile", "cannot open: %1").arg(file.errorString()));
        return {};
    }
    // Reading the bytes ourselves keeps any path encoding out of OpenCV's way
    // and tells an unreadable file from an undecodable one.
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty()) {
        if (error)
            *error = describe(path, QCoreApplication::translate("sl::MediaFile", "media file is empty"));
        return {};
    }
    cv::Mat image;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char *>(bytes.constData()));
        image = cv::imdecode(buffer, cv::IMREAD_COLOR);
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << "imdecode threw for" << path << e.what();
        image.release();
    }
    if (image.empty() || image.cols <= 0 || image.rows <= 0) {
        if (error)
            *error = describe(
                path, QCoreApplication::translate(
                          "sl::MediaFile", "cannot be decoded as a photo (corrupt or unsupported format)"));
        return {};
    }
    return image;
}

bool MediaFile::openVideo(const QString &path, cv::VideoCapture &capture, QString *error)
{
    if (!checkReadable(path, error))
        return false;
    const std::string native = nativePath(path);
    bool opened = false;
    // FFmpeg seeks frame-exactly; another backend only where OpenCV has none.
    const int backend = cv::videoio_registry::hasBackend(cv::CAP_FFMPEG) ? cv::CAP_FFMPEG : cv::CAP_ANY;
    try {
        opened = capture.open(native, backend);
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << "VideoCapture::open threw for" << path << e.what();
        opened = false;
    }
    if (!opened) {
        capture.release();
        if (error)
            *error = describe(
                path, QCoreApplication::translate(
                          "sl::MediaFile", "cannot be decoded as a video (corrupt or unsupported format)"));
        return false;
    }
    qCDebug(lcMedia) << "opened" << path << "with" << QString::fromStdString(capture.getBackendName());
    return true;
}

} // namespace sl
