#include "items/assetroles.h"

#include <QCoreApplication>

namespace sl::AssetRoles {

QVariant data(const Asset &asset, int role)
{
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return asset.name;
    case Qt::ToolTipRole:
        return asset.assetTag.isEmpty() ? asset.name
                                        : QString(asset.name + QStringLiteral(" (") + asset.assetTag + QLatin1Char(')'));
    case IdRole:
        return asset.id;
    case AssetTagRole:
        return asset.assetTag;
    case AccountRole:
        return asset.accountName;
    case ProductRole:
        return asset.productName;
    case CategoryRole:
        return asset.categoryName;
    case ParentIdRole:
        return asset.parentId;
    case StateRole:
        return asset.stateCode;
    case CaptureCountRole:
        return asset.captureCount;
    case ChildCountRole:
        return asset.childCount;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QHash<int, QByteArray> names(QHash<int, QByteArray> base)
{
    base.insert(IdRole, "assetId");
    base.insert(NameRole, "name");
    base.insert(AssetTagRole, "assetTag");
    base.insert(AccountRole, "account");
    base.insert(ProductRole, "product");
    base.insert(CategoryRole, "category");
    base.insert(ParentIdRole, "parentId");
    base.insert(StateRole, "state");
    base.insert(CaptureCountRole, "captureCount");
    base.insert(ChildCountRole, "childCount");
    base.insert(LoadedRole, "loaded");
    return base;
}

} // namespace sl::AssetRoles
