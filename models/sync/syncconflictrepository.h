#pragma once

#include "sync/fieldmerge.h"

#include <QString>

#include <vector>

namespace sl {

class Database;

// One field of an outbox entry that changed both here and on the store: what
// the conflict dialog shows (mine, theirs, the base both started from).
struct SyncConflict
{
    qint64 outboxSeq = 0;
    QString entity;   // e.g. "asset"
    QString entityId;
    FieldConflict field;
    QString theirEtag; // the store's ETag when it was seen (a resolution writes against it)
    QString foundAt;   // ISO 8601, UTC
};

// Table access for sync_conflicts. Throws StoreError; writes join the
// caller's transaction.
class SyncConflictRepository
{
public:
    explicit SyncConflictRepository(Database &db);

    // Replaces the conflicts kept for an outbox entry.
    void record(qint64 outboxSeq, const std::vector<FieldConflict> &fields, const QString &theirEtag);
    // Every conflict, oldest entry first.
    std::vector<SyncConflict> all() const;
    int count() const;

private:
    Database &m_db;
};

} // namespace sl
