#pragma once

#include "store/assetrepository.h"

#include <QString>

#include <vector>

namespace sl {

class Database;

// Finds which assets make up one keyset page of a full-text search, ordered
// by (name, id); AssetRepository then reads their contents. Few matches are
// collected and sorted by SQLite; many (a common word at a million assets) are found by
// walking the name index against a bitmap of the matching rows, which costs
// a bit test per row instead of a B-tree lookup and a sort per match.
class AssetSearch
{
public:
    // Up to this many matches, SQLite sorts them.
    static constexpr int kSortThreshold = 4096;

    // Row ids (assets.rid) of the page after `after`, in list order.
    // `expression` is an FTS5 expression from SearchQuery. Throws StoreError.
    static std::vector<qint64> pageRowIds(Database &db, const QString &expression,
                                          const AssetPageCursor &after, int limit);

private:
    static std::vector<qint64> sortRowIds(Database &db, const std::vector<qint64> &rowIds,
                                          const AssetPageCursor &after, int limit);
    static std::vector<qint64> sortedPage(Database &db, const QString &expression,
                                          const AssetPageCursor &after, int limit);
};

} // namespace sl
