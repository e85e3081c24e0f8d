#pragma once

namespace sl {

class Database;

// A first (whole) pull of the assets loads them in bulk: the secondary
// indexes of `assets` are built once when the load ends instead of being
// kept up to date row by row (every 5,000-row page dirtied most pages of the
// indexes keyed by GUIDs or names; measured in docs/SYNC-PERFORMANCE.md).
// The search indexes are written with every page as always: that work fills
// the time the pull waits for its next page, where building them whole at
// the end made everyone wait for it (~60% of the end), and a search finds
// the pulled rows while the load goes on; FTS5 merges their segments only
// once the load has ended (setSearchMerging in the .cpp).
//
// The missing indexes are the load's only mark, so nothing can disagree
// with it. A load cut by a kill leaves them missing; the workspace's checked
// open ends it (repairIfInterrupted). Readers stay correct throughout, only
// slower: a query that would have used a missing index scans the table.
//
// assets_parent is never dropped: the deferred parent_id foreign key looks
// up a row's children by it on every insert while a link is unresolved.
class AssetBulkLoad
{
public:
    // Drops the deferred indexes, in a transaction of its own (none may be
    // open on the connection). Throws StoreError.
    static void begin(Database &db);
    // True while a load is under way, or was cut: an index is missing.
    static bool isActive(Database &db);
    // Creates the missing indexes (CREATE INDEX IF NOT EXISTS, the same
    // definitions as the schema), inside the caller's transaction when one
    // is open (the one that ends the pull).
    // Does nothing when no load is under way. Throws StoreError.
    static void finish(Database &db);
    // finish() in a transaction of its own: a load this process cut (an
    // error, a cancel), whose search rows were written with its pages.
    static void end(Database &db);
    // finish() in a transaction of its own when a load was cut, and the
    // search index rebuilt (loads cut by earlier versions wrote no search
    // rows); true when it had to. For the workspace's open.
    static bool repairIfInterrupted(Database &db);

    // The indexes a load drops, by name, and the statement that makes each.
    struct Index
    {
        const char *name;
        const char *createSql;
    };
    static const Index kDeferredIndexes[];
    static const int kDeferredIndexCount;
    // The search tables' merge settings outside a load (FTS5's defaults);
    // during one nothing merges until 64 segments wait on a level.
    static constexpr int kSearchAutomerge = 4;
    static constexpr int kSearchCrisismerge = 16;
};

} // namespace sl
