#pragma once

#include <QByteArray>

#include <optional>

namespace sl {

// The byte range of an HTTP Content-Range field ("bytes 0-4194303/20000000"):
// first and last byte, both included, and the whole file's size.
struct ContentRange
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 total = 0;

    qint64 length() const { return last - first + 1; }
    QByteArray toHeader() const; // "bytes first-last/total"
    // nullopt unless the field is well formed, first <= last < total.
    static std::optional<ContentRange> parse(const QByteArray &field);
};

} // namespace sl
