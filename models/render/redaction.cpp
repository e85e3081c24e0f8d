#include "render/redaction.h"

#include <QPainter>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <mutex>

namespace sl {

namespace {

// Cells of the hidden look, painter pixels: as many across the largest
// rectangle's longer side, at least kMinCell.
constexpr int kCellsAcross = 10;
constexpr int kMinCell = 8;
const QColor kOpaque(96, 96, 96);

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
    const cv::Mat pixels(source->height(), source->width(), CV_MAKETYPE(CV_8U, channels),
                         const_cast<uchar *>(source->constBits()), size_t(source->bytesPerLine()));
    cv::Mat coarse;
    cv::resize(pixels, coarse, grid, 0, 0, cv::INTER_AREA);
    if (channels == 3)
        cv::cvtColor(coarse, coarse, cv::COLOR_RGB2BGRA);
    coarse.forEach<cv::Vec4b>([](cv::Vec4b &p, const int *) { p[3] = 255; });
    return coarse;
}

class LayerCache;
LayerCache &layerCache();
cv::Mat layerBuffer(int rows, int cols);

// The hidden look of the frame over `bounds` (painter pixels), opaque B, G,
// R, A, in a buffer lent by the layer cache.
cv::Mat hiddenLook(const QImage &frame, QSize frameSize, int cell, const QRect &bounds, Redaction::Look look)
{
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
        cv::Mat whole = layerBuffer(frameSize.height(), frameSize.width());
        cv::resize(coarse, whole, cv::Size(frameSize.width(), frameSize.height()), 0, 0,
                   blocks ? cv::INTER_NEAREST_EXACT : cv::INTER_LINEAR);
        return whole(cv::Rect(bounds.x(), bounds.y(), bounds.width(), bounds.height()));
    }
    const cv::Matx23d toGrid(sx, 0, (bounds.x() + 0.5) * sx - 0.5, 0, sy, (bounds.y() + 0.5) * sy - 0.5);
    cv::Mat hidden = layerBuffer(bounds.height(), bounds.width());
    cv::warpAffine(coarse, hidden, toGrid, cv::Size(bounds.width(), bounds.height()),
                   (blocks ? cv::INTER_NEAREST : cv::INTER_LINEAR) | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return hidden;
}

// The redaction layers of the last frames painted. A viewer repaints one
// decoded frame many times (a resize, the mouse, a legend toggle, a
// selection), and each time the same rectangles hide the same pixels: the
// layer is made once per decoded frame and then only composited. Keyed by
// the frame's identity (QImage::cacheKey changes with any write to it), its
// size in painter pixels, the rectangles and the look. Shared by every
// thread that paints (the GUI, exports): a mutex guards it, never held while
// a layer is made.
//
// It also lends the pixel buffers of layers no longer shown to the next
// layer of the same size: a new decoded frame (25-60 a second in playback)
// writes memory already mapped instead of taking a fresh whole-frame buffer,
// whose first touch page by page cost more than making the layer (a 1080p
// layer is 8 MB, 2,000 page faults).
class LayerCache
{
  public:
    struct Key
    {
        qint64 frame = 0;
        QSize frameSize;
        Redaction::Look look = Redaction::Look::Blurred;
        std::vector<QRect> rects;
        bool operator==(const Key &) const = default;
    };
    // At most this many layers (a 4K layer is 33 MB).
    static constexpr size_t kLayers = 2;
    // Buffers held in all: the cached layers' and one more, so a new layer
    // finds one free while the two last are still cached.
    static constexpr size_t kBuffers = kLayers + 1;

    // A layer: its image (opaque when the union fills its bounds) and where
    // it goes, in painter pixels.
    struct Layer
    {
        QPoint at;
        QImage image;
    };

    bool find(const Key &key, Layer *layer)
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[k, found] : m_entries) {
            if (k == key) {
                *layer = found;
                return true;
            }
        }
        return false;
    }
    void put(Key key, Layer layer)
    {
        std::lock_guard lock(m_mutex);
        m_entries.emplace_front(std::move(key), std::move(layer));
        while (m_entries.size() > kLayers)
            m_entries.pop_back();
    }

    // A buffer of `rows` x `cols` B, G, R, A pixels that no layer in use
    // holds (its contents are stale), or a new one, kept for lending again
    // once its layer is dropped everywhere.
    cv::Mat buffer(int rows, int cols)
    {
        std::lock_guard lock(m_mutex);
        for (const cv::Mat &spare : m_buffers) {
            if (spare.rows == rows && spare.cols == cols && isFree(spare))
                return spare;
        }
        cv::Mat fresh(rows, cols, CV_8UC4);
        // Free buffers of another size go first, then the oldest lent.
        const auto stale = std::find_if(m_buffers.begin(), m_buffers.end(), isFree);
        if (stale != m_buffers.end())
            m_buffers.erase(stale);
        m_buffers.push_back(fresh);
        while (m_buffers.size() > kBuffers)
            m_buffers.pop_front();
        return fresh;
    }

  private:
    // Only this cache's list holds the buffer: no image shows it any more.
    static bool isFree(const cv::Mat &m)
    {
        return m.u && std::atomic_ref<int>(m.u->refcount).load(std::memory_order_acquire) == 1;
    }

    std::mutex m_mutex;
    std::deque<std::pair<Key, Layer>> m_entries;
    std::deque<cv::Mat> m_buffers;
};

LayerCache &layerCache()
{
    static LayerCache cache;
    return cache;
}

cv::Mat layerBuffer(int rows, int cols)
{
    return layerCache().buffer(rows, cols);
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
    LayerCache::Key key;
    if (!frame.isNull())
        key = {frame.cacheKey(), frameSize, look, rects};
    LayerCache::Layer cached;
    if (!frame.isNull() && layerCache().find(key, &cached)) {
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
    cv::Mat hidden = frame.isNull() ? cv::Mat(mask.inside.size(), CV_8UC4,
                                              cv::Scalar(kOpaque.blue(), kOpaque.green(), kOpaque.red(), 255))
                                    : hiddenLook(frame, frameSize, cell, mask.bounds, look);
    if (!mask.full) {
        // Outside the union: transparent (premultiplied, so every channel 0).
        cv::Mat outside;
        cv::bitwise_not(mask.inside, outside);
        hidden.setTo(cv::Scalar::all(0), outside);
    }
    // The image keeps the matrix (its pixels) alive for as long as it, or a
    // cached copy of it, lives: no copy of the pixels.
    auto *pixels = new cv::Mat(hidden);
    const QImage image(
        pixels->data, pixels->cols, pixels->rows, int(pixels->step),
        mask.full ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied,
        [](void *matrix) { delete static_cast<cv::Mat *>(matrix); }, pixels);
    painter.drawImage(mask.bounds.topLeft(), image);
    if (!frame.isNull())
        layerCache().put(std::move(key), {mask.bounds.topLeft(), image});
}

} // namespace sl
