#pragma once

namespace sl {

class Database;

// A first (whole) pull of the assets loads them in bulk: the secondary
// indexes of `assets` and the rows of the two search indexes are built once
// when the load ends instead of being kept up to date row by row (every
// 5,000-row page dirtied most pages of the indexes keyed by GUIDs or
// names; measured in docs/SYNC-PERFORMANCE.md).
//
// The missing indexes are the load's only mark, so nothing can disagree
// with it: while any of them is missing, AssetRepository::upsertAssets does
// not write the search index (whoever writes assets meanwhile, a pull or an
// edit), and ending the load creates the indexes again and rebuilds the
// search index whole, which makes it exact whatever was written meanwhile.
// A load cut by a kill leaves the indexes missing; the workspace's checked
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
    // definitions as the schema) and rebuilds the search index, inside the
    // caller's transaction when one is open (the one that ends the pull).
    // Does nothing when no load is under way. Throws StoreError.
    static void finish(Database &db);
    // finish() in a transaction of its own when a load was cut; true when it
    // had to. For the workspace's open.
    static bool repairIfInterrupted(Database &db);

    // The indexes a load drops, by name, and the statement that makes each.
    struct Index
    {
        const char *name;
        const char *createSql;
    };
    static const Index kDeferredIndexes[];
    static const int kDeferredIndexCount;
};

} // namespace sl
