#include "sync/syncstatuscounts.h"

#include "store/database.h"
#include "store/outboxrepository.h"

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
    Statement pulled = db.cached("SELECT max(pulled_at) FROM sync_state WHERE pulled_at <> ''");
    if (pulled.step() && !pulled.columnIsNull(0))
        counts.lastPulledAt = QDateTime::fromString(pulled.columnText(0), Qt::ISODateWithMs).toUTC();
    return counts;
}

} // namespace sl
