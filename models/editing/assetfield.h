#pragma once

#include "common/enumnames.h"

#include <QString>

namespace sl {

// The fields of an asset that can be edited here. Their keys name them in
// outbox payloads and bases and in the audit log (stable, never translated):
// "name", "assetTag", "account", "product", "category", "parent" (reference
// values are ids, null for none), "latitude", "longitude" (degrees, WGS 84),
// "stateCode" (0 active, 1 inactive). The sync engine maps them to the
// store's columns (msdyn_name, msdyn_assettag, ...; ASSET-STORE.md).
enum class AssetField { Name, AssetTag, Account, Product, Category, Parent, Latitude, Longitude, State };

inline constexpr EnumNames<AssetField, 9> kAssetFieldKeys{{
    {AssetField::Name, "name"},
    {AssetField::AssetTag, "assetTag"},
    {AssetField::Account, "account"},
    {AssetField::Product, "product"},
    {AssetField::Category, "category"},
    {AssetField::Parent, "parent"},
    {AssetField::Latitude, "latitude"},
    {AssetField::Longitude, "longitude"},
    {AssetField::State, "stateCode"},
}};

inline QString assetFieldKey(AssetField field)
{
    return enumName(kAssetFieldKeys, field);
}

// The field's name as the user reads it ("Asset tag", "Parent asset"), translated.
QString assetFieldLabel(AssetField field);

// Limits of the asset fields (Dataverse's msdyn_name and msdyn_assettag).
inline constexpr int kAssetNameMaxChars = 100;
inline constexpr int kAssetTagMaxChars = 100;

} // namespace sl
