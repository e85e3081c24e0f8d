#pragma once

// What the benchmarks share: timing, spreads, and a cold page cache.

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace sl::bench {

inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// p50, p95 and the largest of a set of measurements (nearest rank).
struct Spread
{
    double p50 = 0, p95 = 0, max = 0;
};

inline Spread spreadOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values[std::min(values.size() - 1, size_t(q * double(values.size() - 1) + 0.5))];
    };
    return {at(0.5), at(0.95), values.back()};
}

// Runs `ours` and `floor` in turns: ours first in even rounds, the floor
// first in odd ones, so that neither always meets the caches the other left.
template <typename Ours, typename Floor>
void inTurns(int round, Ours &&ours, Floor &&floor)
{
    if (round % 2 == 0) {
        ours();
        floor();
    } else {
        floor();
        ours();
    }
}

// Drops the whole OS page cache, so that the next read comes from the disk.
// Needs root; false when not allowed.
inline bool dropOsPageCache()
{
    ::sync();
    const int fd = ::open("/proc/sys/vm/drop_caches", O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool done = ::write(fd, "1", 1) == 1;
    ::close(fd);
    return done;
}

} // namespace sl::bench
