#include "store/assetfinder.h"

#include "store/assetfacetcounter.h"
#include "store/assetfiltersql.h"
#include "store/assetrows.h"
#include "store/assetsortorder.h"
#include "store/database.h"
#include "store/searchquery.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <span>

namespace sl {

namespace {

// Relevance pages with a filter test candidates in batches of this many
// (doubling), in ranking order, until the page is full.
constexpr size_t kFirstBatch = 256;
constexpr size_t kMaxBatch = 65536;
// When few rows of a broad match pass a filter, the filter's own rows are
// read instead of the match's if there are at most this many per match row.
constexpr size_t kFilterScanPerMatchRow = 4;

std::atomic<quint64> g_nextRankingId{1};

AssetSort effectiveSort(const AssetQuery &query, const QStringList &terms)
{
    return query.sort == AssetSort::Relevance && terms.isEmpty() ? AssetSort::Name : query.sort;
}

} // namespace

AssetFinder::AssetFinder(Database &db) : AssetFinder(db, Tuning()) {}

AssetFinder::AssetFinder(Database &db, Tuning tuning) : m_db(db), m_tuning(tuning) {}

AssetFinder::~AssetFinder() = default;

AssetCursor AssetFinder::nameCursor(const QString &name, const QString &id)
{
    AssetCursor cursor;
    cursor.m_valid = true;
    cursor.m_sort = AssetSort::Name;
    cursor.m_key = name;
    cursor.m_id = id;
    return cursor;
}

QStringList AssetFinder::accountIdsNamed(const QString &name)
{
    return idsNamed("SELECT id, name FROM accounts", name);
}

QStringList AssetFinder::categoryIdsNamed(const QString &name)
{
    return idsNamed("SELECT id, name FROM categories", name);
}

QStringList AssetFinder::idsNamed(const char *sql, const QString &name)
{
    // Lookup tables are small; SQLite's NOCASE folds ASCII only.
    const QString wanted = name.trimmed();
    Statement statement = m_db.cached(sql);
    QStringList ids;
    while (statement.step()) {
        if (QString::compare(statement.columnText(1), wanted, Qt::CaseInsensitive) == 0)
            ids.append(statement.columnText(0));
    }
    return ids;
}

std::pair<qint64, qint64> AssetFinder::dataVersion()
{
    Statement version = m_db.cached("PRAGMA data_version");
    const qint64 others = version.step() ? version.columnInt64(0) : -1;
    return {others, sqlite3_total_changes64(m_db.handle())};
}

const TextMatch &AssetFinder::match(const QStringList &terms, bool ranked)
{
    const std::pair<qint64, qint64> version = dataVersion();
    if (!m_match || m_match->terms != terms || m_match->version != version || (ranked && !m_match->ranked)) {
        auto fresh = std::make_unique<CachedMatch>();
        fresh->terms = terms;
        fresh->ranked = ranked;
        fresh->version = version;
        fresh->match = AssetTextMatcher::match(m_db, terms, ranked);
        m_match = std::move(fresh);
    }
    return m_match->match;
}

MatchSourceSql AssetFinder::sourceFor(const TextMatch &match) const
{
    return MatchSourceSql(match.rows.size() <= size_t(m_tuning.sortThreshold) ? MatchSourceSql::Kind::List
                                                                       : MatchSourceSql::Kind::Bitmap,
                          &match.rows);
}

AssetPage AssetFinder::page(const AssetQuery &query, const AssetCursor &after, int limit)
{
    const QStringList terms = SearchQuery::terms(query.text);
    const AssetSort sort = effectiveSort(query, terms);
    if (!after.isStart() && after.m_sort != sort)
        throw StoreError(tr("A page of assets was asked for with a cursor of another sort order"));
    if (limit <= 0)
        return {};
    // The match and the rows it names come from one state of the database.
    Transaction snapshot(m_db, Transaction::Read);
    AssetPage page = sort == AssetSort::Relevance ? rankedPage(query, terms, after, limit)
                                                  : keysetPage(query, terms, after, limit);
    snapshot.commit();
    return page;
}

AssetPage AssetFinder::keysetPage(const AssetQuery &query, const QStringList &terms, const AssetCursor &after,
                                  int limit)
{
    const AssetSort sort = effectiveSort(query, terms);
    const AssetFilterSql requested(query.filter);
    AssetPage page;
    const TextMatch *textMatch = terms.isEmpty() ? nullptr : &match(terms, false);
    if (textMatch && textMatch->rows.empty()) {
        page.atEnd = true;
        return page;
    }
    // A selective filter is applied first, through its index.
    TextMatch narrowed;
    if (std::optional<RowSet> rows = narrowByFilter(textMatch, requested, size_t(limit) + 1)) {
        narrowed.rows = std::move(*rows);
        textMatch = &narrowed;
    }
    const AssetFilterSql filter(textMatch == &narrowed ? AssetFilter() : query.filter);
    const MatchSourceSql source =
        textMatch ? sourceFor(*textMatch) : MatchSourceSql(MatchSourceSql::Kind::All, nullptr);

    const bool byName = sort == AssetSort::Name;
    // A broad match: where its rows stand in the sort order says where the
    // page starts (and, with no filter left to test, which rows it holds),
    // instead of a walk from the cursor past every row that does not match.
    std::optional<std::pair<QString, QString>> firstMatch;
    std::vector<qint64> rowIds;
    bool picked = false;
    if (textMatch && source.kind() == MatchSourceSql::Kind::Bitmap) {
        const AssetSortOrder &order = sortOrder(sort);
        const quint32 from = after.isStart() ? 0 : order.firstPositionAfter(m_db, after.m_key, after.m_id);
        if (from == AssetSortOrder::kAbsent) {
            page.atEnd = true;
            page.next = after;
            return page;
        }
        if (filter.isEmpty()) {
            rowIds = order.firstInOrder(textMatch->rows.rowIds(), from, size_t(limit) + 1);
            picked = true;
        } else {
            const std::vector<qint64> first = order.firstInOrder(textMatch->rows.rowIds(), from, 1);
            if (first.empty()) {
                page.atEnd = true;
                page.next = after;
                return page;
            }
            firstMatch = keyOfRow(first.front(), sort);
        }
    }
    if (!picked) {
        QByteArray sql = "SELECT a.rid " + source.from() + " WHERE " + source.condition() + " AND " +
                         filter.condition();
        if (!after.isStart())
            sql += byName ? " AND (a.name, a.id) > (:key, :id)" : " AND (a.modified_on, a.id) < (:key, :id)";
        if (firstMatch)
            sql += byName ? " AND (a.name, a.id) >= (:fromKey, :fromId)"
                          : " AND (a.modified_on, a.id) <= (:fromKey, :fromId)";
        sql += byName ? " ORDER BY a.name, a.id" : " ORDER BY a.modified_on DESC, a.id DESC";
        sql += " LIMIT :limit";
        Statement statement = m_db.cached(sql.constData());
        source.bind(statement);
        filter.bind(statement);
        if (!after.isStart()) {
            statement.bind(statement.parameterIndex(":key"), after.m_key);
            statement.bind(statement.parameterIndex(":id"), after.m_id);
        }
        if (firstMatch) {
            statement.bind(statement.parameterIndex(":fromKey"), firstMatch->first);
            statement.bind(statement.parameterIndex(":fromId"), firstMatch->second);
        }
        statement.bind(statement.parameterIndex(":limit"), limit + 1); // one more tells whether this is the end
        while (statement.step())
            rowIds.push_back(statement.columnInt64(0));
    }
    page.atEnd = rowIds.size() <= size_t(limit);
    if (!page.atEnd)
        rowIds.pop_back();
    page.rows = readAssetsByRowId(m_db, rowIds);
    if (!page.rows.empty()) {
        const Asset &last = page.rows.back();
        page.next.m_valid = true;
        page.next.m_sort = sort;
        page.next.m_key = byName ? last.name : last.modifiedOn;
        page.next.m_id = last.id;
    } else {
        page.next = after;
    }
    return page;
}

std::optional<RowSet> AssetFinder::narrowByFilter(const TextMatch *match, const AssetFilterSql &filter,
                                                  size_t wanted)
{
    if (filter.isEmpty() || (match && match->rows.size() <= size_t(m_tuning.sortThreshold)))
        return std::nullopt; // nothing to narrow, or a list SQLite filters as it sorts
    // How selective is it? Counting stops past the threshold.
    const QByteArray probeSql =
        "SELECT count(*) FROM (SELECT 1 FROM assets a WHERE " + filter.condition() + " LIMIT :limit)";
    Statement probe = m_db.cached(probeSql.constData());
    filter.bind(probe);
    probe.bind(probe.parameterIndex(":limit"), qint64(m_tuning.selectiveFilterRows) + 1);
    const bool selective = probe.step() && probe.columnInt64(0) <= m_tuning.selectiveFilterRows;
    probe.reset();
    std::vector<qint64> rowIds;
    if (selective) {
        const MatchSourceSql source = match ? MatchSourceSql(MatchSourceSql::Kind::Bitmap, &match->rows)
                                            : MatchSourceSql(MatchSourceSql::Kind::All, nullptr);
        const QByteArray sql = "SELECT a.rid FROM assets a WHERE " + filter.condition() + " AND " + source.condition();
        Statement statement = m_db.cached(sql.constData());
        filter.bind(statement);
        source.bind(statement);
        while (statement.step())
            rowIds.push_back(statement.columnInt64(0));
        std::sort(rowIds.begin(), rowIds.end());
        return RowSet(std::move(rowIds));
    }
    if (!match)
        return std::nullopt; // no text: SQLite plans the filter with the sort

    // A walk along the sort order looks up about wanted / p rows of the
    // match for the filter (p: the share that passes); testing every row of
    // the match costs |match| look-ups, but in row order. Estimate p.
    const QByteArray sql = "SELECT a.rid FROM json_each(:rows) j JOIN assets a ON a.rid = j.value WHERE " +
                           filter.condition();
    Statement statement = m_db.cached(sql.constData());
    const std::vector<qint64> &all = match->rows.rowIds();
    constexpr size_t kSample = 1024;
    std::vector<qint64> sample;
    for (size_t i = 0; i < kSample; ++i)
        sample.push_back(all[i * all.size() / kSample]);
    statement.bindIntegerList(statement.parameterIndex(":rows"), sample);
    filter.bind(statement);
    size_t passed = 0;
    while (statement.step())
        ++passed;
    statement.reset();
    const double estimate = double(passed) / double(kSample) * double(all.size());
    if (estimate >= 4.0 * double(wanted))
        return std::nullopt; // the walk finds its rows soon

    // Few pass. Reading the filter's rows through its index costs about a
    // tenth of a look-up of a match row by id, so when the filter has at
    // most a few times as many rows as the match, its rows are read and
    // tested against the match instead (one pass, stopped at that bound).
    {
        const qint64 scanLimit = qint64(kFilterScanPerMatchRow * all.size());
        const MatchSourceSql inMatch(MatchSourceSql::Kind::Bitmap, &match->rows);
        const QByteArray scanSql = "SELECT a.rid, " + inMatch.condition() + " FROM assets a WHERE " +
                                   filter.condition() + " LIMIT :limit";
        Statement scan = m_db.cached(scanSql.constData());
        filter.bind(scan);
        inMatch.bind(scan);
        scan.bind(scan.parameterIndex(":limit"), scanLimit + 1);
        qint64 scanned = 0;
        while (scan.step()) {
            ++scanned;
            if (scan.columnInt64(1))
                rowIds.push_back(scan.columnInt64(0));
        }
        scan.reset();
        if (scanned <= scanLimit) {
            std::sort(rowIds.begin(), rowIds.end());
            return RowSet(std::move(rowIds));
        }
        rowIds.clear();
    }

    constexpr size_t kChunk = 65536;
    const std::span<const qint64> rows(all);
    for (size_t first = 0; first < rows.size(); first += kChunk) {
        statement.bindIntegerList(statement.parameterIndex(":rows"), rows.subspan(first, std::min(kChunk, rows.size() - first)));
        filter.bind(statement);
        while (statement.step())
            rowIds.push_back(statement.columnInt64(0));
        statement.reset();
    }
    std::sort(rowIds.begin(), rowIds.end());
    return RowSet(std::move(rowIds));
}

const AssetSortOrder &AssetFinder::sortOrder(AssetSort sort)
{
    std::unique_ptr<CachedOrder> &cached = sort == AssetSort::Name ? m_nameOrder : m_modifiedOrder;
    const std::pair<qint64, qint64> version = dataVersion();
    if (!cached || cached->version != version) {
        cached.reset(); // the old positions are not kept while the new ones are read
        auto fresh = std::make_unique<CachedOrder>(CachedOrder{version, AssetSortOrder(m_db, sort)});
        cached = std::move(fresh);
    }
    return cached->order;
}

void AssetFinder::prepare(AssetSort sort)
{
    if (sort == AssetSort::Relevance)
        return;
    Transaction snapshot(m_db, Transaction::Read);
    sortOrder(sort);
    snapshot.commit();
}

std::pair<QString, QString> AssetFinder::keyOfRow(qint64 rowId, AssetSort sort)
{
    Statement statement = m_db.cached(sort == AssetSort::Name ? "SELECT name, id FROM assets WHERE rid = ?1"
                                                              : "SELECT modified_on, id FROM assets WHERE rid = ?1");
    statement.bind(1, rowId);
    std::pair<QString, QString> key;
    if (statement.step())
        key = {statement.columnText(0), statement.columnText(1)};
    statement.reset();
    return key;
}

const AssetFinder::Ranking &AssetFinder::ranking(const QStringList &terms, const AssetCursor &after)
{
    // A later page keeps the ranking of the first one (see page()).
    if (m_ranking && !after.isStart() && after.m_ranking == m_ranking->id && m_ranking->terms == terms)
        return *m_ranking;
    const TextMatch &textMatch = match(terms, true);
    auto fresh = std::make_unique<Ranking>();
    fresh->id = g_nextRankingId++;
    fresh->terms = terms;
    const std::vector<qint64> &rowIds = textMatch.rows.rowIds();
    fresh->rows.reserve(rowIds.size());
    for (size_t i = 0; i < rowIds.size(); ++i)
        fresh->rows.emplace_back(textMatch.scores[i], rowIds[i]);
    std::sort(fresh->rows.begin(), fresh->rows.end());
    m_ranking = std::move(fresh);
    return *m_ranking;
}

AssetPage AssetFinder::rankedPage(const AssetQuery &query, const QStringList &terms, const AssetCursor &after,
                                  int limit)
{
    const AssetFilterSql filter(query.filter);
    const Ranking &ranked = ranking(terms, after);
    const auto &rows = ranked.rows;
    // A selective filter: the ranked rows that pass it, found through its index.
    const std::optional<RowSet> passing =
        rows.size() > size_t(m_tuning.sortThreshold) ? narrowByFilter(&match(terms, false), filter, size_t(limit) + 1) : std::nullopt;
    size_t position = 0;
    if (!after.isStart())
        position = size_t(std::upper_bound(rows.begin(), rows.end(), std::make_pair(after.m_score, after.m_rowId)) -
                          rows.begin());

    // The ranking positions of the page, plus one to tell whether it is the end.
    std::vector<size_t> taken;
    const size_t wanted = size_t(limit) + 1;
    if (filter.isEmpty() || passing) {
        for (size_t i = position; i < rows.size() && taken.size() < wanted; ++i) {
            if (!passing || passing->contains(rows[i].second))
                taken.push_back(i);
        }
    } else {
        QByteArray sql = "SELECT a.rid FROM json_each(:rows) j JOIN assets a ON a.rid = j.value WHERE " +
                         filter.condition();
        Statement statement = m_db.cached(sql.constData());
        size_t batch = std::max(kFirstBatch, wanted * 2);
        while (position < rows.size() && taken.size() < wanted) {
            const size_t end = std::min(rows.size(), position + batch);
            std::vector<qint64> candidates;
            candidates.reserve(end - position);
            for (size_t i = position; i < end; ++i)
                candidates.push_back(rows[i].second);
            std::sort(candidates.begin(), candidates.end());
            statement.bindIntegerList(statement.parameterIndex(":rows"), candidates);
            filter.bind(statement);
            std::vector<qint64> passedIds;
            while (statement.step())
                passedIds.push_back(statement.columnInt64(0));
            statement.reset();
            std::sort(passedIds.begin(), passedIds.end());
            const RowSet passed(std::move(passedIds));
            for (size_t i = position; i < end && taken.size() < wanted; ++i) {
                if (passed.contains(rows[i].second))
                    taken.push_back(i);
            }
            position = end;
            batch = std::min(kMaxBatch, batch * 2);
        }
    }

    AssetPage page;
    page.atEnd = taken.size() < wanted;
    if (!page.atEnd)
        taken.pop_back();
    std::vector<qint64> rowIds;
    rowIds.reserve(taken.size());
    for (size_t i : taken)
        rowIds.push_back(rows[i].second);
    page.rows = readAssetsByRowId(m_db, rowIds);
    if (taken.empty()) {
        page.next = after;
    } else {
        page.next.m_valid = true;
        page.next.m_sort = AssetSort::Relevance;
        page.next.m_score = rows[taken.back()].first;
        page.next.m_rowId = rows[taken.back()].second;
        page.next.m_ranking = ranked.id;
    }
    return page;
}

AssetCount AssetFinder::count(const AssetQuery &query, int cap)
{
    const QStringList terms = SearchQuery::terms(query.text);
    const AssetFilterSql filter(query.filter);
    Transaction snapshot(m_db, Transaction::Read);
    qint64 counted = 0;
    const TextMatch *textMatch = terms.isEmpty() ? nullptr : &match(terms, false);
    std::optional<RowSet> narrowed = (textMatch && textMatch->rows.empty()) ? std::nullopt
                                                                            : narrowByFilter(textMatch, filter, cap > 0 ? size_t(cap) + 1 : size_t(-1));
    if (narrowed) {
        counted = qint64(narrowed->size());
    } else if (textMatch && filter.isEmpty()) {
        counted = qint64(textMatch->rows.size());
    } else if (!textMatch && filter.isEmpty() && cap <= 0) {
        Statement all = m_db.cached("SELECT count(*) FROM assets");
        counted = all.step() ? all.columnInt64(0) : 0;
    } else {
        const MatchSourceSql source =
            textMatch ? sourceFor(*textMatch) : MatchSourceSql(MatchSourceSql::Kind::All, nullptr);
        // Counting stops one past the cap: that says "more than cap" without a full count.
        const QByteArray sql = "SELECT count(*) FROM (SELECT 1 " + source.from() + " WHERE " + source.condition() +
                               " AND " + filter.condition() + " LIMIT :limit)";
        Statement statement = m_db.cached(sql.constData());
        source.bind(statement);
        filter.bind(statement);
        statement.bind(statement.parameterIndex(":limit"), cap > 0 ? qint64(cap) + 1 : qint64(-1));
        counted = statement.step() ? statement.columnInt64(0) : 0;
    }
    snapshot.commit();
    if (cap > 0 && counted > cap)
        return {cap, true};
    return {int(counted), false};
}

AssetFacets AssetFinder::facets(const AssetQuery &query)
{
    const QStringList terms = SearchQuery::terms(query.text);
    Transaction snapshot(m_db, Transaction::Read);
    const TextMatch *textMatch = terms.isEmpty() ? nullptr : &match(terms, false);
    const MatchSourceSql source =
        textMatch ? sourceFor(*textMatch) : MatchSourceSql(MatchSourceSql::Kind::All, nullptr);
    AssetFacets facets = textMatch && textMatch->rows.empty()
                             ? AssetFacetCounter(m_db, source, query.filter).emptyFacets()
                             : AssetFacetCounter(m_db, source, query.filter).count();
    snapshot.commit();
    return facets;
}

} // namespace sl
