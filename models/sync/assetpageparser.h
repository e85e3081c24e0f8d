#pragma once

#include "remote/odatapage.h"

#include <QByteArray>
#include <QUrl>

namespace sl {

// Reads a page of assets (msdyn_customerassets) straight into
// DecodedAssets (ODataPage::decoded; ODataPage::rows stays empty), with
// simdjson: ~3 ms for a 5,000-row page where Qt's JSON document and
// StoreColumns::assetFromRow took ~15 ms, on the thread that fetches the
// next page during a pull. The same rules as ODataPageParser::parse
// followed by StoreColumns::assetFromRow, the same answers and the same
// errors (tst_assetpageparser runs both on the same pages); rows without a
// key are counted but not kept, as assetFromRow's callers do.
class AssetPageParser
{
public:
    // For PagedReadJob::setPageParser.
    static bool parse(const QByteArray &body, const QUrl &requestUrl, ODataPage *page, QString *error);
};

} // namespace sl
