#pragma once

#include "capture/capturemanifest.h"
#include "render/edgeindicator.h"
#include "render/overlayfilter.h"
#include "render/plannedshape.h"

#include <QRect>
#include <QSize>
#include <QString>

#include <vector>

namespace sl {

class PoseTrack;

// What one frame's markup comes to in pixels, before anything is drawn:
// redaction rectangles (blurred, pixelated), then the shapes in drawing order (world markup
// through the camera, then image markup), each already projected, cut to
// the frame and simplified to its resolution.
struct MarkupPlan
{
    std::vector<QRect> redactions;  // blurred; whole painter pixels, inside the frame
    std::vector<QRect> pixelations; // pixelated redactions, the same
    std::vector<PlannedShape> shapes;
    int worldMarkupsDrawn = 0;
    int imageMarkupsDrawn = 0;
    QString notice; // why world markup is not drawn, when it is not
    // World markup (shown by the filter) of which nothing lands in the frame:
    // where an arrow at the edge points to it (EdgeIndicator::toward of the
    // mean of its points).
    std::vector<EdgeIndicator> edgeIndicators;

    // `withText`: whether labels can be drawn (fonts need a QGuiApplication).
    // Markup `filter` hides is left out entirely (redactions never are).
    static MarkupPlan make(const CaptureManifest &manifest, const PoseTrack &poses,
                           const std::vector<Markup> &worldMarkups, QSize frameSize, double seconds,
                           bool withText, const OverlayFilter &filter = {});
};

} // namespace sl
