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

// The assets' columns from the rows of json_each(...) r over arrays that
// appendAssetJsonRow() wrote, in the order of SL_ASSET_WRITTEN_COLUMNS.
#define SL_ASSET_WRITTEN_COLUMNS                                                                             \
    "id, name, asset_tag, account_id, product_id, category_id, parent_id, latitude, longitude, state_code, "   \
    "modified_on"
#define SL_ASSET_JSON_ROW                                                                                    \
    "r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, "              \
    "r.value ->> 6, r.value ->> 7, r.value ->> 8, r.value ->> 9, r.value ->> 10 "
// The same for rows read from the asset store, which carry their ETag
// (written with appendAssetJsonRow's `etag`) and are not made here.
#define SL_PULLED_ASSET_WRITTEN_COLUMNS SL_ASSET_WRITTEN_COLUMNS ", etag, created_here"
#define SL_PULLED_ASSET_JSON_ROW SL_ASSET_JSON_ROW ", r.value ->> 11, 0 "

namespace sl {

class Database;
class Statement;

// The Asset in the current row of a statement selecting SL_ASSET_COLUMNS.
Asset readAsset(const Statement &row);
// The assets with these row ids (assets.rid), in the order given; ids of
// rows that no longer exist are left out. One statement.
std::vector<Asset> readAssetsByRowId(Database &db, std::span<const qint64> rowIds);
// Appends `text` as a JSON string (RFC 8259: quote, backslash and control
// characters escaped; everything else as UTF-8), for statements that read
// their rows with json_each.
void appendJsonString(QByteArray &json, const QString &text);
// Appends an asset as the JSON array a batch upsert reads (SL_ASSET_JSON_ROW):
// id, name, tag, account, product, category, parent (null when empty),
// latitude, longitude, state code, modified on, and then the ETag when
// `etag` is given (SL_PULLED_ASSET_JSON_ROW). Written by hand: Qt's JSON
// classes cost ~10 us per asset, a third of storing it.
void appendAssetJsonRow(QByteArray &json, const Asset &asset, const QString &parentId,
                        const QByteArray *etag = nullptr);

} // namespace sl
