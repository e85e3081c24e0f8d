#include "store/assetsortorder.h"

#include "store/database.h"

#include <algorithm>

namespace sl {

namespace {

// The keyset orders, as AssetFinder::keysetPage walks them.
const char *orderSql(AssetSort sort)
{
    return sort == AssetSort::Name ? "SELECT rid FROM assets ORDER BY name, id"
                                   : "SELECT rid FROM assets ORDER BY modified_on DESC, id DESC";
}

const char *firstAfterSql(AssetSort sort)
{
    return sort == AssetSort::Name
               ? "SELECT rid FROM assets WHERE (name, id) > (:key, :id) ORDER BY name, id LIMIT 1"
               : "SELECT rid FROM assets WHERE (modified_on, id) < (:key, :id) ORDER BY modified_on DESC, id DESC "
                 "LIMIT 1";
}

} // namespace

AssetSortOrder::AssetSortOrder(Database &db, AssetSort sort) : m_sort(sort)
{
    Q_ASSERT(sort == AssetSort::Name || sort == AssetSort::Modified);
    Statement largest = db.cached("SELECT coalesce(max(rid), -1) FROM assets");
    const qint64 maxRowId = largest.step() ? largest.columnInt64(0) : -1;
    largest.reset();
    m_positions.assign(size_t(maxRowId + 1), kAbsent);
    Statement statement = db.cached(orderSql(sort));
    quint32 position = 0;
    while (statement.step()) {
        const qint64 rowId = statement.columnInt64(0);
        if (rowId >= 0 && rowId <= maxRowId)
            m_positions[size_t(rowId)] = position++;
    }
}

quint32 AssetSortOrder::firstPositionAfter(Database &db, const QString &key, const QString &id) const
{
    Statement statement = db.cached(firstAfterSql(m_sort));
    statement.bind(statement.parameterIndex(":key"), key);
    statement.bind(statement.parameterIndex(":id"), id);
    const quint32 position = statement.step() ? positionOf(statement.columnInt64(0)) : kAbsent;
    statement.reset();
    return position;
}

std::vector<qint64> AssetSortOrder::firstInOrder(const std::vector<qint64> &rowIds, quint32 from, size_t count) const
{
    std::vector<std::pair<quint32, qint64>> candidates;
    candidates.reserve(std::min(rowIds.size(), size_t(1) << 20));
    for (const qint64 rowId : rowIds) {
        const quint32 position = positionOf(rowId);
        if (position != kAbsent && position >= from)
            candidates.emplace_back(position, rowId);
    }
    // Selection, not a sort of every match: O(matches) plus count log count.
    if (candidates.size() > count) {
        std::nth_element(candidates.begin(), candidates.begin() + std::ptrdiff_t(count), candidates.end());
        candidates.resize(count);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<qint64> ordered;
    ordered.reserve(candidates.size());
    for (const auto &[position, rowId] : candidates)
        ordered.push_back(rowId);
    return ordered;
}

} // namespace sl
