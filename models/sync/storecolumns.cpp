#include "sync/storecolumns.h"

#include <QUuid>

namespace sl {

namespace {

// A lookup's display name, when the store sent the formatted-value annotation.
const QLatin1String kFormatted("@OData.Community.Display.V1.FormattedValue");

// Whether `text` is already a GUID as QUuid::WithoutBraces writes it (36
// characters, lower-case hex, dashes at 8, 13, 18 and 23): what the store
// sends, kept as it is without a parse and a new string (~1 us each, four a row).
bool isCanonicalGuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = text.at(i).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString guidOf(const QJsonValue &value)
{
    return StoreColumns::guidText(value.toString());
}

QJsonValue idOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

// A lookup field of the outbox: its read column and its navigation property
// and entity set for a write (case-sensitive, ASSET-STORE.md).
struct LookupColumn
{
    const char *field;
    const char *readColumn;
    const char *navigation;
    const char *entitySet;
};

constexpr LookupColumn kLookups[] = {
    {"account", "_msdyn_account_value", "msdyn_account", "accounts"},
    {"product", "_msdyn_product_value", "msdyn_product", "products"},
    {"category", "_msdyn_customerassetcategory_value", "msdyn_CustomerAssetCategory",
     "msdyn_customerassetcategories"},
    {"parent", "_msdyn_parentasset_value", "msdyn_parentasset_msdyn_customerasset", "msdyn_customerassets"},
};

// Plain fields: outbox key and store column.
constexpr std::pair<const char *, const char *> kPlain[] = {
    {"name", "msdyn_name"},         {"assetTag", "msdyn_assettag"},   {"latitude", "msdyn_latitude"},
    {"longitude", "msdyn_longitude"}, {"stateCode", "statecode"},
};

} // namespace

QString StoreColumns::guidText(const QString &text)
{
    if (isCanonicalGuid(text) && text != QLatin1String("00000000-0000-0000-0000-000000000000"))
        return text; // (the nil GUID is no id: QUuid reads it as null below)
    const QUuid id = QUuid::fromString(text);
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

Asset StoreColumns::assetFromRow(const QJsonObject &row)
{
    Asset asset;
    asset.id = guidOf(row.value(QLatin1String("msdyn_customerassetid")));
    asset.name = row.value(QLatin1String("msdyn_name")).toString();
    asset.assetTag = row.value(QLatin1String("msdyn_assettag")).toString();
    asset.accountId = guidOf(row.value(QLatin1String("_msdyn_account_value")));
    asset.accountName = row.value(QLatin1String("_msdyn_account_value") + kFormatted).toString();
    asset.productId = guidOf(row.value(QLatin1String("_msdyn_product_value")));
    asset.productName = row.value(QLatin1String("_msdyn_product_value") + kFormatted).toString();
    asset.categoryId = guidOf(row.value(QLatin1String("_msdyn_customerassetcategory_value")));
    asset.categoryName = row.value(QLatin1String("_msdyn_customerassetcategory_value") + kFormatted).toString();
    asset.parentId = guidOf(row.value(QLatin1String("_msdyn_parentasset_value")));
    asset.latitude = row.value(QLatin1String("msdyn_latitude")).toDouble();
    asset.longitude = row.value(QLatin1String("msdyn_longitude")).toDouble();
    asset.stateCode = row.value(QLatin1String("statecode")).toInt();
    asset.modifiedOn = row.value(QLatin1String("modifiedon")).toString();
    return asset;
}

Account StoreColumns::accountFromRow(const QJsonObject &row)
{
    return {guidOf(row.value(QLatin1String("accountid"))), row.value(QLatin1String("name")).toString()};
}

Product StoreColumns::productFromRow(const QJsonObject &row)
{
    return {guidOf(row.value(QLatin1String("productid"))), row.value(QLatin1String("name")).toString(),
            row.value(QLatin1String("productnumber")).toString()};
}

Category StoreColumns::categoryFromRow(const QJsonObject &row)
{
    return {guidOf(row.value(QLatin1String("msdyn_customerassetcategoryid"))),
            row.value(QLatin1String("msdyn_name")).toString()};
}

QJsonObject StoreColumns::assetFieldValues(const QJsonObject &row)
{
    const Asset asset = assetFromRow(row);
    return {{QStringLiteral("name"), asset.name},
            {QStringLiteral("assetTag"), asset.assetTag},
            {QStringLiteral("account"), idOrNull(asset.accountId)},
            {QStringLiteral("product"), idOrNull(asset.productId)},
            {QStringLiteral("category"), idOrNull(asset.categoryId)},
            {QStringLiteral("parent"), idOrNull(asset.parentId)},
            {QStringLiteral("latitude"), asset.latitude},
            {QStringLiteral("longitude"), asset.longitude},
            {QStringLiteral("stateCode"), asset.stateCode}};
}

void StoreColumns::applyFieldValues(Asset &asset, const QJsonObject &values)
{
    const auto text = [&](const char *key, QString &field) {
        if (values.contains(QLatin1String(key)))
            field = values.value(QLatin1String(key)).toString();
    };
    const auto reference = [&](const char *key, QString &field) {
        if (values.contains(QLatin1String(key)))
            field = guidOf(values.value(QLatin1String(key)));
    };
    text("name", asset.name);
    text("assetTag", asset.assetTag);
    reference("account", asset.accountId);
    reference("product", asset.productId);
    reference("category", asset.categoryId);
    reference("parent", asset.parentId);
    if (values.contains(QLatin1String("latitude")))
        asset.latitude = values.value(QLatin1String("latitude")).toDouble();
    if (values.contains(QLatin1String("longitude")))
        asset.longitude = values.value(QLatin1String("longitude")).toDouble();
    if (values.contains(QLatin1String("stateCode")))
        asset.stateCode = values.value(QLatin1String("stateCode")).toInt();
}

QJsonObject StoreColumns::assetWriteBody(const QJsonObject &payload)
{
    QJsonObject body;
    for (const auto &[field, column] : kPlain) {
        const QString key = QLatin1String(field);
        if (payload.contains(key))
            body.insert(QLatin1String(column), payload.value(key));
    }
    for (const LookupColumn &lookup : kLookups) {
        const QString key = QLatin1String(lookup.field);
        if (!payload.contains(key))
            continue;
        const QString id = guidOf(payload.value(key));
        const QString bind = QLatin1String(lookup.navigation) + QLatin1String("@odata.bind");
        // A null bind clears the lookup.
        body.insert(bind, id.isEmpty() ? QJsonValue(QJsonValue::Null)
                                       : QJsonValue(QStringLiteral("/%1(%2)").arg(QLatin1String(lookup.entitySet), id)));
    }
    return body;
}

} // namespace sl
