#pragma once

#include <QString>

namespace sl {

// What a media file holds, read by actually decoding its first frame.
struct MediaInfo
{
    bool ok = false;
    QString error;        // why it cannot be used, when !ok
    int width = 0;        // decoded pixels
    int height = 0;
    double fps = 0;       // videos only
    int frameCount = 0;   // videos only (container's count)
    double duration = 0;  // seconds; 0 for a photo
};

class MediaProbe
{
public:
    static MediaInfo probePhoto(const QString &path);
    static MediaInfo probeVideo(const QString &path);
};

} // namespace sl
