#pragma once

#include "capture/bookmark.h"

#include <QJsonArray>

#include <vector>

namespace sl {

class JsonFieldReader;

// Reads and validates a manifest's "bookmarks" array (CAPTURE-FORMAT.md
// "bookmarks"): unique non-empty ids, a name within the limit, a time range
// of finite, non-negative seconds with `from` ≤ `to`, and at most
// limits::kBookmarksPerCapture of them.
class BookmarkReader
{
public:
    // False with the error recorded in `reader` on the first invalid bookmark.
    static bool read(const QJsonArray &array, JsonFieldReader &reader, std::vector<Bookmark> *out);

private:
    static bool readOne(const QJsonValue &value, const QString &path, JsonFieldReader &reader, Bookmark *out);
};

} // namespace sl
