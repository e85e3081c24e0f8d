#include "media/photoreader.h"

#include "common/inputlimits.h"
#include "common/logging.h"
#include "common/systemerror.h"
#include "media/mediafile.h"

#include <QFile>
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

// Whether a JPEG holds its whole image: an end-of-image marker after the
// first start of scan. libjpeg, under Qt, fills what a cut file lacks with
// grey and decodes it without an error. The markers before the scan are
// walked by their lengths (an EXIF thumbnail's own end marker lies inside
// them); in the scan's data a 0xFF byte is always followed by 0x00 or a
// marker, so the first FF D9 after it is the image's end. Bytes after that
// (a camera's trailer) do not matter.
bool jpegIsWhole(const QByteArray &data)
{
    const auto byte = [&data](qsizetype i) { return uchar(data[i]); };
    qsizetype i = 2; // after SOI (FF D8)
    while (i + 4 <= data.size()) {
        if (byte(i) != 0xFF)
            return false; // not a marker where one is due: broken, and the decoder says so
        const uchar marker = byte(i + 1);
        if (marker == 0xFF) { // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD9)
            return true; // an end before any scan (no image: the decoder says so)
        const qsizetype length = (qsizetype(byte(i + 2)) << 8) | byte(i + 3);
        if (marker == 0xDA) // start of scan: its header, then the data
            return data.indexOf(QByteArrayView("\xff\xd9", 2), i + 2 + length) >= 0;
        i += 2 + length;
    }
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, path, file.errorString());
        return {};
    }
    if (file.peek(3) == QByteArrayView("\xff\xd8\xff", 3)) { // a JPEG, whatever its name
        // Most end with their end marker: two bytes read, not the file again.
        // (A file cut just after an EXIF thumbnail's end holds no scan, and
        // did not decode above.)
        const bool endsWithItsEnd = file.seek(file.size() - 2) && file.read(2) == QByteArrayView("\xff\xd9", 2);
        if (!endsWithItsEnd && (!file.seek(0) || !jpegIsWhole(file.readAll()))) {
            fail(error, path, tr("the JPEG ends before its image does (the file is cut short)"));
            return {};
        }
    }
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
