#pragma once

#include "render/redaction.h"

#include <QImage>
#include <QPoint>
#include <QSize>

#include <opencv2/core.hpp>

#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace sl {

class HugePageBuffer;

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
// writes memory already mapped instead of a fresh whole-frame buffer. Fresh
// buffers (the first few of a size) are HugePageBuffers, so even their first
// touch costs no more than a few page faults.
class RedactionLayerCache
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
    // A layer: its image (opaque when the union fills its bounds) and where
    // it goes, in painter pixels.
    struct Layer
    {
        QPoint at;
        QImage image;
    };
    // A buffer lent for a new layer: `pixels` (B, G, R, A, stale contents)
    // over the memory `owner` keeps alive.
    struct Buffer
    {
        cv::Mat pixels;
        std::shared_ptr<HugePageBuffer> owner;
    };

    // At most this many layers (a 4K layer is 33 MB).
    static constexpr size_t kLayers = 2;
    // Buffers held in all: the cached layers' and one more, so a new layer
    // finds one free while the two last are still cached.
    static constexpr size_t kBuffers = kLayers + 1;

    static RedactionLayerCache &instance();

    bool find(const Key &key, Layer *layer);
    void put(Key key, Layer layer);

    // A buffer of `rows` x `cols` pixels that no layer in use shows, or a
    // new one, kept for lending again once its layer is dropped everywhere.
    // Empty pixels when memory cannot be had.
    Buffer buffer(int rows, int cols);

    // An image over `buffer`'s pixels that keeps its memory alive for as
    // long as it, or a copy of it, lives: no copy of the pixels.
    static QImage imageOf(const Buffer &buffer, QImage::Format format);

  private:
    struct Spare
    {
        int rows = 0;
        int cols = 0;
        std::shared_ptr<HugePageBuffer> owner;
    };
    static bool isFree(const Spare &spare);

    std::mutex m_mutex;
    std::deque<std::pair<Key, Layer>> m_entries;
    std::deque<Spare> m_spares;
};

} // namespace sl
