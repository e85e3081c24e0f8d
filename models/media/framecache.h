#pragma once

#include <QImage>

#include <list>
#include <unordered_map>

namespace sl {

// Decoded frames by index, least recently used dropped first, bounded in
// bytes (the images' pixel data). Not thread-safe: owned by one FrameSource.
class FrameCache
{
  public:
    // 512 MiB: about 85 RGB frames of 1080p, 20 of 4K; a whole 2 s keyframe
    // group of 1080p30 fits, and a 250-frame group is kept from the playhead back.
    static constexpr qint64 kDefaultBytes = 512LL * 1024 * 1024;

    explicit FrameCache(qint64 maxBytes = kDefaultBytes) : m_maxBytes(maxBytes) {}

    // The frame, marked as just used; null when not held.
    QImage find(int index);
    bool contains(int index) const { return m_entries.count(index) != 0; }
    // Keeps `image` (replacing what `index` held), dropping the least
    // recently used frames past the limit; an image over the limit alone is
    // not kept.
    void insert(int index, const QImage &image);
    // Removes and returns the least recently used frame (null when empty):
    // its pixel buffer can be written again (fresh memory costs page faults).
    QImage takeLeastRecent();
    void clear();
    qint64 bytes() const { return m_bytes; }
    qint64 maxBytes() const { return m_maxBytes; }
    int size() const { return int(m_entries.size()); }

  private:
    struct Entry
    {
        QImage image;
        std::list<int>::iterator use;
    };
    void remove(int index);

    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    std::list<int> m_uses; // most recently used first
    std::unordered_map<int, Entry> m_entries;
};

} // namespace sl
