#include "compare/compareviewgeometry.h"

#include <algorithm>

namespace sl {

namespace {

// The displayed size of the picture under `zoom`: the fitted size times zoom.
QSizeF shownSize(QSizeF image, QSizeF box, double zoom)
{
    if (image.isEmpty() || box.isEmpty())
        return {};
    const double fit = std::min(box.width() / image.width(), box.height() / image.height());
    return image * (fit * zoom);
}

} // namespace

QRectF CompareViewGeometry::imageRect(QSizeF image, const QRectF &box, const SharedView &view)
{
    const QSizeF size = shownSize(image, box.size(), view.zoom);
    if (size.isEmpty())
        return {};
    const QPointF topLeft = box.center() - QPointF(view.centre.x() * size.width(), view.centre.y() * size.height());
    return {topLeft, size};
}

QRectF CompareViewGeometry::visibleRect(QSizeF image, const QRectF &box, const SharedView &view)
{
    const QRectF shown = imageRect(image, box, view);
    if (shown.isEmpty())
        return {};
    return {(box.left() - shown.left()) / shown.width(), (box.top() - shown.top()) / shown.height(),
            box.width() / shown.width(), box.height() / shown.height()};
}

QPointF CompareViewGeometry::canvasPan(QSizeF image, QSizeF widget, const SharedView &view)
{
    const QSizeF size = shownSize(image, widget, view.zoom);
    return {(0.5 - view.centre.x()) * size.width(), (0.5 - view.centre.y()) * size.height()};
}

SharedView CompareViewGeometry::zoomedAt(const SharedView &view, QSizeF image, const QRectF &box, double factor,
                                         QPointF cursor, double minZoom, double maxZoom)
{
    const QRectF before = imageRect(image, box, view);
    if (before.isEmpty())
        return view;
    // The picture's point under the cursor, normalised.
    const QPointF held((cursor.x() - before.left()) / before.width(), (cursor.y() - before.top()) / before.height());
    SharedView zoomed = view;
    zoomed.zoom = std::clamp(view.zoom * factor, minZoom, maxZoom);
    const QSizeF after = shownSize(image, box.size(), zoomed.zoom);
    const QPointF fromCursor = box.center() - cursor; // widget pixels
    zoomed.centre = QPointF(fromCursor.x() / after.width(), fromCursor.y() / after.height()) + held;
    return zoomed;
}

SharedView CompareViewGeometry::pannedBy(const SharedView &view, QSizeF image, const QRectF &box, QPointF delta)
{
    const QSizeF size = shownSize(image, box.size(), view.zoom);
    if (size.isEmpty())
        return view;
    SharedView panned = view;
    panned.centre -= QPointF(delta.x() / size.width(), delta.y() / size.height());
    return panned;
}

WipeSplit CompareViewGeometry::wipeSplit(const QRectF &box, double fraction)
{
    WipeSplit split;
    split.dividerX = box.left() + box.width() * std::clamp(fraction, 0.0, 1.0);
    split.leftClip = QRectF(QPointF(box.left(), box.top()), QPointF(split.dividerX, box.bottom()));
    split.rightClip = QRectF(QPointF(split.dividerX, box.top()), QPointF(box.right(), box.bottom()));
    return split;
}

double CompareViewGeometry::wipeFractionAt(const QRectF &box, double x)
{
    if (box.width() <= 0)
        return 0.5;
    return std::clamp((x - box.left()) / box.width(), 0.0, 1.0);
}

} // namespace sl
