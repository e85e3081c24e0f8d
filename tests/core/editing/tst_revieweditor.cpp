// Reviews of captures: one transaction for many captures, one outbox entry
// per capture (the attachment's PATCH), audit rows per changed field.
#include "testsupport.h"
#include "capture/manifestreader.h"
#include "editing/revieweditor.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

class tst_ReviewEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;

    void addCapture(const QString &id)
    {
        const ManifestResult parsed = ManifestReader::parse(
            QJsonDocument(test::sampleManifestJson({.id = id, .assetId = QStringLiteral("asset-1")})).toJson(),
            QStringLiteral("t.capture.json"));
        QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
        CaptureRecord record;
        record.manifest = std::get<CaptureManifest>(parsed);
        record.id = id;
        record.assetId = record.manifest.assetId;
        record.mediaPath = QStringLiteral("media/%1/photo.jpg").arg(id);
        m_workspace->captures().upsert(record);
    }
    ReviewEditor editor() { return ReviewEditor(m_workspace->database()); }
    std::vector<AuditEntry> history(const QString &id)
    {
        return AuditRepository(m_workspace->database()).history(QStringLiteral("capture"), id);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace));
        for (const char *id : {"cap-1", "cap-2", "cap-3"})
            addCapture(QString::fromLatin1(id));
    }
    void cleanup() { test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void oneCaptureOneEntry()
    {
        const ReviewOutcome outcome =
            editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::Rejected, QStringLiteral("Blurry"), QStringLiteral("Ana"));
        QVERIFY(outcome.saved());
        QCOMPARE(outcome.changed, QStringList{QStringLiteral("cap-1")});
        const std::optional<CaptureRecord> back = m_workspace->captures().byId(QStringLiteral("cap-1"));
        QCOMPARE(back->reviewStatus, ReviewStatus::Rejected);
        QCOMPARE(back->reviewNote, QStringLiteral("Blurry"));

        const std::vector<OutboxEntry> pending = m_workspace->outbox().pending(10);
        QCOMPARE(pending.size(), size_t(1));
        QCOMPARE(pending[0].entity, QStringLiteral("capture"));
        QCOMPARE(pending[0].entityId, QStringLiteral("cap-1"));
        QCOMPARE(pending[0].operation, QStringLiteral("update"));
        // What the sync sends: the attachment's columns, and what they were.
        QCOMPARE(pending[0].payload, (QJsonObject{{QStringLiteral("sl_reviewstatus"), QStringLiteral("rejected")},
                                                  {QStringLiteral("sl_reviewnote"), QStringLiteral("Blurry")}}));
        QCOMPARE(pending[0].base, (QJsonObject{{QStringLiteral("sl_reviewstatus"), QStringLiteral("new")},
                                               {QStringLiteral("sl_reviewnote"), QString()}}));
        const std::vector<AuditEntry> rows = history(QStringLiteral("cap-1"));
        QCOMPARE(rows.size(), size_t(2));
        for (const AuditEntry &row : rows) {
            QCOMPARE(row.author, QStringLiteral("Ana"));
            QCOMPARE(row.outboxSeq, pending[0].seq);
        }
    }

    // A second review coalesces into the still-queued entry: its base keeps the first value.
    void reviewsCoalesceWhileQueued()
    {
        QVERIFY(editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::Approved, std::nullopt, QStringLiteral("Ana")).saved());
        QVERIFY(editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::NeedsFollowUp, QStringLiteral("Seal?"), QStringLiteral("Ben")).saved());
        const std::vector<OutboxEntry> pending = m_workspace->outbox().pending(10);
        QCOMPARE(pending.size(), size_t(1));
        QCOMPARE(pending[0].payload.value(QStringLiteral("sl_reviewstatus")).toString(), QStringLiteral("needs-follow-up"));
        QCOMPARE(pending[0].payload.value(QStringLiteral("sl_reviewnote")).toString(), QStringLiteral("Seal?"));
        QCOMPARE(pending[0].base.value(QStringLiteral("sl_reviewstatus")).toString(), QStringLiteral("new"));
        QCOMPARE(history(QStringLiteral("cap-1")).size(), size_t(3));
        // Once it is being sent, the next review is an entry of its own.
        m_workspace->database().exec(QStringLiteral("UPDATE outbox SET state = 'sending'"));
        QVERIFY(editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::Approved, std::nullopt, QStringLiteral("Ana")).saved());
        QCOMPARE(m_workspace->outbox().count(), 2);
    }

    // A note alone keeps each capture's status (once, the note dialog set
    // the first capture's status on all of them).
    void noteAloneKeepsEachStatus()
    {
        QVERIFY(editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::Approved, std::nullopt, QStringLiteral("Ana")).saved());
        QVERIFY(editor().setReview({QStringLiteral("cap-2")}, ReviewStatus::Rejected, QStringLiteral("Blurry"), QStringLiteral("Ana")).saved());
        QVERIFY(editor()
                    .setReview({QStringLiteral("cap-1"), QStringLiteral("cap-2")}, std::nullopt, QStringLiteral("Seen"),
                               QStringLiteral("Ben"))
                    .saved());
        QCOMPARE(m_workspace->database().queryText(
                     QStringLiteral("SELECT group_concat(id || ':' || review_status || ':' || review_note, ' ') "
                                    "FROM (SELECT * FROM captures WHERE id IN ('cap-1', 'cap-2') ORDER BY id)")),
                 QStringLiteral("cap-1:approved:Seen cap-2:rejected:Seen"));
    }

    void manyCapturesAtOnce()
    {
        QVERIFY(editor().setReview({QStringLiteral("cap-2")}, ReviewStatus::Approved, std::nullopt, QStringLiteral("Ana")).saved());
        m_workspace->database().exec(QStringLiteral("DELETE FROM outbox"));
        const ReviewOutcome outcome = editor().setReview(
            {QStringLiteral("cap-1"), QStringLiteral("cap-2"), QStringLiteral("cap-3")}, ReviewStatus::Approved, std::nullopt,
            QStringLiteral("Ana"));
        QVERIFY(outcome.saved());
        // cap-2 was approved already: no change, no entry.
        QCOMPARE(outcome.changed, (QStringList{QStringLiteral("cap-1"), QStringLiteral("cap-3")}));
        const std::vector<OutboxEntry> pending = m_workspace->outbox().pending(10);
        QCOMPARE(pending.size(), size_t(2));
        QCOMPARE(pending[0].entityId, QStringLiteral("cap-1"));
        QCOMPARE(pending[1].entityId, QStringLiteral("cap-3"));
        QCOMPARE(pending[1].payload, (QJsonObject{{QStringLiteral("sl_reviewstatus"), QStringLiteral("approved")}}));
        QCOMPARE(editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::Approved, std::nullopt, QStringLiteral("Ana")).status,
                 ReviewOutcome::Status::NothingToChange);
    }

    // An unknown capture refuses the whole call; a failed outbox write leaves nothing.
    void refusalsLeaveNothing()
    {
        const ReviewOutcome unknown = editor().setReview({QStringLiteral("cap-1"), QStringLiteral("nope")},
                                                         ReviewStatus::Rejected, QString(), QStringLiteral("Ana"));
        QCOMPARE(unknown.status, ReviewOutcome::Status::Refused);
        QVERIFY2(unknown.problem.contains(QStringLiteral("nope")), qPrintable(unknown.problem));
        QCOMPARE(m_workspace->captures().byId(QStringLiteral("cap-1"))->reviewStatus, ReviewStatus::New);
        QCOMPARE(m_workspace->outbox().count(), 0);

        m_workspace->database().exec(QStringLiteral(
            "CREATE TEMP TRIGGER outbox_broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox is full'); END"));
        const ReviewOutcome failed =
            editor().setReview({QStringLiteral("cap-1")}, ReviewStatus::Approved, QStringLiteral("ok"), QStringLiteral("Ana"));
        QCOMPARE(failed.status, ReviewOutcome::Status::Refused);
        QCOMPARE(m_workspace->captures().byId(QStringLiteral("cap-1"))->reviewStatus, ReviewStatus::New);
        QVERIFY(history(QStringLiteral("cap-1")).empty());
    }

    void statusKeysParse_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("known");
        QTest::newRow("new") << QStringLiteral("new") << true;
        QTest::newRow("approved") << QStringLiteral("approved") << true;
        QTest::newRow("rejected") << QStringLiteral("rejected") << true;
        QTest::newRow("needs-follow-up") << QStringLiteral("needs-follow-up") << true;
        QTest::newRow("capitalised") << QStringLiteral("Approved") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("other") << QStringLiteral("ok") << false;
    }
    void statusKeysParse()
    {
        QFETCH(QString, key);
        QFETCH(bool, known);
        const std::optional<ReviewStatus> status = parseReviewStatus(key);
        QCOMPARE(bool(status), known);
        if (status)
            QCOMPARE(reviewStatusKey(*status), key);
    }
};

QTEST_GUILESS_MAIN(tst_ReviewEditor)
#include "tst_revieweditor.moc"
