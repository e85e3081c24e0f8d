#include "syncfixture.h"

#include "editing/asseteditor.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/syncconflictrepository.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace sl;
using namespace sl::test;

// Pushes of many offline edits through $batch, written like
// specifications: edit here (and on the server), sync, compare the two
// states, and count what the store took. Every test runs against a plain
// and a "hard" store.
class tst_SyncBatch : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QStringList m_ids;

    QString rename(const QString &id, const QString &name)
    {
        AssetEdit edit;
        edit.name = name;
        const AssetEditOutcome outcome = AssetEditor(m_world.workspace().database()).update(id, edit, "tester");
        return outcome.saved() ? QString() : outcome.message();
    }

    // An entry of its own (as a later edit of another field made while an
    // earlier one waits), made against the asset's ETag here.
    void enqueue(const QString &id, const QString &field, const QJsonValue &value, const QJsonValue &base)
    {
        OutboxEntry entry;
        entry.entity = "asset";
        entry.entityId = id;
        entry.operation = "update";
        entry.payload = {{field, value}};
        entry.base = {{field, base}};
        entry.baseEtag = m_world.localAssets().at(id).etag;
        OutboxRepository(m_world.workspace().database()).enqueue(entry);
    }

    int wireBatches()
    {
        int batches = 0;
        for (const auto &request : m_world.server().requests())
            if (!request.inBatch && request.url.path().endsWith("$batch"))
                ++batches;
        return batches;
    }

    // Writes the store took (on the wire or in a change set not rolled back), by record id.
    QMap<QString, int> landed()
    {
        static const QRegularExpression kId("\\(([0-9a-f-]{36})\\)");
        QMap<QString, int> writes;
        for (const auto &request : m_world.server().requests()) {
            const QRegularExpressionMatch match = kId.match(request.url.path());
            if (request.method != "GET" && match.hasMatch() && request.status >= 200 && request.status < 300
                && !request.rolledBack)
                ++writes[match.captured(1)];
        }
        return writes;
    }

    int outboxCount() { return m_world.workspace().outbox().count(); }

    QString why(const SyncSummary &summary) { return summary.errors.join('\n') + summary.notices.join('\n'); }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
        m_ids = m_world.server().seedAssets(300);
        QVERIFY(m_world.sync().ok());
        m_world.server().clearRequests();
    }

    void cleanup() { m_world.tearDown(); }

    void thousandEditsLandOnceInOneBatch()
    {
        // 1,000 entries over 300 assets: name, tag, latitude, longitude in
        // turn, so most assets have three entries and a hundred have four.
        const AssetStates before = m_world.serverAssets();
        QMap<QString, int> expected;
        for (int k = 0; k < 1000; ++k) {
            const QString &id = m_ids[k % 300];
            const QJsonObject row = m_world.server().table().row(id);
            switch (k / 300) {
            case 0: enqueue(id, "name", QString("Batched %1").arg(k), before.at(id).name); break;
            case 1: enqueue(id, "assetTag", QString("B-%1").arg(k), before.at(id).assetTag); break;
            case 2: enqueue(id, "latitude", 10.0 + k, before.at(id).latitude); break;
            default: enqueue(id, "longitude", 20.0 + k, row.value("msdyn_longitude")); break;
            }
            ++expected[id];
        }
        QCOMPARE(outboxCount(), 1000);

        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushed, 1000);
        QCOMPARE(summary.conflicts, 0);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(wireBatches(), 1); // ceil(1000 / 1000)
        QCOMPARE(m_world.server().countRequests("PATCH"), 1000); // all of them inside the batch
        QCOMPARE(landed(), expected);
        const AssetStates server = m_world.serverAssets();
        for (int k = 0; k < 300; ++k) {
            QCOMPARE(server.at(m_ids[k]).name, QString("Batched %1").arg(k));
            QCOMPARE(server.at(m_ids[k]).assetTag, QString("B-%1").arg(k + 300));
            QCOMPARE(server.at(m_ids[k]).latitude, 10.0 + k + 600);
        }
        QCOMPARE(m_world.server().table().row(m_ids[42]).value("msdyn_longitude").toDouble(), 20.0 + 942);
        QString difference;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), server, &difference), qPrintable(difference));
        QCOMPARE(m_world.localAssets().at(m_ids[7]).etag, server.at(m_ids[7]).etag);
    }

    // Assets made offline go in the batch too, each as a PATCH on our GUID
    // with If-None-Match: *; a store that does not upsert answers those 404,
    // and they go again on their own, as a POST carrying the GUID.
    void offlineCreatesGoInTheBatchAndLandOnce()
    {
        QFETCH_GLOBAL(bool, hard);
        QStringList made;
        for (int i = 0; i < 30; ++i) {
            AssetEdit created;
            created.name = QString("Made offline %1").arg(i);
            created.assetTag = QString("NEW-%1").arg(i);
            const AssetEditOutcome outcome = AssetEditor(m_world.workspace().database()).create(created, "tester");
            QVERIFY(outcome.saved());
            made.append(outcome.assetId);
        }
        for (int i = 0; i < 10; ++i)
            QCOMPARE(rename(m_ids[i], QString("Mine %1").arg(i)), QString());
        QCOMPARE(outboxCount(), 40);

        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushed, 40);
        QCOMPARE(summary.conflicts, 0);
        QCOMPARE(outboxCount(), 0);
        QCOMPARE(wireBatches(), 1);
        QCOMPARE(m_world.server().countRequests("POST"), hard ? 1 + 30 : 1); // the $batch, and the creates again
        const AssetStates server = m_world.serverAssets();
        QCOMPARE(server.size(), size_t(m_ids.size() + 30));
        const QMap<QString, int> writes = landed();
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(server.at(made[i]).name, QString("Made offline %1").arg(i));
            QCOMPARE(server.at(made[i]).assetTag, QString("NEW-%1").arg(i));
            // Created once: in the batch; or, where the store does not upsert,
            // by its POST (counted above, its URL names no record; the
            // batch's PATCH was refused 404).
            QCOMPARE(writes.value(made[i]), hard ? 0 : 1);
        }
        for (int i = 0; i < 10; ++i)
            QCOMPARE(server.at(m_ids[i]).name, QString("Mine %1").arg(i));
        QString difference;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), server, &difference), qPrintable(difference));
        QCOMPARE(m_world.localAssets().at(made[0]).etag, server.at(made[0]).etag);

        // A second sync has nothing to write.
        m_world.server().clearRequests();
        QVERIFY(m_world.sync().ok());
        QCOMPARE(m_world.server().countRequests("PATCH") + m_world.server().countRequests("POST"), 0);
    }

    void staleRecordMergesOrConflictsWhileTheOthersLand()
    {
        for (int i = 0; i < 20; ++i)
            QCOMPARE(rename(m_ids[i], QString("Mine %1").arg(i)), QString());
        m_world.server().table().write(m_ids[3], {{"msdyn_assettag", "TAG-FROM-SERVER"}}); // disjoint
        m_world.server().table().write(m_ids[4], {{"msdyn_name", "Theirs"}});              // overlapping

        const SyncSummary summary = m_world.sync();
        QCOMPARE(summary.pushed, 19);
        QCOMPARE(summary.conflicts, 1);
        QCOMPARE(summary.failed, 0);
        QCOMPARE(wireBatches(), 1);
        const AssetStates server = m_world.serverAssets();
        QCOMPARE(server.at(m_ids[3]).name, QString("Mine 3"));
        QCOMPARE(server.at(m_ids[3]).assetTag, QString("TAG-FROM-SERVER"));
        QCOMPARE(server.at(m_ids[4]).name, QString("Theirs")); // nothing overwritten there
        QCOMPARE(m_world.localAssets().at(m_ids[4]).name, QString("Mine 4")); // nor here
        for (int i : {0, 1, 2, 5, 19})
            QCOMPARE(server.at(m_ids[i]).name, QString("Mine %1").arg(i));
        const std::vector<SyncConflict> conflicts = SyncConflictRepository(m_world.workspace().database()).all();
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0].entityId, m_ids[4]);
        QCOMPARE(conflicts[0].field.theirs.toString(), QString("Theirs"));
        QCOMPARE(outboxCount(), 1);
        QCOMPARE(landed().value(m_ids[3]), 1); // the merged write, after the batch's 412
        QCOMPARE(landed().value(m_ids[4]), 0);
    }

    void failingChangeSetRollsBackItsRecordOnly()
    {
        for (int i = 0; i < 15; ++i)
            QCOMPARE(rename(m_ids[i], QString("Mine %1").arg(i)), QString());
        const QString broken = m_ids[6];
        const QString oldName = m_world.serverAssets().at(broken).name;
        enqueue(broken, "latitude", 1.5, m_world.serverAssets().at(broken).latitude);
        m_world.server().faults().refusedColumn = "msdyn_latitude"; // the second write of its set fails

        const SyncSummary summary = m_world.sync();
        QVERIFY(!summary.ok());
        QCOMPARE(summary.pushed, 14);
        QCOMPARE(summary.failed, 2);
        QCOMPARE(wireBatches(), 1);
        QCOMPARE(m_world.serverAssets().at(broken).name, oldName); // its first write was undone
        QCOMPARE(landed().value(broken), 0);
        int undone = 0;
        for (const auto &request : m_world.server().requests())
            if (request.rolledBack && request.url.path().contains(broken) && request.status == 204)
                ++undone;
        QCOMPARE(undone, 1);
        for (int i : {0, 5, 7, 14})
            QCOMPARE(m_world.serverAssets().at(m_ids[i]).name, QString("Mine %1").arg(i));
        const std::vector<OutboxEntry> entries = m_world.workspace().outbox().pending(10);
        QCOMPARE(entries.size(), size_t(2));
        for (const OutboxEntry &entry : entries) {
            QCOMPARE(entry.entityId, broken);
            QCOMPARE(entry.state, OutboxState::Queued);
            QVERIFY2(entry.lastError.contains("msdyn_latitude"), qPrintable(entry.lastError));
        }

        // Once the store takes the column, the record goes, once.
        m_world.server().faults().refusedColumn.clear();
        m_world.server().clearRequests();
        QVERIFY2(m_world.sync().ok(), "second sync");
        QCOMPARE(m_world.serverAssets().at(broken).name, QString("Mine 6"));
        QCOMPARE(m_world.serverAssets().at(broken).latitude, 1.5);
        QCOMPARE(outboxCount(), 0);
    }

    void answerCutAfterCommitLandsOnceWithoutConflict()
    {
        QMap<QString, int> expected;
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(rename(m_ids[i], QString("Mine %1").arg(i)), QString());
            expected[m_ids[i]] = 1;
        }
        m_world.server().faults().cutBatchAnswers = 1; // the store commits, half the answer arrives

        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(m_world.server().faults().cutBatchAnswers, 0); // the cut did happen
        QCOMPARE(summary.pushed, 30);
        QCOMPARE(summary.conflicts, 0);
        QCOMPARE(wireBatches(), 2); // the cut one, sent again by the retry rule
        QCOMPARE(landed(), expected); // the second batch met 412s, which merged to "already there"
        QCOMPARE(outboxCount(), 0);
        const AssetStates server = m_world.serverAssets();
        for (int i = 0; i < 30; ++i)
            QCOMPARE(server.at(m_ids[i]).name, QString("Mine %1").arg(i));
        QString difference;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), server, &difference), qPrintable(difference));
    }

    // A record renamed again while its first rename was being sent (or
    // after that push failed) is two entries in one change set. When the
    // store applied the set and the answer was lost, the set sent again
    // meets 412: the first rename, merged alone, would meet the second
    // rename's value and look like somebody else's edit. It must not.
    void answerCutAfterCommitOfARecordEditedTwiceIsNoConflict()
    {
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(rename(m_ids[i], QString("Mine %1").arg(i)), QString());
            enqueue(m_ids[i], "name", QString("Mine again %1").arg(i), QString("Mine %1").arg(i));
        }
        QCOMPARE(outboxCount(), 20);
        m_world.server().faults().cutBatchAnswers = 1;

        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(m_world.server().faults().cutBatchAnswers, 0);
        QCOMPARE(summary.conflicts, 0);
        QCOMPARE(summary.pushed, 20);
        QCOMPARE(wireBatches(), 2);
        QCOMPARE(outboxCount(), 0);
        QVERIFY(SyncConflictRepository(m_world.workspace().database()).all().empty());
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(m_world.serverAssets().at(m_ids[i]).name, QString("Mine again %1").arg(i));
            QCOMPARE(landed().value(m_ids[i]), 2); // the set's two writes, once
        }
        QString difference;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), m_world.serverAssets(), &difference), qPrintable(difference));
    }

    // Two such entries, too few edits for a batch so sent one by one, and
    // somebody else renamed the record there: one conflict, showing the
    // user's latest name (not the one it replaced).
    void staleRecordEditedTwiceConflictsOnce()
    {
        QCOMPARE(rename(m_ids[0], "Mine"), QString());
        enqueue(m_ids[0], "name", "Mine again", "Mine");
        QCOMPARE(rename(m_ids[1], "Other"), QString());
        m_world.server().table().write(m_ids[0], {{"msdyn_name", "Theirs"}});

        const SyncSummary summary = m_world.sync();
        QCOMPARE(summary.conflicts, 1);
        QCOMPARE(summary.failed, 0);
        const std::vector<SyncConflict> conflicts = SyncConflictRepository(m_world.workspace().database()).all();
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0].field.mine.toString(), QString("Mine again"));
        QCOMPARE(conflicts[0].field.theirs.toString(), QString("Theirs"));
        QCOMPARE(m_world.serverAssets().at(m_ids[0]).name, QString("Theirs"));
        QCOMPARE(m_world.serverAssets().at(m_ids[1]).name, QString("Other"));
    }

    void malformedAnswerAppliesNothingAndTheNextPushSettlesIt()
    {
        for (int i = 0; i < 12; ++i)
            QCOMPARE(rename(m_ids[i], QString("Mine %1").arg(i)), QString());
        m_world.server().faults().garbleBatchAnswers = 1; // committed there, unreadable here

        const SyncSummary first = m_world.sync();
        QVERIFY(!first.ok());
        QCOMPARE(first.pushed, 0);
        QCOMPARE(first.failed, 12);
        QVERIFY2(why(first).contains("truncated"), qPrintable(why(first)));
        const std::vector<OutboxEntry> entries = m_world.workspace().outbox().pending(20);
        QCOMPARE(entries.size(), size_t(12)); // nothing removed
        QCOMPARE(entries[0].state, OutboxState::Queued);
        QCOMPARE(entries[0].attempts, 1);

        const SyncSummary second = m_world.sync();
        QVERIFY2(second.ok(), qPrintable(why(second)));
        QCOMPARE(second.pushed, 12);
        QCOMPARE(second.conflicts, 0);
        QCOMPARE(outboxCount(), 0);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(landed().value(m_ids[i]), 1); // the second batch met 412s and merged
        QString difference;
        QVERIFY2(m_world.sameAssets(m_world.localAssets(), m_world.serverAssets(), &difference), qPrintable(difference));
    }

    void busyStoreIsWaitedOutAsTold()
    {
        for (int i = 0; i < 12; ++i)
            QCOMPARE(rename(m_ids[i], QString("After the wait %1").arg(i)), QString());
        m_world.server().faults().nextAnswers = {{429, 7}};
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(m_world.busySeconds(), QList<int>{7});
        QCOMPARE(m_world.waitedMs(), qint64(7'000));
        QCOMPARE(summary.pushed, 12);
        QCOMPARE(wireBatches(), 2);
        QCOMPARE(m_world.serverAssets().at(m_ids[11]).name, QString("After the wait 11"));
    }

    void missingRoleKeepsTheBatchQueued()
    {
        for (int i = 0; i < 12; ++i)
            QCOMPARE(rename(m_ids[i], QString("Not allowed %1").arg(i)), QString());
        m_world.server().faults().nextAnswers = {{403, -1}};
        const SyncSummary summary = m_world.sync();
        QVERIFY(!summary.ok());
        QCOMPARE(summary.failed, 12);
        QCOMPARE(summary.pushed, 0);
        const std::vector<OutboxEntry> entries = m_world.workspace().outbox().pending(20);
        QCOMPARE(entries.size(), size_t(12));
        QCOMPARE(entries[0].state, OutboxState::Queued);
        QVERIFY2(entries[0].lastError.contains("Remote Assist - App User"), qPrintable(entries[0].lastError));
        QVERIFY(landed().isEmpty());
        QVERIFY(m_world.sync().ok());
        QCOMPARE(m_world.serverAssets().at(m_ids[0]).name, QString("Not allowed 0"));
        QCOMPARE(outboxCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncBatch)
#include "tst_syncbatch.moc"
