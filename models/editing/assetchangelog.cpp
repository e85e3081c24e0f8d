#include "editing/assetchangelog.h"

#include "store/auditrepository.h"
#include "store/outboxrepository.h"

namespace sl {

namespace {

const QString kEntity = QStringLiteral("asset");

} // namespace

AssetChangeLog::AssetChangeLog(Database &db) : m_db(db) {}

qint64 AssetChangeLog::writeOutbox(const AssetChange &change)
{
    OutboxRepository outbox(m_db);
    const bool isUpdate = change.operation == QLatin1String("update");
    if (isUpdate) {
        const std::optional<OutboxEntry> newest = outbox.newestFor(kEntity, change.assetId);
        if (newest && newest->state == OutboxState::Queued
            && (newest->operation == QLatin1String("update") || newest->operation == QLatin1String("create"))) {
            const bool intoCreate = newest->operation == QLatin1String("create");
            QJsonObject payload = newest->payload;
            QJsonObject base = newest->base;
            for (const FieldChange &field : change.fields) {
                const QString key = assetFieldKey(field.field);
                payload.insert(key, field.newValue);
                if (!intoCreate && !base.contains(key))
                    base.insert(key, field.oldValue);
            }
            outbox.replacePayload(newest->seq, payload, base);
            return newest->seq;
        }
    }
    OutboxEntry entry;
    entry.entity = kEntity;
    entry.entityId = change.assetId;
    entry.operation = change.operation;
    entry.baseEtag = change.baseEtag;
    for (const FieldChange &field : change.fields) {
        const QString key = assetFieldKey(field.field);
        entry.payload.insert(key, field.newValue);
        if (change.operation != QLatin1String("create"))
            entry.base.insert(key, field.oldValue);
    }
    return outbox.enqueue(entry);
}

qint64 AssetChangeLog::record(const AssetChange &change, const QString &author, const QString &at)
{
    const qint64 seq = writeOutbox(change);
    AuditRepository audit(m_db);
    for (const FieldChange &field : change.fields) {
        AuditEntry row;
        row.entity = kEntity;
        row.entityId = change.assetId;
        row.author = author;
        row.at = at;
        row.field = assetFieldKey(field.field);
        row.oldValue = field.oldText;
        row.newValue = field.newText;
        row.outboxSeq = seq;
        audit.append(row);
    }
    return seq;
}

} // namespace sl
