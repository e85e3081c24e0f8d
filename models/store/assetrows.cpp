#include "store/assetrows.h"

#include "store/database.h"

namespace sl {

Asset readAsset(const Statement &row)
{
    Asset asset;
    asset.id = row.columnText(0);
    asset.name = row.columnText(1);
    asset.assetTag = row.columnText(2);
    asset.accountId = row.columnText(3);
    asset.accountName = row.columnText(4);
    asset.productId = row.columnText(5);
    asset.productName = row.columnText(6);
    asset.categoryId = row.columnText(7);
    asset.categoryName = row.columnText(8);
    asset.parentId = row.columnText(9);
    asset.latitude = row.columnDouble(10);
    asset.longitude = row.columnDouble(11);
    asset.stateCode = row.columnInt(12);
    asset.modifiedOn = row.columnText(13);
    asset.captureCount = row.columnInt(14);
    return asset;
}

std::vector<Asset> readAssetsByRowId(Database &db, std::span<const qint64> rowIds)
{
    std::vector<Asset> rows;
    if (rowIds.empty())
        return rows;
    rows.reserve(rowIds.size());
    Statement query = db.cached("SELECT " SL_ASSET_COLUMNS "FROM json_each(?) j JOIN assets a ON a.rid = j.value "
                                SL_ASSET_JOINS "ORDER BY j.key");
    query.bindIntegerList(1, rowIds);
    while (query.step())
        rows.push_back(readAsset(query));
    return rows;
}

} // namespace sl
