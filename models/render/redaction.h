#pragma once

#include <QImage>
#include <QRect>
#include <QSize>

#include <opencv2/core.hpp>

#include <vector>

class QPainter;

namespace sl {

// Hides the pixels under blur markup (kind "blur", style plain or
// "pixelate"). The hidden look of the whole frame is made once (coarse
// cells of average colour: smoothed when blurred, square blocks when
// pixelated; no stroke of text or edge survives either way) and shown
// through the union of the rectangles, so a frame costs the same whether one
// rectangle or ten thousand cover it.
class Redaction
{
public:
    enum class Look { Blurred, Pixelated };

    // The union of rectangles as a mask over their bounding box.
    struct Mask
    {
        QRect bounds;  // painter pixels; empty: no rectangle
        cv::Mat inside; // CV_8U, bounds' size: 255 inside the union, 0 outside
        bool full = false; // the union fills its bounding box
    };
    // Built from each rectangle's corners (a 2-D difference array summed
    // row by row): O(rectangles + area of the bounding box), however many
    // rectangles overlap. `rects` are whole pixels inside `size`.
    static Mask unionOf(const std::vector<QRect> &rects, QSize size);

    // Paints the redaction of `rects` (whole pixels of a painter over a frame
    // of `frameSize`) from `frame`, the pixels under the overlay (of
    // `frameSize` or proportionally larger or smaller); without a frame, an
    // opaque grey. Cells are a tenth of the largest rectangle's longer side
    // (at least 8 pixels): the hiding of the strongest redaction present.
    static void paint(QPainter &painter, const std::vector<QRect> &rects, const QImage &frame, QSize frameSize,
                      Look look = Look::Blurred);
};

} // namespace sl
