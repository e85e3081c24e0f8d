#include "testsupport.h"

#include "capture/manifestreader.h"
#include "editing/revieweditor.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/workspace.h"
#include "sync/deletedattachment.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

Q_DECLARE_METATYPE(DeletedAttachment::Outcome)

// The one rule of what the store's deletion of an attachment does to the
// capture here: one from the store goes; one imported here, or one an edit
// waits on, stays.
class tst_DeletedAttachment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_data()
    {
        QTest::addColumn<QString>("mediaPath"); // '' : no such capture here
        QTest::addColumn<bool>("edited");
        QTest::addColumn<DeletedAttachment::Outcome>("outcome");
        QTest::newRow("from the store") << "cache/%1.jpg" << false << DeletedAttachment::Outcome::Removed;
        QTest::newRow("from the store, edited") << "cache/%1.jpg" << true << DeletedAttachment::Outcome::KeptForEdit;
        QTest::newRow("imported here") << "media/%1/photo.jpg" << false << DeletedAttachment::Outcome::KeptImported;
        QTest::newRow("imported here, edited") << "media/%1/photo.jpg" << true
                                               << DeletedAttachment::Outcome::KeptImported;
        QTest::newRow("not here") << "" << false << DeletedAttachment::Outcome::NoCapture;
    }

    void apply()
    {
        QFETCH(QString, mediaPath);
        QFETCH(bool, edited);
        QFETCH(DeletedAttachment::Outcome, outcome);
        std::unique_ptr<QTemporaryDir> dir;
        std::unique_ptr<Workspace> workspace;
        QVERIFY(test::openTemporaryWorkspace(dir, workspace));
        const QString id = QStringLiteral("6a1b2c3d-0000-4000-8000-00000000000a");
        if (!mediaPath.isEmpty()) {
            const ManifestResult parsed = ManifestReader::parse(
                QJsonDocument(test::sampleManifestJson({.id = id, .assetId = QStringLiteral("asset-1")})).toJson(),
                QStringLiteral("t.capture.json"));
            QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
            CaptureRecord record;
            record.manifest = std::get<CaptureManifest>(parsed);
            record.id = id;
            record.assetId = QStringLiteral("asset-1");
            record.mediaPath = mediaPath.arg(id);
            workspace->captures().upsert(record);
        }
        if (edited)
            QVERIFY(ReviewEditor(workspace->database())
                        .setReview({id}, ReviewStatus::Approved, QString(), QStringLiteral("Ana"))
                        .saved());
        QCOMPARE(DeletedAttachment::apply(workspace->database(), id), outcome);
        const bool gone = outcome == DeletedAttachment::Outcome::Removed || mediaPath.isEmpty();
        QCOMPARE(bool(workspace->captures().byId(id)), !gone);
        QCOMPARE(workspace->database().queryText(
                     QStringLiteral("SELECT count(*) FROM media_journal WHERE path = 'cache/%1.jpg'").arg(id)),
                 outcome == DeletedAttachment::Outcome::Removed ? QStringLiteral("1") : QStringLiteral("0"));
        test::closeTemporaryWorkspace(dir, workspace);
    }
};

QTEST_GUILESS_MAIN(tst_DeletedAttachment)
#include "tst_deletedattachment.moc"
