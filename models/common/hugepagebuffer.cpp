#include "common/hugepagebuffer.h"

#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace sl {

namespace {

// The huge page size of x86-64 and most arm64 kernels; aligning to it lets
// every 2 MB of the buffer be one page.
constexpr size_t kHugePage = size_t(2) << 20;

} // namespace

std::shared_ptr<HugePageBuffer> HugePageBuffer::make(size_t bytes)
{
    if (bytes == 0)
        return nullptr;
    // Below one huge page the kernel would not use one: plain memory.
    const size_t alignment = bytes >= kHugePage ? kHugePage : 64;
    const size_t rounded = (bytes + alignment - 1) / alignment * alignment;
    void *memory = std::aligned_alloc(alignment, rounded);
    if (!memory)
        return nullptr;
#if defined(MADV_HUGEPAGE)
    // Advice only: where huge pages are off, the memory is used as it is.
    if (alignment == kHugePage)
        madvise(memory, rounded, MADV_HUGEPAGE);
#endif
    return std::shared_ptr<HugePageBuffer>(new HugePageBuffer(static_cast<unsigned char *>(memory), bytes));
}

HugePageBuffer::~HugePageBuffer()
{
    std::free(m_data);
}

} // namespace sl
