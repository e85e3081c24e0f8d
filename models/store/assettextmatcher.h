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

// Finds the assets that match every term (SearchQuery::terms): a term
// matches an asset when it is a word prefix of its name or tag (asset_search),
// a word prefix of its account, product or category (lookup_search, each
// lookup's words once), or a substring of its tag (asset_tag_search,
// trigrams: "01002" in "AT-001002"). Terms that are neither a tag's substring
// nor a lookup's word (most words) go to FTS5 as one AND expression; only the
// others are combined here.
//
// The score is FTS5's bm25 over the words (name weighs most, then tag), and
// for the other terms their idf: a row that matched the term as a word of its
// own scores it fully, one that only holds it inside the tag 3/4 of it, one
// that only has it through a lookup half of it.
class AssetTextMatcher
{
public:
    // Throws StoreError.
    static TextMatch match(Database &db, const QStringList &terms, bool ranked);
};

} // namespace sl
