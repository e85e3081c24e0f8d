#include "store/outboxrepository.h"

#include "store/database.h"

#include <QJsonDocument>

namespace sl {

OutboxRepository::OutboxRepository(Database &db) : m_db(db) {}

qint64 OutboxRepository::enqueue(const QString &entity, const QString &entityId, const QString &operation,
                                 const QJsonObject &payload)
{
    if (entity.isEmpty() || entityId.isEmpty() || operation.isEmpty())
        throw StoreError(QStringLiteral("Outbox entry needs an entity, an entity id and an operation"));
    Statement insert =
        m_db.cached("INSERT INTO outbox(entity, entity_id, operation, payload) VALUES (?, ?, ?, ?)");
    insert.bind(1, entity).bind(2, entityId).bind(3, operation);
    insert.bind(4, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    insert.run();
    return m_db.lastInsertRowId();
}

std::vector<OutboxEntry> OutboxRepository::pending(int limit) const
{
    std::vector<OutboxEntry> entries;
    if (limit <= 0)
        return entries;
    Statement query = m_db.cached("SELECT seq, entity, entity_id, operation, payload, created_at, attempts, "
                                  "last_error FROM outbox ORDER BY seq LIMIT ?");
    query.bind(1, limit);
    while (query.step()) {
        OutboxEntry entry;
        entry.seq = query.columnInt64(0);
        entry.entity = query.columnText(1);
        entry.entityId = query.columnText(2);
        entry.operation = query.columnText(3);
        entry.payload = QJsonDocument::fromJson(query.columnText(4).toUtf8()).object();
        entry.createdAt = query.columnText(5);
        entry.attempts = query.columnInt(6);
        entry.lastError = query.columnText(7);
        entries.push_back(std::move(entry));
    }
    return entries;
}

bool OutboxRepository::markDone(qint64 seq)
{
    Statement remove = m_db.cached("DELETE FROM outbox WHERE seq = ?");
    remove.bind(1, seq).run();
    return m_db.changes() > 0;
}

bool OutboxRepository::markFailed(qint64 seq, const QString &error)
{
    Statement update = m_db.cached("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?");
    update.bind(1, error.isEmpty() ? QStringLiteral("unknown error") : error).bind(2, seq).run();
    return m_db.changes() > 0;
}

int OutboxRepository::count() const
{
    Statement query = m_db.cached("SELECT count(*) FROM outbox");
    return query.step() ? query.columnInt(0) : 0;
}

} // namespace sl
