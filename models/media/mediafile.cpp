#include "media/mediafile.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "common/systemerror.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QStringBuilder>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace sl {

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
    if (info.isDir())
        return fail(QCoreApplication::translate("sl::MediaFile", "is a folder, not a media file"));
    if (!info.isFile())
        return fail(QCoreApplication::translate("sl::MediaFile",
                                                "not a regular file (a FIFO, device or socket)"));
    // Opening for real tells the cause (permission, I/O error) the way the
    // decoders will meet it; access() would say yes to root.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fail(QCoreApplication::translate("sl::MediaFile", "media file cannot be read: %1")
                        .arg(SystemError::describe(errno)));
    ::close(fd);
    if (info.size() == 0)
        return fail(QCoreApplication::translate("sl::MediaFile", "media file is empty"));
    return true;
}

bool MediaFile::checkImageSize(const QString &path, QSize size, Kind kind, QString *error)
{
    const qint64 area = qint64(size.width()) * size.height();
    if (size.width() <= limits::kImageSide && size.height() <= limits::kImageSide && area <= limits::kImagePixels)
        return true;
    if (error) {
        const QString what =
            kind == Kind::Photo
                ? QCoreApplication::translate("sl::MediaFile", "the image is %1 x %2 pixels")
                : QCoreApplication::translate("sl::MediaFile", "the video's frames are %1 x %2 pixels");
        *error = describe(path, what.arg(size.width()).arg(size.height()) % QLatin1String("; ") %
                                    QCoreApplication::translate("sl::MediaFile",
                                                                "the limit is %1 per side and %2 megapixels")
                                        .arg(limits::kImageSide)
                                        .arg(limits::kImagePixels / 1'000'000));
    }
    return false;
}

bool MediaFile::looksLikeImage(const QString &path)
{
    // By its first bytes, whatever its name says, with the readers that
    // PhotoReader decodes with: what is called a photo here can be read.
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    return reader.canRead();
}

bool MediaFile::hasPhotoExtension(const QString &path)
{
    static const QStringList photos = {
        QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"),
        QStringLiteral("bmp"),  QStringLiteral("tif"),  QStringLiteral("tiff"),
        QStringLiteral("webp"), QStringLiteral("heic"), QStringLiteral("heif")};
    return photos.contains(QFileInfo(path).suffix().toLower());
}

bool MediaFile::looksLikeVideo(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(192);
    const auto at = [&](int offset, QByteArrayView magic) { return head.mid(offset, magic.size()) == magic; };
    const bool isoMedia = at(4, "ftyp") || at(4, "moov") || at(4, "mdat") || at(4, "wide") || at(4, "free");
    const bool riffAvi = at(0, "RIFF") && at(8, "AVI ");
    const bool matroska = at(0, QByteArrayView("\x1a\x45\xdf\xa3", 4));
    const bool mpegTs = head.size() > 188 && head.at(0) == 0x47 && head.at(188) == 0x47;
    const bool mpegPs = at(0, QByteArrayView("\x00\x00\x01\xba", 4));
    return isoMedia || riffAvi || matroska || mpegTs || mpegPs || at(0, QByteArrayView("FLV\x01", 4));
}

} // namespace sl
