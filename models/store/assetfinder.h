#pragma once

#include "store/assetquery.h"
#include "store/assetsortorder.h"
#include "store/assettextmatcher.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace sl {

class Database;
class AssetFilterSql;
class MatchSourceSql;

// The asset browser's search: full-text terms (SearchQuery), filters, sorts,
// keyset pages, capped counts and facet counts, on the calling thread's
// Database. Every function throws StoreError.
//
// Shaping: the text is matched once (AssetTextMatcher) into a set of row ids,
// kept while the data is unchanged, so the pages, the count and the facets of
// one search share it. Filters never go into the MATCH: a few matches are
// read as a list, joined and sorted by SQLite; many are tested per row (a
// bitmap); where the first rows stand comes from the positions of every
// asset in the sort order (AssetSortOrder), so a walk never starts at the
// top of the list, and with no filter to test there is no walk at all.
class AssetFinder
{
    Q_DECLARE_TR_FUNCTIONS(AssetFinder)
public:
    // Up to this many matches are read as a list and sorted by SQLite.
    static constexpr int kSortThreshold = 4096;
    // Facets list at most this many accounts, categories and products (the
    // biggest), plus any the filter selects.
    static constexpr int kFacetLimit = 50;
    // A filter that at most this many assets pass is selective: the rows it
    // passes are found through its index and intersected with the match,
    // instead of testing it on every row of a walk along the sort order.
    static constexpr int kSelectiveFilterRows = 65536;
    // Where the query shapes switch; tests lower them to reach every shape
    // with a small table.
    struct Tuning
    {
        int sortThreshold = kSortThreshold;
        int selectiveFilterRows = kSelectiveFilterRows;
    };

    explicit AssetFinder(Database &db);
    AssetFinder(Database &db, Tuning tuning);
    ~AssetFinder();

    // The `limit` rows after `after` (a start cursor: from the top), in the
    // query's order. Rows inserted before the cursor are not seen, none is
    // seen twice. Relevance pages come from the ranking made for the first
    // page, so that a ranking shifted by later writes cannot repeat a row;
    // rows deleted since are left out, so a page may hold fewer rows than
    // `limit` without being the last (see atEnd).
    AssetPage page(const AssetQuery &query, const AssetCursor &after, int limit);
    // How many assets match, counting no further than `cap` (then capped is
    // true and value is cap); cap <= 0 counts them all.
    AssetCount count(const AssetQuery &query, int cap);
    // Facet counts, each with every OTHER filter of the query applied.
    AssetFacets facets(const AssetQuery &query);

    // Reads where every asset stands in `sort` (Name or Modified) now, if
    // the data changed since it was last read, so that the next broad
    // search does not pay for it (a walk of the sort's whole index: about
    // 0.1-0.3 s warm at a million assets, seconds from a cold disk).
    void prepare(AssetSort sort);

    // Ids of the accounts / categories whose name is `name`, compared
    // case-insensitively (Unicode case folding); empty when there is none.
    QStringList accountIdsNamed(const QString &name);
    QStringList categoryIdsNamed(const QString &name);

    // A Name-order cursor after (name, id), for callers that kept those.
    static AssetCursor nameCursor(const QString &name, const QString &id);

private:
    struct Ranking
    {
        quint64 id = 0;
        QStringList terms;
        std::vector<std::pair<double, qint64>> rows; // (score, rid), best first
    };

    // The text match of `terms`, from the cache while the data is unchanged.
    QStringList idsNamed(const char *sql, const QString &name);
    const TextMatch &match(const QStringList &terms, bool ranked);
    MatchSourceSql sourceFor(const TextMatch &match) const;
    AssetPage keysetPage(const AssetQuery &query, const QStringList &terms, const AssetCursor &after, int limit);
    AssetPage rankedPage(const AssetQuery &query, const QStringList &terms, const AssetCursor &after, int limit);
    // The rows of the match (all rows without text) that pass the filter,
    // when a walk along the sort order testing it would be slow: the filter
    // is selective (found through its index), or few of a broad match pass
    // it (estimated from a sample; then the match's rows are tested in row
    // order). `wanted`: the rows the caller needs. Empty optional otherwise.
    std::optional<RowSet> narrowByFilter(const TextMatch *match, const AssetFilterSql &filter, size_t wanted);
    const Ranking &ranking(const QStringList &terms, const AssetCursor &after);
    // The positions of every asset in a keyset order, while the data is unchanged.
    const AssetSortOrder &sortOrder(AssetSort sort);
    // (name, id) or (modified_on, id) of a row, as a cursor of `sort` holds them.
    std::pair<QString, QString> keyOfRow(qint64 rowId, AssetSort sort);
    // Changes when this or another connection commits a change.
    std::pair<qint64, qint64> dataVersion();

    Database &m_db;
    Tuning m_tuning;
    struct CachedMatch
    {
        QStringList terms;
        bool ranked = false;
        std::pair<qint64, qint64> version{-1, -1};
        TextMatch match;
    };
    std::unique_ptr<CachedMatch> m_match;
    struct CachedOrder
    {
        std::pair<qint64, qint64> version;
        AssetSortOrder order;
    };
    std::unique_ptr<CachedOrder> m_nameOrder;
    std::unique_ptr<CachedOrder> m_modifiedOrder;
    std::unique_ptr<Ranking> m_ranking;
};

} // namespace sl
