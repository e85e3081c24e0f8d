#include "editing/assetedit.h"

#include "domain/asset.h"
#include "editing/assetreferenceresolver.h"

#include <QLocale>

namespace sl {

namespace {

QJsonValue idValue(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

// Coordinates as text in the C locale, as short as exact.
QString coordinateText(double degrees)
{
    return QLocale::c().toString(degrees, 'g', QLocale::FloatingPointShortest);
}

void addText(std::vector<FieldChange> &changes, AssetField field, const std::optional<QString> &edited,
             const QString &before)
{
    if (edited && *edited != before)
        changes.push_back({field, QJsonValue(before), QJsonValue(*edited), before, *edited});
}

void addReference(std::vector<FieldChange> &changes, AssetField field, const std::optional<QString> &edited,
                  const QString &before, AssetReferenceResolver &names)
{
    if (!edited || *edited == before)
        return;
    changes.push_back({field, idValue(before), idValue(*edited), names.displayName(field, before),
                       names.displayName(field, *edited)});
}

void addCoordinate(std::vector<FieldChange> &changes, AssetField field, const std::optional<double> &edited,
                   double before)
{
    if (edited && *edited != before)
        changes.push_back({field, QJsonValue(before), QJsonValue(*edited), coordinateText(before),
                           coordinateText(*edited)});
}

} // namespace

std::optional<QString> *AssetEdit::referenceSlot(AssetField field)
{
    switch (field) {
    case AssetField::Account:
        return &accountId;
    case AssetField::Product:
        return &productId;
    case AssetField::Category:
        return &categoryId;
    case AssetField::Parent:
        return &parentId;
    default:
        return nullptr;
    }
}

bool AssetEdit::isEmpty() const
{
    return !name && !assetTag && !accountId && !productId && !categoryId && !parentId && !latitude && !longitude;
}

AssetEdit AssetEdit::normalised() const
{
    AssetEdit edit = *this;
    if (edit.name)
        edit.name = edit.name->trimmed();
    if (edit.assetTag)
        edit.assetTag = edit.assetTag->trimmed();
    for (std::optional<QString> *id : {&edit.accountId, &edit.productId, &edit.categoryId, &edit.parentId}) {
        if (*id)
            **id = (*id)->trimmed();
    }
    return edit;
}

void AssetEdit::applyTo(Asset &asset) const
{
    if (name)
        asset.name = *name;
    if (assetTag)
        asset.assetTag = *assetTag;
    if (accountId)
        asset.accountId = *accountId;
    if (productId)
        asset.productId = *productId;
    if (categoryId)
        asset.categoryId = *categoryId;
    if (parentId)
        asset.parentId = *parentId;
    if (latitude)
        asset.latitude = *latitude;
    if (longitude)
        asset.longitude = *longitude;
}

std::vector<FieldChange> AssetEdit::changesFrom(const Asset &before, AssetReferenceResolver &names) const
{
    std::vector<FieldChange> changes;
    addText(changes, AssetField::Name, name, before.name);
    addText(changes, AssetField::AssetTag, assetTag, before.assetTag);
    addReference(changes, AssetField::Account, accountId, before.accountId, names);
    addReference(changes, AssetField::Product, productId, before.productId, names);
    addReference(changes, AssetField::Category, categoryId, before.categoryId, names);
    addReference(changes, AssetField::Parent, parentId, before.parentId, names);
    addCoordinate(changes, AssetField::Latitude, latitude, before.latitude);
    addCoordinate(changes, AssetField::Longitude, longitude, before.longitude);
    return changes;
}

} // namespace sl
