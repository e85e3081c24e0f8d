#include "syncfixture.h"

#include "capture/manifestwriter.h"
#include "editing/revieweditor.h"
#include "store/database.h"
#include "store/assetdetails.h"
#include "store/capturerepository.h"
#include "store/mediacache.h"
#include "store/workspacecheck.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QUuid>

using namespace sl;
using namespace sl::test;

// Captures on the asset store that this workspace does not have, written
// like specifications: put attachments on the fake store, sync, and the
// workspace lists them as captures whose files are in the media cache once
// fetched (asked for, or kept available offline), with the manifest of a
// capture pushed from another workspace (markup included), or one made of
// the attachment's columns.
class tst_RemoteCaptures : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QStringList m_assets;
    static constexpr int kImage = SyncFixture::kImage;
    static constexpr int kVideo = SyncFixture::kVideo;

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }


    // A manifest as another workspace pushed it: a photo with one image arrow.
    static QString pushedManifest(const QString &id, const QString &assetId)
    {
        CaptureManifest manifest;
        manifest.id = id;
        manifest.assetId = assetId;
        manifest.mediaType = MediaType::Photo;
        manifest.mediaFile = QStringLiteral("flange.jpg");
        manifest.capturedAt = QStringLiteral("2026-05-04T10:20:30Z");
        manifest.capturedBy = QStringLiteral("Dana");
        Markup arrow;
        arrow.id = QStringLiteral("a1");
        arrow.kind = MarkupKind::Arrow;
        arrow.space = MarkupSpace::Image;
        arrow.author = QStringLiteral("Dana");
        arrow.imagePoints = {cv::Point2d(0.1, 0.1), cv::Point2d(0.5, 0.4)};
        manifest.markups.push_back(arrow);
        return QString::fromUtf8(ManifestWriter::toBytes(ManifestWriter::toJson(manifest)));
    }

    // A polled table (the hard store) reads its ids at every poll: its
    // deletions are seen at once.
    static SyncOptions sweepingEveryPoll()
    {
        SyncOptions options;
        options.idSweep.everyPolls = 1;
        return options;
    }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
        m_assets = m_world.server().seedAssets(3);
    }

    void cleanup() { m_world.tearDown(); }

    void attachmentsBecomeCapturesAndTheirFilesComeWhenFetched()
    {
        const QByteArray photoBytes(120'000, 'p');
        const QByteArray videoBytes(250'000, 'v');
        const QString photo = m_world.addAttachment(m_assets[0], kImage, photoBytes, QStringLiteral("flange.jpg"));
        // As another workspace pushed it: the manifest carries the attachment's own id.
        m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments))
            .write(photo, {{"sl_manifest", pushedManifest(photo, m_assets[0])}});
        const QString video = m_world.addAttachment(m_assets[0], kVideo, videoBytes, QStringLiteral("walkround.MP4"));

        const SyncSummary first = m_world.sync();
        QVERIFY2(first.ok(), qPrintable(first.errors.join('\n')));
        QCOMPARE(first.capturesAdded, 2);
        QVERIFY2(first.line().contains(QStringLiteral("pulled 5 (new captures: 2), ")), qPrintable(first.line()));
        QCOMPARE(first.mediaFetched, 0); // nothing asked for yet

        Workspace &workspace = m_world.workspace();
        const std::optional<CaptureRecord> photoRecord = workspace.captures().byId(photo);
        QVERIFY(photoRecord);
        QCOMPARE(photoRecord->assetId, m_assets[0]);
        QCOMPARE(photoRecord->mediaType, MediaType::Photo);
        QCOMPARE(photoRecord->mediaPath, QStringLiteral("cache/%1.jpg").arg(photo));
        QCOMPARE(photoRecord->capturedAt, QStringLiteral("2026-05-04T10:20:30Z")); // the pushed manifest's
        const std::optional<CaptureRecord> videoRecord = workspace.captures().byId(video);
        QVERIFY(videoRecord);
        QCOMPARE(videoRecord->mediaType, MediaType::Video);
        QCOMPARE(videoRecord->mediaPath, QStringLiteral("cache/%1.mp4").arg(video)); // the store's name lower-cased
        QVERIFY(!videoRecord->capturedAt.isEmpty()); // createdon
        QVERIFY(videoRecord->manifest.markups.empty());
        QVERIFY(!videoRecord->manifest.camera);

        // The pushed markup is filed like an imported capture's.
        const std::optional<CaptureOpening> opening = CaptureOpening::read(workspace, photo);
        QVERIFY(opening);
        QCOMPARE(int(opening->record.manifest.markups.size()), 1);
        QCOMPARE(opening->record.manifest.markups.front().author, QStringLiteral("Dana"));
        QVERIFY(!QFileInfo::exists(opening->mediaPath)); // not fetched yet
        // A file not fetched yet is not damage.
        const WorkspaceCheckReport check = WorkspaceCheck::run(m_world.workspaceDirectory());
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join('\n')));

        // A second sync makes nothing twice.
        const int captures = workspace.captures().count();
        const SyncSummary again = m_world.sync();
        QVERIFY(again.ok());
        QCOMPARE(again.capturesAdded, 0);
        QCOMPARE(workspace.captures().count(), captures);

        // Fetch: the files land where the captures point.
        SyncOptions fetch;
        fetch.fetchMediaOf = {m_assets[0]};
        const SyncSummary fetched = m_world.sync(fetch);
        QVERIFY2(fetched.ok(), qPrintable(fetched.errors.join('\n')));
        QCOMPARE(fetched.mediaFetched, 2);
        QVERIFY2(fetched.line().endsWith(QStringLiteral(", files fetched: 2")), qPrintable(fetched.line()));
        QCOMPARE(SyncFixture::fileBytes(workspace.absoluteMediaPath(photoRecord->mediaPath)), photoBytes);
        QCOMPARE(SyncFixture::fileBytes(workspace.absoluteMediaPath(videoRecord->mediaPath)), videoBytes);
    }

    void theFilesOfAnAssetKeptOfflineComeWithEverySync()
    {
        const QByteArray bytes(90'000, 'k');
        const QString photo = m_world.addAttachment(m_assets[1], kImage, bytes, QStringLiteral("gauge.png"));
        m_world.addAttachment(m_assets[2], kImage, QByteArray(1000, 'x'), QStringLiteral("other.jpg"));
        QVERIFY(m_world.sync().ok());
        MediaCache(m_world.workspace(), limits::kMediaCacheBytes).setKeptOffline(m_assets[1], true);
        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.mediaFetched, 1); // the other asset's file stays on the store
        const std::optional<CaptureRecord> record = m_world.workspace().captures().byId(photo);
        QVERIFY(record);
        QCOMPARE(SyncFixture::fileBytes(m_world.workspace().absoluteMediaPath(record->mediaPath)), bytes);
        // Up to date: the next sync downloads nothing.
        QCOMPARE(m_world.sync().mediaFetched, 0);
    }

    void aManifestOfAnotherCaptureIsNotTaken()
    {
        const QString other = newId();
        const QString photo = m_world.addAttachment(m_assets[0], kImage, QByteArray(500, 'o'), QStringLiteral("o.jpg"));
        m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments))
            .write(photo, {{"sl_manifest", pushedManifest(other, m_assets[0])}});
        const SyncSummary summary = m_world.sync();
        QVERIFY(summary.ok());
        QCOMPARE(summary.capturesAdded, 1);
        QVERIFY2(summary.notices.join('\n').contains(QStringLiteral("is of another capture")),
                 qPrintable(summary.notices.join('\n')));
        const std::optional<CaptureRecord> record = m_world.workspace().captures().byId(photo);
        QVERIFY(record);
        QVERIFY(record->manifest.markups.empty()); // the other capture's arrow is not filed here
        QCOMPARE(record->manifest.id, photo);
    }

    // A capture that came from the store goes when the store deletes its
    // attachment: its row and markup with the delta's page (on the hard
    // store, which has no change tracking, with the read of every id that
    // follows a poll), its cached file after that page's commit.
    void aCaptureDeletedOnTheStoreGoesWithItsMarkupAndFile()
    {
        const QByteArray bytes(40'000, 'd');
        const QString photo = m_world.addAttachment(m_assets[0], kImage, bytes, QStringLiteral("flange.jpg"));
        m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments))
            .write(photo, {{"sl_manifest", pushedManifest(photo, m_assets[0])}});
        const QString other = m_world.addAttachment(m_assets[0], kImage, QByteArray(500, 'o'), QStringLiteral("o.jpg"));
        SyncOptions fetch;
        fetch.fetchMediaOf = {m_assets[0]};
        const SyncSummary first = m_world.sync(fetch);
        QVERIFY2(first.ok(), qPrintable(first.errors.join('\n')));
        QCOMPARE(first.mediaFetched, 2);
        Workspace &workspace = m_world.workspace();
        const QString file = workspace.absoluteMediaPath(QStringLiteral("cache/%1.jpg").arg(photo));
        QCOMPARE(SyncFixture::fileBytes(file), bytes);
        Database &db = workspace.database();
        const QString markupsOfPhoto =
            QStringLiteral("SELECT count(*) FROM markups WHERE capture_id = '%1' OR source_capture = '%1'").arg(photo);
        QCOMPARE(db.queryText(markupsOfPhoto), QStringLiteral("1"));

        QVERIFY(m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments)).remove(photo));
        const SyncSummary summary = m_world.sync(sweepingEveryPoll());
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.capturesRemoved, 1);
        QVERIFY2(summary.line().contains(QStringLiteral("deleted 1 (captures removed: 1), ")), qPrintable(summary.line()));
        QVERIFY(!workspace.captures().byId(photo));
        QCOMPARE(db.queryText(markupsOfPhoto), QStringLiteral("0"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM media_cache WHERE capture_id = '%1'").arg(photo)),
                 QStringLiteral("0"));
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM media_journal")), QStringLiteral("0"));
        // The other capture and its file are untouched.
        QVERIFY(workspace.captures().byId(other));
        QVERIFY(QFileInfo::exists(workspace.absoluteMediaPath(QStringLiteral("cache/%1.jpg").arg(other))));
        const WorkspaceCheckReport check = WorkspaceCheck::run(m_world.workspaceDirectory());
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join('\n')));
    }

    // Never removed, but kept and reported: a capture imported here (its
    // media and markup are this workspace's own) and one an edit here waits on.
    void importedAndEditedCapturesDeletedOnTheStoreAreKept()
    {
        const QString imported = m_world.addAttachment(m_assets[1], kImage, QByteArray(300, 'i'), QStringLiteral("i.jpg"));
        const QString edited = m_world.addAttachment(m_assets[1], kImage, QByteArray(300, 'e'), QStringLiteral("e.jpg"));
        QVERIFY(m_world.sync().ok());
        Workspace &workspace = m_world.workspace();
        // As a capture imported here and pushed: its media in the media folder.
        std::optional<CaptureRecord> record = workspace.captures().byId(imported);
        QVERIFY(record);
        record->mediaPath = QStringLiteral("media/%1/i.jpg").arg(imported);
        workspace.captures().upsert(*record);
        QVERIFY(ReviewEditor(workspace.database())
                    .setReview({edited}, ReviewStatus::Approved, QStringLiteral("fine"), QStringLiteral("Ana"))
                    .saved());

        FakeTable &attachments = m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments));
        QVERIFY(attachments.remove(imported));
        QVERIFY(attachments.remove(edited));
        SyncOptions pullOnly = sweepingEveryPoll();
        pullOnly.push = false; // the review stays in the outbox
        const SyncSummary summary = m_world.sync(pullOnly);
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(summary.capturesRemoved, 0);
        QVERIFY(workspace.captures().byId(imported));
        QVERIFY(workspace.captures().byId(edited));
        const QString notices = summary.notices.join('\n');
        QVERIFY2(notices.contains(QStringLiteral("kept here for the edits waiting on them: %1").arg(edited)),
                 qPrintable(notices));
        QVERIFY2(notices.contains(QStringLiteral("this workspace's own): %1").arg(imported)), qPrintable(notices));
    }

    void anAttachmentOfNoAssetIsNotACapture()
    {
        const QString id = newId();
        m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments))
            .write(id, {{"msdyn_name", "loose.jpg"}, {"msdyn_attachmenttype", kImage}});
        const SyncSummary summary = m_world.sync();
        QVERIFY(summary.ok());
        QCOMPARE(summary.capturesAdded, 0);
        QVERIFY(!m_world.workspace().captures().byId(id));
        QVERIFY2(summary.notices.join('\n').contains(QStringLiteral("belongs to no customer asset")),
                 qPrintable(summary.notices.join('\n')));
    }
};

QTEST_GUILESS_MAIN(tst_RemoteCaptures)
#include "tst_remotecaptures.moc"
