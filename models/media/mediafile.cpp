#include "media/mediafile.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

namespace sl {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sl::MediaFile", text);
}

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
            *error = tr("no media file given");
        return false;
    }
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("media file not found"));
    if (!info.isFile())
        return fail(tr("not a regular file"));
    if (!info.isReadable())
        return fail(tr("media file is not readable (permission denied)"));
    if (info.size() == 0)
        return fail(tr("media file is empty"));
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

cv::Mat MediaFile::decodePhoto(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = describe(path, tr("cannot open: %1").arg(file.errorString()));
        return {};
    }
    // Reading the bytes ourselves keeps any path encoding out of OpenCV's way
    // and tells an unreadable file from an undecodable one.
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty()) {
        if (error)
            *error = describe(path, tr("media file is empty"));
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
            *error = describe(path, tr("not a photo that can be decoded (corrupt or unsupported format)"));
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
    try {
        opened = capture.open(native, cv::CAP_FFMPEG);
        if (!opened)
            opened = capture.open(native, cv::CAP_ANY);
    } catch (const cv::Exception &e) {
        qCWarning(lcMedia) << "VideoCapture::open threw for" << path << e.what();
        opened = false;
    }
    if (!opened) {
        capture.release();
        if (error)
            *error = describe(path, tr("not a video that can be decoded (corrupt or unsupported format)"));
        return false;
    }
    qCDebug(lcMedia) << "opened" << path << "with" << QString::fromStdString(capture.getBackendName());
    return true;
}

} // namespace sl
