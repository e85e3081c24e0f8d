#pragma once

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace sl {

class Database;

// A set of table row ids (assets.rid), as a full-text search finds them:
// sorted ids, plus a bitmap once per-row tests are needed (a bit test per
// row instead of a B-tree probe per row). SQL tests membership with
// `sl_rowset_contains(:set, rid)`, the set bound with bindTo().
class RowSet
{
public:
    RowSet() = default;
    // `sortedRowIds` ascending, without duplicates.
    explicit RowSet(std::vector<qint64> sortedRowIds);

    const std::vector<qint64> &rowIds() const { return m_rowIds; }
    size_t size() const { return m_rowIds.size(); }
    bool empty() const { return m_rowIds.empty(); }
    bool contains(qint64 rowId) const;
    // Index of rowId in rowIds(), or -1.
    qint64 indexOf(qint64 rowId) const;

    static RowSet intersection(const RowSet &a, const RowSet &b);
    static RowSet unionOf(const RowSet &a, const RowSet &b);

    // Registers sl_rowset_contains(set, rowid) on the connection (idempotent).
    static void registerSqlFunction(Database &db);
    static constexpr const char *kPointerType = "sl::RowSet";

private:
    void buildBitmap() const;

    std::vector<qint64> m_rowIds;
    // Built on first use by contains(); one bit per row id up to the largest.
    mutable std::vector<std::uint64_t> m_bitmap;
    mutable bool m_hasBitmap = false;
};

} // namespace sl
