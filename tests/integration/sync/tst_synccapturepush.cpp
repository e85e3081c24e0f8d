#include "syncfixture.h"
#include "testsupport.h"

#include "annotation/markupeditor.h"
#include "capture/manifestreader.h"
#include "editing/revieweditor.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/capturecolumns.h"
#include "sync/syncconflictrepository.h"
#include "sync/syncconflictresolver.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace sl;
using namespace sl::test;

// Pushes of capture edits (reviews, markup) to their attachments on the fake
// Dataverse, written like specifications: edit here (and on the server),
// sync, compare the two states. Every test runs against a plain and a
// "hard" store (relative nextLinks, no change tracking, 428 on unconditional
// writes, no upsert).
class tst_SyncCapturePush : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QString m_assetId;

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    Database &db() { return m_world.workspace().database(); }
    FakeTable &attachments() { return m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments)); }

    void addCapture(const QString &id)
    {
        const ManifestResult parsed = ManifestReader::parse(
            QJsonDocument(sampleManifestJson({.id = id, .assetId = m_assetId})).toJson(), QStringLiteral("t.capture.json"));
        QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
        CaptureRecord record;
        record.manifest = std::get<CaptureManifest>(parsed);
        record.id = id;
        record.assetId = m_assetId;
        record.mediaPath = QStringLiteral("media/%1/photo.jpg").arg(id);
        // A real photo: a created capture's push uploads its flattened export.
        QImage photo(64, 48, QImage::Format_RGB32);
        photo.fill(QColor(90, 120, 150));
        const QString mediaFile = m_world.workspace().absoluteMediaPath(record.mediaPath);
        QVERIFY(QDir().mkpath(QFileInfo(mediaFile).absolutePath()));
        QVERIFY(photo.save(mediaFile, "JPEG"));
        m_world.workspace().captures().upsert(record);
    }

    // A capture here whose attachment the store already has (status new,
    // the same manifest), pulled once.
    QString knownCapture()
    {
        const QString id = newId();
        addCapture(id);
        attachments().write(id, {{"msdyn_name", "photo.jpg"},
                                 {"_msdyn_customerasset_value", m_assetId},
                                 {"sl_manifest", CurrentManifest::jsonOf(db(), id).value_or(QString())},
                                 {"sl_reviewstatus", *CaptureColumns::reviewStatusChoice("new")},
                                 {"sl_reviewnote", ""}});
        const SyncSummary pulled = m_world.sync();
        if (!pulled.ok())
            qWarning() << pulled.errors;
        m_world.server().clearRequests();
        return id;
    }

    void review(const QString &id, ReviewStatus status, const std::optional<QString> &note = std::nullopt)
    {
        QVERIFY(ReviewEditor(db()).setReview({id}, status, note, QStringLiteral("Ana")).saved());
    }

    void drawCircle(const QString &captureId, const QString &markupId)
    {
        MarkupEdit edit;
        edit.captureId = captureId;
        edit.markup.id = markupId;
        edit.markup.kind = MarkupKind::Ellipse;
        edit.markup.space = MarkupSpace::Image;
        edit.markup.imagePoints = {{0.2, 0.2}, {0.4, 0.5}};
        edit.author = QStringLiteral("Ana");
        MarkupEditor(db()).apply(edit);
    }

    QString localEtag(const QString &id)
    {
        Statement query = db().prepare(QStringLiteral("SELECT etag FROM captures WHERE id = '%1'").arg(id));
        return query.step() ? query.columnText(0) : QStringLiteral("<no capture>");
    }

    QList<FakeDataverse::LoggedRequest> writesTo(const QString &id)
    {
        QList<FakeDataverse::LoggedRequest> writes;
        for (const auto &request : m_world.server().requests())
            if (request.method != "GET" && request.url.path().contains(id))
                writes.append(request);
        return writes;
    }

    // The markup ids of the store's sl_manifest of an attachment.
    QStringList storedMarkupIds(const QString &id)
    {
        const QJsonObject manifest =
            QJsonDocument::fromJson(attachments().row(id).value("sl_manifest").toString().toUtf8()).object();
        QStringList ids;
        for (const QJsonValue &markup : manifest.value("markups").toArray())
            ids.append(markup.toObject().value("id").toString());
        return ids;
    }

    static QString why(const SyncSummary &summary) { return (summary.errors + summary.notices).join('\n'); }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
        m_assetId = m_world.server().seedAssets(3).front();
        QVERIFY(m_world.sync().ok());
        m_world.server().clearRequests();
    }

    void cleanup() { m_world.tearDown(); }

    void pullLearnsTheEtagOfKnownCapturesOnly()
    {
        const QString id = knownCapture();
        QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));
        // An attachment with no capture here is not made one.
        const QString stranger = newId();
        attachments().write(stranger, {{"msdyn_name", "other.jpg"}});
        QVERIFY(m_world.sync().ok());
        QVERIFY(!m_world.workspace().captures().byId(stranger));
    }

    void reviewOfAKnownCaptureIsOnePatchWithItsEtag()
    {
        const QString id = knownCapture();
        const QByteArray etag = attachments().etag(id);
        review(id, ReviewStatus::Approved);
        review(id, ReviewStatus::Rejected, QStringLiteral("Blurry")); // coalesces
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushed, 1);
        QCOMPARE(summary.pushedCaptures, 1);
        QVERIFY2(summary.line().contains("pushed 1 (1 capture"), qPrintable(summary.line()));
        const QList<FakeDataverse::LoggedRequest> writes = writesTo(id);
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes[0].method, QByteArray("PATCH"));
        QCOMPARE(headerValue(writes[0].headers, "If-Match"), etag);
        QCOMPARE(attachments().row(id).value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("rejected"));
        QCOMPARE(attachments().row(id).value("sl_reviewnote").toString(), QString("Blurry"));
        QCOMPARE(m_world.workspace().outbox().count(), 0);
        QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));

        m_world.server().clearRequests();
        QVERIFY(m_world.sync().ok());
        QCOMPARE(writesTo(id).size(), 0); // nothing twice
    }

    // Reviews of many captures the store has go in one $batch, a change set
    // each with the attachment's ETag; a markup edit, which carries the
    // whole manifest, goes alone.
    void reviewsOfManyCapturesGoInOneBatch()
    {
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids.append(knownCapture());
        QMap<QString, QByteArray> etags;
        for (const QString &id : ids) {
            etags[id] = attachments().etag(id);
            review(id, ReviewStatus::Approved, QStringLiteral("Batch %1").arg(ids.indexOf(id)));
        }
        drawCircle(ids[0], QStringLiteral("loose-cable"));

        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushed, 12); // the first capture's review and markup coalesced into one entry
        QCOMPARE(summary.pushedCaptures, 12);
        int batches = 0;
        for (const auto &request : m_world.server().requests())
            if (!request.inBatch && request.url.path().endsWith("$batch"))
                ++batches;
        QCOMPARE(batches, 1);
        for (int i = 0; i < ids.size(); ++i) {
            const QString &id = ids[i];
            const QList<FakeDataverse::LoggedRequest> writes = writesTo(id);
            // One write each: the reviews inside the batch; the first
            // capture's, which carries the manifest too, on its own.
            QCOMPARE(writes.size(), 1);
            QCOMPARE(writes[0].inBatch, i != 0);
            QCOMPARE(writes[0].method, QByteArray("PATCH"));
            QCOMPARE(headerValue(writes[0].headers, "If-Match"), etags[id]);
            QCOMPARE(attachments().row(id).value("sl_reviewstatus").toInt(),
                     *CaptureColumns::reviewStatusChoice("approved"));
            QCOMPARE(attachments().row(id).value("sl_reviewnote").toString(), QStringLiteral("Batch %1").arg(i));
            QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));
        }
        QVERIFY(storedMarkupIds(ids[0]).contains("loose-cable"));
        QCOMPARE(m_world.workspace().outbox().count(), 0);

        m_world.server().clearRequests();
        QVERIFY(m_world.sync().ok());
        for (const QString &id : ids)
            QCOMPARE(writesTo(id).size(), 0); // nothing twice
    }

    void markupEditSendsTheManifestWithTheMarkup()
    {
        const QString id = knownCapture();
        drawCircle(id, QStringLiteral("loose-cable"));
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushedCaptures, 1);
        QCOMPARE(writesTo(id).size(), 1);
        QVERIFY2(storedMarkupIds(id).contains("loose-cable"), qPrintable(storedMarkupIds(id).join(',')));
        QCOMPARE(attachments().row(id).value("sl_manifest").toString(),
                 CurrentManifest::jsonOf(db(), id).value_or(QString()));
    }

    void captureMadeHereIsCreatedUnderItsId()
    {
        const QString id = newId();
        addCapture(id);
        review(id, ReviewStatus::NeedsFollowUp, QStringLiteral("Check the seal"));
        drawCircle(id, QStringLiteral("seal"));
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushedCaptures, 1);
        QCOMPARE(attachments().size(), 1);
        const QJsonObject row = attachments().row(id);
        QCOMPARE(row.value("_msdyn_customerasset_value").toString(), m_assetId);
        QCOMPARE(row.value("msdyn_attachmenttype").toInt(), 700610000); // image
        QCOMPARE(row.value("msdyn_category").toInt(), 700610000);       // capture
        QCOMPARE(row.value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("needs-follow-up"));
        QCOMPARE(row.value("sl_reviewnote").toString(), QString("Check the seal"));
        QVERIFY(storedMarkupIds(id).contains("seal"));
        // One write of the record (the review and the markup coalesced); the
        // hard store refuses the upserting PATCH (404), then takes the POST.
        // Its photo follows by the chunked upload (tst_syncmediaupload).
        int recordWrites = 0;
        for (const auto &request : m_world.server().requests())
            recordWrites += request.method != "GET" && !request.url.path().contains("/msdyn_image");
        QCOMPARE(recordWrites, m_world.hardened() ? 2 : 1);
        QVERIFY(m_world.server().media().file(FakeDataverse::kAttachments, id, "msdyn_image"));
        QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));
        QCOMPARE(m_world.workspace().outbox().count(), 0);
    }

    void retriedCreateMakesNoDuplicate()
    {
        const QString id = newId();
        addCapture(id);
        review(id, ReviewStatus::Approved);
        m_world.server().faults().cutAfterCommit = 1; // the store commits, the answer is lost
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(m_world.server().faults().cutAfterCommit, 0); // the cut did happen
        QCOMPARE(attachments().size(), 1);
        QCOMPARE(attachments().row(id).value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("approved"));
        QCOMPARE(summary.pushedCaptures, 1);
        QCOMPARE(m_world.workspace().outbox().count(), 0);
        QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));
    }

    void staleReviewOfOtherFieldsMerges()
    {
        const QString id = knownCapture();
        review(id, ReviewStatus::Approved);
        attachments().write(id, {{"sl_reviewnote", "Noted on the store"}});
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.conflicts, 0);
        QCOMPARE(summary.pushedCaptures, 1);
        QCOMPARE(attachments().row(id).value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("approved"));
        QCOMPARE(attachments().row(id).value("sl_reviewnote").toString(), QString("Noted on the store"));
        QCOMPARE(m_world.workspace().outbox().count(), 0);
        // The pull after the push brings the store's note here.
        QCOMPARE(m_world.workspace().captures().byId(id)->reviewNote, QString("Noted on the store"));
    }

    void manifestChangedOnBothSidesIsAConflict()
    {
        const QString id = knownCapture();
        drawCircle(id, QStringLiteral("mine"));
        const QString theirs = QStringLiteral("{\"markups\":[{\"id\":\"theirs\"}]}");
        attachments().write(id, {{"sl_manifest", theirs}});
        const SyncSummary summary = m_world.sync();
        QCOMPARE(summary.conflicts, 1);
        QCOMPARE(summary.pushed, 0);
        QCOMPARE(summary.failed, 0);
        QCOMPARE(attachments().row(id).value("sl_manifest").toString(), theirs); // nothing overwritten there
        const std::vector<SyncConflict> conflicts = SyncConflictRepository(db()).all();
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0].entityId, id);
        QCOMPARE(conflicts[0].field.field, QString("sl_manifest"));
        QCOMPARE(conflicts[0].field.theirs.toString(), theirs);
        QVERIFY(conflicts[0].field.mine.toString().contains("mine"));
        QCOMPARE(m_world.workspace().outbox().pending(10).front().state, OutboxState::Conflict);
    }

    void manifestChangedOnTheStoreIsNotReplacedByALaterEdit()
    {
        const QString id = knownCapture();
        const QString oldEtag = localEtag(id);
        const QString theirs = QStringLiteral("{\"markups\":[{\"id\":\"theirs\"}]}");
        attachments().write(id, {{"sl_manifest", theirs}});
        QVERIFY(m_world.sync().ok()); // the pull sees their manifest: the capture keeps its old ETag
        QCOMPARE(localEtag(id), oldEtag);
        drawCircle(id, QStringLiteral("mine"));
        const SyncSummary summary = m_world.sync();
        QCOMPARE(summary.conflicts, 1);
        QCOMPARE(attachments().row(id).value("sl_manifest").toString(), theirs);
    }

    void reviewChangedOnBothSidesIsAConflict()
    {
        const QString id = knownCapture();
        review(id, ReviewStatus::Approved);
        attachments().write(id, {{"sl_reviewstatus", *CaptureColumns::reviewStatusChoice("rejected")}});
        const SyncSummary summary = m_world.sync();
        QCOMPARE(summary.conflicts, 1);
        const std::vector<SyncConflict> conflicts = SyncConflictRepository(db()).all();
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts[0].field.field, QString("sl_reviewstatus"));
        QCOMPARE(conflicts[0].field.mine.toString(), QString("approved"));
        QCOMPARE(conflicts[0].field.theirs.toString(), QString("rejected"));
        QCOMPARE(conflicts[0].field.base.toString(), QString("new"));

        // Settled with theirs: their status here, nothing left to push.
        QString error;
        QVERIFY2(SyncConflictResolver(db()).resolve(conflicts[0].outboxSeq, SyncConflictResolver::Keep::Theirs, &error),
                 qPrintable(error));
        QCOMPARE(m_world.workspace().captures().byId(id)->reviewStatus, ReviewStatus::Rejected);
        QCOMPARE(m_world.workspace().outbox().count(), 0);
        QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));
    }

    void conflictSettledWithMineIsPushedOverTheirs()
    {
        const QString id = knownCapture();
        review(id, ReviewStatus::Approved);
        attachments().write(id, {{"sl_reviewstatus", *CaptureColumns::reviewStatusChoice("rejected")}});
        QCOMPARE(m_world.sync().conflicts, 1);
        const qint64 seq = m_world.workspace().outbox().pending(1).front().seq;
        QString error;
        QVERIFY2(SyncConflictResolver(db()).resolve(seq, SyncConflictResolver::Keep::Mine, &error), qPrintable(error));
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushedCaptures, 1);
        QCOMPARE(attachments().row(id).value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("approved"));
        QCOMPARE(localEtag(id), QString::fromLatin1(attachments().etag(id)));
    }
};

QTEST_GUILESS_MAIN(tst_SyncCapturePush)
#include "tst_synccapturepush.moc"
