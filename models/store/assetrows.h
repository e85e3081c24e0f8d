#pragma once

#include "domain/asset.h"

#include <QByteArray>
#include <QtGlobal>

#include <span>
#include <vector>

// How an Asset is read from SQL, for the store's own queries (not a public
// interface of the store).

// Columns read into an Asset by readAsset(); `a` is assets.
#define SL_ASSET_COLUMNS                                                                                     \
    "a.id, a.name, a.asset_tag, a.account_id, coalesce(ac.name, ''), a.product_id, coalesce(p.name, ''), "   \
    "a.category_id, coalesce(c.name, ''), a.parent_id, a.latitude, a.longitude, a.state_code, "              \
    "a.modified_on, (SELECT count(*) FROM captures k WHERE k.asset_ref = a.id) "

// The lookups whose names readAsset() reads, joined to `a`.
#define SL_ASSET_JOINS                                                                                       \
    "LEFT JOIN accounts ac ON ac.id = a.account_id "                                                         \
    "LEFT JOIN products p ON p.id = a.product_id "                                                           \
    "LEFT JOIN categories c ON c.id = a.category_id "

#define SL_ASSET_FROM "FROM assets a " SL_ASSET_JOINS

namespace sl {

class Database;
class Statement;

// The Asset in the current row of a statement selecting SL_ASSET_COLUMNS.
Asset readAsset(const Statement &row);
// The assets with these row ids (assets.rid), in the order given; ids of
// rows that no longer exist are left out. One statement.
std::vector<Asset> readAssetsByRowId(Database &db, std::span<const qint64> rowIds);

} // namespace sl
