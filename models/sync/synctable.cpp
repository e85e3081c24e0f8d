#include "sync/synctable.h"

namespace sl {

SyncTableSpec syncTableSpec(SyncTable table)
{
    switch (table) {
    case SyncTable::Accounts:
        return {table, QStringLiteral("accounts"), QStringLiteral("accountid"),
                {QStringLiteral("name"), QStringLiteral("modifiedon")}};
    case SyncTable::Products:
        return {table, QStringLiteral("products"), QStringLiteral("productid"),
                {QStringLiteral("name"), QStringLiteral("productnumber"), QStringLiteral("modifiedon")}};
    case SyncTable::Categories:
        return {table, QStringLiteral("msdyn_customerassetcategories"), QStringLiteral("msdyn_customerassetcategoryid"),
                {QStringLiteral("msdyn_name"), QStringLiteral("modifiedon")}};
    case SyncTable::Attachments:
        // Sightline's own columns only: the media columns are not read here.
        return {table, QStringLiteral("msdyn_customerassetattachments"),
                QStringLiteral("msdyn_customerassetattachmentid"),
                {QStringLiteral("msdyn_name"), QStringLiteral("_msdyn_customerasset_value"),
                 QStringLiteral("msdyn_attachmenttype"), QStringLiteral("msdyn_file_name"), QStringLiteral("createdon"),
                 QStringLiteral("sl_manifest"), QStringLiteral("sl_reviewstatus"), QStringLiteral("sl_reviewnote"),
                 QStringLiteral("modifiedon")}};
    case SyncTable::Assets:
        break;
    }
    return {SyncTable::Assets, QStringLiteral("msdyn_customerassets"), QStringLiteral("msdyn_customerassetid"),
            {QStringLiteral("msdyn_name"), QStringLiteral("msdyn_assettag"), QStringLiteral("msdyn_latitude"),
             QStringLiteral("msdyn_longitude"), QStringLiteral("_msdyn_account_value"),
             QStringLiteral("_msdyn_product_value"), QStringLiteral("_msdyn_customerassetcategory_value"),
             QStringLiteral("_msdyn_parentasset_value"), QStringLiteral("statecode"), QStringLiteral("modifiedon")}};
}

} // namespace sl
