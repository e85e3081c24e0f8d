#include "render/redactionlayercache.h"

#include "common/hugepagebuffer.h"

#include <algorithm>
#include <atomic>
#include <cstring>

namespace sl {

RedactionLayerCache &RedactionLayerCache::instance()
{
    static RedactionLayerCache cache;
    return cache;
}

bool RedactionLayerCache::find(const Key &key, Layer *layer)
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

void RedactionLayerCache::put(Key key, Layer layer)
{
    std::lock_guard lock(m_mutex);
    m_entries.emplace_front(std::move(key), std::move(layer));
    while (m_entries.size() > kLayers)
        m_entries.pop_back();
}

bool RedactionLayerCache::isFree(const Spare &spare)
{
    // Only this cache's list holds it: no image shows it any more. The
    // acquire fence orders the last reader's reads before our writes.
    if (spare.owner.use_count() != 1)
        return false;
    std::atomic_thread_fence(std::memory_order_acquire);
    return true;
}

RedactionLayerCache::Buffer RedactionLayerCache::buffer(int rows, int cols)
{
    const size_t step = size_t(cols) * 4; // bytes per row of B, G, R, A
    const auto lend = [&](const std::shared_ptr<HugePageBuffer> &owner) {
        return Buffer{cv::Mat(rows, cols, CV_8UC4, owner->data(), step), owner};
    };
    std::lock_guard lock(m_mutex);
    for (const Spare &spare : m_spares) {
        if (spare.rows == rows && spare.cols == cols && isFree(spare))
            return lend(spare.owner);
    }
    // The first layer of a size takes all the buffers it will need at once,
    // and touches them: fresh memory costs a page fault per 4 KB on first
    // touch (on a virtual machine 25 ms for a 1080p layer, more than the
    // layer's own work), paid once here rather than by the next new frames.
    const bool sizeKnown = std::any_of(m_spares.begin(), m_spares.end(),
                                       [&](const Spare &s) { return s.rows == rows && s.cols == cols; });
    const size_t wanted = sizeKnown ? 1 : kBuffers;
    std::shared_ptr<HugePageBuffer> fresh;
    for (size_t i = 0; i < wanted; ++i) {
        std::shared_ptr<HugePageBuffer> made = HugePageBuffer::make(step * size_t(rows));
        if (!made)
            break;
        if (fresh)
            std::memset(made->data(), 0, made->size());
        else
            fresh = made; // written whole by the layer made now
        m_spares.push_back({rows, cols, made});
    }
    // Held buffers beyond kBuffers: free ones of another size go first, then
    // the oldest (an image still showing it keeps its memory alive).
    while (m_spares.size() > kBuffers) {
        const auto stale = std::find_if(m_spares.begin(), m_spares.end(), [&](const Spare &s) {
            return (s.rows != rows || s.cols != cols) && isFree(s);
        });
        if (stale != m_spares.end())
            m_spares.erase(stale);
        else
            m_spares.pop_front();
    }
    if (!fresh)
        return {};
    return lend(fresh);
}

QImage RedactionLayerCache::imageOf(const Buffer &buffer, QImage::Format format)
{
    const cv::Mat &m = buffer.pixels;
    auto *owner = new std::shared_ptr<HugePageBuffer>(buffer.owner);
    return QImage(
        m.data, m.cols, m.rows, int(m.step), format,
        [](void *held) { delete static_cast<std::shared_ptr<HugePageBuffer> *>(held); }, owner);
}

} // namespace sl
