#include "syncfixture.h"

#include "annotation/snapshotmaker.h"
#include "capture/manifestwriter.h"
#include "importer/captureimporter.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/outboxrepository.h"
#include "sync/capturecolumns.h"

#include <QImage>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;
using namespace sl::test;

// A snapshot made here reaches the fake Dataverse as a new attachment of its
// asset, made by its one outbox entry (the media upload is not part of it).
// Runs against a plain and a "hard" store (no upsert: a POST).
class tst_SyncSnapshot : public QObject
{
    Q_OBJECT

private:
    SyncFixture m_world;
    QTemporaryDir m_folder;
    QString m_assetId;
    const QString m_photoId = QStringLiteral("d1d1d1d1-0000-4000-8000-000000000001");

    FakeTable &attachments() { return m_world.server().table(QString::fromLatin1(FakeDataverse::kAttachments)); }

private Q_SLOTS:
    void initTestCase_data() { SyncFixture::addStoreRows(); }

    void init()
    {
        QVERIFY(m_world.setUpForRow());
        m_assetId = m_world.server().seedAssets(2).front();
        QVERIFY(m_world.sync().ok());
        // A photo of the asset, imported (imports queue nothing).
        QVERIFY(m_folder.isValid());
        QImage photo(64, 48, QImage::Format_RGB888);
        photo.fill(QColor(40, 90, 160));
        QVERIFY(photo.save(m_folder.filePath(QStringLiteral("p.png"))));
        CaptureManifest manifest;
        manifest.id = m_photoId;
        manifest.assetId = m_assetId;
        manifest.mediaFile = QStringLiteral("p.png");
        manifest.capturedAt = QStringLiteral("2026-05-04T09:00:00Z");
        QVERIFY(ManifestWriter::writeFile(manifest, m_folder.filePath(QStringLiteral("p.capture.json"))));
        QCOMPARE(CaptureImporter(m_world.workspace()).importFolder(m_folder.path()).importedIds, QStringList{m_photoId});
        m_world.server().clearRequests();
    }

    void cleanup() { m_world.tearDown(); }

    void snapshotArrivesAsANewAttachment()
    {
        const SnapshotResult made = SnapshotMaker::make(m_world.workspace(), {m_photoId, {}, SnapshotMode::Baked, QStringLiteral("Ana")});
        QVERIFY2(made.ok(), qPrintable(made.error));
        QCOMPARE(OutboxRepository(m_world.workspace().database()).count(), 1);
        const QString manifest = *CurrentManifest::jsonOf(m_world.workspace().database(), made.captureId);
        const std::optional<CaptureRecord> record = m_world.workspace().captures().byId(made.captureId);
        QVERIFY(record);

        const SyncSummary summary = m_world.sync();
        QVERIFY2(summary.ok(), qPrintable(summary.errors.join('\n')));
        QCOMPARE(OutboxRepository(m_world.workspace().database()).count(), 0);
        QVERIFY(attachments().contains(made.captureId));
        const QJsonObject row = attachments().row(made.captureId);
        QCOMPARE(row.value("msdyn_name").toString(), record->mediaSha256 + QStringLiteral(".png"));
        QCOMPARE(row.value("_msdyn_customerasset_value").toString(), m_assetId);
        QCOMPARE(row.value("sl_manifest").toString(), manifest);
        QCOMPARE(row.value("sl_reviewstatus").toInt(), *CaptureColumns::reviewStatusChoice("new"));
        const QJsonObject stored = QJsonDocument::fromJson(manifest.toUtf8()).object();
        QCOMPARE(stored.value("snapshot").toObject().value("sourceCapture").toString(), m_photoId);
        // Only the snapshot went: the imported photo has no entry.
        QVERIFY(!attachments().contains(m_photoId));
    }
};

QTEST_GUILESS_MAIN(tst_SyncSnapshot)
#include "tst_syncsnapshot.moc"
