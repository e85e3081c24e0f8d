#include "store/assetbulkload.h"

#include "common/logging.h"
#include "store/assetrepository.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QStringList>

#include <iterator>

namespace sl {

// The same columns as the schema's (migrations.cpp, versions 1, 3 and 4);
// tst_assetbulkload checks that a new workspace's indexes read the same.
const AssetBulkLoad::Index AssetBulkLoad::kDeferredIndexes[] = {
    {"assets_name_id", "CREATE INDEX IF NOT EXISTS assets_name_id ON assets(name, id)"},
    {"assets_account", "CREATE INDEX IF NOT EXISTS assets_account ON assets(account_id)"},
    {"assets_product", "CREATE INDEX IF NOT EXISTS assets_product ON assets(product_id)"},
    {"assets_category", "CREATE INDEX IF NOT EXISTS assets_category ON assets(category_id)"},
    {"assets_parent_name", "CREATE INDEX IF NOT EXISTS assets_parent_name ON assets(parent_id, name, id)"},
    {"assets_modified_id", "CREATE INDEX IF NOT EXISTS assets_modified_id ON assets(modified_on, id)"},
    {"assets_state", "CREATE INDEX IF NOT EXISTS assets_state ON assets(state_code)"},
};
const int AssetBulkLoad::kDeferredIndexCount = int(std::size(kDeferredIndexes));

namespace {

// The FTS5 tables written with every page of a load.
const char *const kSearchTables[] = {"asset_search", "asset_tag_search"};

// FTS5 merges its segments as it writes (automerge: once 4 of a level
// exist), which rewrites a row's index entries again and again while a
// table fills; during a load nothing merges until 64 wait on one level
// (crisismerge), and the load's end sets FTS5's defaults back (4 and 16),
// so that later writes merge the load's segments bit by bit. The search
// index of a 100,000-row load took half the time (docs/SYNC-PERFORMANCE.md);
// a search over its 20 segments took as long as over one.
void setSearchMerging(Database &db, int automerge, int crisismerge)
{
    for (const char *table : kSearchTables) {
        db.exec(QStringLiteral("INSERT INTO %1(%1, rank) VALUES('automerge', %2)")
                    .arg(QLatin1String(table))
                    .arg(automerge));
        db.exec(QStringLiteral("INSERT INTO %1(%1, rank) VALUES('crisismerge', %2)")
                    .arg(QLatin1String(table))
                    .arg(crisismerge));
    }
}

} // namespace

void AssetBulkLoad::begin(Database &db)
{
    // A transaction of its own: a reader sees the indexes either all there
    // or all gone, and its statements are prepared again on the new schema.
    Transaction transaction(db);
    for (const Index &index : kDeferredIndexes)
        db.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index.name)));
    setSearchMerging(db, 0, 64);
    transaction.commit();
    qCInfo(lcStore) << "assets: bulk load begun (secondary indexes built when it ends)";
}

bool AssetBulkLoad::isActive(Database &db)
{
    Statement query = db.cached("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assets' "
                                "AND name IN (SELECT value FROM json_each(?))");
    static const QString names = []() -> QString {
        QStringList list;
        for (const Index &index : kDeferredIndexes)
            list.append(QLatin1Char('"') + QLatin1String(index.name) + QLatin1Char('"'));
        return QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']');
    }();
    query.bind(1, names);
    const int present = query.step() ? query.columnInt(0) : 0;
    query.reset();
    return present < kDeferredIndexCount;
}

void AssetBulkLoad::finish(Database &db)
{
    if (!isActive(db))
        return;
    QElapsedTimer timer;
    timer.start();
    Transaction transaction(db); // a savepoint inside the pull's last page
    for (const Index &index : kDeferredIndexes)
        db.exec(QString::fromLatin1(index.createSql));
    setSearchMerging(db, kSearchAutomerge, kSearchCrisismerge);
    transaction.commit();
    qCInfo(lcStore) << "assets: bulk load ended; secondary indexes built in" << timer.elapsed() << "ms";
}

void AssetBulkLoad::end(Database &db)
{
    Transaction transaction(db);
    finish(db);
    transaction.commit();
}

bool AssetBulkLoad::repairIfInterrupted(Database &db)
{
    if (!isActive(db))
        return false;
    qCWarning(lcStore) << "assets: a bulk load (a first sync) was cut; building its indexes now";
    Transaction transaction(db);
    finish(db);
    // Loads cut by earlier versions wrote no search rows (their end was to
    // rebuild the search index whole): rebuilt here, on this rare path, so
    // that such a workspace finds every asset too.
    AssetRepository(db).rebuildSearchIndex();
    transaction.commit();
    return true;
}

} // namespace sl
