#pragma once

#include "common/enumnames.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace sl {

class Database;

// Where an outbox entry is in its way to the asset store (outbox.state).
enum class OutboxState { Queued, Sending, Sent, Conflict, Refused };

inline constexpr EnumNames<OutboxState, 5> kOutboxStateNames{{
    {OutboxState::Queued, "queued"},
    {OutboxState::Sending, "sending"},
    {OutboxState::Sent, "sent"},
    {OutboxState::Conflict, "conflict"},
    {OutboxState::Refused, "refused"},
}};

// An edit made in this workspace that still has to be pushed to the asset
// store (e.g. a review of a capture, an asset update).
struct OutboxEntry
{
    qint64 seq = 0; // order of the edits; push in increasing seq
    QString entity; // e.g. "capture", "asset"
    QString entityId;
    QString operation; // e.g. "review", "create", "update"
    QJsonObject payload; // field -> new value
    QJsonObject base;    // field -> value the edit started from (what a sync merges against); {} for a create
    QString baseEtag;    // the store's ETag of the record the edit was made against; '' if none
    OutboxState state = OutboxState::Queued;
    QString createdAt; // ISO 8601, UTC
    int attempts = 0;  // failed pushes so far
    QString lastError; // why the last push failed; empty if none
};

// Table access for the outbox of pending edits. Throws StoreError (see
// store/database.h). Writes join the caller's transaction when there is one,
// so an edit and its outbox entry commit together.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &db);

    qint64 enqueue(const QString &entity, const QString &entityId, const QString &operation,
                   const QJsonObject &payload);
    // Enqueues entity, entityId, operation, payload, base and baseEtag of
    // `entry` (state queued); returns its seq.
    qint64 enqueue(const OutboxEntry &entry);
    // The newest entry of one record, whatever its state; nullopt when none.
    std::optional<OutboxEntry> newestFor(const QString &entity, const QString &entityId) const;
    // Replaces the payload and base of an entry (coalescing a later edit into it).
    bool replacePayload(qint64 seq, const QJsonObject &payload, const QJsonObject &base);
    // The oldest `limit` entries, oldest first.
    std::vector<OutboxEntry> pending(int limit) const;
    // The entry was pushed: removes it. False when there was no such entry.
    bool markDone(qint64 seq);
    // A push failed: counts the attempt and keeps the reason.
    bool markFailed(qint64 seq, const QString &error);
    // Moves an entry to `state` (e.g. sending before a push, conflict after
    // a merge that found fields changed on both sides); `error` replaces
    // last_error unless null.
    bool setState(qint64 seq, OutboxState state, const QString &error = QString());
    // The entries in `state`, oldest first, at most `limit`.
    std::vector<OutboxEntry> inState(OutboxState state, int limit) const;
    int count() const;

private:
    Database &m_db;
};

} // namespace sl
