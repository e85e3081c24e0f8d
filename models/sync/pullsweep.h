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
    QStringList keptImported; // attachments only: captures imported here and pushed, which the store no longer has
};

// Deletions a delta cannot tell: after a read of a whole table (a full
// re-read once its delta link expired, or an id-only read of a table
// without change tracking), the rows here that the read did not return
// are gone on the store. The ids a read returns are marked in a TEMP table
// (this connection only, gone with it: nothing in the workspace schema);
// the sweep runs only after the last page, in the caller's transaction, so
// a read cut half-way removes nothing. A row with an outbox entry, or an
// asset made here, is never removed: it is kept and reported.
// Attachments sweep the captures that came from the store (their media in
// the cache) through CaptureRepository::remove (their files journaled);
// a capture imported here is this workspace's own and never swept (it is
// reported when its ETag says the store had it), one from the store with
// an edit waiting is kept and reported. Throws
// StoreError.
class PullSweep
{
public:
    static bool sweeps(SyncTable) { return true; }

    // Forgets the ids marked for `table` by an earlier read on this connection.
    static void begin(Database &db, SyncTable table);
    // Marks the ids of a page's rows as seen.
    static void markSeen(Database &db, SyncTable table, const ODataPage &page);
    // Removes the rows of `table` not marked (see above).
    static SweepResult sweep(Database &db, SyncTable table);
};

} // namespace sl
