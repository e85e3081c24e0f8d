#include "store/assettextmatcher.h"

#include "store/database.h"
#include "store/searchquery.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sl {

namespace {

// Column weights of bm25: name, tag, account, product, category.
#define SL_BM25 "bm25(asset_search, 4.0, 3.0, 1.0, 1.0, 1.0)"

// A row found only inside its tag scores this share of the term's idf.
constexpr double kSubstringOnlyShare = 0.75;

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

} // namespace

TextMatch AssetTextMatcher::match(Database &db, const QStringList &terms, bool ranked)
{
    static constexpr const char *kWords = "SELECT rowid FROM asset_search WHERE asset_search MATCH ?";
    static constexpr const char *kRankedWords =
        "SELECT rowid, " SL_BM25 " FROM asset_search WHERE asset_search MATCH ?";
    static constexpr const char *kTags = "SELECT rowid FROM asset_tag_search WHERE asset_tag_search MATCH ?";

    // Which terms are some tag's substring: a cheap trigram look-up each.
    QStringList wordTerms;
    std::vector<std::pair<QString, RowSet>> tagTerms;
    for (const QString &term : terms) {
        const QString phrase = SearchQuery::substringPhrase(term);
        RowSet inTags = phrase.isEmpty() ? RowSet() : rowsOf(db, kTags, phrase);
        if (inTags.empty())
            wordTerms.append(term);
        else
            tagTerms.emplace_back(term, std::move(inTags));
    }

    TextMatch result;
    bool first = true;
    if (!wordTerms.isEmpty()) {
        result = runMatch(db, ranked ? kRankedWords : kWords, SearchQuery::ftsExpression(wordTerms), ranked);
        first = false;
    }
    qint64 total = 0;
    if (ranked && !tagTerms.empty()) {
        Statement maxRowId = db.cached("SELECT max(rid) FROM assets");
        total = maxRowId.step() ? maxRowId.columnInt64(0) : 0;
    }
    for (const auto &[term, inTags] : tagTerms) {
        if (!first && result.rows.empty())
            break;
        const RowSet asWord = rowsOf(db, kWords, SearchQuery::prefixPhrase(term));
        TextMatch either{RowSet::unionOf(asWord, inTags), {}};
        if (ranked) {
            const double wordScore = -idf(asWord.size(), total);
            const double substringScore = -kSubstringOnlyShare * idf(inTags.size(), total);
            either.scores.reserve(either.rows.size());
            for (qint64 rowId : either.rows.rowIds())
                either.scores.push_back(asWord.contains(rowId) ? wordScore : substringScore);
        }
        result = first ? std::move(either) : intersect(result, either, ranked);
        first = false;
    }
    return result;
}

} // namespace sl
