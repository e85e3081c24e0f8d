#pragma once

#include <QCoreApplication>
#include <QString>

namespace sl {

class Database;

// Settles an outbox entry in state 'conflict' (fields changed both here and
// in the asset store), the one way for the conflict dialog and the CLI.
// Mine: the entry goes back to the queue, now based on the store's values
// and ETag, so the next push writes this workspace's values over theirs.
// Theirs: the conflicting fields take the store's values here and leave the
// entry (the entry goes when nothing is left to push). One transaction;
// throws StoreError.
class SyncConflictResolver
{
    Q_DECLARE_TR_FUNCTIONS(SyncConflictResolver)

public:
    enum class Keep { Mine, Theirs };

    explicit SyncConflictResolver(Database &db);

    // False, with `error` saying why (no such entry, not in conflict).
    bool resolve(qint64 outboxSeq, Keep keep, QString *error);

private:
    Database &m_db;
};

} // namespace sl
