#include "testsupport.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sl;

class tst_OutboxRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    OutboxRepository &outbox() { return m_workspace->outbox(); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
    }

    void cleanup()
    {
        sl::test::closeTemporaryWorkspace(m_dir, m_workspace);
    }

    void enqueueKeepsOrderAndPayload()
    {
        QCOMPARE(outbox().count(), 0);
        QVERIFY(outbox().pending(10).empty());
        const QJsonObject payload{{QStringLiteral("reviewStatus"), QStringLiteral("approved")},
                                  {QStringLiteral("reviewNote"), QStringLiteral("Seal \"leaks\"; ok")},
                                  {QStringLiteral("n"), 3}};
        const qint64 first = outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c1"),
                                              QStringLiteral("review"), payload);
        const qint64 second =
            outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c2"), QStringLiteral("review"), {});
        const qint64 third =
            outbox().enqueue(QStringLiteral("asset"), QStringLiteral("a1"), QStringLiteral("update"), {});
        QVERIFY(first < second && second < third);
        QCOMPARE(outbox().count(), 3);

        const std::vector<OutboxEntry> two = outbox().pending(2);
        QCOMPARE(two.size(), size_t(2));
        QCOMPARE(two[0].seq, first);
        QCOMPARE(two[0].entity, QStringLiteral("capture"));
        QCOMPARE(two[0].entityId, QStringLiteral("c1"));
        QCOMPARE(two[0].operation, QStringLiteral("review"));
        QCOMPARE(two[0].payload, payload);
        QCOMPARE(two[0].attempts, 0);
        QVERIFY(two[0].lastError.isEmpty());
        QVERIFY(!two[0].createdAt.isEmpty());
        QCOMPARE(two[1].seq, second);
        QVERIFY(outbox().pending(0).empty());
    }

    void markFailedCountsAttempts()
    {
        const qint64 seq =
            outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c1"), QStringLiteral("review"), {});
        QVERIFY(outbox().markFailed(seq, QStringLiteral("HTTP 503")));
        QVERIFY(outbox().markFailed(seq, QStringLiteral("HTTP 412: precondition failed")));
        const std::vector<OutboxEntry> entries = outbox().pending(10);
        QCOMPARE(entries.size(), size_t(1));
        QCOMPARE(entries[0].attempts, 2);
        QCOMPARE(entries[0].lastError, QStringLiteral("HTTP 412: precondition failed"));
        QVERIFY(!outbox().markFailed(seq + 100, QStringLiteral("x")));
    }

    void baseEtagAndStateRoundTrip()
    {
        OutboxEntry entry;
        entry.entity = QStringLiteral("asset");
        entry.entityId = QStringLiteral("a1");
        entry.operation = QStringLiteral("update");
        entry.payload = {{QStringLiteral("name"), QStringLiteral("New")}};
        entry.base = {{QStringLiteral("name"), QStringLiteral("Old")}, {QStringLiteral("parent"), QJsonValue()}};
        entry.baseEtag = QStringLiteral("W/\"7\"");
        const qint64 seq = outbox().enqueue(entry);
        outbox().enqueue(QStringLiteral("asset"), QStringLiteral("a2"), QStringLiteral("update"), {});

        std::optional<OutboxEntry> newest = outbox().newestFor(QStringLiteral("asset"), QStringLiteral("a1"));
        QVERIFY(newest);
        QCOMPARE(newest->seq, seq);
        QCOMPARE(newest->payload, entry.payload);
        QCOMPARE(newest->base, entry.base);
        QCOMPARE(newest->baseEtag, entry.baseEtag);
        QCOMPARE(newest->state, OutboxState::Queued);
        QVERIFY(!outbox().newestFor(QStringLiteral("asset"), QStringLiteral("a3")));

        QVERIFY(outbox().replacePayload(seq, {{QStringLiteral("name"), QStringLiteral("Newer")}}, entry.base));
        m_workspace->database().exec(QStringLiteral("UPDATE outbox SET state = 'conflict' WHERE seq = %1").arg(seq));
        newest = outbox().newestFor(QStringLiteral("asset"), QStringLiteral("a1"));
        QCOMPARE(newest->payload.value(QStringLiteral("name")).toString(), QStringLiteral("Newer"));
        QCOMPARE(newest->base, entry.base);
        QCOMPARE(newest->state, OutboxState::Conflict);
        QVERIFY(!outbox().replacePayload(seq + 100, {}, {}));
    }

    void setStateMovesAnEntryAndKeepsItsReason()
    {
        const qint64 a = outbox().enqueue(QStringLiteral("asset"), QStringLiteral("a1"), QStringLiteral("update"), {});
        const qint64 b = outbox().enqueue(QStringLiteral("asset"), QStringLiteral("a2"), QStringLiteral("update"), {});
        QVERIFY(outbox().setState(a, OutboxState::Sending));
        QVERIFY(outbox().setState(b, OutboxState::Conflict, QStringLiteral("changed on both sides: name")));
        QVERIFY(outbox().markFailed(a, QStringLiteral("offline")));
        QVERIFY(outbox().setState(a, OutboxState::Queued)); // a null reason keeps the last one
        QVERIFY(!outbox().setState(b + 100, OutboxState::Queued));
        const std::vector<OutboxEntry> queued = outbox().inState(OutboxState::Queued, 10);
        QCOMPARE(queued.size(), size_t(1));
        QCOMPARE(queued[0].seq, a);
        QCOMPARE(queued[0].lastError, QStringLiteral("offline"));
        const std::vector<OutboxEntry> conflicts = outbox().inState(OutboxState::Conflict, 10);
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0].lastError, QStringLiteral("changed on both sides: name"));
        QVERIFY(outbox().inState(OutboxState::Sending, 10).empty());
    }

    void markDoneRemoves()
    {
        const qint64 a =
            outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c1"), QStringLiteral("review"), {});
        const qint64 b =
            outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c2"), QStringLiteral("review"), {});
        QVERIFY(outbox().markDone(a));
        QVERIFY(!outbox().markDone(a));
        QCOMPARE(outbox().count(), 1);
        QCOMPARE(outbox().pending(10).front().seq, b);
        // Sequence numbers are never reused.
        QVERIFY(outbox().markDone(b));
        const qint64 c =
            outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c3"), QStringLiteral("review"), {});
        QVERIFY(c > b);
    }

    void joinsTheCallersTransaction()
    {
        {
            Transaction transaction(m_workspace->database());
            outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c1"), QStringLiteral("review"), {});
            QCOMPARE(outbox().count(), 1);
        } // rolled back
        QCOMPARE(outbox().count(), 0);
    }

    void incompleteEntryRefused()
    {
        QVERIFY_THROWS_EXCEPTION(
            StoreError, outbox().enqueue(QString(), QStringLiteral("c1"), QStringLiteral("review"), {}));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, outbox().enqueue(QStringLiteral("capture"), QString(), QStringLiteral("review"), {}));
        QCOMPARE(outbox().count(), 0);
    }

    void survivesReopen()
    {
        outbox().enqueue(QStringLiteral("capture"), QStringLiteral("c1"), QStringLiteral("review"),
                         {{QStringLiteral("k"), QStringLiteral("v")}});
        m_workspace.reset();
        m_workspace = Workspace::open(m_dir->path());
        QVERIFY(m_workspace);
        QCOMPARE(outbox().count(), 1);
        QCOMPARE(outbox().pending(1).front().payload.value(QStringLiteral("k")).toString(),
                 QStringLiteral("v"));
    }
};

QTEST_GUILESS_MAIN(tst_OutboxRepository)
#include "tst_outboxrepository.moc"
