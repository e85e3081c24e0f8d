// AssetBulkLoad: the indexes it drops are the schema's own, while they are
// missing the search index is left for the end, its end makes the search
// index exact, and a workspace a kill left in the middle of one opens whole.
#include "store/assetbulkload.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {

std::vector<Asset> someAssets(int count, const QString &prefix)
{
    std::vector<Asset> rows;
    for (int i = 0; i < count; ++i) {
        Asset asset;
        asset.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        asset.name = QStringLiteral("%1 %2").arg(prefix).arg(i);
        asset.assetTag = QStringLiteral("BLK-%1").arg(i);
        asset.accountId = QStringLiteral("00000000-0000-4000-9000-000000000001");
        asset.accountName = QStringLiteral("Northwind");
        rows.push_back(asset);
    }
    return rows;
}

int searchRows(Database &db)
{
    return db.queryText(QStringLiteral("SELECT count(*) FROM asset_search_docsize")).toInt();
}

// An FTS5 table's merge setting `key` as stored (its default when never set).
int searchSetting(Database &db, const char *table, const char *key, int fallback)
{
    const QString value = db.queryText(
        QStringLiteral("SELECT coalesce((SELECT v FROM %1_config WHERE k = '%2'), %3)")
            .arg(QLatin1String(table), QLatin1String(key))
            .arg(fallback));
    return value.toInt();
}

// Both search tables merge as FTS5 does by default (true), or not during a load.
bool mergesAsUsual(Database &db)
{
    for (const char *table : {"asset_search", "asset_tag_search"}) {
        if (searchSetting(db, table, "automerge", AssetBulkLoad::kSearchAutomerge) != AssetBulkLoad::kSearchAutomerge ||
            searchSetting(db, table, "crisismerge", AssetBulkLoad::kSearchCrisismerge) !=
                AssetBulkLoad::kSearchCrisismerge)
            return false;
    }
    return true;
}

bool mergesNothingYet(Database &db)
{
    for (const char *table : {"asset_search", "asset_tag_search"}) {
        if (searchSetting(db, table, "automerge", -1) != 0 || searchSetting(db, table, "crisismerge", -1) != 64)
            return false;
    }
    return true;
}

} // namespace

class tst_AssetBulkLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The statements that make the indexes again are the schema's: a new
    // workspace's indexes read the same (IF NOT EXISTS aside).
    void indexesAreTheSchemas()
    {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<Workspace> workspace;
        QVERIFY(openTemporaryWorkspace(dir, workspace));
        Database &db = workspace->database();
        QVERIFY(!AssetBulkLoad::isActive(db));
        for (int i = 0; i < AssetBulkLoad::kDeferredIndexCount; ++i) {
            const AssetBulkLoad::Index &index = AssetBulkLoad::kDeferredIndexes[i];
            const QString schema = db.queryText(
                QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = '%1'").arg(QLatin1String(index.name)));
            QCOMPARE(schema, QString::fromLatin1(index.createSql).remove(QStringLiteral("IF NOT EXISTS ")));
        }
        // The parent link's index stays: the deferred foreign key needs it.
        for (int i = 0; i < AssetBulkLoad::kDeferredIndexCount; ++i)
            QVERIFY(QLatin1String(AssetBulkLoad::kDeferredIndexes[i].name) != QLatin1String("assets_parent"));
        closeTemporaryWorkspace(dir, workspace);
    }

    // The search indexes are written with every page, during a load too:
    // a search finds what was pulled so far, and the end builds only the
    // secondary indexes.
    void searchIndexFollowsEveryPageOfALoad()
    {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<Workspace> workspace;
        QVERIFY(openTemporaryWorkspace(dir, workspace));
        Database &db = workspace->database();
        workspace->assets().upsertAssets(someAssets(10, QStringLiteral("Before")));
        QCOMPARE(searchRows(db), 10);

        QVERIFY(mergesAsUsual(db));
        AssetBulkLoad::begin(db);
        QVERIFY(AssetBulkLoad::isActive(db));
        QVERIFY(mergesNothingYet(db));
        // Rows renamed and added during the load: found at once.
        workspace->assets().upsertAssets(someAssets(40, QStringLiteral("During")));
        QCOMPARE(workspace->assets().count(), 40);
        QCOMPARE(searchRows(db), 40);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("During")), 40);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("Before")), 0);
        QVERIFY(AssetBulkLoad::isActive(db));

        {
            Transaction transaction(db);
            AssetBulkLoad::finish(db);
            transaction.commit();
        }
        QVERIFY(!AssetBulkLoad::isActive(db));
        QVERIFY(mergesAsUsual(db));
        QCOMPARE(searchRows(db), 40);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("During")), 40);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("Before")), 0);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("LK-3")), 11); // trigrams: BLK-3, BLK-30..39
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("Northwind")), 40);
        // Back to indexing row by row.
        workspace->assets().upsertAssets(someAssets(41, QStringLiteral("After")));
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("After")), 41);
        QCOMPARE(searchRows(db), 41);
        QCOMPARE(workspace->assets().searchIndexProblem(), QString());
        closeTemporaryWorkspace(dir, workspace);
    }

    // A load a kill cut (the indexes still dropped) ends when the workspace
    // is opened with its check.
    void openEndsACutLoad()
    {
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<Workspace> workspace;
        QVERIFY(openTemporaryWorkspace(dir, workspace));
        AssetBulkLoad::begin(workspace->database());
        QVERIFY(mergesNothingYet(workspace->database()));
        workspace->assets().upsertAssets(someAssets(25, QStringLiteral("Cut")));
        QCOMPARE(searchRows(workspace->database()), 25);
        // A load cut by an earlier version, which wrote no search rows
        // during a load: the open rebuilds them.
        workspace->database().exec(QStringLiteral("DELETE FROM asset_search; DELETE FROM asset_tag_search"));
        QCOMPARE(searchRows(workspace->database()), 0);
        workspace.reset();

        QString error;
        workspace = Workspace::open(dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QVERIFY(!AssetBulkLoad::isActive(workspace->database()));
        QVERIFY(mergesAsUsual(workspace->database()));
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("Cut")), 25);
        QCOMPARE(searchRows(workspace->database()), 25);
        QVERIFY(!AssetBulkLoad::repairIfInterrupted(workspace->database())); // nothing left to do
        closeTemporaryWorkspace(dir, workspace);
    }
};

QTEST_GUILESS_MAIN(tst_AssetBulkLoad)
#include "tst_assetbulkload.moc"
