#pragma once

#include "store/rowset.h"

#include <QStringList>

#include <vector>

namespace sl {

class Database;

// The assets a search text matches, with a relevance score when asked.
struct TextMatch
{
    RowSet rows;                // assets.rid
    std::vector<double> scores; // aligned with rows.rowIds() when ranked; lower is better
};

// Finds the assets whose search index matches every term (SearchQuery::terms):
// a term matches when it is a word prefix in any column of asset_search
// (name, tag, account, product, category) OR a substring of the asset tag
// (asset_tag_search, trigrams: "01002" in "AT-001002"). Terms that are no
// tag's substring (most words) go to FTS5 as one AND expression; only the
// few that are (tag and serial fragments) are combined here.
//
// The score is FTS5's bm25 over the words (name weighs most, then tag), and
// for a term that hit a tag, its idf: a row that matched the term as a word
// scores it fully, one that only holds it inside the tag scores 3/4 of it.
class AssetTextMatcher
{
public:
    // Throws StoreError.
    static TextMatch match(Database &db, const QStringList &terms, bool ranked);
};

} // namespace sl
