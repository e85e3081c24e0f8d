#include "editing/assetchangelog.h"

#include "editing/changelog.h"

namespace sl {

AssetChangeLog::AssetChangeLog(Database &db) : m_db(db) {}

qint64 AssetChangeLog::record(const AssetChange &change, const QString &author, const QString &at)
{
    RecordChange record;
    record.entity = QStringLiteral("asset");
    record.entityId = change.assetId;
    record.operation = change.operation;
    record.baseEtag = change.baseEtag;
    // Updates coalesce into a queued update, or into the create of a record
    // made here and not yet pushed.
    if (change.operation == QLatin1String("update"))
        record.coalescesInto = {QStringLiteral("update"), QStringLiteral("create")};
    for (const FieldChange &field : change.fields)
        record.fields.push_back(
            {assetFieldKey(field.field), field.oldValue, field.newValue, field.oldText, field.newText});
    return ChangeLog(m_db).record(record, author, at);
}

} // namespace sl
