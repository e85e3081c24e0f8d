#pragma once

#include "domain/asset.h"

#include <QHash>
#include <QVariant>

namespace sl {

// The item roles of the asset list and tree, and what an asset answers for
// each: one place for both models.
namespace AssetRoles {

enum Role {
    IdRole = Qt::UserRole + 1,
    NameRole,
    AssetTagRole,
    AccountRole,
    ProductRole,
    CategoryRole,
    ParentIdRole,
    StateRole,        // 0 active, 1 inactive
    CaptureCountRole,
    ChildCountRole,   // sub-assets, counted up to 10,000 (tree only; 0 in the list)
    LoadedRole,       // false while the row's page is being read (again)
};

QVariant data(const Asset &asset, int role);
QHash<int, QByteArray> names(QHash<int, QByteArray> base);

} // namespace AssetRoles

} // namespace sl
