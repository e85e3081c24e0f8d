#pragma once

#include <QDateTime>

namespace sl {

class Database;

// What the sync status shows of a workspace: its edits waiting for the
// asset store by state, and since when every table is as fresh as the store
// was. Read on a store worker (never the GUI thread).
struct SyncStatusCounts
{
    int queued = 0;   // waiting to be pushed (sending ones included: a push was cut or is running)
    int conflicts = 0; // waiting for the user (the conflict dialog)
    int refused = 0;  // the store will not take them as they are (e.g. a file too large)
    // UTC: when the oldest of the tables a sync pulls last ended its pull, so
    // a pull cut after the lookups does not count as a sync; invalid while
    // any of them has never been pulled whole.
    QDateTime lastPulledAt;

    // Every edit not yet on the store: queued, sending, conflict, refused.
    int pending() const { return queued + conflicts + refused; }

    // Throws StoreError.
    static SyncStatusCounts read(Database &db);
};

} // namespace sl
