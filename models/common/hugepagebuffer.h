#pragma once

#include <cstddef>
#include <memory>

namespace sl {

// A large pixel buffer whose memory the system may back with 2 MB pages
// (Linux transparent huge pages, where enabled for regions that ask). A
// whole-frame buffer touched for the first time page by page costs one page
// fault per 4 KB: 2,000 for a 1080p BGRA layer, 25-90 ms on a virtual
// machine, more than the work written into it. With huge pages it is four
// faults (under a millisecond). Elsewhere it is plain aligned memory.
class HugePageBuffer
{
  public:
    // `bytes` of uninitialised memory; null when it cannot be had.
    static std::shared_ptr<HugePageBuffer> make(size_t bytes);
    ~HugePageBuffer();
    HugePageBuffer(const HugePageBuffer &) = delete;
    HugePageBuffer &operator=(const HugePageBuffer &) = delete;

    unsigned char *data() const { return m_data; }
    size_t size() const { return m_size; }

  private:
    HugePageBuffer(unsigned char *data, size_t size) : m_data(data), m_size(size) {}

    unsigned char *m_data = nullptr;
    size_t m_size = 0; // bytes asked for (the allocation is rounded up to whole huge pages)
};

} // namespace sl
