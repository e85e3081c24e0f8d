#pragma once

#include "capture/capturemanifest.h"
#include "render/overlayfilter.h"

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
    QString notice; // user-facing, e.g. "This capture has no camera poses: its 2 world markups cannot be placed."
    int edgeIndicators = 0; // arrows drawn toward world markup out of the picture
};

// What a view adds to the markup it paints; exports use the defaults (all
// markup, no indicators), so a burned-in frame shows what the camera saw.
struct OverlayOptions
{
    OverlayFilter filter; // the legend's toggles
    bool edgeIndicators = false; // arrows at the edge toward world markup out of the picture
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
                               double seconds, const QImage &frame = {}, const OverlayOptions &options = {});

    // Convenience: a copy of `frame` with every visible markup burned in.
    static QImage burnIn(const QImage &frame, const CaptureManifest &manifest,
                         const std::vector<Markup> &worldMarkups, double seconds,
                         OverlayResult *result = nullptr);
};

} // namespace sl
