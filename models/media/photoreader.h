#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace sl {

// Decodes still images with Qt's image plugins. The size is read from the
// file's header and checked against the limits (common/inputlimits.h) before
// any pixel is decoded, Qt's allocation limit guards files whose header gives
// no size, and EXIF orientation is applied. The decoders' own messages
// (libjpeg's "Corrupt JPEG data", libpng's warnings) go through Qt's logging,
// never straight onto the terminal.
class PhotoReader
{
    Q_DECLARE_TR_FUNCTIONS(PhotoReader)
  public:
    // The photo as RGB888, upright; null with *error set to a one-line reason
    // naming the file ("photo.jpg: the image is 30000 x 30000 pixels; ...").
    static QImage read(const QString &path, QString *error);
};

} // namespace sl
