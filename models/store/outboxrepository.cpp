#include "store/outboxrepository.h"

#include "store/database.h"

#include <QJsonDocument>

namespace sl {

namespace {

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

#define SL_OUTBOX_COLUMNS                                                                                    \
    "seq, entity, entity_id, operation, payload, created_at, attempts, last_error, base, base_etag, state "

OutboxEntry readEntry(const Statement &query)
{
    OutboxEntry entry;
    entry.seq = query.columnInt64(0);
    entry.entity = query.columnText(1);
    entry.entityId = query.columnText(2);
    entry.operation = query.columnText(3);
    entry.payload = QJsonDocument::fromJson(query.columnText(4).toUtf8()).object();
    entry.createdAt = query.columnText(5);
    entry.attempts = query.columnInt(6);
    entry.lastError = query.columnText(7);
    entry.base = QJsonDocument::fromJson(query.columnText(8).toUtf8()).object();
    entry.baseEtag = query.columnText(9);
    entry.state = enumFromName(kOutboxStateNames, query.columnText(10)).value_or(OutboxState::Queued);
    return entry;
}

} // namespace

OutboxRepository::OutboxRepository(Database &db) : m_db(db) {}

qint64 OutboxRepository::enqueue(const QString &entity, const QString &entityId, const QString &operation,
                                 const QJsonObject &payload)
{
    OutboxEntry entry;
    entry.entity = entity;
    entry.entityId = entityId;
    entry.operation = operation;
    entry.payload = payload;
    return enqueue(entry);
}

qint64 OutboxRepository::enqueue(const OutboxEntry &entry)
{
    if (entry.entity.isEmpty() || entry.entityId.isEmpty() || entry.operation.isEmpty())
        throw StoreError(QStringLiteral("Outbox entry needs an entity, an entity id and an operation"));
    Statement insert = m_db.cached(
        "INSERT INTO outbox(entity, entity_id, operation, payload, base, base_etag) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, entry.entity).bind(2, entry.entityId).bind(3, entry.operation);
    insert.bind(4, compactJson(entry.payload)).bind(5, compactJson(entry.base)).bind(6, entry.baseEtag);
    insert.run();
    return m_db.lastInsertRowId();
}

std::optional<OutboxEntry> OutboxRepository::newestFor(const QString &entity, const QString &entityId) const
{
    Statement query = m_db.cached("SELECT " SL_OUTBOX_COLUMNS
                                  "FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1");
    query.bind(1, entity).bind(2, entityId);
    if (!query.step())
        return std::nullopt;
    return readEntry(query);
}

bool OutboxRepository::replacePayload(qint64 seq, const QJsonObject &payload, const QJsonObject &base)
{
    Statement update = m_db.cached("UPDATE outbox SET payload = ?, base = ? WHERE seq = ?");
    update.bind(1, compactJson(payload)).bind(2, compactJson(base)).bind(3, seq).run();
    return m_db.changes() > 0;
}

std::vector<OutboxEntry> OutboxRepository::pending(int limit) const
{
    std::vector<OutboxEntry> entries;
    if (limit <= 0)
        return entries;
    Statement query = m_db.cached("SELECT " SL_OUTBOX_COLUMNS "FROM outbox ORDER BY seq LIMIT ?");
    query.bind(1, limit);
    while (query.step())
        entries.push_back(readEntry(query));
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

bool OutboxRepository::setState(qint64 seq, OutboxState state, const QString &error)
{
    Statement update = m_db.cached("UPDATE outbox SET state = ?, last_error = coalesce(?, last_error) WHERE seq = ?");
    update.bind(1, enumName(kOutboxStateNames, state));
    if (error.isNull())
        update.bindNull(2);
    else
        update.bind(2, error);
    update.bind(3, seq).run();
    return m_db.changes() > 0;
}

std::vector<OutboxEntry> OutboxRepository::inState(OutboxState state, int limit) const
{
    std::vector<OutboxEntry> entries;
    Statement query = m_db.cached("SELECT " SL_OUTBOX_COLUMNS "FROM outbox WHERE state = ? ORDER BY seq LIMIT ?");
    query.bind(1, enumName(kOutboxStateNames, state)).bind(2, limit);
    while (query.step())
        entries.push_back(readEntry(query));
    return entries;
}

int OutboxRepository::count() const
{
    Statement query = m_db.cached("SELECT count(*) FROM outbox");
    return query.step() ? query.columnInt(0) : 0;
}

} // namespace sl
