#include "media/photoreader.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "common/systemerror.h"
#include "media/mediafile.h"

#include <QImageReader>

#include <new>

namespace sl {

namespace {

// Qt's allocation limit (megabytes) for one decoded image: the largest image
// the limits allow at 8 bytes a pixel (16-bit RGBA, the widest Qt decodes to).
constexpr int kAllocationLimitMb = int((limits::kImagePixels * 8 + (1 << 20) - 1) >> 20);

bool fail(QString *error, const QString &path, const QString &reason)
{
    if (error)
        *error = MediaFile::describe(path, reason);
    return false;
}

} // namespace

QImage PhotoReader::read(const QString &path, QString *error)
{
    if (!MediaFile::checkReadable(path, error))
        return {};
    const auto undecodable = [&]() {
        fail(error, path,
             MediaFile::looksLikeVideo(path)
                 ? tr("the file is a video, not a photo")
                 : tr("cannot be decoded as a photo (corrupt or unsupported format)"));
        return QImage();
    };

    QImageReader reader(path);
    reader.setDecideFormatFromContent(true); // a PNG named .jpg is still a PNG
    reader.setAutoTransform(true);           // EXIF orientation
    reader.setAllocationLimit(kAllocationLimitMb);
    if (!reader.canRead())
        return undecodable();

    // The header's size, before a single pixel is decoded.
    const QSize declared = reader.size();
    if (declared.isValid() && !MediaFile::checkImageSize(path, declared, MediaFile::Kind::Photo, error))
        return {};

    QImage image;
    try {
        image = reader.read();
    } catch (const std::bad_alloc &) {
        fail(error, path, SystemError::notEnoughMemory());
        return {};
    }
    if (image.isNull()) {
        qCDebug(lcMedia) << "cannot decode" << path << reader.errorString();
        // A valid size within the limits that still gives no image: memory, if
        // an image of that size cannot be had; else the data is bad.
        if (declared.isValid() && QImage(declared, QImage::Format_RGB32).isNull()) {
            fail(error, path, SystemError::notEnoughMemory());
            return {};
        }
        return undecodable();
    }
    if (!MediaFile::checkImageSize(path, image.size(), MediaFile::Kind::Photo, error))
        return {};
    if (image.format() != QImage::Format_RGB888) {
        image = image.convertToFormat(QImage::Format_RGB888);
        if (image.isNull()) {
            fail(error, path, SystemError::notEnoughMemory());
            return {};
        }
    }
    return image;
}

} // namespace sl
