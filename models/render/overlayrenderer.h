#pragma once

#include "capture/capturemanifest.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <vector>

class QPainter;

namespace sl {

// What one paint drew, and why world markup was not drawn when it was not.
struct OverlayResult
{
    int worldMarkupsDrawn = 0;
    int imageMarkupsDrawn = 0;
    QString notice; // user-facing, e.g. "No camera pose in this capture: 3D markup is not shown."
};

// The one renderer of markup: the GUI's photo and video views and the CLI's
// export-frame all paint through it, so what is exported is what is seen.
class OverlayRenderer
{
public:
    // Paints into `painter`, whose coordinates are the decoded media's pixels
    // (0..frameSize). World markup goes through the pose at `seconds` and the
    // intrinsics scaled to frameSize; image markup shows within its time range.
    // `worldMarkups` are the spatial frame's world markups (they include the
    // capture's own); `frame` is the pixels under the overlay, used by blur.
    static OverlayResult paint(QPainter &painter, const CaptureManifest &manifest,
                               const std::vector<Markup> &worldMarkups, QSize frameSize,
                               double seconds, const QImage &frame = {});
    // The same with the capture's pose track made beforehand (manifest.poseTrack()):
    // for views that paint many frames of one capture.
    static OverlayResult paint(QPainter &painter, const CaptureManifest &manifest, const PoseTrack &poses,
                               const std::vector<Markup> &worldMarkups, QSize frameSize,
                               double seconds, const QImage &frame = {});

    // Convenience: a copy of `frame` with every visible markup burned in.
    static QImage burnIn(const QImage &frame, const CaptureManifest &manifest,
                         const std::vector<Markup> &worldMarkups, double seconds,
                         OverlayResult *result = nullptr);
};

} // namespace sl
