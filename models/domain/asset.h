#pragma once

#include <QString>

namespace sl {

// A customer asset as cached from the asset store (msdyn_customerasset),
// with the names of its lookups resolved for display.
struct Asset
{
    QString id;          // msdyn_customerassetid (GUID, lower case, no braces)
    QString name;        // msdyn_name
    QString assetTag;    // msdyn_assettag
    QString accountId;   // _msdyn_account_value; empty if none
    QString accountName;
    QString productId;   // _msdyn_product_value
    QString productName;
    QString categoryId;  // _msdyn_customerassetcategory_value
    QString categoryName;
    QString parentId;    // _msdyn_parentasset_value; empty for a top-level asset
    double latitude = 0;  // degrees, WGS 84
    double longitude = 0;
    int stateCode = 0;    // 0 active, 1 inactive
    QString modifiedOn;   // ISO 8601 from the store
    int captureCount = 0; // derived, filled by queries that say so
    int childCount = 0;   // derived likewise (tree queries); counted up to 10,000
};

struct Account { QString id; QString name; };
struct Product { QString id; QString name; QString productNumber; };
struct Category { QString id; QString name; };

} // namespace sl
