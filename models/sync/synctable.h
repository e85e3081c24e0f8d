#pragma once

#include <QString>
#include <QStringList>

#include <array>

namespace sl {

// The tables a sync pulls from the asset store (ASSET-STORE.md, "Tables").
enum class SyncTable { Accounts, Products, Categories, Assets, Attachments };

// The order of a pull: lookups first, so that an asset's references find
// their rows with names; the attachments (captures) last.
inline constexpr std::array<SyncTable, 5> kPullOrder{SyncTable::Accounts, SyncTable::Products,
                                                      SyncTable::Categories, SyncTable::Assets,
                                                      SyncTable::Attachments};

// What the client reads of one table: the entity set of its URL, its key
// column and the columns of $select.
struct SyncTableSpec
{
    SyncTable table;
    QString entitySet;
    QString keyColumn;
    QStringList columns;
};

SyncTableSpec syncTableSpec(SyncTable table);

} // namespace sl
