#pragma once

#include <QString>

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

namespace sl {

// The checks and OpenCV calls shared by MediaProbe, FrameDecoder and
// Thumbnailer, each failing with a one-line, user-facing reason that names
// the file.
class MediaFile
{
public:
    // The file exists, is a regular readable file and is not empty.
    static bool checkReadable(const QString &path, QString *error);
    // Whether OpenCV recognises the file as a still image by its signature.
    static bool looksLikeImage(const QString &path);
    // Whether the name ends like a still image (.jpg, .png, .heic ...).
    static bool hasPhotoExtension(const QString &path);
    // Decodes a still image (8-bit BGR, EXIF orientation applied).
    static cv::Mat decodePhoto(const QString &path, QString *error);
    // Opens a video with OpenCV's FFmpeg backend (frame-exact seeking); any
    // backend only when OpenCV was built without FFmpeg.
    static bool openVideo(const QString &path, cv::VideoCapture &capture, QString *error);

    // "<file name>: <reason>", the form every media error takes.
    static QString describe(const QString &path, const QString &reason);
};

} // namespace sl
