#pragma once

#include "capture/capturemanifest.h"
#include "render/overlayfilter.h"

#include <QPointF>
#include <QPolygonF>
#include <QSize>
#include <QTransform>

#include <optional>
#include <vector>

namespace sl {

class PoseTrack;

// Which markup a click in a view lands on: the markup the view draws (the
// same time range, pose and filter as MarkupPlan), topmost first, hit on its
// drawn shape by MarkupHitTest (the editor's rule).
class MarkupPicker
{
public:
    // A markup's points in painter pixels of a frame of `frameSize` (as
    // OverlayRenderer paints): image markup scaled from normalised
    // coordinates, world markup projected through the pose at `seconds`
    // (points behind the camera left out; empty without camera or pose).
    static QPolygonF framePointsOf(const Markup &markup, const CaptureManifest &manifest, const PoseTrack &poses,
                                   QSize frameSize, double seconds);

    // The markup under `widgetPos`, or nullopt. `frameToWidget` maps the
    // painter pixels the overlay was painted in to widget pixels; `slack`
    // is how far off (widget pixels) still counts as on it.
    static std::optional<Markup> pick(const CaptureManifest &manifest, const PoseTrack &poses,
                                      const std::vector<Markup> &worldMarkups, const OverlayFilter &filter,
                                      QSize frameSize, double seconds, const QTransform &frameToWidget,
                                      QPointF widgetPos, double slack);
};

} // namespace sl
