#include "sync/syncstatuscounts.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/synctable.h"

namespace sl {

SyncStatusCounts SyncStatusCounts::read(Database &db)
{
    SyncStatusCounts counts;
    Statement states = db.cached("SELECT state, count(*) FROM outbox GROUP BY state");
    while (states.step()) {
        const std::optional<OutboxState> state = enumFromName(kOutboxStateNames, states.columnText(0));
        const int count = states.columnInt(1);
        if (!state || *state == OutboxState::Queued || *state == OutboxState::Sending)
            counts.queued += count; // an unknown state is still an edit not on the store
        else if (*state == OutboxState::Conflict)
            counts.conflicts += count;
        else if (*state == OutboxState::Refused)
            counts.refused += count;
        // Sent: confirmed, about to be removed; not pending.
    }
    Statement pulled = db.cached("SELECT pulled_at FROM sync_state WHERE entity_set = ?");
    QDateTime oldest;
    for (const SyncTable table : kPullOrder) {
        pulled.reset();
        pulled.bind(1, syncTableSpec(table).entitySet);
        const QDateTime at = pulled.step() ? QDateTime::fromString(pulled.columnText(0), Qt::ISODateWithMs).toUTC()
                                           : QDateTime();
        if (!at.isValid())
            return counts; // a table never pulled whole: not synced yet
        if (!oldest.isValid() || at < oldest)
            oldest = at;
    }
    counts.lastPulledAt = oldest;
    return counts;
}

} // namespace sl
