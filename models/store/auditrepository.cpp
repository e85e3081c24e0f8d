#include "store/auditrepository.h"

#include "store/database.h"

namespace sl {

AuditRepository::AuditRepository(Database &db) : m_db(db) {}

qint64 AuditRepository::append(const AuditEntry &entry)
{
    if (entry.entity.isEmpty() || entry.entityId.isEmpty() || entry.field.isEmpty())
        throw StoreError(QStringLiteral("Audit entry needs an entity, an entity id and a field"));
    Statement insert = m_db.cached(
        "INSERT INTO audit_log(entity, entity_id, author, at, field, old_value, new_value, outbox_seq) "
        "VALUES (?1, ?2, ?3, coalesce(?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?5, ?6, ?7, ?8)");
    insert.bind(1, entry.entity).bind(2, entry.entityId).bind(3, entry.author).bindOptional(4, entry.at);
    insert.bind(5, entry.field).bind(6, entry.oldValue).bind(7, entry.newValue);
    if (entry.outboxSeq > 0)
        insert.bind(8, entry.outboxSeq);
    else
        insert.bindNull(8);
    insert.run();
    return m_db.lastInsertRowId();
}

std::vector<AuditEntry> AuditRepository::history(const QString &entity, const QString &entityId, int limit) const
{
    std::vector<AuditEntry> entries;
    if (limit <= 0)
        return entries;
    Statement query = m_db.cached(
        "SELECT seq, entity, entity_id, author, at, field, old_value, new_value, coalesce(outbox_seq, 0) "
        "FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ?");
    query.bind(1, entity).bind(2, entityId).bind(3, limit);
    while (query.step()) {
        AuditEntry entry;
        entry.seq = query.columnInt64(0);
        entry.entity = query.columnText(1);
        entry.entityId = query.columnText(2);
        entry.author = query.columnText(3);
        entry.at = query.columnText(4);
        entry.field = query.columnText(5);
        entry.oldValue = query.columnText(6);
        entry.newValue = query.columnText(7);
        entry.outboxSeq = query.columnInt64(8);
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace sl
