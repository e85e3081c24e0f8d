#include "testsupport.h"
#include "importer/captureimporter.h"
#include "importer/workspacerebuilder.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/mediastore.h"
#include "store/auditrepository.h"
#include "store/outboxrepository.h"
#include "editing/revieweditor.h"
#include "annotation/markupeditor.h"
#include "store/markuprepository.h"
#include "store/workspace.h"
#include "capture/manifestreader.h"
#include "sync/syncconflictrepository.h"
#include "sync/syncstaterepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace sl;

namespace {

const QString kAssetId = QStringLiteral("5f0d7c8e-0000-4000-8000-000000000001");

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
                                          : QByteArray();
}

QString captureId(int i)
{
    return QStringLiteral("0b5c0c52-5a8e-4b7e-9a57-%1").arg(i, 12, 10, QLatin1Char('0'));
}

} // namespace

// `sightline-cli rebuild`: a new database from the media folder, what still
// reads of the old one carried over, the old one kept.
class tst_WorkspaceRebuilder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_source;
    std::unique_ptr<QTemporaryDir> m_dir;

    // A workspace with 3000 assets and 4 photo captures, one reviewed.
    void makeWorkspace()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        std::vector<Asset> assets{test::makeAsset(kAssetId, QStringLiteral("Chiller CH-210"))};
        for (int i = 0; i < 3000; ++i)
            assets.push_back(test::makeAsset(QStringLiteral("a-%1").arg(i), QStringLiteral("Pump %1").arg(i)));
        workspace->assets().upsertAssets(assets);
        for (int i = 0; i < 4; ++i) {
            const QString media = m_source.filePath(QStringLiteral("p%1.png").arg(i));
            QVERIFY(cv::imwrite(media.toStdString(), cv::Mat(24, 32, CV_8UC3, cv::Scalar(i * 50, 80, 120))));
            QFile manifest(m_source.filePath(QStringLiteral("p%1.capture.json").arg(i)));
            QVERIFY(manifest.open(QIODevice::WriteOnly));
            manifest.write(QJsonDocument(test::sampleManifestJson({.id = captureId(i),
                                                                   .assetId = kAssetId,
                                                                   .mediaFile = QStringLiteral("p%1.png").arg(i)}))
                               .toJson());
        }
        CaptureImporter importer(*workspace);
        const ImportReport report = importer.importFolder(m_source.path());
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        // The review writes its outbox entry and an audit row per field (status, note).
        QVERIFY(ReviewEditor(workspace->database())
                    .setReview({captureId(1)}, ReviewStatus::Rejected, QStringLiteral("blurred"), QStringLiteral("Ana"))
                    .saved());
        // A markup drawn here (no manifest holds it yet).
        Markup drawn;
        drawn.id = QStringLiteral("drawn-here");
        drawn.kind = MarkupKind::Line;
        drawn.imagePoints = {{0.1, 0.1}, {0.9, 0.9}};
        drawn.color = QColor(0x12, 0x34, 0x56);
        MarkupEditor(workspace->database()).apply({captureId(2), drawn, false, QStringLiteral("Ana")});
        workspace->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    QString dbPath() const { return m_dir->filePath(QStringLiteral("sightline.db")); }

private Q_SLOTS:
    void soundWorkspaceKeepsEverything()
    {
        makeWorkspace();
        const RebuildReport report = WorkspaceRebuilder::rebuild(m_dir->path());
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.capturesReimported, 4);
        QVERIFY2(report.captureErrors.isEmpty(), qPrintable(report.captureErrors.join(QLatin1Char('\n'))));
        QVERIFY(QFileInfo::exists(m_dir->filePath(report.keptAs)));

        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->assets().count(), 3001);
        QCOMPARE(workspace->assets().countMatching(QStringLiteral("chiller")), 1); // search index remade
        QCOMPARE(workspace->captures().count(), 4);
        QCOMPARE(workspace->captures().byId(captureId(1))->reviewStatus, ReviewStatus::Rejected);
        QCOMPARE(workspace->outbox().pending(10).size(), size_t(2)); // the unsent review and markup
        // Markup drawn here is read back; imported markup is filed again.
        const std::vector<Markup> shown = MarkupRepository(workspace->database()).visibleIn(captureId(2));
        QCOMPARE(shown.size(), size_t(2));
        QCOMPARE(shown.back().id, QStringLiteral("drawn-here"));
        QCOMPARE(shown.back().color, QColor(0x12, 0x34, 0x56));
        QCOMPARE(AuditRepository(workspace->database()).history(QStringLiteral("capture"), captureId(1)).size(),
                 size_t(2)); // the evidence trail
        QCOMPARE(workspace->media().unreferencedFiles(), QStringList());
        QCOMPARE(workspace->database().integrityProblem(Database::Check::Full), QString());
    }

    void syncStateConflictsAndCacheRowsSurvive()
    {
        makeWorkspace();
        {
            QString error;
            std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            Database &db = workspace->database();
            SyncStateRepository(db).save({QStringLiteral("msdyn_customerassets"),
                                          QStringLiteral("https://store.example/api/data/v9.2/x?$deltatoken=42"),
                                          QStringLiteral("2026-01-02T03:04:05Z"), true,
                                          QStringLiteral("2026-01-02T03:05:00.000Z")});
            SyncStateRepository(db).save({QStringLiteral("accounts"), QString(), QStringLiteral("2026-01-01T00:00:00Z"),
                                          false, QStringLiteral("2026-01-02T03:05:00.000Z")});
            const std::vector<OutboxEntry> pending = workspace->outbox().pending(10);
            QVERIFY(!pending.empty());
            SyncConflictRepository(db).record(pending.front().seq,
                                              {{QStringLiteral("review_note"), QJsonValue(QString()),
                                                QJsonValue(QStringLiteral("blurred")),
                                                QJsonValue(QStringLiteral("sharp enough"))}},
                                              QStringLiteral("W/\"77\""));
            db.exec(QStringLiteral("INSERT INTO media_cache(capture_id, asset_id, file, bytes, etag, last_used) "
                                   "VALUES ('c-1', '%1', 'cache/c-1.jpg', 1234, 'W/\"5\"', 9)")
                        .arg(kAssetId));
            db.exec(QStringLiteral("INSERT INTO offline_assets(asset_id) VALUES ('%1')").arg(kAssetId));
            db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const RebuildReport report = WorkspaceRebuilder::rebuild(m_dir->path());
        QVERIFY2(report.ok, qPrintable(report.error));

        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        Database &db = workspace->database();
        // Where each table's pull ended: the next sync reads changes, not everything.
        const auto assets = SyncStateRepository(db).find(QStringLiteral("msdyn_customerassets"));
        QVERIFY(assets);
        QCOMPARE(assets->deltaLink, QStringLiteral("https://store.example/api/data/v9.2/x?$deltatoken=42"));
        QCOMPARE(assets->lastModified, QStringLiteral("2026-01-02T03:04:05Z"));
        QCOMPARE(assets->pulledAt, QStringLiteral("2026-01-02T03:05:00.000Z"));
        const auto accounts = SyncStateRepository(db).find(QStringLiteral("accounts"));
        QVERIFY(accounts);
        QVERIFY(!accounts->tracked);
        // The conflict still waits for the user, on the same outbox entry.
        const std::vector<SyncConflict> conflicts = SyncConflictRepository(db).all();
        QCOMPARE(conflicts.size(), size_t(1));
        QCOMPARE(conflicts.front().field.field, QStringLiteral("review_note"));
        QCOMPARE(conflicts.front().field.theirs.toString(), QStringLiteral("sharp enough"));
        QCOMPARE(conflicts.front().theirEtag, QStringLiteral("W/\"77\""));
        QCOMPARE(conflicts.front().entityId, captureId(1));
        // The cache rows and "keep available offline".
        QCOMPARE(db.queryText(QStringLiteral("SELECT file || ' ' || bytes || ' ' || etag || ' ' || last_used "
                                             "FROM media_cache WHERE capture_id = 'c-1'")),
                 QStringLiteral("cache/c-1.jpg 1234 W/\"5\" 9"));
        QCOMPARE(db.queryText(
                     QStringLiteral("SELECT count(*) FROM offline_assets WHERE asset_id = '%1'").arg(kAssetId)),
                 QStringLiteral("1"));
        QCOMPARE(db.integrityProblem(Database::Check::Full), QString());
    }

    // A capture that came from the asset store and was never fetched has no
    // media folder to re-import it from: its row and stored manifest are
    // read back, and its markup filed again from that manifest.
    void aCaptureFromTheStoreNeverFetchedIsKeptWithItsMarkup()
    {
        makeWorkspace();
        const QString remote = QStringLiteral("7d1e2f30-4a5b-4c6d-8e9f-000000000042");
        const QString framed = QStringLiteral("7d1e2f30-4a5b-4c6d-8e9f-000000000043");
        {
            QString error;
            std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
            QVERIFY2(workspace, qPrintable(error));
            for (const QString &id : {remote, framed}) {
                const ManifestResult parsed = ManifestReader::parse(
                    QJsonDocument(test::sampleManifestJson(
                                      {.id = id,
                                       .assetId = kAssetId,
                                       .spatialFrame = id == framed ? QStringLiteral("frame-r") : QString()}))
                        .toJson(),
                    QStringLiteral("r.capture.json"));
                QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
                CaptureRecord record;
                record.manifest = std::get<CaptureManifest>(parsed);
                record.id = id;
                record.assetId = kAssetId;
                record.spatialFrame = record.manifest.spatialFrame;
                record.mediaPath = QStringLiteral("cache/%1.jpg").arg(id); // not fetched: no file
                workspace->captures().upsert(record);
            }
            workspace->database().exec(
                QStringLiteral("UPDATE captures SET etag = 'W/\"9\"' WHERE id = '%1'").arg(remote));
            QCOMPARE(MarkupRepository(workspace->database()).visibleIn(remote).size(), size_t(1));
            QCOMPARE(MarkupRepository(workspace->database()).visibleIn(framed).size(), size_t(1));
            workspace->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const RebuildReport report = WorkspaceRebuilder::rebuild(m_dir->path());
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.capturesReimported, 4); // the imported ones, from their folders

        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->captures().count(), 6);
        const std::optional<CaptureRecord> kept = workspace->captures().byId(remote);
        QVERIFY(kept);
        QCOMPARE(kept->mediaPath, QStringLiteral("cache/%1.jpg").arg(remote));
        QCOMPARE(workspace->database().queryText(
                     QStringLiteral("SELECT etag FROM captures WHERE id = '%1'").arg(remote)),
                 QStringLiteral("W/\"9\""));
        // Its markup (its own world arrow; the other's on its spatial frame).
        const std::vector<Markup> shown = MarkupRepository(workspace->database()).visibleIn(remote);
        QCOMPARE(shown.size(), size_t(1));
        QCOMPARE(shown.front().id, remote + QStringLiteral("-arrow"));
        const std::vector<Markup> onFrame = MarkupRepository(workspace->database()).visibleIn(framed);
        QCOMPARE(onFrame.size(), size_t(1));
        QCOMPARE(onFrame.front().id, framed + QStringLiteral("-arrow"));
        // The imported captures' markup is filed once, not twice.
        QCOMPARE(MarkupRepository(workspace->database()).visibleIn(captureId(0)).size(), size_t(1));
        QCOMPARE(workspace->database().integrityProblem(Database::Check::Full), QString());
    }

    void aDatabaseWithoutTheSyncTablesRebuildsWithoutComplaint()
    {
        makeWorkspace();
        {
            std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path());
            QVERIFY(workspace);
            // As a database of a schema before the sync came.
            workspace->database().exec(QStringLiteral("DROP TABLE sync_conflicts"));
            workspace->database().exec(QStringLiteral("DROP TABLE offline_assets"));
        }
        const RebuildReport report = WorkspaceRebuilder::rebuild(m_dir->path());
        QVERIFY2(report.ok, qPrintable(report.error));
        const QString salvaged = report.salvaged.join(QLatin1Char('\n'));
        QVERIFY2(!salvaged.contains(QStringLiteral("unreadable")), qPrintable(salvaged));
        QVERIFY2(!salvaged.contains(QStringLiteral("offline_assets")), qPrintable(salvaged));
        QVERIFY2(salvaged.contains(QStringLiteral("sync_state: 0 rows")), qPrintable(salvaged));
        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path());
        QVERIFY(workspace);
        QCOMPARE(workspace->assets().count(), 3001);
    }

    void damagedWorkspaceGetsItsCapturesBack()
    {
        makeWorkspace();
        {
            QFile file(dbPath());
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 40 * 4096);
            QVERIFY(file.seek(10 * 4096));
            QCOMPARE(file.write(QByteArray(20 * 4096, '\x5a')), qint64(20 * 4096));
        }
        QString error;
        QVERIFY(!Workspace::open(m_dir->path(), &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        const QByteArray damaged = fileHash(dbPath());

        const RebuildReport report = WorkspaceRebuilder::rebuild(m_dir->path());
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.capturesReimported, 4);
        // The damaged database is kept, byte for byte.
        QCOMPARE(fileHash(m_dir->filePath(report.keptAs)), damaged);

        std::unique_ptr<Workspace> workspace = Workspace::open(m_dir->path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->captures().count(), 4);
        for (int i = 0; i < 4; ++i) {
            const std::optional<CaptureRecord> record = workspace->captures().byId(captureId(i));
            QVERIFY(record);
            QCOMPARE(fileHash(workspace->absoluteMediaPath(record->mediaPath)),
                     fileHash(m_source.filePath(QStringLiteral("p%1.png").arg(i))));
        }
        QCOMPARE(workspace->database().integrityProblem(Database::Check::Full), QString());
    }

    void notAWorkspaceIsRefused()
    {
        QTemporaryDir empty;
        const RebuildReport report = WorkspaceRebuilder::rebuild(empty.path());
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("not a workspace")), qPrintable(report.error));
        QVERIFY(QDir(empty.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceRebuilder)
#include "tst_workspacerebuilder.moc"
