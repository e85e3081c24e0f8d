// The search indexes keep no copy of the assets' text (FTS5 external
// content), so every change of an asset or a lookup must leave them holding
// exactly the text of the rows they index: checked after each kind of write
// with FTS5's integrity check against the content (which fails on any entry
// the text no longer has), and by what a search finds.
#include "store/assetbulkload.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/workspace.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {

const QString kNorthwind = QStringLiteral("00000000-0000-4000-9000-000000000001");
const QString kContoso = QStringLiteral("00000000-0000-4000-9000-000000000002");
const QString kProduct = QStringLiteral("00000000-0000-4000-9100-000000000001");
const QString kCategory = QStringLiteral("00000000-0000-4000-9200-000000000001");

QString idOf(int i)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

Asset pump(int i, const QString &name, const QString &tag)
{
    Asset asset;
    asset.id = idOf(i);
    asset.name = name;
    asset.assetTag = tag;
    asset.accountId = kNorthwind;
    asset.accountName = QStringLiteral("Northwind Traders");
    asset.productId = kProduct;
    asset.productName = QStringLiteral("Centrifugal pump");
    asset.categoryId = kCategory;
    asset.categoryName = QStringLiteral("Rotating equipment");
    return asset;
}

int indexedRows(Database &db, const char *table)
{
    return db.queryText(QStringLiteral("SELECT count(*) FROM %1_docsize").arg(QLatin1String(table))).toInt();
}

} // namespace

class tst_SearchIndex : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;

    Database &db() { return m_workspace->database(); }
    AssetRepository &repo() { return m_workspace->assets(); }
    int found(const QString &text) { return repo().countMatching(text); }

private Q_SLOTS:
    void init() { QVERIFY(openTemporaryWorkspace(m_dir, m_workspace)); }
    void cleanup() { closeTemporaryWorkspace(m_dir, m_workspace); }

    // The check itself fails where an index row no longer matches its text
    // (written behind the index's back, as no writer of Sightline does).
    void theCheckSeesAStaleRow()
    {
        repo().upsertAssets({pump(1, QStringLiteral("Feed pump"), QStringLiteral("AT-1001"))});
        QCOMPARE(repo().searchIndexProblem(), QString());
        db().exec(QStringLiteral("DROP TRIGGER assets_reindex_before; DROP TRIGGER assets_reindex_after"));
        db().exec(QStringLiteral("UPDATE assets SET name = 'Bilge pump'"));
        QVERIFY(!repo().searchIndexProblem().isEmpty());
        repo().rebuildSearchIndex();
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(found(QStringLiteral("bilge")), 1);
        QCOMPARE(found(QStringLiteral("feed")), 0);
    }

    // Upserts: new rows, changed names, tags and links, an id twice in a
    // batch, a case-only rename, a tag emptied and set again.
    void upsertsKeepItExact()
    {
        std::vector<Asset> rows;
        for (int i = 0; i < 50; ++i)
            rows.push_back(pump(i, QStringLiteral("Feed pump %1").arg(i), QStringLiteral("AT-%1").arg(1000 + i)));
        repo().upsertAssets(rows);
        QCOMPARE(indexedRows(db(), "asset_search"), 50);
        QCOMPARE(indexedRows(db(), "asset_tag_search"), 50);
        QCOMPARE(repo().searchIndexProblem(), QString());

        rows[0].name = QStringLiteral("Bilge pump");
        rows[1].assetTag = QStringLiteral("ZX-77");
        rows[2].accountId = kContoso;
        rows[2].accountName = QStringLiteral("Contoso");
        rows[3].assetTag.clear();
        rows[4].name = QStringLiteral("FEED PUMP 4");
        rows[5].latitude = 51.5; // not indexed: the row stays as it is
        Asset twice = rows[6];
        twice.name = QStringLiteral("Interim name");
        rows.insert(rows.begin() + 6, twice); // the later row wins
        Asset fresh = pump(90, QStringLiteral("Transfer pump"), QStringLiteral("TP-1"));
        Asset freshLater = fresh;
        freshLater.name = QStringLiteral("Booster pump");
        rows.push_back(fresh);
        rows.push_back(freshLater); // inserted, then updated by the same statement
        repo().upsertAssets(rows);
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(indexedRows(db(), "asset_search"), 51);
        QCOMPARE(indexedRows(db(), "asset_tag_search"), 50);
        QCOMPARE(found(QStringLiteral("bilge")), 1);
        QCOMPARE(found(QStringLiteral("ZX-77")), 1);
        QCOMPARE(found(QStringLiteral("AT-1001")), 0);
        QCOMPARE(found(QStringLiteral("contoso")), 1);
        QCOMPARE(found(QStringLiteral("AT-1003")), 0);
        QCOMPARE(found(QStringLiteral("interim")), 0);
        QCOMPARE(found(QStringLiteral("booster")), 1);
        QCOMPARE(found(QStringLiteral("transfer")), 0);

        rows[3].assetTag = QStringLiteral("AT-3003");
        repo().upsertAssets(rows);
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(found(QStringLiteral("T-300")), 1); // trigrams again
    }

    // A lookup renamed or deleted changes the text of all its assets.
    void lookupsKeepItExact()
    {
        std::vector<Asset> rows;
        for (int i = 0; i < 30; ++i)
            rows.push_back(pump(i, QStringLiteral("Pump %1").arg(i), QStringLiteral("AT-%1").arg(i)));
        rows[29].accountId = kContoso;
        rows[29].accountName = QStringLiteral("Contoso");
        repo().upsertAssets(rows);
        QCOMPARE(found(QStringLiteral("northwind")), 29);

        repo().upsertAccounts({{kNorthwind, QStringLiteral("Fabrikam")}});
        repo().upsertProducts({{kProduct, QStringLiteral("Screw pump"), QStringLiteral("SP-9")}});
        repo().upsertCategories({{kCategory, QStringLiteral("Fluid handling")}});
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(found(QStringLiteral("northwind")), 0);
        QCOMPARE(found(QStringLiteral("fabrikam")), 29);
        QCOMPARE(found(QStringLiteral("screw")), 30);
        QCOMPARE(found(QStringLiteral("SP-9")), 30);
        QCOMPARE(found(QStringLiteral("fluid")), 30);

        // As a pulled deletion removes a lookup: its assets lose its words.
        db().exec(QStringLiteral("DELETE FROM accounts WHERE id = '%1'").arg(kNorthwind));
        db().exec(QStringLiteral("DELETE FROM products WHERE id = '%1'").arg(kProduct));
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(found(QStringLiteral("fabrikam")), 0);
        QCOMPARE(found(QStringLiteral("screw")), 0);
        QCOMPARE(found(QStringLiteral("contoso")), 1);
        QCOMPARE(found(QStringLiteral("pump")), 30);
        QCOMPARE(indexedRows(db(), "asset_search"), 30);

        // Without foreign keys the links stay, dangling: the text reads '' all the same.
        db().exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
        db().exec(QStringLiteral("DELETE FROM categories WHERE id = '%1'").arg(kCategory));
        db().exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(found(QStringLiteral("fluid")), 0);
        QCOMPARE(found(QStringLiteral("pump")), 30);
    }

    void deletionsKeepItExact()
    {
        std::vector<Asset> rows;
        for (int i = 0; i < 20; ++i)
            rows.push_back(pump(i, QStringLiteral("Pump %1").arg(i), i % 2 ? QStringLiteral("AT-%1").arg(i) : QString()));
        repo().upsertAssets(rows);
        db().exec(QStringLiteral("DELETE FROM assets WHERE id IN ('%1', '%2')").arg(idOf(3), idOf(4)));
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(indexedRows(db(), "asset_search"), 18);
        QCOMPARE(indexedRows(db(), "asset_tag_search"), 9);
        QCOMPARE(found(QStringLiteral("pump")), 18);
    }

    // A first pull's load (nothing merged until its end) and a load a kill
    // cut, which the open ends.
    void bulkLoadsKeepItExact()
    {
        AssetBulkLoad::begin(db());
        for (int page = 0; page < 5; ++page) {
            std::vector<Asset> rows;
            for (int i = 0; i < 200; ++i) {
                const int n = page * 200 + i;
                rows.push_back(pump(n, QStringLiteral("Pump %1").arg(n), QStringLiteral("AT-%1").arg(n)));
            }
            repo().upsertPulledAssets(rows, std::vector<QByteArray>(rows.size(), QByteArrayLiteral("W/\"1\"")));
        }
        QCOMPARE(repo().searchIndexProblem(), QString());
        AssetBulkLoad::end(db());
        QCOMPARE(repo().searchIndexProblem(), QString());
        QCOMPARE(found(QStringLiteral("pump")), 1000);
        QCOMPARE(found(QStringLiteral("AT-999")), 1);
    }

    // A workspace of schema version 7 (the index with its own copy of the
    // text) is migrated with its search index whole.
    void anOlderWorkspaceIsMigrated()
    {
        cleanup();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            auto old = Database::open(path);
            Migrations::runTo(*old, 7);
            old->exec(QStringLiteral(
                "INSERT INTO accounts(id, name) VALUES ('a1', 'Northwind'); "
                "INSERT INTO assets(id, name, asset_tag, account_id) VALUES ('x1', 'Feed pump', 'AT-1', 'a1'), "
                "('x2', 'Bilge pump', '', NULL); "
                "INSERT INTO asset_search(rowid, name, tag, account, product, category) "
                "SELECT rid, name, asset_tag, coalesce((SELECT name FROM accounts WHERE id = account_id), ''), '', '' "
                "FROM assets; "
                "INSERT INTO asset_tag_search(rowid, tag) SELECT rid, asset_tag FROM assets WHERE asset_tag <> ''"));
        }
        auto db = Database::open(path);
        Migrations::run(*db);
        QCOMPARE(db->userVersion(), Migrations::latestVersion());
        AssetRepository repository(*db);
        QCOMPARE(repository.searchIndexProblem(), QString());
        QCOMPARE(repository.countMatching(QStringLiteral("northwind")), 1);
        QCOMPARE(repository.countMatching(QStringLiteral("pump")), 2);
        QCOMPARE(repository.countMatching(QStringLiteral("AT-1")), 1);
        QCOMPARE(indexedRows(*db, "asset_tag_search"), 1);
        QVERIFY(openTemporaryWorkspace(m_dir, m_workspace)); // for cleanup()
    }
};

QTEST_GUILESS_MAIN(tst_SearchIndex)
#include "tst_searchindex.moc"
