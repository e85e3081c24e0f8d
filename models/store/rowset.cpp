#include "store/rowset.h"

#include "store/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>

namespace sl {

namespace {

// Beyond this row id a bitmap would be wasteful (a table of deleted rows):
// contains() then searches the sorted ids instead.
constexpr qint64 kMaxBitmapRowId = qint64(1) << 28;

void containsFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *set = static_cast<const RowSet *>(sqlite3_value_pointer(argv[0], RowSet::kPointerType));
    sqlite3_result_int(context, set && set->contains(sqlite3_value_int64(argv[1])) ? 1 : 0);
}

} // namespace

RowSet::RowSet(std::vector<qint64> sortedRowIds) : m_rowIds(std::move(sortedRowIds)) {}

void RowSet::buildBitmap() const
{
    m_hasBitmap = true;
    if (m_rowIds.empty() || m_rowIds.back() > kMaxBitmapRowId || m_rowIds.front() < 0)
        return; // contains() searches instead
    m_bitmap.assign(size_t(m_rowIds.back() / 64 + 1), 0);
    for (qint64 rowId : m_rowIds)
        m_bitmap[size_t(rowId / 64)] |= std::uint64_t(1) << (rowId % 64);
}

bool RowSet::contains(qint64 rowId) const
{
    // A handful of ids: searching is cheaper than building a bitmap.
    if (m_rowIds.size() < 64)
        return std::binary_search(m_rowIds.begin(), m_rowIds.end(), rowId);
    if (!m_hasBitmap)
        buildBitmap();
    if (m_bitmap.empty())
        return std::binary_search(m_rowIds.begin(), m_rowIds.end(), rowId);
    if (rowId < 0 || size_t(rowId / 64) >= m_bitmap.size())
        return false;
    return (m_bitmap[size_t(rowId / 64)] >> (rowId % 64)) & 1;
}

qint64 RowSet::indexOf(qint64 rowId) const
{
    const auto it = std::lower_bound(m_rowIds.begin(), m_rowIds.end(), rowId);
    return it != m_rowIds.end() && *it == rowId ? qint64(it - m_rowIds.begin()) : -1;
}

RowSet RowSet::intersection(const RowSet &a, const RowSet &b)
{
    std::vector<qint64> out;
    std::set_intersection(a.m_rowIds.begin(), a.m_rowIds.end(), b.m_rowIds.begin(), b.m_rowIds.end(),
                          std::back_inserter(out));
    return RowSet(std::move(out));
}

RowSet RowSet::unionOf(const RowSet &a, const RowSet &b)
{
    std::vector<qint64> out;
    out.reserve(a.size() + b.size());
    std::set_union(a.m_rowIds.begin(), a.m_rowIds.end(), b.m_rowIds.begin(), b.m_rowIds.end(),
                   std::back_inserter(out));
    return RowSet(std::move(out));
}

void RowSet::registerSqlFunction(Database &db)
{
    const int rc = sqlite3_create_function_v2(db.handle(), "sl_rowset_contains", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                              nullptr, containsFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::describe(rc, QStringLiteral("registering sl_rowset_contains: %1")
                                                      .arg(db.lastErrorMessage())),
                         rc & 0xff);
}

} // namespace sl
