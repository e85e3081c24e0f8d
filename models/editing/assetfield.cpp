#include "editing/assetfield.h"

#include <QCoreApplication>

namespace sl {

QString assetFieldLabel(AssetField field)
{
    switch (field) {
    case AssetField::Name:
        return QCoreApplication::translate("sl::AssetField", "Name");
    case AssetField::AssetTag:
        return QCoreApplication::translate("sl::AssetField", "Asset tag");
    case AssetField::Account:
        return QCoreApplication::translate("sl::AssetField", "Account");
    case AssetField::Product:
        return QCoreApplication::translate("sl::AssetField", "Product");
    case AssetField::Category:
        return QCoreApplication::translate("sl::AssetField", "Category");
    case AssetField::Parent:
        return QCoreApplication::translate("sl::AssetField", "Parent asset");
    case AssetField::Latitude:
        return QCoreApplication::translate("sl::AssetField", "Latitude");
    case AssetField::Longitude:
        return QCoreApplication::translate("sl::AssetField", "Longitude");
    case AssetField::State:
        return QCoreApplication::translate("sl::AssetField", "Status");
    }
    return QString();
}

} // namespace sl
