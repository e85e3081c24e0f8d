#include "syncfixture.h"

#include "store/assetrepository.h"
#include "store/database.h"
#include "sync/syncstaterepository.h"
#include "sync/syncthread.h"

#include <QSignalSpy>
#include <QTest>

using namespace sl;
using namespace sl::test;

namespace {

const QString kAssets = QStringLiteral("msdyn_customerassets");

} // namespace

// Pulls from the fake Dataverse, written like specifications: set the
// server up, sync, compare the two states. Every test runs twice: against a
// plain store, and against a "hard" one (relative nextLinks, no change
// tracking, 428 on unconditional writes, no upsert).
class tst_SyncPull : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;

    void compareWithServer()
    {
        QString why;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), m_world.serverAssets(), &why), qPrintable(why));
    }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
    }

    void cleanup() { m_world.tearDown(); }

    void fullPullBringsEveryAsset()
    {
        m_world.server().seedLookups(7, 5, 3);
        m_world.server().seedAssets(20'000);
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.pulled, 20'000 + 7 + 5 + 3);
        compareWithServer();
        // The lookups came with their names, and the search index follows.
        QCOMPARE(m_world.workspace().assets().lookupNames(AssetRepository::Lookup::Accounts).size(), 7);
        QVERIFY(m_world.workspace().assets().lookupNames(AssetRepository::Lookup::Products).contains("Product 4"));
        QCOMPARE(m_world.workspace().assets().countMatching(QStringLiteral("TAG-19999")), 1);
        // Every seventh asset refers to "Account 6": its search row says so.
        QCOMPARE(m_world.workspace().database().queryText(
                     QStringLiteral("SELECT count(*) FROM asset_search WHERE asset_search MATCH 'account:\"Account 6\"'")),
                 QString::number(20'000 / 7));
        // Four pages of 5,000 assets, each page asked with maxpagesize.
        int assetPages = 0;
        for (const auto &request : m_world.server().requests())
            if (request.url.path().endsWith(kAssets)) {
                ++assetPages;
                QVERIFY(headerValue(request.headers, "Prefer").contains("odata.maxpagesize=5000"));
            }
        QCOMPARE(assetPages, 4);
        const auto state = SyncStateRepository(m_world.workspace().database()).find(kAssets);
        QVERIFY(state);
        QCOMPARE(state->deltaLink.isEmpty(), m_world.hardened());
        QCOMPARE(summary.notices.isEmpty(), !m_world.hardened());
    }

    void deltaChangesExactlyTheRowsChangedOnTheServer()
    {
        const QStringList ids = m_world.server().seedAssets(2'000);
        SyncOptions options;
        options.pageSize = 300;
        QVERIFY(m_world.sync(options).ok());
        const AssetStates before = m_world.localAssets();

        FakeTable &table = m_world.server().table();
        table.write(ids[10], {{"msdyn_name", "Renamed on the server"}});
        table.write(ids[1500], {{"msdyn_assettag", "NEW-TAG"}});
        table.write(ids[1999], {{"msdyn_latitude", 12.5}});
        table.remove(ids[3]);
        table.remove(ids[700]);
        const QString added = QStringLiteral("0b9e3b1c-6c55-4f7e-8d43-2a1c7f0e9d11");
        table.write(added, {{"msdyn_name", "Added on the server"}, {"statecode", 0}});
        m_world.server().clearRequests();

        const SyncSummary summary = m_world.sync(options);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.pulled, 4);
        const AssetStates after = m_world.localAssets();
        QStringList expected{ids[10], ids[1500], ids[1999], added};
        if (!m_world.hardened()) {
            // Change tracking: the deletions arrive as $deletedEntity rows.
            expected << ids[3] << ids[700];
            QCOMPARE(summary.deleted, 2);
            compareWithServer();
        } else {
            // Polling by modifiedon cannot see deletions, and says so.
            QCOMPARE(summary.deleted, 0);
            QVERIFY(after.count(ids[3]) && after.count(ids[700]));
            QVERIFY(summary.notices.join(' ').contains("deletions there are not seen"));
        }
        expected.sort();
        QCOMPARE(SyncFixture::changedIds(before, after), expected);
        // The search indexes follow: the old words and tag are gone (a
        // changed row's index rows are replaced), the new ones found once,
        // and the row added by the delta is found too.
        AssetRepository &assets = m_world.workspace().assets();
        const QString oldTag = before.at(ids[1500]).assetTag;
        QCOMPARE(assets.countMatching(QStringLiteral("Renamed on the server")), 1);
        QCOMPARE(assets.countMatching(QStringLiteral("NEW-TAG")), 1);
        QCOMPARE(assets.countMatching(oldTag), 0);
        QCOMPARE(assets.countMatching(QStringLiteral("Added on the server")), 1);
        const QString indexRows = m_world.workspace().database().queryText(
            QStringLiteral("SELECT (SELECT count(*) FROM asset_search_docsize) - (SELECT count(*) FROM assets)"));
        QCOMPARE(indexRows, QStringLiteral("0"));
        QCOMPARE(assets.searchIndexProblem(), QString());
        // The second pull asked for changes only: one page, not seven.
        int assetReads = 0;
        for (const auto &request : m_world.server().requests())
            assetReads += request.url.path().endsWith(kAssets) ? 1 : 0;
        QCOMPARE(assetReads, 1);
    }

    void truncatedPageChangesNothing()
    {
        const QStringList ids = m_world.server().seedAssets(1'000);
        SyncOptions options;
        options.pageSize = 400;
        QVERIFY(m_world.sync(options).ok());
        const AssetStates before = m_world.localAssets();
        const auto stateBefore = SyncStateRepository(m_world.workspace().database()).find(kAssets);
        QVERIFY(stateBefore);

        m_world.server().table().write(ids[5], {{"msdyn_name", "Changed"}});
        m_world.server().table().write(ids[900], {{"msdyn_name", "Changed too"}});
        // The accounts, products and categories come first: the 4th read is the assets'.
        m_world.server().faults().truncatePageIn = 4;
        const SyncSummary cut = m_world.sync(options);
        QVERIFY(!cut.ok());
        QVERIFY2(cut.errors.join(' ').contains("not valid JSON"), qPrintable(cut.errors.join(' ')));
        QCOMPARE(m_world.localAssets(), before);
        const auto stateAfter = SyncStateRepository(m_world.workspace().database()).find(kAssets);
        QVERIFY(stateAfter);
        QCOMPARE(stateAfter->deltaLink, stateBefore->deltaLink);
        QCOMPARE(stateAfter->lastModified, stateBefore->lastModified);

        // The next sync brings the changes the cut one missed.
        QVERIFY(m_world.sync(options).ok());
        QStringList expected{ids[5], ids[900]};
        expected.sort();
        QCOMPARE(SyncFixture::changedIds(before, m_world.localAssets()), expected);
        compareWithServer();
    }

    void truncatedFirstPullLeavesTheWorkspaceEmpty()
    {
        m_world.server().seedAssets(500);
        m_world.server().faults().truncatePageIn = 4;
        QVERIFY(!m_world.sync().ok());
        QCOMPARE(m_world.workspace().assets().count(), 0);
        QVERIFY(!SyncStateRepository(m_world.workspace().database()).find(kAssets));
    }

    void cancelKeepsWhatWasCommittedAndStartsAgain()
    {
        m_world.server().seedAssets(1'000);
        SyncOptions options;
        options.pageSize = 200;
        int pagesSeen = 0;
        const SyncSummary cancelled = m_world.sync(options, [&](SyncEngine &engine, const SyncProgress &progress) {
            if (progress.phase == SyncProgress::Phase::Pulling && progress.entitySet == kAssets && ++pagesSeen == 2)
                engine.cancel();
        });
        QVERIFY(cancelled.cancelled);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.errors, QStringList());
        QCOMPARE(m_world.workspace().assets().count(), 400); // the two pages committed before the cancel
        QVERIFY(!SyncStateRepository(m_world.workspace().database()).find(kAssets)); // the pull did not end
        // The next sync reads on to the end.
        QVERIFY(m_world.sync(options).ok());
        compareWithServer();
    }

    void expiredDeltaLinkReadsTheTableWhole()
    {
        if (m_world.hardened())
            QSKIP("no delta links without change tracking");
        const QStringList ids = m_world.server().seedAssets(100);
        QVERIFY(m_world.sync().ok());
        m_world.server().table().write(ids[1], {{"msdyn_name", "After expiry"}});
        m_world.server().faults().oldestDeltaToken = m_world.server().table().lastVersion() + 1;
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.pulled, 100);
        QVERIFY(summary.notices.join(' ').contains("msdyn_customerassets: the store no longer knew"));
        compareWithServer();
    }

    void runsOnAWorkerThreadWithItsOwnConnection()
    {
        m_world.server().seedAssets(300);
        SyncThread thread(m_world.workspaceDirectory(), m_world.server().serviceRoot(), "test-token");
        QSignalSpy finished(&thread, &SyncThread::syncFinished);
        QSignalSpy progress(&thread, &SyncThread::progress);
        thread.start();
        QVERIFY(finished.wait(60'000));
        QVERIFY2(thread.summary().ok(), qPrintable(thread.summary().errors.join('\n')));
        QCOMPARE(thread.summary().pulled, 300);
        QVERIFY(progress.count() > 0);
        compareWithServer();
    }
};

QTEST_GUILESS_MAIN(tst_SyncPull)
#include "tst_syncpull.moc"
