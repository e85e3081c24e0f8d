#include "syncfixture.h"
#include "testsupport.h"

#include "annotation/markupeditor.h"
#include "capture/manifestreader.h"
#include "editing/revieweditor.h"
#include "remote/remotelimits.h"
#include "render/frameexporter.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/capturecolumns.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace sl;
using namespace sl::test;

// The media of a capture made here travels with its first push, written like
// specifications: make a capture here (a snapshot's shape: a new id, a photo,
// markup, a review), sync, compare what the store received with what the
// workspace exports. Every test runs against a plain and a "hard" store.
class tst_SyncMediaUpload : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QString m_assetId;
    QTemporaryDir m_scratch;
    static constexpr qint64 kChunk = 64 * 1024; // the smallest chunk the client takes: a photo is many

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    Database &db() { return m_world.workspace().database(); }
    FakeTable &attachments() { return m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments)); }
    const FakeMedia::File *storedImage(const QString &id)
    {
        return m_world.server().media().file(FakeDataverse::kAttachments, id, QStringLiteral("msdyn_image"));
    }
    static QString sha256(const QByteArray &bytes)
    {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

    // A capture made here: its manifest, and its media file in the
    // workspace (a noisy photo, so a redaction shows; or `videoBytes` bytes
    // standing for a video, which nothing here decodes). Returns the media's path.
    QString addCapture(const QString &id, bool video = false, qint64 videoBytes = 0)
    {
        SampleManifest sample{.id = id, .assetId = m_assetId};
        if (video) {
            sample.mediaFile = QStringLiteral("walkround.mp4");
            sample.mediaType = QStringLiteral("video");
        }
        const ManifestResult parsed =
            ManifestReader::parse(QJsonDocument(sampleManifestJson(sample)).toJson(), QStringLiteral("t.capture.json"));
        if (!std::holds_alternative<CaptureManifest>(parsed))
            return {};
        CaptureRecord record;
        record.manifest = std::get<CaptureManifest>(parsed);
        record.id = id;
        record.assetId = m_assetId;
        record.mediaPath = QStringLiteral("media/%1/%2").arg(id, sample.mediaFile);
        const QString path = m_world.workspace().absoluteMediaPath(record.mediaPath);
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (video) {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || !file.resize(videoBytes))
                return {};
        } else {
            QImage photo(640, 480, QImage::Format_RGB32);
            QRandomGenerator noise(7);
            for (int y = 0; y < photo.height(); ++y)
                for (int x = 0; x < photo.width(); ++x)
                    photo.setPixel(x, y, qRgb(noise.bounded(256), noise.bounded(256), noise.bounded(256)));
            if (!photo.save(path, "JPEG", 95))
                return {};
        }
        QFile media(path);
        media.open(QIODevice::ReadOnly);
        record.mediaSha256 = sha256(media.readAll());
        m_world.workspace().captures().upsert(record);
        return path;
    }

    void review(const QString &id, ReviewStatus status)
    {
        QVERIFY(ReviewEditor(db()).setReview({id}, status, std::nullopt, QStringLiteral("Ana")).saved());
    }

    // A redaction rectangle over the top left of the image (normalised).
    void redact(const QString &id)
    {
        MarkupEdit edit;
        edit.captureId = id;
        edit.markup.id = QStringLiteral("plate");
        edit.markup.kind = MarkupKind::Blur;
        edit.markup.space = MarkupSpace::Image;
        edit.markup.imagePoints = {{0.05, 0.05}, {0.45, 0.45}};
        edit.author = QStringLiteral("Ana");
        MarkupEditor(db()).apply(edit);
    }

    // The flattened export the workspace makes of a capture now.
    QByteArray exported(const QString &id)
    {
        const QString path = m_scratch.filePath(id + QStringLiteral(".jpg"));
        QString error;
        if (!FrameExporter::exportCapture(m_world.workspace(), id, std::nullopt, path, &error)) {
            qWarning() << error;
            return {};
        }
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }

    int chunkWritesTo(const QString &id)
    {
        int chunks = 0;
        for (const auto &request : m_world.server().requests())
            chunks += request.url.path().contains(id) && request.url.query().contains(QLatin1String("sessiontoken"));
        return chunks;
    }

    static QString why(const SyncSummary &summary) { return (summary.errors + summary.notices).join('\n'); }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_scratch.isValid());
        QVERIFY(m_world.setUpForRow());
        m_world.server().media().setChunkBytes(kChunk);
        m_assetId = m_world.server().seedAssets(2).front();
        QVERIFY(m_world.sync().ok());
        m_world.server().clearRequests();
    }

    void cleanup() { m_world.tearDown(); }

    void createdPhotoArrivesWithItsRedactedExport()
    {
        const QString id = newId();
        const QString original = addCapture(id);
        QVERIFY(!original.isEmpty());
        review(id, ReviewStatus::Approved);
        redact(id);
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(summary.pushedCaptures, 1);
        QCOMPARE(summary.uploads, 1);
        QCOMPARE(m_world.workspace().outbox().count(), 0);

        // The record: manifest (with the redaction) and review status.
        const QJsonObject row = attachments().row(id);
        QCOMPARE(row.value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("approved"));
        QVERIFY(row.value("sl_manifest").toString().contains("\"plate\""));
        // The image: exactly the flattened, redacted export, in many chunks.
        const FakeMedia::File *image = storedImage(id);
        QVERIFY(image);
        QCOMPARE(image->uploads, 1);
        QCOMPARE(image->name, QStringLiteral("photo.jpg"));
        QVERIFY(image->bytes.size() > 2 * kChunk);
        QVERIFY(chunkWritesTo(id) > 2);
        const QByteArray export_ = exported(id);
        QVERIFY(!export_.isEmpty());
        QCOMPARE(sha256(image->bytes), sha256(export_));

        // Where the redaction is, the store got no trace of the original.
        QFile originalFile(original);
        QVERIFY(originalFile.open(QIODevice::ReadOnly));
        const QByteArray originalBytes = originalFile.readAll();
        QVERIFY(image->bytes != originalBytes);
        const QImage sent = QImage::fromData(image->bytes);
        const QImage kept = QImage::fromData(originalBytes);
        QCOMPARE(sent.size(), kept.size());
        const QRect hidden(64, 48, 160, 120); // inside 0.05..0.45 of 640x480
        const double before = greyVariance(kept, hidden);
        const double after = greyVariance(sent, hidden);
        QVERIFY2(after < before / 10, qPrintable(QStringLiteral("variance %1 -> %2").arg(before).arg(after)));

        // The evidence trail: the upload beside the original that stayed.
        bool found = false;
        for (const AuditEntry &entry : AuditRepository(db()).history(QStringLiteral("capture"), id)) {
            if (entry.field != QLatin1String("upload"))
                continue;
            found = true;
            QCOMPARE(entry.oldValue, sha256(originalBytes));
            QVERIFY2(entry.newValue.startsWith(sha256(image->bytes) + QStringLiteral(" msdyn_image")),
                     qPrintable(entry.newValue));
        }
        QVERIFY(found);
        // The workspace knows the record's ETag after the upload changed it.
        Statement etag = db().prepare(QStringLiteral("SELECT etag FROM captures WHERE id = '%1'").arg(id));
        QVERIFY(etag.step());
        QCOMPARE(etag.columnText(0), QString::fromLatin1(attachments().etag(id)));

        // Nothing goes twice.
        m_world.server().clearRequests();
        QVERIFY(m_world.sync().ok());
        QCOMPARE(chunkWritesTo(id), 0);
        QCOMPARE(storedImage(id)->uploads, 1);
    }

    void aChunkCutOffIsSentAgainAndTheFileArrivesOnce()
    {
        const QString id = newId();
        QVERIFY(!addCapture(id).isEmpty());
        review(id, ReviewStatus::Rejected);
        m_world.server().faults().cutChunks = 1;
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(why(summary)));
        QCOMPARE(m_world.server().faults().cutChunks, 0); // the cut did happen
        const FakeMedia::File *image = storedImage(id);
        QVERIFY(image);
        QCOMPARE(image->uploads, 1);
        QCOMPARE(sha256(image->bytes), sha256(exported(id)));
        QCOMPARE(m_world.server().media().openSessions(), 0);
    }

    void anUploadCutOffGoesAgainOnTheNextSync()
    {
        const QString id = newId();
        QVERIFY(!addCapture(id).isEmpty());
        review(id, ReviewStatus::Approved);
        // Every chunk is cut: the retries give up, the push stops, the entry stays.
        m_world.server().faults().cutChunks = 1'000;
        const SyncSummary cut = m_world.sync();
        QVERIFY(!cut.ok());
        QCOMPARE(attachments().size(), 1); // the record was created
        QVERIFY(!storedImage(id));         // its file was not
        QCOMPARE(m_world.workspace().outbox().count(), 1);

        m_world.server().faults().cutChunks = 0;
        m_world.server().clearRequests();
        const SyncSummary again = m_world.sync();
        QVERIFY2(again.ok(), qPrintable(why(again)));
        QCOMPARE(again.uploads, 1);
        QCOMPARE(attachments().size(), 1); // the create found it there: no duplicate
        const FakeMedia::File *image = storedImage(id);
        QVERIFY(image);
        QCOMPARE(image->uploads, 1); // the complete file, exactly once
        QCOMPARE(sha256(image->bytes), sha256(exported(id)));
        QCOMPARE(attachments().row(id).value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("approved"));
        QCOMPARE(m_world.workspace().outbox().count(), 0);
    }

    void anOversizeFileIsRefusedAndNothingIsLost()
    {
        const QString id = newId();
        const QString video = addCapture(id, true, limits::kFileColumnBytes + 1);
        QVERIFY(!video.isEmpty());
        review(id, ReviewStatus::Approved);
        const SyncSummary summary = m_world.sync();
        QVERIFY(!summary.ok());
        QVERIFY2(why(summary).contains(QStringLiteral("33554433 bytes")), qPrintable(why(summary)));
        const std::vector<OutboxEntry> refused = m_world.workspace().outbox().inState(OutboxState::Refused, 10);
        QCOMPARE(refused.size(), size_t(1));
        QCOMPARE(refused.front().entityId, id);
        QVERIFY2(refused.front().lastError.contains(QStringLiteral("at most 33554432 bytes")),
                 qPrintable(refused.front().lastError));
        // Nothing went to the store, and the capture here is whole.
        QCOMPARE(attachments().size(), 0);
        for (const auto &request : m_world.server().requests())
            QVERIFY2(request.method == "GET", request.url.toEncoded().constData());
        QCOMPARE(QFileInfo(video).size(), limits::kFileColumnBytes + 1);
        QVERIFY(m_world.workspace().captures().byId(id));
    }

    void aRedactedVideoIsNotUploaded()
    {
        const QString id = newId();
        QVERIFY(!addCapture(id, true, 4096).isEmpty());
        redact(id);
        const SyncSummary summary = m_world.sync();
        QVERIFY(!summary.ok());
        const std::vector<OutboxEntry> refused = m_world.workspace().outbox().inState(OutboxState::Refused, 10);
        QCOMPARE(refused.size(), size_t(1));
        QVERIFY2(refused.front().lastError.contains(QStringLiteral("redaction")), qPrintable(refused.front().lastError));
        QCOMPARE(attachments().size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncMediaUpload)
#include "tst_syncmediaupload.moc"
