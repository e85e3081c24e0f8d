#pragma once

#include "store/assetquery.h"

#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace sl {

class Database;

// Where every asset stands in one keyset sort order (name, or newest first),
// by table row id: built with one walk of the sort's index and kept while
// the data is unchanged (AssetFinder rebuilds it after any commit).
//
// Why: a broad search whose matches sort far down the list ("gearbox" at G)
// made SQLite walk the sort's index from the top, testing hundreds of
// thousands of rows before the first match. With the positions, the first
// rows of a match are found by looking its row ids up here instead.
class AssetSortOrder
{
public:
    static constexpr quint32 kAbsent = 0xffffffffu;

    // Reads the order of every asset; Name or Modified only.
    AssetSortOrder(Database &db, AssetSort sort);

    AssetSort sort() const { return m_sort; }
    // The position of a row (0: first), kAbsent for a row id not in the table.
    quint32 positionOf(qint64 rowId) const
    {
        return rowId >= 0 && size_t(rowId) < m_positions.size() ? m_positions[size_t(rowId)] : kAbsent;
    }
    // The position of the first row after a cursor of this sort at (key,
    // id): name or modified_on, and the asset id; kAbsent when there is none.
    quint32 firstPositionAfter(Database &db, const QString &key, const QString &id) const;

    // Of `rowIds`, the (at most) `count` whose positions are the smallest at
    // or after `from`, ordered by position.
    std::vector<qint64> firstInOrder(const std::vector<qint64> &rowIds, quint32 from, size_t count) const;

private:
    AssetSort m_sort;
    std::vector<quint32> m_positions; // by row id
};

} // namespace sl
