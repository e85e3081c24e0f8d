#pragma once

#include "domain/asset.h"
#include "remote/odatapage.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace sl {

// A page of assets as the store writes them: the rows with a key, each with
// its ETag, in the page's order (ODataPage::decoded of an assets read).
struct DecodedAssets
{
    std::vector<Asset> rows;
    std::vector<QByteArray> etags;
    QString newestModified; // the greatest modifiedon of the rows (ISO 8601 compares as text)
};
using SharedDecodedAssets = std::shared_ptr<const DecodedAssets>;

// The page's decoded assets, or nullptr when it carries none.
inline const DecodedAssets *decodedAssetsOf(const ODataPage &page)
{
    const SharedDecodedAssets *decoded = std::any_cast<SharedDecodedAssets>(&page.decoded);
    return decoded ? decoded->get() : nullptr;
}

} // namespace sl
