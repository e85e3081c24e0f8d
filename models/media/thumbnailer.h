#pragma once

#include "capture/capturemanifest.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace sl {

// Makes gallery thumbnails with OpenCV. Thread-safe (no shared state): call it
// from worker threads, never the GUI thread.
class Thumbnailer
{
public:
    // A photo scaled to fit `maxSize`, or a video's frame at 10% of its length.
    // Null image with *error set when the media cannot be decoded.
    static QImage make(const QString &mediaPath, MediaType type, QSize maxSize, QString *error = nullptr);
    // An RGB888 image scaled to fit `maxSize` (aspect kept, never enlarged),
    // area-averaged; null when the result cannot be allocated.
    static QImage fitted(const QImage &rgb, QSize maxSize);
};

} // namespace sl
