#pragma once

#include "remote/odatapage.h"
#include "sync/synctable.h"

#include <QString>
#include <QStringList>

namespace sl {

class Database;

// What a sweep did to one table.
struct SweepResult
{
    int removed = 0;    // rows the store no longer has, removed here
    QStringList kept;   // ids the store no longer has, kept because an edit here waits (or made here)
};

// Deletions a delta cannot tell: after a read of a whole table (a full
// re-read once its delta link expired, or an id-only read of a table
// without change tracking), the rows here that the read did not return
// are gone on the store. The ids a read returns are marked in a TEMP table
// (this connection only, gone with it: nothing in the workspace schema);
// the sweep runs only after the last page, in the caller's transaction, so
// a read cut half-way removes nothing. A row with an outbox entry, or an
// asset made here, is never removed: it is kept and reported.
// Attachments are never swept (a capture's media and markup are this
// workspace's own). Throws StoreError.
class PullSweep
{
public:
    static bool sweeps(SyncTable table) { return table != SyncTable::Attachments; }

    // Forgets the ids marked for `table` by an earlier read on this connection.
    static void begin(Database &db, SyncTable table);
    // Marks the ids of a page's rows as seen.
    static void markSeen(Database &db, SyncTable table, const ODataPage &page);
    // Removes the rows of `table` not marked (see above).
    static SweepResult sweep(Database &db, SyncTable table);
};

} // namespace sl
