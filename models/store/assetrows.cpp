#include "store/assetrows.h"

#include "store/database.h"

#include <QLocale>

#include <cmath>

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

void appendJsonString(QByteArray &json, const QString &text)
{
    static const char kHex[] = "0123456789abcdef";
    json.append('"');
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            json.append('\\').append(c);
        } else if (byte < 0x20) {
            json.append("\\u00").append(kHex[byte >> 4]).append(kHex[byte & 0xf]);
        } else {
            json.append(c);
        }
    }
    json.append('"');
}

namespace {

void appendOptionalJsonString(QByteArray &json, const QString &text)
{
    if (text.isEmpty())
        json.append("null");
    else
        appendJsonString(json, text);
}

// The shortest text that reads back as the same double, as Qt's JSON writer
// does; JSON has no NaN or infinity: those are null (as Qt writes them).
void appendJsonNumber(QByteArray &json, double value)
{
    if (std::isfinite(value))
        json.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    else
        json.append("null");
}

} // namespace

void appendAssetJsonRow(QByteArray &json, const Asset &asset, const QString &parentId, const QByteArray *etag)
{
    json.append('[');
    appendJsonString(json, asset.id);
    json.append(',');
    appendJsonString(json, asset.name);
    json.append(',');
    appendJsonString(json, asset.assetTag);
    for (const QString *optional : {&asset.accountId, &asset.productId, &asset.categoryId, &parentId}) {
        json.append(',');
        appendOptionalJsonString(json, *optional);
    }
    json.append(',');
    appendJsonNumber(json, asset.latitude);
    json.append(',');
    appendJsonNumber(json, asset.longitude);
    json.append(',').append(QByteArray::number(asset.stateCode)).append(',');
    appendJsonString(json, asset.modifiedOn);
    if (etag) {
        json.append(',');
        appendJsonString(json, QString::fromUtf8(*etag));
    }
    json.append(']');
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
