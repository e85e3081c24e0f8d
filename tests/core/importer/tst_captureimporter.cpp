#include "testsupport.h"
#include "capture/manifestreader.h"
#include "editing/revieweditor.h"
#include "importer/captureimporter.h"
#include "store/database.h"
#include "store/mediastore.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace sl;

namespace {

const QString kPhotoId = QStringLiteral("0b5c0c52-5a8e-4b7e-9a57-1c1f6f0e2d11");
const QString kVideoId = QStringLiteral("7d1e2f30-1111-4c2d-8e3f-0123456789ab");
const QString kAssetId = QStringLiteral("5f0d7c8e-0000-4000-8000-000000000001");

QJsonObject manifest(const QString &id, const QString &mediaFile, const QString &type,
                     const QString &assetId = kAssetId)
{
    return test::sampleManifestJson({.id = id,
                                     .assetId = assetId,
                                     .mediaFile = mediaFile,
                                     .mediaType = type,
                                     .spatialFrame = QStringLiteral("frame-1")});
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeManifest(const QString &path, const QJsonObject &json)
{
    return writeFile(path, QJsonDocument(json).toJson());
}

// `shade` makes versions of a photo with other bytes.
bool writePhoto(const QString &path, int shade = 40)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    cv::Mat image(48, 64, CV_8UC3, cv::Scalar(shade, 90, 160));
    cv::rectangle(image, cv::Rect(10, 8, 30, 20), cv::Scalar(250, 250, 250), cv::FILLED);
    return cv::imwrite(path.toStdString(), image);
}

// One second of MJPG at 10 fps.
bool writeVideo(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10,
                           cv::Size(64, 48));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < 10; ++i) {
        cv::Mat frame(48, 64, CV_8UC3, cv::Scalar(20, 20, 20));
        cv::circle(frame, cv::Point(6 + i * 5, 24), 5, cv::Scalar(0, 200, 255), cv::FILLED);
        writer.write(frame);
    }
    writer.release();
    return QFileInfo(path).size() > 0;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString errorFor(const QStringList &errors, const QString &file)
{
    for (const QString &error : errors) {
        if (error.startsWith(file + QLatin1Char(':')))
            return error;
    }
    return {};
}

} // namespace

class tst_CaptureImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_source;
    std::unique_ptr<QTemporaryDir> m_workspaceDir;
    std::unique_ptr<Workspace> m_workspace;

    QString src(const QString &name) const { return m_source->filePath(name); }

    // World markups filed under a spatial frame (not deleted).
    int frameMarkupCount(const QString &frame)
    {
        return m_workspace->database()
            .queryText(QStringLiteral("SELECT count(*) FROM markups WHERE frame_id = '%1' AND deleted = 0").arg(frame))
            .toInt();
    }

    // A good photo and a good video, in a sub-folder each.
    void writeGoodCaptures()
    {
        QVERIFY(writePhoto(src(QStringLiteral("site-a/pump inlet.png"))));
        QVERIFY(writeManifest(src(QStringLiteral("site-a/pump.capture.json")),
                              manifest(kPhotoId, QStringLiteral("pump inlet.png"), QStringLiteral("photo"))));
        QVERIFY(writeVideo(src(QStringLiteral("site-b/media/walkaround.avi"))));
        QVERIFY(writeManifest(
            src(QStringLiteral("site-b/walkaround.capture.json")),
            manifest(kVideoId, QStringLiteral("media/walkaround.avi"), QStringLiteral("video"))));
    }

private Q_SLOTS:
    void init()
    {
        m_source = std::make_unique<QTemporaryDir>();
        QVERIFY(m_source->isValid());
        QVERIFY(QDir().mkpath(src(QStringLiteral("site-a"))));
        QVERIFY(test::openTemporaryWorkspace(m_workspaceDir, m_workspace));
        m_workspace->assets().upsertAssets({test::makeAsset(kAssetId, QStringLiteral("Chiller CH-210"))});
    }

    void cleanup()
    {
        test::closeTemporaryWorkspace(m_workspaceDir, m_workspace);
        m_source.reset();
    }

    void goodCapturesLand()
    {
        writeGoodCaptures();
        CaptureImporter importer(*m_workspace);
        const ImportReport report = importer.importFolder(m_source->path());
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.importedIds, (QStringList{kPhotoId, kVideoId})); // sorted by path
        QCOMPARE(m_workspace->captures().count(), 2);

        const std::optional<CaptureRecord> photo = m_workspace->captures().byId(kPhotoId);
        QVERIFY(photo);
        QCOMPARE(photo->assetId, kAssetId);
        QCOMPARE(photo->mediaType, MediaType::Photo);
        QCOMPARE(photo->spatialFrame, QStringLiteral("frame-1"));
        // Stored under the SHA-256 of its bytes, with its manifest beside it.
        const QString sha = QString::fromLatin1(fileHash(src(QStringLiteral("site-a/pump inlet.png"))).toHex());
        QCOMPARE(photo->mediaSha256, sha);
        QCOMPARE(photo->mediaPath, QStringLiteral("media/%1/%2.png").arg(kPhotoId, sha));
        const QString photoFile = m_workspace->absoluteMediaPath(photo->mediaPath);
        QVERIFY(photoFile.startsWith(m_workspace->directory()));
        QCOMPARE(fileHash(photoFile), fileHash(src(QStringLiteral("site-a/pump inlet.png"))));
        QCOMPARE(photo->manifest.markups.size(), size_t(1));
        QCOMPARE(photo->manifest.mediaFile, sha + QStringLiteral(".png"));
        QVERIFY2(photo->manifestPath.startsWith(QStringLiteral("media/%1/").arg(kPhotoId)) &&
                     photo->manifestPath.endsWith(QStringLiteral(".capture.json")),
                 qPrintable(photo->manifestPath));
        const ManifestResult storedManifest =
            ManifestReader::readFile(m_workspace->absoluteMediaPath(photo->manifestPath));
        QVERIFY(std::holds_alternative<CaptureManifest>(storedManifest));
        QCOMPARE(std::get<CaptureManifest>(storedManifest).mediaFile, sha + QStringLiteral(".png"));

        const std::optional<CaptureRecord> video = m_workspace->captures().byId(kVideoId);
        QVERIFY(video);
        QCOMPARE(video->mediaType, MediaType::Video);
        QCOMPARE(fileHash(m_workspace->absoluteMediaPath(video->mediaPath)),
                 fileHash(src(QStringLiteral("site-b/media/walkaround.avi"))));
        QCOMPARE(frameMarkupCount(QStringLiteral("frame-1")), 2);
        // No temporary copy is left behind: the media and its manifest only.
        QCOMPARE(QDir(m_workspace->mediaDirectory() + QLatin1Char('/') + kPhotoId)
                     .entryList(QDir::Files | QDir::Hidden)
                     .size(),
                 2);
        QCOMPARE(m_workspace->media().unreferencedFiles(), QStringList());
    }

    void badCapturesAreReportedAndSkipped()
    {
        // Something already stored must survive the import.
        writeGoodCaptures();
        CaptureImporter importer(*m_workspace);
        QVERIFY(importer.importFolder(m_source->path()).errors.isEmpty());
        const QString storedPhoto =
            m_workspace->absoluteMediaPath(m_workspace->captures().byId(kPhotoId)->mediaPath);

        QVERIFY(writeFile(src(QStringLiteral("broken.capture.json")),
                          QByteArrayLiteral("{ \"format\": \"sightline-capture\", ")));
        QVERIFY(writeManifest(src(QStringLiteral("missing.capture.json")),
                              manifest(QStringLiteral("11111111-0000-4000-8000-000000000001"),
                                       QStringLiteral("gone.png"), QStringLiteral("photo"))));
        QVERIFY(writeFile(src(QStringLiteral("corrupt.png")), QByteArray(4096, '\x5a')));
        QVERIFY(writeManifest(src(QStringLiteral("corrupt.capture.json")),
                              manifest(QStringLiteral("11111111-0000-4000-8000-000000000002"),
                                       QStringLiteral("corrupt.png"), QStringLiteral("photo"))));
        QVERIFY(writeFile(src(QStringLiteral("corrupt.avi")),
                          QByteArrayLiteral("RIFF") + QByteArray(2048, '\x01')));
        QVERIFY(writeManifest(src(QStringLiteral("corruptvideo.capture.json")),
                              manifest(QStringLiteral("11111111-0000-4000-8000-000000000003"),
                                       QStringLiteral("corrupt.avi"), QStringLiteral("video"))));
        QVERIFY(writePhoto(m_source->filePath(QStringLiteral("outside.png"))));
        QVERIFY(writeManifest(src(QStringLiteral("site-a/escape.capture.json")),
                              manifest(QStringLiteral("11111111-0000-4000-8000-000000000004"),
                                       QStringLiteral("../outside.png"), QStringLiteral("photo"))));
        QVERIFY(writeManifest(src(QStringLiteral("site-a/absolute.capture.json")),
                              manifest(QStringLiteral("11111111-0000-4000-8000-000000000005"),
                                       m_source->filePath(QStringLiteral("outside.png")),
                                       QStringLiteral("photo"))));

        const ImportReport report = importer.importFolder(m_source->path());
        QCOMPARE(report.importedIds, (QStringList{kPhotoId, kVideoId}));
        QCOMPARE(report.errors.size(), 6);
        const QRegularExpression shape(QStringLiteral("^[^:]+\\.capture\\.json: (\\S+: )?.+$"));
        for (const QString &error : report.errors)
            QVERIFY2(shape.match(error).hasMatch(), qPrintable(error));

        QVERIFY(!errorFor(report.errors, QStringLiteral("broken.capture.json")).isEmpty());
        const QString missing = errorFor(report.errors, QStringLiteral("missing.capture.json"));
        QVERIFY2(missing.contains(QStringLiteral("media.file: ")) &&
                     missing.contains(QStringLiteral("gone.png")),
                 qPrintable(missing));
        const QString corrupt = errorFor(report.errors, QStringLiteral("corrupt.capture.json"));
        QVERIFY2(corrupt.contains(QStringLiteral("media.file: ")) &&
                     corrupt.contains(QStringLiteral("corrupt.png")),
                 qPrintable(corrupt));
        const QString corruptVideo = errorFor(report.errors, QStringLiteral("corruptvideo.capture.json"));
        QVERIFY2(corruptVideo.contains(QStringLiteral("media.file: ")), qPrintable(corruptVideo));
        QVERIFY(errorFor(report.errors, QStringLiteral("site-a/escape.capture.json"))
                    .contains(QStringLiteral("media.file: ")));
        QVERIFY(errorFor(report.errors, QStringLiteral("site-a/absolute.capture.json"))
                    .contains(QStringLiteral("media.file: ")));

        // Nothing of the bad ones was stored or copied; the good ones are intact.
        QCOMPARE(m_workspace->captures().count(), 2);
        QVERIFY(QFileInfo::exists(storedPhoto));
        QCOMPARE(QDir(m_workspace->mediaDirectory()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
    }

    void reimportMakesNoDuplicate()
    {
        writeGoodCaptures();
        CaptureImporter importer(*m_workspace);
        QVERIFY(importer.importFolder(m_source->path()).errors.isEmpty());
        QVERIFY(ReviewEditor(m_workspace->database())
                    .setReview({kPhotoId}, ReviewStatus::Approved, QStringLiteral("Fine"), QStringLiteral("Ana"))
                    .saved());
        const CaptureRecord storedBefore = *m_workspace->captures().byId(kPhotoId);

        // The device renames the photo and re-sends the capture.
        QVERIFY(QFile::rename(src(QStringLiteral("site-a/pump inlet.png")),
                              src(QStringLiteral("site-a/inlet-v2.png"))));
        QVERIFY(writeManifest(src(QStringLiteral("site-a/pump.capture.json")),
                              manifest(kPhotoId, QStringLiteral("inlet-v2.png"), QStringLiteral("photo"))));
        const ImportReport again = importer.importFolder(m_source->path());
        QVERIFY2(again.errors.isEmpty(), qPrintable(again.errors.join(QLatin1Char('\n'))));
        QCOMPARE(again.importedIds.size(), 2);
        QCOMPARE(m_workspace->captures().count(), 2);
        QCOMPARE(m_workspace->captures().forAsset(kAssetId).size(), size_t(2));
        // Same bytes under another name: the stored files are the same ones.
        const std::optional<CaptureRecord> photo = m_workspace->captures().byId(kPhotoId);
        QCOMPARE(photo->mediaPath, storedBefore.mediaPath);
        QCOMPARE(photo->manifestPath, storedBefore.manifestPath);
        QCOMPARE(QDir(m_workspace->mediaDirectory() + QLatin1Char('/') + kPhotoId)
                     .entryList(QDir::Files | QDir::Hidden)
                     .size(),
                 2);
        QCOMPARE(m_workspace->media().unreferencedFiles(), QStringList());
        // The reviewer's verdict survives a re-import.
        QCOMPARE(photo->reviewStatus, ReviewStatus::Approved);
        QCOMPARE(frameMarkupCount(QStringLiteral("frame-1")), 2);
    }

    void unknownAssetIsStillImported()
    {
        QVERIFY(writePhoto(src(QStringLiteral("site-a/p.png"))));
        QVERIFY(writeManifest(src(QStringLiteral("site-a/p.capture.json")),
                              manifest(kPhotoId, QStringLiteral("p.png"), QStringLiteral("photo"),
                                       QStringLiteral("asset-not-synced-yet"))));
        CaptureImporter importer(*m_workspace);
        QString id;
        const QString error = importer.importManifest(src(QStringLiteral("site-a/p.capture.json")), &id);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(id, kPhotoId);
        QCOMPARE(m_workspace->captures().byId(kPhotoId)->assetId, QStringLiteral("asset-not-synced-yet"));
    }

    void oddCaptureIdsStaySeparate()
    {
        // Ids that are not UUIDs still get their own, safe media folders.
        QVERIFY(writePhoto(src(QStringLiteral("site-a/p.png"))));
        QVERIFY(writeManifest(
            src(QStringLiteral("site-a/a.capture.json")),
            manifest(QStringLiteral("../../evil/id"), QStringLiteral("p.png"), QStringLiteral("photo"))));
        QVERIFY(writeManifest(
            src(QStringLiteral("site-a/b.capture.json")),
            manifest(QStringLiteral("__/__/evil_id"), QStringLiteral("p.png"), QStringLiteral("photo"))));
        CaptureImporter importer(*m_workspace);
        const ImportReport report = importer.importFolder(m_source->path());
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        const QString a = m_workspace->captures().byId(QStringLiteral("../../evil/id"))->mediaPath;
        const QString b = m_workspace->captures().byId(QStringLiteral("__/__/evil_id"))->mediaPath;
        QVERIFY(a != b);
        QVERIFY(!a.contains(QStringLiteral("..")));
        QVERIFY(QFileInfo::exists(m_workspace->absoluteMediaPath(a)));
        QVERIFY(QFileInfo::exists(m_workspace->absoluteMediaPath(b)));
    }

    void replacedVersionIsRemovedAfterCommit()
    {
        QVERIFY(writePhoto(src(QStringLiteral("v1/p.png")), 10));
        QVERIFY(writeManifest(src(QStringLiteral("v1/p.capture.json")),
                              manifest(kPhotoId, QStringLiteral("p.png"), QStringLiteral("photo"))));
        QVERIFY(writePhoto(src(QStringLiteral("v2/p.png")), 200));
        QVERIFY(writeManifest(src(QStringLiteral("v2/p.capture.json")),
                              manifest(kPhotoId, QStringLiteral("p.png"), QStringLiteral("photo"))));
        CaptureImporter importer(*m_workspace);
        QCOMPARE(importer.importManifest(src(QStringLiteral("v1/p.capture.json"))), QString());
        const CaptureRecord v1 = *m_workspace->captures().byId(kPhotoId);
        QCOMPARE(importer.importManifest(src(QStringLiteral("v2/p.capture.json"))), QString());
        const CaptureRecord v2 = *m_workspace->captures().byId(kPhotoId);
        QVERIFY(v1.mediaPath != v2.mediaPath);
        QCOMPARE(fileHash(m_workspace->absoluteMediaPath(v2.mediaPath)), fileHash(src(QStringLiteral("v2/p.png"))));
        QVERIFY(!QFileInfo::exists(m_workspace->absoluteMediaPath(v1.mediaPath)));
        QVERIFY(!QFileInfo::exists(m_workspace->absoluteMediaPath(v1.manifestPath)));
        QCOMPARE(m_workspace->media().unreferencedFiles(), QStringList());
    }

    // A re-import whose database write fails (commit refused, read-only,
    // disk full, locked) leaves the stored capture as it was: record, media
    // bytes and manifest, and nothing new behind.
    void failedStoreKeepsStoredCapture_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("cause");
        QTest::newRow("commit refused") << "trigger" << "simulated failure at commit";
        QTest::newRow("read-only database") << "query_only" << "read-only";
        QTest::newRow("disk full") << "max_page_count" << "the disk is full";
    }

    void failedStoreKeepsStoredCapture()
    {
        QFETCH(QString, fault);
        QFETCH(QString, cause);
        QVERIFY(writePhoto(src(QStringLiteral("v1/p.png")), 10));
        QVERIFY(writeManifest(src(QStringLiteral("v1/p.capture.json")),
                              manifest(kPhotoId, QStringLiteral("p.png"), QStringLiteral("photo"))));
        QJsonObject second = manifest(kPhotoId, QStringLiteral("p.png"), QStringLiteral("photo"));
        second.insert(QStringLiteral("capturedBy"), QStringLiteral("version-2"));
        // A manifest large enough not to fit in the pages left on a "full disk".
        second.insert(QStringLiteral("padding"), QString(64 * 1024, QLatin1Char('x')));
        QVERIFY(writePhoto(src(QStringLiteral("v2/p.png")), 200));
        QVERIFY(writeManifest(src(QStringLiteral("v2/p.capture.json")), second));
        CaptureImporter importer(*m_workspace);
        QCOMPARE(importer.importManifest(src(QStringLiteral("v1/p.capture.json"))), QString());
        const CaptureRecord before = *m_workspace->captures().byId(kPhotoId);

        Database &db = m_workspace->database();
        if (fault == QLatin1String("trigger"))
            db.exec(QStringLiteral("CREATE TEMP TRIGGER fail_commit BEFORE UPDATE ON main.captures BEGIN "
                                   "SELECT RAISE(ABORT, 'simulated failure at commit'); END"));
        else if (fault == QLatin1String("query_only"))
            db.exec(QStringLiteral("PRAGMA query_only=1"));
        else
            db.exec(QStringLiteral("PRAGMA max_page_count=") + db.queryText(QStringLiteral("PRAGMA page_count")));

        const QString error = importer.importManifest(src(QStringLiteral("v2/p.capture.json")));
        QVERIFY2(error.contains(cause), qPrintable(error));

        if (fault == QLatin1String("trigger"))
            db.exec(QStringLiteral("DROP TRIGGER temp.fail_commit"));
        else if (fault == QLatin1String("query_only"))
            db.exec(QStringLiteral("PRAGMA query_only=0"));
        else
            db.exec(QStringLiteral("PRAGMA max_page_count=1073741823"));

        const CaptureRecord after = *m_workspace->captures().byId(kPhotoId);
        QCOMPARE(after.mediaPath, before.mediaPath);
        QCOMPARE(after.manifestPath, before.manifestPath);
        QCOMPARE(after.manifest.capturedBy, before.manifest.capturedBy);
        QCOMPARE(fileHash(m_workspace->absoluteMediaPath(after.mediaPath)), fileHash(src(QStringLiteral("v1/p.png"))));
        QVERIFY(QFileInfo::exists(m_workspace->absoluteMediaPath(after.manifestPath)));
        // Whatever the failed import wrote is collected now or at the next open.
        m_workspace->media().collectUnreferenced();
        QCOMPARE(m_workspace->media().unreferencedFiles(), QStringList());

        // And the workspace takes the new version once it can.
        QCOMPARE(importer.importManifest(src(QStringLiteral("v2/p.capture.json"))), QString());
        QCOMPARE(m_workspace->captures().byId(kPhotoId)->manifest.capturedBy, QStringLiteral("version-2"));
    }

    void duplicateIdsInOneFolderAreBothRefused()
    {
        writeGoodCaptures();
        CaptureImporter importer(*m_workspace);
        QVERIFY(importer.importFolder(m_source->path()).errors.isEmpty());
        const CaptureRecord stored = *m_workspace->captures().byId(kPhotoId);

        QVERIFY(writePhoto(src(QStringLiteral("site-c/other.png")), 220));
        QVERIFY(writeManifest(src(QStringLiteral("site-c/same-id.capture.json")),
                              manifest(kPhotoId, QStringLiteral("other.png"), QStringLiteral("photo"))));
        const ImportReport report = importer.importFolder(m_source->path());
        QCOMPARE(report.importedIds, QStringList{kVideoId});
        QCOMPARE(report.errors.size(), 2);
        const QString first = errorFor(report.errors, QStringLiteral("site-a/pump.capture.json"));
        const QString second = errorFor(report.errors, QStringLiteral("site-c/same-id.capture.json"));
        QVERIFY2(first.contains(QStringLiteral("site-c/same-id.capture.json")), qPrintable(first));
        QVERIFY2(second.contains(QStringLiteral("site-a/pump.capture.json")), qPrintable(second));
        // The stored capture is untouched.
        QCOMPARE(m_workspace->captures().byId(kPhotoId)->mediaPath, stored.mediaPath);
    }

    void collectsWhatAnInterruptedImportLeft()
    {
        writeGoodCaptures();
        CaptureImporter importer(*m_workspace);
        QVERIFY(importer.importFolder(m_source->path()).errors.isEmpty());
        const CaptureRecord stored = *m_workspace->captures().byId(kPhotoId);
        // As a process killed between writing and committing leaves it: the
        // new files journaled and in place, the record not switched. A stored
        // file journaled as well must survive (it is referenced).
        const QString folder = QStringLiteral("media/") + kPhotoId;
        const QStringList leftovers = {folder + QStringLiteral("/.import-1234.png"),
                                       folder + QStringLiteral("/abcdef.png"),
                                       folder + QStringLiteral("/abcdef.capture.json")};
        for (const QString &path : leftovers)
            QVERIFY(writeFile(m_workspace->absoluteMediaPath(path), "half-written"));
        m_workspace->media().journal(leftovers + QStringList{stored.mediaPath});
        QCOMPARE(m_workspace->media().unreferencedFiles().size(), 3);

        const QString directory = m_workspace->directory();
        m_workspace.reset();
        QString error;
        m_workspace = Workspace::open(directory, &error);
        QVERIFY2(m_workspace, qPrintable(error));
        for (const QString &path : leftovers)
            QVERIFY2(!QFileInfo::exists(m_workspace->absoluteMediaPath(path)), qPrintable(path));
        QCOMPARE(fileHash(m_workspace->absoluteMediaPath(stored.mediaPath)),
                 fileHash(src(QStringLiteral("site-a/pump inlet.png"))));
        QCOMPARE(m_workspace->media().unreferencedFiles(), QStringList());
        QCOMPARE(m_workspace->database().queryText(QStringLiteral("SELECT count(*) FROM media_journal")),
                 QStringLiteral("0"));
    }

    void missingFolderIsReported()
    {
        CaptureImporter importer(*m_workspace);
        const ImportReport report =
            importer.importFolder(m_source->filePath(QStringLiteral("no-such-folder")));
        QCOMPARE(report.errors.size(), 1);
        QVERIFY(report.importedIds.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CaptureImporter)
#include "tst_captureimporter.moc"
