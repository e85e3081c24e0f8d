#include "fakewrites.h"

#include <QJsonDocument>
#include <QUuid>

#include <map>

namespace sl::test {

namespace {

bool readObject(const QByteArray &body, QJsonObject *object)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    *object = document.object();
    return true;
}

// Lookups are written through their navigation property (case-sensitive,
// ASSET-STORE.md) and read back as _<column>_value: the fake stores them so.
const std::map<QString, QString> &lookupColumns()
{
    static const std::map<QString, QString> columns{
        {QStringLiteral("msdyn_account"), QStringLiteral("_msdyn_account_value")},
        {QStringLiteral("msdyn_product"), QStringLiteral("_msdyn_product_value")},
        {QStringLiteral("msdyn_CustomerAssetCategory"), QStringLiteral("_msdyn_customerassetcategory_value")},
        {QStringLiteral("msdyn_parentasset_msdyn_customerasset"), QStringLiteral("_msdyn_parentasset_value")},
        {QStringLiteral("msdyn_CustomerAsset"), QStringLiteral("_msdyn_customerasset_value")},
    };
    return columns;
}

// Turns "<navigation>@odata.bind": "/set(<guid>)" into the lookup column;
// false for a navigation property or a bind value the fake does not know.
bool bindLookups(QJsonObject *columns)
{
    const QLatin1String suffix("@odata.bind");
    for (const QString &key : columns->keys()) {
        if (!key.endsWith(suffix))
            continue;
        const auto it = lookupColumns().find(key.chopped(suffix.size()));
        if (it == lookupColumns().end())
            return false;
        const QJsonValue value = columns->take(key);
        if (value.isNull()) {
            columns->insert(it->second, QJsonValue::Null);
            continue;
        }
        const QString text = value.toString();
        const qsizetype open = text.indexOf(QLatin1Char('('));
        const QUuid id = QUuid::fromString(open < 0 ? QString() : text.mid(open + 1, text.size() - open - 2));
        if (!text.startsWith(QLatin1Char('/')) || id.isNull())
            return false;
        columns->insert(it->second, id.toString(QUuid::WithoutBraces));
    }
    return true;
}

FakeResponse badBody()
{
    return FakeResponse::error(400, QStringLiteral("0x80048d19"), QStringLiteral("The request body is not a JSON object."));
}

FakeResponse preconditionFailed()
{
    return FakeResponse::error(412, QStringLiteral("0x80060882"),
                               QStringLiteral("The version of the existing record doesn't match the RowVersion property provided."));
}

FakeResponse notFound(const QString &id)
{
    return FakeResponse::error(404, QStringLiteral("0x80040217"), QStringLiteral("Entity with id %1 Does Not Exist").arg(id));
}

FakeResponse refusedColumn(const QString &column)
{
    return FakeResponse::error(400, QStringLiteral("0x80048d19"),
                               QStringLiteral("Invalid property '%1' was found in entity.").arg(column));
}

FakeResponse preconditionRequired()
{
    return FakeResponse::error(428, QString(), QStringLiteral("This server requires a conditional write (If-Match or If-None-Match)."));
}

} // namespace

FakeResponse FakeWrites::apply(FakeTable &table, const Request &request) const
{
    if (request.method == "PATCH" && !request.id.isEmpty())
        return patch(table, request);
    if (request.method == "POST" && request.id.isEmpty())
        return post(table, request);
    if (request.method == "DELETE" && !request.id.isEmpty())
        return remove(table, request);
    return FakeResponse::error(405, QString(), QStringLiteral("Method not allowed here."));
}

FakeResponse FakeWrites::written(const FakeTable &table, const QString &entitySet, const QString &id, bool created,
                                 const QByteArray &prefer) const
{
    const QByteArray entityId = (m_serviceRoot.toString() + entitySet + QLatin1Char('(') + id + QLatin1Char(')')).toUtf8();
    if (created && prefer.contains("return=representation"))
        return {201, QJsonDocument(table.row(id)).toJson(QJsonDocument::Compact),
                {{"OData-EntityId", entityId}, {"ETag", table.etag(id)}}};
    return {204, {}, {{"OData-EntityId", entityId}, {"ETag", table.etag(id)}}};
}

FakeResponse FakeWrites::patch(FakeTable &table, const Request &request) const
{
    QJsonObject columns;
    if (!readObject(request.body, &columns) || !bindLookups(&columns))
        return badBody();
    if (!m_faults.refusedColumn.isEmpty() && columns.contains(m_faults.refusedColumn))
        return refusedColumn(m_faults.refusedColumn);
    if (m_faults.requireConditionalWrites && request.ifMatch.isEmpty() && request.ifNoneMatch.isEmpty())
        return preconditionRequired();
    const bool exists = table.contains(request.id);
    if (request.ifNoneMatch == "*" && exists)
        return FakeResponse::error(412, QStringLiteral("0x80060892"),
                                   QStringLiteral("A record with matching key values already exists."));
    if (!request.ifMatch.isEmpty()) {
        if (!exists)
            return notFound(request.id);
        if (request.ifMatch != "*" && request.ifMatch != table.etag(request.id))
            return preconditionFailed();
    }
    if (!exists && m_faults.noUpsert)
        return notFound(request.id);
    table.write(request.id, columns);
    return written(table, request.entitySet, request.id, !exists, request.prefer);
}

FakeResponse FakeWrites::post(FakeTable &table, const Request &request) const
{
    QJsonObject columns;
    if (!readObject(request.body, &columns) || !bindLookups(&columns))
        return badBody();
    if (!m_faults.refusedColumn.isEmpty() && columns.contains(m_faults.refusedColumn))
        return refusedColumn(m_faults.refusedColumn);
    QString id = columns.value(table.keyColumn()).toString();
    if (id.isEmpty())
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    else if (QUuid::fromString(id).isNull())
        return badBody();
    id = QUuid::fromString(id).toString(QUuid::WithoutBraces);
    if (table.contains(id))
        return FakeResponse::error(412, QStringLiteral("0x80040237"), QStringLiteral("Cannot insert duplicate key."));
    table.write(id, columns);
    return written(table, request.entitySet, id, true, request.prefer);
}

FakeResponse FakeWrites::remove(FakeTable &table, const Request &request) const
{
    if (m_faults.requireConditionalWrites && request.ifMatch.isEmpty())
        return preconditionRequired();
    if (!table.contains(request.id))
        return notFound(request.id);
    if (!request.ifMatch.isEmpty() && request.ifMatch != "*" && request.ifMatch != table.etag(request.id))
        return preconditionFailed();
    table.remove(request.id);
    return {204, {}, {}};
}

} // namespace sl::test
