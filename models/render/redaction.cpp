#include "render/redaction.h"

#include "render/redactionlayercache.h"

#include <QPainter>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace sl {

namespace {

// Cells of the hidden look, painter pixels: as many across the largest
// rectangle's longer side, at least kMinCell.
constexpr int kCellsAcross = 10;
constexpr int kMinCell = 8;
const QColor kOpaque(96, 96, 96);
// Halvings of the frame before its cells are averaged: at most this many,
// each leaving at least kHalvedPerCell pixels across a cell.
constexpr int kMaxHalvings = 4;
constexpr int kHalvedPerCell = 4;

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "QImage::Format_ARGB32 is read as B, G, R, A bytes");

// Each cell's average colour of the frame, as opaque B, G, R, A: read in
// place where the frame's format allows (no copy of the frame).
cv::Mat cellAverages(const QImage &frame, cv::Size grid)
{
    QImage converted;
    const QImage *source = &frame;
    int channels = 4;
    switch (frame.format()) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        break;
    case QImage::Format_RGB888:
        channels = 3;
        break;
    default:
        converted = frame.convertToFormat(QImage::Format_RGB32);
        source = &converted;
    }
    cv::Mat pixels(source->height(), source->width(), CV_MAKETYPE(CV_8U, channels),
                   const_cast<uchar *>(source->constBits()), size_t(source->bytesPerLine()));
    // Halved first (each pixel the mean of a 2x2 block), while both sides
    // are even and every cell keeps kHalvedPerCell pixels across: OpenCV's
    // INTER_AREA has a fast path for exactly 2x that reads a 1080p frame in
    // 0.4 ms, where one area resize of the whole frame to a grid of a few
    // cells takes 2.4 ms. A mean of means over whole blocks is the same mean
    // (to a rounding per halving). The halves are kept per thread: written,
    // not allocated, for each new frame.
    thread_local cv::Mat halves[kMaxHalvings];
    for (int i = 0; i < kMaxHalvings && pixels.cols % 2 == 0 && pixels.rows % 2 == 0 &&
                    pixels.cols / 2 >= grid.width * kHalvedPerCell && pixels.rows / 2 >= grid.height * kHalvedPerCell;
         ++i) {
        cv::resize(pixels, halves[i], cv::Size(pixels.cols / 2, pixels.rows / 2), 0, 0, cv::INTER_AREA);
        pixels = halves[i];
    }
    cv::Mat coarse;
    cv::resize(pixels, coarse, grid, 0, 0, cv::INTER_AREA);
    if (channels == 3)
        cv::cvtColor(coarse, coarse, cv::COLOR_RGB2BGRA);
    coarse.forEach<cv::Vec4b>([](cv::Vec4b &p, const int *) { p[3] = 255; });
    return coarse;
}

// The hidden look of the frame over `bounds` (painter pixels), opaque B, G,
// R, A, in a buffer lent by the layer cache (empty pixels: no memory).
RedactionLayerCache::Buffer hiddenLook(const QImage &frame, QSize frameSize, int cell, const QRect &bounds,
                                       Redaction::Look look)
{
    RedactionLayerCache &cache = RedactionLayerCache::instance();
    const cv::Size grid(std::max(1, (frameSize.width() + cell - 1) / cell),
                        std::max(1, (frameSize.height() + cell - 1) / cell));
    cv::Mat coarse = cellAverages(frame, grid);
    // Blurred: smoothed, then interpolated between cell centres. Pixelated:
    // square blocks, each painter pixel the average of the cell its centre is in.
    const bool blocks = look == Redaction::Look::Pixelated;
    if (!blocks)
        cv::GaussianBlur(coarse, coarse, cv::Size(3, 3), 0.5, 0.5, cv::BORDER_REPLICATE);
    // Back to painter pixels over `bounds` only: pixel centre x + 0.5 of the frame is grid x * grid / frame - 0.5.
    const double sx = double(grid.width) / frameSize.width(), sy = double(grid.height) / frameSize.height();
    // Over most of the frame, cv::resize to the whole frame does the same
    // mapping (pixel centre x + 0.5 to (x + 0.5) * sx - 0.5; nearest-exact:
    // the cell the centre is in) some 10-20x faster than warpAffine (1.2 ms
    // against 24 ms at 1080p here); bounds is then a view into it.
    if (2 * qint64(bounds.width()) * bounds.height() >= qint64(frameSize.width()) * frameSize.height()) {
        RedactionLayerCache::Buffer whole = cache.buffer(frameSize.height(), frameSize.width());
        if (whole.pixels.empty())
            return whole;
        // Written in place: the lent buffer has the size and type asked for.
        cv::resize(coarse, whole.pixels, whole.pixels.size(), 0, 0,
                   blocks ? cv::INTER_NEAREST_EXACT : cv::INTER_LINEAR);
        whole.pixels = whole.pixels(cv::Rect(bounds.x(), bounds.y(), bounds.width(), bounds.height()));
        return whole;
    }
    const cv::Matx23d toGrid(sx, 0, (bounds.x() + 0.5) * sx - 0.5, 0, sy, (bounds.y() + 0.5) * sy - 0.5);
    RedactionLayerCache::Buffer hidden = cache.buffer(bounds.height(), bounds.width());
    if (!hidden.pixels.empty())
        cv::warpAffine(coarse, hidden.pixels, toGrid, hidden.pixels.size(),
                       (blocks ? cv::INTER_NEAREST : cv::INTER_LINEAR) | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return hidden;
}

// The bounding box of `rects` inside a frame of `size`; true when one of the
// rectangles covers all the others (the union is the box).
bool boundsOf(const std::vector<QRect> &rects, QSize size, QRect *bounds)
{
    const QRect frame(QPoint(0, 0), size);
    *bounds = {};
    for (const QRect &r : rects)
        *bounds |= r.intersected(frame);
    return !bounds->isEmpty() &&
           std::any_of(rects.begin(), rects.end(), [&](const QRect &r) { return r.contains(*bounds); });
}

} // namespace

Redaction::Mask Redaction::unionOf(const std::vector<QRect> &rects, QSize size)
{
    Mask mask;
    const QRect frame(QPoint(0, 0), size);
    const bool oneCoversAll = boundsOf(rects, size, &mask.bounds);
    if (mask.bounds.isEmpty())
        return mask;
    const int w = mask.bounds.width(), h = mask.bounds.height();
    if (oneCoversAll) {
        // One rectangle covers all the others: nothing to sum.
        mask.inside = cv::Mat(h, w, CV_8U, cv::Scalar(255));
        mask.full = true;
        return mask;
    }
    // Corner events per row: +1 where a rectangle starts, -1 past where it ends.
    struct Event
    {
        int x;
        int delta;
    };
    std::vector<std::vector<Event>> rows(size_t(h) + 1);
    for (const QRect &whole : rects) {
        const QRect r = whole.intersected(frame).translated(-mask.bounds.topLeft());
        if (r.isEmpty())
            continue;
        rows[size_t(r.top())].push_back({r.left(), +1});
        rows[size_t(r.top())].push_back({r.right() + 1, -1});
        rows[size_t(r.bottom()) + 1].push_back({r.left(), -1});
        rows[size_t(r.bottom()) + 1].push_back({r.right() + 1, +1});
    }
    mask.inside = cv::Mat(h, w, CV_8U);
    std::vector<int> column(size_t(w) + 1, 0); // rectangles starting at x in the rows so far, minus ended
    qint64 covered = 0;
    for (int y = 0; y < h; ++y) {
        for (const Event &e : rows[size_t(y)])
            column[size_t(e.x)] += e.delta;
        uchar *out = mask.inside.ptr<uchar>(y);
        int count = 0; // rectangles over (x, y)
        for (int x = 0; x < w; ++x) {
            count += column[size_t(x)];
            out[x] = count > 0 ? 255 : 0;
            covered += count > 0;
        }
    }
    mask.full = covered == qint64(w) * h;
    return mask;
}

void Redaction::paint(QPainter &painter, const std::vector<QRect> &rects, const QImage &frame, QSize frameSize,
                      Look look)
{
    if (rects.empty())
        return;
    // Without a frame the layer is flat grey: cheap, and nothing to key it by.
    RedactionLayerCache::Key key;
    if (!frame.isNull())
        key = {frame.cacheKey(), frameSize, look, rects};
    RedactionLayerCache::Layer cached;
    if (!frame.isNull() && RedactionLayerCache::instance().find(key, &cached)) {
        painter.drawImage(cached.at, cached.image);
        return;
    }
    // One rectangle over all the others (a whole-frame redaction): no mask
    // to build, the layer is opaque.
    Mask mask;
    mask.full = boundsOf(rects, frameSize, &mask.bounds);
    if (!mask.full)
        mask = unionOf(rects, frameSize);
    if (mask.bounds.isEmpty())
        return;
    if (frame.isNull() && mask.full) {
        painter.fillRect(mask.bounds, kOpaque);
        return;
    }
    int longest = 0;
    for (const QRect &r : rects)
        longest = std::max({longest, r.width(), r.height()});
    const int cell = std::max(kMinCell, longest / kCellsAcross);
    RedactionLayerCache::Buffer hidden;
    if (frame.isNull()) {
        hidden = RedactionLayerCache::instance().buffer(mask.bounds.height(), mask.bounds.width());
        if (!hidden.pixels.empty())
            hidden.pixels.setTo(cv::Scalar(kOpaque.blue(), kOpaque.green(), kOpaque.red(), 255));
    } else {
        hidden = hiddenLook(frame, frameSize, cell, mask.bounds, look);
    }
    if (hidden.pixels.empty()) {
        // No memory for the layer: hidden all the same, flat.
        painter.fillRect(mask.bounds, kOpaque);
        return;
    }
    if (!mask.full) {
        // Outside the union: transparent (premultiplied, so every channel 0).
        cv::Mat outside;
        cv::bitwise_not(mask.inside, outside);
        hidden.pixels.setTo(cv::Scalar::all(0), outside);
    }
    const QImage image = RedactionLayerCache::imageOf(
        hidden, mask.full ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    painter.drawImage(mask.bounds.topLeft(), image);
    if (!frame.isNull())
        RedactionLayerCache::instance().put(std::move(key), {mask.bounds.topLeft(), image});
}

} // namespace sl
