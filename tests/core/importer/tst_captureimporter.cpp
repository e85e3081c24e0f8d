#include "testsupport.h"
#include "importer/captureimporter.h"
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

bool writePhoto(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    cv::Mat image(48, 64, CV_8UC3, cv::Scalar(40, 90, 160));
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
        QVERIFY(QDir::isRelativePath(photo->mediaPath));
        QVERIFY2(photo->mediaPath.startsWith(QStringLiteral("media/") + kPhotoId + QLatin1Char('/')),
                 qPrintable(photo->mediaPath));
        QVERIFY(!photo->mediaPath.contains(QLatin1Char(' '))); // sanitised name
        const QString photoFile = m_workspace->absoluteMediaPath(photo->mediaPath);
        QVERIFY(photoFile.startsWith(m_workspace->directory()));
        QCOMPARE(fileHash(photoFile), fileHash(src(QStringLiteral("site-a/pump inlet.png"))));
        QCOMPARE(photo->manifest.markups.size(), size_t(1));

        const std::optional<CaptureRecord> video = m_workspace->captures().byId(kVideoId);
        QVERIFY(video);
        QCOMPARE(video->mediaType, MediaType::Video);
        QCOMPARE(fileHash(m_workspace->absoluteMediaPath(video->mediaPath)),
                 fileHash(src(QStringLiteral("site-b/media/walkaround.avi"))));
        QCOMPARE(m_workspace->captures().worldMarkupsForFrame(QStringLiteral("frame-1")).size(), size_t(2));
        // No temporary copy is left behind.
        QCOMPARE(QDir(m_workspace->mediaDirectory() + QLatin1Char('/') + kPhotoId)
                     .entryList(QDir::Files | QDir::Hidden)
                     .size(),
                 1);
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
        m_workspace->captures().setReview(kPhotoId, ReviewStatus::Approved, QStringLiteral("Fine"));

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
        const std::optional<CaptureRecord> photo = m_workspace->captures().byId(kPhotoId);
        QVERIFY(photo->mediaPath.endsWith(QStringLiteral("/inlet-v2.png")));
        QCOMPARE(QDir(m_workspace->mediaDirectory() + QLatin1Char('/') + kPhotoId)
                     .entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("inlet-v2.png")});
        // The reviewer's verdict survives a re-import.
        QCOMPARE(photo->reviewStatus, ReviewStatus::Approved);
        QCOMPARE(m_workspace->captures().worldMarkupsForFrame(QStringLiteral("frame-1")).size(), size_t(2));
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
