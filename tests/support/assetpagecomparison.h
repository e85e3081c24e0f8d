#pragma once

// What AssetPageParser and the general reading of a page of assets
// (ODataPageParser::parse, then StoreColumns::assetFromRow on each row with
// a key) make of the same bytes, and where they differ. Header only: the
// tests and the fuzzer (built apart, with clang) both use it.
#include "remote/odatapageparser.h"
#include "sync/assetpageparser.h"
#include "sync/decodedassets.h"
#include "sync/storecolumns.h"

#include <QString>
#include <QUrl>

#include <cmath>

namespace sl::test {

struct PageReadings
{
    bool generalOk = false;
    QString generalError;
    ODataPage general;
    std::vector<Asset> generalAssets;
    std::vector<QByteArray> generalEtags;

    bool fastOk = false;
    QString fastError;
    ODataPage fast;
};

inline PageReadings readBothWays(const QByteArray &body, const QUrl &request)
{
    PageReadings read;
    read.generalOk = ODataPageParser::parse(body, request, &read.general, &read.generalError);
    for (const ODataRow &row : read.general.rows) {
        Asset asset = StoreColumns::assetFromRow(row.values);
        if (asset.id.isEmpty())
            continue;
        read.generalAssets.push_back(asset);
        read.generalEtags.push_back(row.etag);
    }
    read.fastOk = AssetPageParser::parse(body, request, &read.fast, &read.fastError);
    return read;
}

inline bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

// Empty when both readings accepted the page and agree on every row, link
// and deleted row, or both refused it; else the first difference.
inline QString differenceOf(const PageReadings &read)
{
    if (read.fastOk != read.generalOk)
        return QStringLiteral("verdict %1 against %2 (%3%4)")
            .arg(read.fastOk)
            .arg(read.generalOk)
            .arg(read.fastError, read.generalError);
    if (!read.fastOk)
        return {};
    const ODataPage &page = read.fast;
    if (!page.rows.empty())
        return QStringLiteral("rows kept as JSON");
    if (page.rowsRead != int(read.general.rows.size()))
        return QStringLiteral("%1 rows read against %2").arg(page.rowsRead).arg(read.general.rows.size());
    if (page.nextLink != read.general.nextLink || page.deltaLink != read.general.deltaLink)
        return QStringLiteral("links differ");
    if (page.deleted.size() != read.general.deleted.size())
        return QStringLiteral("deleted rows differ");
    for (size_t i = 0; i < page.deleted.size(); ++i) {
        if (page.deleted[i].id != read.general.deleted[i].id || page.deleted[i].reason != read.general.deleted[i].reason)
            return QStringLiteral("deleted row %1 differs").arg(i);
    }
    const DecodedAssets *decoded = decodedAssetsOf(page);
    if (!decoded)
        return QStringLiteral("no decoded assets");
    if (decoded->rows.size() != read.generalAssets.size() || decoded->etags != read.generalEtags)
        return QStringLiteral("%1 assets against %2, or ETags differ")
            .arg(decoded->rows.size())
            .arg(read.generalAssets.size());
    QString newest;
    for (size_t i = 0; i < read.generalAssets.size(); ++i) {
        const Asset &a = decoded->rows[i];
        const Asset &b = read.generalAssets[i];
        newest = std::max(newest, b.modifiedOn);
        const bool same = a.id == b.id && a.name == b.name && a.assetTag == b.assetTag && a.accountId == b.accountId
                          && a.accountName == b.accountName && a.productId == b.productId
                          && a.productName == b.productName && a.categoryId == b.categoryId
                          && a.categoryName == b.categoryName && a.parentId == b.parentId
                          && sameNumber(a.latitude, b.latitude) && sameNumber(a.longitude, b.longitude)
                          && a.stateCode == b.stateCode && a.modifiedOn == b.modifiedOn;
        if (!same)
            return QStringLiteral("asset %1 differs: %2 / %3").arg(i).arg(a.name, b.name);
    }
    if (decoded->newestModified != newest)
        return QStringLiteral("newest modifiedon %1 against %2").arg(decoded->newestModified, newest);
    return {};
}

} // namespace sl::test
