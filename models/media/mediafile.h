#pragma once

#include <QSize>
#include <QString>

namespace sl {

// The checks shared by MediaProbe, FrameSource, VideoHeader and
// Thumbnailer, each failing with a one-line, user-facing reason that names
// the file.
class MediaFile
{
public:
    enum class Kind { Photo, Video };

    // The file exists, is a regular readable file and is not empty.
    static bool checkReadable(const QString &path, QString *error);
    // A decoded picture of `size` stays within the limits (each side and the
    // area, common/inputlimits.h); checked from headers, before decoding.
    static bool checkImageSize(const QString &path, QSize size, Kind kind, QString *error);
    // Whether the file is a still image by its first bytes (Qt's image
    // readers, which PhotoReader decodes with), whatever its name says.
    static bool looksLikeImage(const QString &path);
    // Whether the file starts like a video container (MP4/MOV, Matroska/WebM,
    // AVI, MPEG-TS/PS, FLV): for saying what a file is when it is not a photo.
    static bool looksLikeVideo(const QString &path);
    // Whether the name ends like a still image (.jpg, .png, .heic ...).
    static bool hasPhotoExtension(const QString &path);

    // "<file name>: <reason>", the form every media error takes.
    static QString describe(const QString &path, const QString &reason);
};

} // namespace sl
