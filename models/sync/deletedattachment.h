#pragma once

#include <QString>

namespace sl {

class Database;

// What the asset store's deletion of an attachment does to its capture
// here: the one rule for a delta's $deletedEntity row (SyncPageApplier)
// and a sweep that no longer sees it (PullSweep). A capture that came from
// the store (its media path in the cache: MediaCache::isCachePath) is
// removed with what hangs off it (CaptureRepository::remove: its files are
// journaled and go after the caller's commit). Never removed: a capture
// imported here (its media and markup are this workspace's own), and one
// with an outbox entry in any state (the push deals with it).
class DeletedAttachment
{
public:
    enum class Outcome {
        NoCapture,    // nothing here has that id
        Removed,
        KeptImported, // imported here
        KeptForEdit,  // from the store, an edit here waits on it
    };
    // In the caller's transaction. Throws StoreError.
    static Outcome apply(Database &db, const QString &captureId);
};

} // namespace sl
