#include "editing/changelog.h"

#include "store/auditrepository.h"
#include "store/outboxrepository.h"

namespace sl {

namespace {

// An entry that creates its record has no base: the store has nothing to
// merge against.
const QString kCreate = QStringLiteral("create");

} // namespace

ChangeLog::ChangeLog(Database &db) : m_db(db) {}

qint64 ChangeLog::writeOutbox(const RecordChange &change)
{
    OutboxRepository outbox(m_db);
    if (!change.coalescesInto.isEmpty()) {
        const std::optional<OutboxEntry> newest = outbox.newestFor(change.entity, change.entityId);
        if (newest && newest->state == OutboxState::Queued && change.coalescesInto.contains(newest->operation)) {
            const bool intoCreate = newest->operation == kCreate;
            QJsonObject payload = newest->payload;
            QJsonObject base = newest->base;
            for (const RecordFieldChange &field : change.fields) {
                if (!field.sent)
                    continue;
                payload.insert(field.key, field.newValue);
                if (!intoCreate && !base.contains(field.key))
                    base.insert(field.key, field.oldValue);
            }
            outbox.replacePayload(newest->seq, payload, base);
            return newest->seq;
        }
    }
    OutboxEntry entry;
    entry.entity = change.entity;
    entry.entityId = change.entityId;
    entry.operation = change.operation;
    entry.baseEtag = change.baseEtag;
    for (const RecordFieldChange &field : change.fields) {
        if (!field.sent)
            continue;
        entry.payload.insert(field.key, field.newValue);
        if (change.operation != kCreate)
            entry.base.insert(field.key, field.oldValue);
    }
    return outbox.enqueue(entry);
}

qint64 ChangeLog::record(const RecordChange &change, const QString &author, const QString &at)
{
    const qint64 seq = writeOutbox(change);
    AuditRepository audit(m_db);
    for (const RecordFieldChange &field : change.fields) {
        if (!field.audited)
            continue;
        AuditEntry row;
        row.entity = change.entity;
        row.entityId = change.entityId;
        row.author = author;
        row.at = at;
        row.field = field.key;
        row.oldValue = field.oldText;
        row.newValue = field.newText;
        row.outboxSeq = seq;
        audit.append(row);
    }
    return seq;
}

} // namespace sl
