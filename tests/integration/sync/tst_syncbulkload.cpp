// A first pull of the assets loads them in bulk (store/assetbulkload.h):
// their secondary indexes and search index are built when it ends. These
// specifications hold it to the same result as a pull that keeps them row
// by row: the same rows and the same search answers, every index there at
// the end, and a cut first pull that still leaves them whole.
#include "syncfixture.h"

#include "store/assetbulkload.h"
#include "store/assetrepository.h"
#include "store/database.h"
#include "sync/syncstaterepository.h"

#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {

const QString kAssets = QStringLiteral("msdyn_customerassets");

// What a search finds, as sorted ids, for each of a set of searches.
QMap<QString, QStringList> searchAnswers(AssetRepository &assets, const QStringList &searches)
{
    QMap<QString, QStringList> answers;
    for (const QString &search : searches) {
        QStringList ids;
        for (const Asset &asset : assets.page(search, {}, 100'000))
            ids.append(asset.id);
        ids.sort();
        answers.insert(search, ids);
    }
    return answers;
}

// The number of the assets' indexes a bulk load drops that are there.
int deferredIndexesPresent(Database &db)
{
    int present = 0;
    for (int i = 0; i < AssetBulkLoad::kDeferredIndexCount; ++i)
        present += db.queryText(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = '%1'")
                                    .arg(QLatin1String(AssetBulkLoad::kDeferredIndexes[i].name)))
                       .toInt();
    return present;
}

} // namespace

class tst_SyncBulkLoad : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;

    // The search index has one row per asset, in both of its tables.
    void verifySearchIndexComplete()
    {
        Database &db = m_world.workspace().database();
        // One index row per asset (per tagged asset), each made of the asset's text.
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM assets a WHERE NOT EXISTS "
                                             "(SELECT 1 FROM asset_search_docsize d WHERE d.id = a.rid)")),
                 QStringLiteral("0"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT (SELECT count(*) FROM asset_search_docsize) - (SELECT count(*) FROM assets)")),
                 QStringLiteral("0"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT (SELECT count(*) FROM asset_tag_search_docsize) - "
                                             "(SELECT count(*) FROM assets WHERE asset_tag <> '')")),
                 QStringLiteral("0"));
        QCOMPARE(m_world.workspace().assets().searchIndexProblem(), QString());
    }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }
    void init() { QVERIFY(m_world.setUpForRow()); }
    void cleanup() { m_world.tearDown(); }

    // The same store state reached two ways: a first pull then a delta into
    // the full workspace, and a first pull into an empty one.
    void firstPullAndDeltaGiveTheSameRowsAndSearch()
    {
        m_world.server().seedLookups(7, 5, 3);
        const QStringList ids = m_world.server().seedAssets(3'000);
        SyncOptions options;
        options.pageSize = 700;
        SyncSummary summary = m_world.sync(options);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(deferredIndexesPresent(m_world.workspace().database()), AssetBulkLoad::kDeferredIndexCount);
        verifySearchIndexComplete();

        FakeTable &table = m_world.server().table();
        table.write(ids[5], {{"msdyn_name", "Renamed Compressor"}});
        table.write(ids[2000], {{"msdyn_assettag", "NEWTAG-77"}});
        table.write(QStringLiteral("0b9e3b1c-6c55-4f7e-8d43-2a1c7f0e9d11"),
                    {{"msdyn_name", "Added Compressor"}, {"msdyn_assettag", "ADD-1"}, {"statecode", 0}});
        if (!m_world.hardened()) // polling sees no deletions
            table.remove(ids[10]);
        summary = m_world.sync(options);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.pulled, 3);

        const QStringList searches{QStringLiteral("Compressor"), QStringLiteral("NEWTAG-77"),
                                   QStringLiteral("TAG-1999"),   QStringLiteral("Account 3"),
                                   QStringLiteral("Product 2"),  QStringLiteral("G-12"),
                                   QStringLiteral("Pump")};
        const AssetStates afterDelta = m_world.localAssets();
        const QMap<QString, QStringList> deltaAnswers = searchAnswers(m_world.workspace().assets(), searches);
        QCOMPARE(deltaAnswers.value(QStringLiteral("Compressor")).size(), 2);
        QCOMPARE(deltaAnswers.value(QStringLiteral("NEWTAG-77")), QStringList{ids[2000]});

        QVERIFY(m_world.startOverInFreshWorkspace());
        summary = m_world.sync(options);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(m_world.localAssets(), afterDelta);
        QCOMPARE(searchAnswers(m_world.workspace().assets(), searches), deltaAnswers);
        QCOMPARE(deferredIndexesPresent(m_world.workspace().database()), AssetBulkLoad::kDeferredIndexCount);
        verifySearchIndexComplete();
    }

    // A first pull cut half-way (a truncated page) builds what it left out:
    // every index there, the search index exact for the rows it committed;
    // the next pull finishes the table.
    void cutFirstPullLeavesEveryIndex()
    {
        m_world.server().seedAssets(1'000);
        SyncOptions options;
        options.pageSize = 300;
        m_world.server().faults().truncatePageIn = 6; // 3 lookup reads, then the assets' third page
        QVERIFY(!m_world.sync(options).ok());
        QCOMPARE(m_world.workspace().assets().count(), 600);
        QVERIFY(!SyncStateRepository(m_world.workspace().database()).find(kAssets));
        QCOMPARE(deferredIndexesPresent(m_world.workspace().database()), AssetBulkLoad::kDeferredIndexCount);
        verifySearchIndexComplete();

        QVERIFY(m_world.sync(options).ok());
        QString why;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), m_world.serverAssets(), &why), qPrintable(why));
        QCOMPARE(deferredIndexesPresent(m_world.workspace().database()), AssetBulkLoad::kDeferredIndexCount);
        verifySearchIndexComplete();
    }
};

QTEST_GUILESS_MAIN(tst_SyncBulkLoad)
#include "tst_syncbulkload.moc"
