#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace sl {

// The view both sides of a comparison share, independent of pixel sizes:
// `zoom` times the scale that fits the whole picture in its box (1 = fit)
// and `centre`, the point of the picture at the box's centre in normalised
// image coordinates (0..1 across and down). Pictures of different sizes
// under the same SharedView show the same part of the scene.
struct SharedView
{
    double zoom = 1;
    QPointF centre{0.5, 0.5};
    bool operator==(const SharedView &other) const = default;
};

// Where the split of a wipe falls: A is drawn in `leftClip`, B in `rightClip`.
struct WipeSplit
{
    double dividerX = 0; // widget pixels
    QRectF leftClip;
    QRectF rightClip;
};

class CompareViewGeometry
{
public:
    // The rectangle (widget pixels) a picture of `image` pixels is drawn in
    // within `box` under `view` (aspect kept; at zoom 1 and the centre, fitted and centred).
    static QRectF imageRect(QSizeF image, const QRectF &box, const SharedView &view);
    // The part of the picture seen in `box`, normalised image coordinates
    // (may reach past 0..1 where the box shows background).
    static QRectF visibleRect(QSizeF image, const QRectF &box, const SharedView &view);
    // OverlayCanvas's pan (widget pixels from the fitted, centred place) for `view`.
    static QPointF canvasPan(QSizeF image, QSizeF widget, const SharedView &view);
    // The view zoomed by `factor` (clamped to minZoom..maxZoom) so that the
    // picture's point under `cursor` (widget pixels) stays under it.
    static SharedView zoomedAt(const SharedView &view, QSizeF image, const QRectF &box, double factor, QPointF cursor,
                               double minZoom, double maxZoom);
    // The view after the picture was dragged by `delta` widget pixels.
    static SharedView pannedBy(const SharedView &view, QSizeF image, const QRectF &box, QPointF delta);
    // The wipe's split of `box` at `fraction` of its width (clamped to 0..1).
    static WipeSplit wipeSplit(const QRectF &box, double fraction);
    // The fraction of `box`'s width at widget x `x` (clamped to 0..1).
    static double wipeFractionAt(const QRectF &box, double x);
};

} // namespace sl
