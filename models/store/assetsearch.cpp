#include "store/assetsearch.h"

#include "store/database.h"

namespace sl {

namespace {

// Beyond this row id a bitmap would be wasteful (a table of deleted rows).
constexpr qint64 kMaxBitmapRowId = qint64(1) << 28;

void bindCursor(Statement &statement, const AssetPageCursor &after)
{
    // ids are never empty, so ('', '') precedes every row.
    statement.bind(1, after.isStart() ? QStringLiteral("") : after.name);
    statement.bind(2, after.isStart() ? QStringLiteral("") : after.id);
}

} // namespace

std::vector<qint64> AssetSearch::pageRowIds(Database &db, const QString &expression,
                                            const AssetPageCursor &after, int limit)
{
    std::vector<qint64> page;
    if (limit <= 0 || expression.isEmpty())
        return page;

    Statement matches = db.cached("SELECT rowid FROM asset_search WHERE asset_search MATCH ?");
    matches.bind(1, expression);
    std::vector<qint64> first;
    first.reserve(kSortThreshold);
    bool more = true;
    while (first.size() < size_t(kSortThreshold) && (more = matches.step()))
        first.push_back(matches.columnInt64(0));
    if (!more) {
        matches.reset();
        return sortRowIds(db, first, after, limit);
    }

    Statement maxRowId = db.cached("SELECT max(rid) FROM assets");
    const qint64 top = maxRowId.step() ? maxRowId.columnInt64(0) : 0;
    if (top > kMaxBitmapRowId)
        return sortedPage(db, expression, after, limit);
    std::vector<bool> matching(size_t(top) + 1, false);
    auto mark = [&](qint64 rowId) {
        if (rowId >= 0 && rowId <= top)
            matching[size_t(rowId)] = true;
    };
    for (qint64 rowId : first)
        mark(rowId);
    while (matches.step())
        mark(matches.columnInt64(0));

    // The covering (name, id) index holds rid: no table access while walking.
    Statement scan = db.cached("SELECT rid FROM assets WHERE (name, id) > (?1, ?2) ORDER BY name, id");
    bindCursor(scan, after);
    page.reserve(size_t(limit));
    while (page.size() < size_t(limit) && scan.step()) {
        const qint64 rowId = scan.columnInt64(0);
        if (rowId >= 0 && rowId <= top && matching[size_t(rowId)])
            page.push_back(rowId);
    }
    return page;
}

std::vector<qint64> AssetSearch::sortRowIds(Database &db, const std::vector<qint64> &rowIds,
                                            const AssetPageCursor &after, int limit)
{
    // The few matches go to SQLite as a JSON array, so that the order is
    // exactly the index's (name COLLATE NOCASE, id).
    Statement query = db.cached("SELECT a.rid FROM json_each(?3) j JOIN assets a ON a.rid = j.value "
                                "WHERE (a.name, a.id) > (?1, ?2) ORDER BY a.name, a.id LIMIT ?4");
    bindCursor(query, after);
    query.bindIntegerList(3, rowIds);
    query.bind(4, limit);
    std::vector<qint64> page;
    while (query.step())
        page.push_back(query.columnInt64(0));
    return page;
}

std::vector<qint64> AssetSearch::sortedPage(Database &db, const QString &expression,
                                            const AssetPageCursor &after, int limit)
{
    // Only the sort keys go through the sorter; the repository reads the rest.
    Statement query = db.cached("SELECT a.rid FROM asset_search s JOIN assets a ON a.rid = s.rowid "
                                "WHERE asset_search MATCH ?3 AND (a.name, a.id) > (?1, ?2) "
                                "ORDER BY a.name, a.id LIMIT ?4");
    bindCursor(query, after);
    query.bind(3, expression);
    query.bind(4, limit);
    std::vector<qint64> page;
    while (query.step())
        page.push_back(query.columnInt64(0));
    return page;
}

} // namespace sl
