#include "syncfixture.h"

#include "editing/asseteditor.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/syncstaterepository.h"

#include <QTest>
#include <QUrlQuery>

using namespace sl;
using namespace sl::test;

namespace {

const QString kAssets = QStringLiteral("msdyn_customerassets");

} // namespace

// Deletions on the store that a delta cannot tell, written like
// specifications: a table read whole again once its delta link expired, and
// a table without change tracking (modifiedon polling) whose ids are read
// whole every so often. Rows the store no longer has are removed here,
// except one with an edit waiting: that one is kept, and its edit refused.
class tst_SyncDeletions : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QStringList m_ids;

    void rename(const QString &id, const QString &name)
    {
        AssetEdit edit;
        edit.name = name;
        const AssetEditOutcome outcome = AssetEditor(m_world.workspace().database()).update(id, edit, "tester");
        QVERIFY2(outcome.saved(), qPrintable(outcome.message()));
    }

    // Five rows deleted on the server, none edited here; returns them sorted.
    QStringList deleteFiveOnTheServer()
    {
        QStringList gone{m_ids[3], m_ids[50], m_ids[120], m_ids[201], m_ids.last()};
        for (const QString &id : gone)
            m_world.server().table().remove(id);
        gone.sort();
        return gone;
    }

    void checkKeptAndRefused(const QString &id, const SyncSummary &summary)
    {
        QVERIFY(m_world.localAssets().count(id));
        const std::vector<OutboxEntry> refused = m_world.workspace().outbox().inState(OutboxState::Refused, 10);
        QCOMPARE(refused.size(), size_t(1));
        QCOMPARE(refused.front().entityId, id);
        QVERIFY2(refused.front().lastError.contains("the store no longer has this record"),
                 qPrintable(refused.front().lastError));
        // The push reports edits it could not send among the notices.
        QVERIFY2(summary.notices.join(' ').contains(id + ": refused: the store no longer has this record"),
                 qPrintable(summary.notices.join('\n')));
        QCOMPARE(m_world.workspace().outbox().count(), 1); // kept, not lost
    }

    int idOnlyReads() const
    {
        int reads = 0;
        for (const auto &request : const_cast<SyncFixture &>(m_world).server().requests())
            if (request.method == "GET" && request.url.path().endsWith(kAssets)
                && QUrlQuery(request.url).queryItemValue("$select") == "msdyn_customerassetid")
                ++reads;
        return reads;
    }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
        m_ids = m_world.server().seedAssets(300);
    }

    void cleanup() { m_world.tearDown(); }

    void expiredDeltaLinkRemovesExactlyTheRowsDeletedOnTheServer()
    {
        if (m_world.hardened())
            QSKIP("no delta links without change tracking");
        SyncOptions options;
        options.pageSize = 100;
        QVERIFY(m_world.sync(options).ok());

        const QString edited = m_ids[77];
        rename(edited, "Renamed here");
        const AssetStates before = m_world.localAssets();
        const QStringList gone = deleteFiveOnTheServer();
        m_world.server().table().remove(edited); // ... and the one edited here
        m_world.server().table().write(m_ids[10], {{"msdyn_name", "Renamed on the server"}});
        m_world.server().faults().oldestDeltaToken = m_world.server().table().lastVersion() + 1;

        const SyncSummary summary = m_world.sync(options);
        QCOMPARE(summary.failed, 1); // the edit of the deleted row
        QVERIFY(summary.notices.join(' ').contains("the store no longer knew where the last sync ended"));
        QCOMPARE(summary.deleted, 5);
        QStringList expected = gone;
        expected << m_ids[10];
        expected.sort();
        QCOMPARE(SyncFixture::changedIds(before, m_world.localAssets()), expected);
        checkKeptAndRefused(edited, summary);
        QVERIFY2(summary.notices.join(' ').contains("kept here for the edits waiting on them"),
                 qPrintable(summary.notices.join('\n')));
        QVERIFY(summary.notices.join(' ').contains(edited));

        // The next sync neither sends the refused edit again nor drops the row.
        m_world.server().clearRequests();
        const SyncSummary again = m_world.sync(options);
        QCOMPARE(again.failed, 0);
        QCOMPARE(m_world.server().countRequests("PATCH"), 0);
        QVERIFY(m_world.localAssets().count(edited));
        QCOMPARE(m_world.workspace().outbox().count(), 1);
    }

    void anEditOfARowDeletedThereInABatchIsRefusedAndTheOthersGo()
    {
        SyncOptions options;
        options.pageSize = 100;
        QVERIFY(m_world.sync(options).ok());
        for (int i = 0; i < 12; ++i) // enough to go through $batch
            rename(m_ids[100 + i], QStringLiteral("Batch %1").arg(i));
        m_world.server().table().remove(m_ids[105]);

        const SyncSummary summary = m_world.sync(options);
        QVERIFY(m_world.server().countRequests("POST") > 0); // the $batch
        QCOMPARE(summary.pushed, 11);
        QCOMPARE(summary.failed, 1);
        checkKeptAndRefused(m_ids[105], summary);
        QCOMPARE(m_world.server().table().row(m_ids[106]).value("msdyn_name").toString(), QStringLiteral("Batch 6"));
    }

    void reReadCutMidWayRemovesNothingAndTheNextSyncSweeps()
    {
        if (m_world.hardened())
            QSKIP("no delta links without change tracking");
        SyncOptions options;
        options.pageSize = 100;
        QVERIFY(m_world.sync(options).ok());
        const AssetStates before = m_world.localAssets();
        const QStringList gone = deleteFiveOnTheServer();
        m_world.server().faults().oldestDeltaToken = m_world.server().table().lastVersion() + 1;

        int pagesSeen = 0;
        const SyncSummary cut = m_world.sync(options, [&](SyncEngine &engine, const SyncProgress &progress) {
            if (progress.phase == SyncProgress::Phase::Pulling && progress.entitySet == kAssets && ++pagesSeen == 2)
                engine.cancel();
        });
        QVERIFY(cut.cancelled);
        QCOMPARE(cut.deleted, 0);
        QCOMPARE(m_world.localAssets(), before); // a cut re-read removes nothing
        const auto state = SyncStateRepository(m_world.workspace().database()).find(kAssets);
        QVERIFY(state);
        QVERIFY(state->deltaLink.isEmpty()); // the next sync reads the table whole again

        const SyncSummary finished = m_world.sync(options);
        QVERIFY2(finished.ok(), qPrintable(finished.errors.join('\n')));
        QCOMPARE(finished.deleted, 5);
        QCOMPARE(SyncFixture::changedIds(before, m_world.localAssets()), gone);
        QString why;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), m_world.serverAssets(), &why), qPrintable(why));
        QVERIFY(!SyncStateRepository(m_world.workspace().database()).find(kAssets)->deltaLink.isEmpty());
    }

    void pollingSweepsTheIdsEveryNthPoll()
    {
        m_world.server().faults().noChangeTracking = true;
        SyncOptions options;
        options.pageSize = 100;
        options.idSweep.everyPolls = 2;
        QVERIFY(m_world.sync(options).ok());

        const QString edited = m_ids[77];
        rename(edited, "Renamed here");
        const AssetStates before = m_world.localAssets();
        const QStringList gone = deleteFiveOnTheServer();
        m_world.server().table().remove(edited);

        // The first poll cannot see the deletions, and says so.
        m_world.server().clearRequests();
        const SyncSummary first = m_world.sync(options);
        QCOMPARE(first.deleted, 0);
        QCOMPARE(idOnlyReads(), 0);
        QCOMPARE(SyncFixture::changedIds(before, m_world.localAssets()), QStringList());
        QVERIFY2(first.notices.join(' ').contains("msdyn_customerassets: the asset store has no change tracking for "
                                                  "this table; deletions there are not seen"),
                 qPrintable(first.notices.join('\n')));
        QVERIFY(first.notices.join(' ').contains("(not this time)"));

        // The second reads every id (3 pages of keys alone) and removes exactly those five.
        m_world.server().clearRequests();
        const SyncSummary second = m_world.sync(options);
        QCOMPARE(idOnlyReads(), 3);
        QCOMPARE(second.deleted, 5);
        QCOMPARE(SyncFixture::changedIds(before, m_world.localAssets()), gone);
        QVERIFY(second.notices.join(' ').contains("(done this time)"));
        QVERIFY2(second.notices.join(' ').contains("kept here for the edits waiting on them"),
                 qPrintable(second.notices.join('\n')));
        checkKeptAndRefused(edited, first);

        // The count starts again: the next poll reads no ids.
        m_world.server().clearRequests();
        QCOMPARE(m_world.sync(options).deleted, 0);
        QCOMPARE(idOnlyReads(), 0);
    }

    void idSweepCutMidWayRemovesNothing()
    {
        m_world.server().faults().noChangeTracking = true;
        SyncOptions options;
        options.pageSize = 100;
        options.idSweep.everyPolls = 1;
        QVERIFY(m_world.sync(options).ok());
        const AssetStates before = m_world.localAssets();
        deleteFiveOnTheServer();
        int pagesSeen = 0;
        const SyncSummary cut = m_world.sync(options, [&](SyncEngine &engine, const SyncProgress &progress) {
            if (progress.phase == SyncProgress::Phase::Pulling && progress.entitySet == kAssets && ++pagesSeen == 2)
                engine.cancel();
        });
        QVERIFY(cut.cancelled);
        QCOMPARE(m_world.localAssets(), before);
        QCOMPARE(m_world.sync(options).deleted, 5);
    }
};

QTEST_GUILESS_MAIN(tst_SyncDeletions)
#include "tst_syncdeletions.moc"
