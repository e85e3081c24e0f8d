#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace sl {

class Database;

// An edit made in this workspace that still has to be pushed to the asset
// store (e.g. a review of a capture).
struct OutboxEntry
{
    qint64 seq = 0; // order of the edits; push in increasing seq
    QString entity; // e.g. "capture"
    QString entityId;
    QString operation; // e.g. "review"
    QJsonObject payload;
    QString createdAt; // ISO 8601, UTC
    int attempts = 0;  // failed pushes so far
    QString lastError; // why the last push failed; empty if none
};

// Table access for the outbox of pending edits. Throws StoreError (see
// store/database.h). enqueue() joins the caller's transaction when there is
// one, so an edit and its outbox entry commit together.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &db);

    qint64 enqueue(const QString &entity, const QString &entityId, const QString &operation,
                   const QJsonObject &payload);
    // The oldest `limit` entries, oldest first.
    std::vector<OutboxEntry> pending(int limit) const;
    // The entry was pushed: removes it. False when there was no such entry.
    bool markDone(qint64 seq);
    // A push failed: counts the attempt and keeps the reason.
    bool markFailed(qint64 seq, const QString &error);
    int count() const;

private:
    Database &m_db;
};

} // namespace sl
