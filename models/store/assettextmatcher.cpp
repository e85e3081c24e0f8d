#include "store/assettextmatcher.h"

#include "store/database.h"
#include "store/searchquery.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sl {

namespace {

// Column weights of bm25: name, tag.
#define SL_BM25 "bm25(asset_search, 4.0, 3.0)"

// A row found only inside its tag scores this share of the term's idf.
constexpr double kSubstringOnlyShare = 0.75;
// A row found only through its account, product or category scores this
// share (a lookup's word says less of the asset than its own name or tag).
constexpr double kLookupOnlyShare = 0.5;

// The assets whose account, product or category has the word prefix bound
// as ?1. lookup_search's rowid is the lookup's rowid * 4 + its kind
// (migrations.cpp, version 8); each branch reads the assets through that
// lookup's index on assets.
constexpr const char *kLookupAssets =
    "WITH hits(k) AS (SELECT rowid FROM lookup_search WHERE lookup_search MATCH ?1) "
    "SELECT rid FROM assets WHERE account_id IN "
    "(SELECT id FROM accounts WHERE rowid IN (SELECT k >> 2 FROM hits WHERE k & 3 = 1)) "
    "UNION SELECT rid FROM assets WHERE product_id IN "
    "(SELECT id FROM products WHERE rowid IN (SELECT k >> 2 FROM hits WHERE k & 3 = 2)) "
    "UNION SELECT rid FROM assets WHERE category_id IN "
    "(SELECT id FROM categories WHERE rowid IN (SELECT k >> 2 FROM hits WHERE k & 3 = 3)) "
    "ORDER BY 1";

// Reads (rowid[, score]) rows of `sql` with `expression` bound, sorted by rowid.
TextMatch runMatch(Database &db, const char *sql, const QString &expression, bool ranked)
{
    Statement query = db.cached(sql);
    query.bind(1, expression);
    std::vector<qint64> rowIds;
    std::vector<double> scores;
    while (query.step()) {
        rowIds.push_back(query.columnInt64(0));
        if (ranked)
            scores.push_back(query.columnDouble(1));
    }
    // FTS5 returns rowid order already; make sure, the merges rely on it.
    if (!std::is_sorted(rowIds.begin(), rowIds.end())) {
        std::vector<size_t> order(rowIds.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rowIds[a] < rowIds[b]; });
        std::vector<qint64> sortedIds;
        std::vector<double> sortedScores;
        for (size_t i : order) {
            sortedIds.push_back(rowIds[i]);
            if (ranked)
                sortedScores.push_back(scores[i]);
        }
        rowIds.swap(sortedIds);
        scores.swap(sortedScores);
    }
    return {RowSet(std::move(rowIds)), std::move(scores)};
}

RowSet rowsOf(Database &db, const char *sql, const QString &expression)
{
    return runMatch(db, sql, expression, false).rows;
}

// bm25's inverse document frequency of a term found in n of total rows.
double idf(size_t n, qint64 total)
{
    const double all = double(std::max<qint64>(total, qint64(n)));
    return std::log(1.0 + (all - double(n) + 0.5) / (double(n) + 0.5));
}

// `into` AND `other`, summing scores when ranked.
TextMatch intersect(const TextMatch &into, const TextMatch &other, bool ranked)
{
    const std::vector<qint64> &a = into.rows.rowIds();
    const std::vector<qint64> &b = other.rows.rowIds();
    std::vector<qint64> rowIds;
    std::vector<double> scores;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            rowIds.push_back(a[i]);
            if (ranked)
                scores.push_back(into.scores[i] + other.scores[j]);
            ++i;
            ++j;
        }
    }
    return {RowSet(std::move(rowIds)), std::move(scores)};
}

bool hasRows(Database &db, const char *sql, const QString &expression)
{
    Statement query = db.cached(sql);
    query.bind(1, expression);
    const bool any = query.step();
    query.reset();
    return any;
}

// One term that is more than a word of the assets' own: a tag's substring,
// a lookup's word, or both. Its rows are combined here, not by FTS5.
struct SpreadTerm
{
    QString term;
    RowSet inTags;    // a substring of the asset tag
    RowSet inLookups; // a word prefix of the account, product or category
};

TextMatch spreadMatch(Database &db, const SpreadTerm &spread, bool ranked, qint64 total)
{
    static constexpr const char *kWords = "SELECT rowid FROM asset_search WHERE asset_search MATCH ?";
    const RowSet asWord = rowsOf(db, kWords, SearchQuery::prefixPhrase(spread.term));
    TextMatch either{RowSet::unionOf(RowSet::unionOf(asWord, spread.inTags), spread.inLookups), {}};
    if (ranked) {
        const double wordScore = -idf(asWord.size(), total);
        const double substringScore = -kSubstringOnlyShare * idf(spread.inTags.size(), total);
        const double lookupScore = -kLookupOnlyShare * idf(spread.inLookups.size(), total);
        either.scores.reserve(either.rows.size());
        for (qint64 rowId : either.rows.rowIds()) {
            double score = 0;
            if (asWord.contains(rowId))
                score = wordScore;
            else if (spread.inTags.contains(rowId))
                score = spread.inLookups.contains(rowId) ? std::min(substringScore, lookupScore) : substringScore;
            else
                score = lookupScore;
            either.scores.push_back(score);
        }
    }
    return either;
}

} // namespace

TextMatch AssetTextMatcher::match(Database &db, const QStringList &terms, bool ranked)
{
    static constexpr const char *kWords = "SELECT rowid FROM asset_search WHERE asset_search MATCH ?";
    static constexpr const char *kRankedWords =
        "SELECT rowid, " SL_BM25 " FROM asset_search WHERE asset_search MATCH ?";
    static constexpr const char *kTags = "SELECT rowid FROM asset_tag_search WHERE asset_tag_search MATCH ?";
    static constexpr const char *kAnyLookup = "SELECT 1 FROM lookup_search WHERE lookup_search MATCH ? LIMIT 1";

    // Which terms are some tag's substring or some lookup's word: a cheap
    // look-up each in a small index.
    QStringList wordTerms;
    std::vector<SpreadTerm> spreadTerms;
    for (const QString &term : terms) {
        const QString phrase = SearchQuery::substringPhrase(term);
        RowSet inTags = phrase.isEmpty() ? RowSet() : rowsOf(db, kTags, phrase);
        const QString prefix = SearchQuery::prefixPhrase(term);
        RowSet inLookups = hasRows(db, kAnyLookup, prefix) ? rowsOf(db, kLookupAssets, prefix) : RowSet();
        if (inTags.empty() && inLookups.empty())
            wordTerms.append(term);
        else
            spreadTerms.push_back({term, std::move(inTags), std::move(inLookups)});
    }

    TextMatch result;
    bool first = true;
    if (!wordTerms.isEmpty()) {
        result = runMatch(db, ranked ? kRankedWords : kWords, SearchQuery::ftsExpression(wordTerms), ranked);
        first = false;
    }
    qint64 total = 0;
    if (ranked && !spreadTerms.empty()) {
        Statement maxRowId = db.cached("SELECT max(rid) FROM assets");
        total = maxRowId.step() ? maxRowId.columnInt64(0) : 0;
        maxRowId.reset();
    }
    for (const SpreadTerm &spread : spreadTerms) {
        if (!first && result.rows.empty())
            break;
        TextMatch either = spreadMatch(db, spread, ranked, total);
        result = first ? std::move(either) : intersect(result, either, ranked);
        first = false;
    }
    return result;
}

} // namespace sl
