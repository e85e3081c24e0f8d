#include "media/framecache.h"

namespace sl {

QImage FrameCache::find(int index)
{
    const auto found = m_entries.find(index);
    if (found == m_entries.end())
        return {};
    m_uses.splice(m_uses.begin(), m_uses, found->second.use);
    return found->second.image;
}

void FrameCache::insert(int index, const QImage &image)
{
    remove(index);
    const qint64 size = image.sizeInBytes();
    if (image.isNull() || size > m_maxBytes)
        return;
    while (m_bytes + size > m_maxBytes && !m_uses.empty())
        remove(m_uses.back());
    m_uses.push_front(index);
    m_entries.emplace(index, Entry{image, m_uses.begin()});
    m_bytes += size;
}

QImage FrameCache::takeLeastRecent()
{
    if (m_uses.empty())
        return {};
    const int index = m_uses.back();
    QImage image = m_entries.at(index).image;
    remove(index);
    return image;
}

void FrameCache::clear()
{
    m_entries.clear();
    m_uses.clear();
    m_bytes = 0;
}

void FrameCache::remove(int index)
{
    const auto found = m_entries.find(index);
    if (found == m_entries.end())
        return;
    m_bytes -= found->second.image.sizeInBytes();
    m_uses.erase(found->second.use);
    m_entries.erase(found);
}

} // namespace sl
