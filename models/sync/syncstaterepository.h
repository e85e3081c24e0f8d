#pragma once

#include <QString>

#include <optional>

namespace sl {

class Database;

// Where the last pull of one table ended (sync_state).
struct SyncTableState
{
    QString entitySet;
    QString deltaLink;    // absolute @odata.deltaLink; empty when the store gave none
    QString lastModified; // newest modifiedon pulled (ISO 8601): the polling fallback's mark
    bool tracked = true;  // false: the store has no change tracking, so deletions are not seen
    QString pulledAt;     // ISO 8601, UTC
};

// Table access for sync_state. Throws StoreError; writes join the caller's
// transaction (a page and the state it ends at commit together).
class SyncStateRepository
{
public:
    explicit SyncStateRepository(Database &db);

    std::optional<SyncTableState> find(const QString &entitySet) const;
    void save(const SyncTableState &state);
    // Forgets where the pull of a table ended: the next pull reads it whole.
    void forget(const QString &entitySet);

private:
    Database &m_db;
};

} // namespace sl
