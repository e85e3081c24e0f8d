#pragma once

#include <QString>

#include <optional>

namespace sl {

// The CLI's export-frame: the frame of a capture at a time, at its full
// decoded size, with all its markup burned in by OverlayRenderer.
class FrameExporter
{
public:
    // `seconds` absent: the first frame (a photo ignores it). Writes a PNG.
    // False with *error set to a one-line reason.
    static bool exportFrame(const QString &manifestPath, std::optional<double> seconds, const QString &outPath,
                            QString *error = nullptr);
};

} // namespace sl
