#include "sync/syncstaterepository.h"

#include "store/database.h"

namespace sl {

SyncStateRepository::SyncStateRepository(Database &db) : m_db(db) {}

std::optional<SyncTableState> SyncStateRepository::find(const QString &entitySet) const
{
    Statement query = m_db.cached(
        "SELECT delta_link, last_modified, tracked, pulled_at FROM sync_state WHERE entity_set = ?");
    query.bind(1, entitySet);
    if (!query.step())
        return std::nullopt;
    return SyncTableState{entitySet, query.columnText(0), query.columnText(1), query.columnInt(2) != 0,
                          query.columnText(3)};
}

void SyncStateRepository::save(const SyncTableState &state)
{
    Statement upsert = m_db.cached(
        "INSERT INTO sync_state(entity_set, delta_link, last_modified, tracked, pulled_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(entity_set) DO UPDATE SET delta_link = excluded.delta_link, "
        "last_modified = excluded.last_modified, tracked = excluded.tracked, pulled_at = excluded.pulled_at");
    upsert.bind(1, state.entitySet).bind(2, state.deltaLink).bind(3, state.lastModified);
    upsert.bind(4, state.tracked ? 1 : 0).bind(5, state.pulledAt).run();
}

void SyncStateRepository::forget(const QString &entitySet)
{
    Statement remove = m_db.cached("DELETE FROM sync_state WHERE entity_set = ?");
    remove.bind(1, entitySet).run();
}

} // namespace sl
