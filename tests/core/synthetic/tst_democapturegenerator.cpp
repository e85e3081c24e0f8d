#include "capture/manifestreader.h"
#include "media/framesource.h"
#include "media/imageconversion.h"
#include "media/mediaprobe.h"
#include "spatial/projector.h"
#include "synthetic/democapturegenerator.h"
#include "synthetic/democaptureplan.h"
#include "synthetic/demoscene.h"
#include "synthetic/scenerenderer.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/calib3d.hpp>

using namespace sl;

// Demo captures: real media, valid manifests, exact poses and markup on
// the ground-truth features, the same every time.
class TestDemoCaptureGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void manifestsReadBackAndMediaDecodes();
    void mixOfAxesPoseFormsAndLenses();
    void spatialFramesCarryWorldMarkupOnce();
    void worldMarkupPointsAreFeaturePoints();
    void imageMarkupAndRedaction();
    void manifestPosesAreTheTrueCameras();
    void deterministic();
    void errors_data();
    void errors();

private:
    static DemoCaptureGenerator::Options options();
    QByteArray bytes(const QString &path) const;

    QTemporaryDir m_dir;
    QStringList m_assets{QStringLiteral("0f4b3c9a-1111-4aaa-8bbb-000000000001"),
                         QStringLiteral("0f4b3c9a-1111-4aaa-8bbb-000000000002")};
    QStringList m_paths;
    std::vector<CaptureManifest> m_manifests;
};

DemoCaptureGenerator::Options TestDemoCaptureGenerator::options()
{
    DemoCaptureGenerator::Options o;
    o.videoCount = 4; // includes the proxy
    o.photoCount = 2; // includes the redacted panel photo
    o.videoSeconds = 1.0;
    o.fps = 10;
    o.size = QSize(320, 180);
    return o;
}

QByteArray TestDemoCaptureGenerator::bytes(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestDemoCaptureGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_paths =
        DemoCaptureGenerator::generate(m_dir.filePath(QStringLiteral("a")), m_assets, options(), &error);
    QVERIFY2(!m_paths.isEmpty(), qPrintable(error));
    for (const QString &path : m_paths) {
        const ManifestResult result = ManifestReader::readFile(path);
        if (const auto *e = std::get_if<ManifestError>(&result))
            QFAIL(qPrintable(e->message()));
        m_manifests.push_back(std::get<CaptureManifest>(result));
    }
}

void TestDemoCaptureGenerator::manifestsReadBackAndMediaDecodes()
{
    QCOMPARE(m_paths.size(), 6);
    QSet<QString> ids;
    for (size_t i = 0; i < m_manifests.size(); ++i) {
        const CaptureManifest &m = m_manifests[i];
        QVERIFY(m_paths[int(i)].endsWith(QLatin1String(".capture.json")));
        ids.insert(m.id);
        QVERIFY(QUuid::fromString(m.id).version() == QUuid::Sha1);
        QVERIFY(m_assets.contains(m.assetId));
        QVERIFY(!m.capturedAt.isEmpty() && !m.capturedBy.isEmpty());
        const QString media = QFileInfo(m_paths[int(i)]).dir().filePath(m.mediaFile);
        const bool video = m.mediaType == MediaType::Video;
        QCOMPARE(video, i < 4);
        const MediaInfo info = video ? MediaProbe::probeVideo(media) : MediaProbe::probePhoto(media);
        QVERIFY2(info.ok, qPrintable(info.error));
        QCOMPARE(QSize(info.width, info.height), QSize(320, 180));
        QVERIFY(m.camera && m.camera->isValid());
        const bool proxy = m.mediaFile.contains(QLatin1String("proxy"));
        QCOMPARE(m.camera->width, proxy ? 640 : 320);
        QCOMPARE(m.camera->height, proxy ? 360 : 180);
        if (video) {
            QCOMPARE(info.fps, 10.0);
            QCOMPARE(info.frameCount, 10);
            QCOMPARE(int(m.poses.size()), 10);
            for (size_t k = 0; k < m.poses.size(); ++k)
                QCOMPARE(m.poses[k].t, k / 10.0); // every frame time, exactly
        } else {
            QCOMPARE(int(m.poses.size()), 1);
        }
    }
    QCOMPARE(ids.size(), 6);
}

void TestDemoCaptureGenerator::mixOfAxesPoseFormsAndLenses()
{
    QSet<int> axes, forms;
    int distorted = 0, plain = 0;
    for (const CaptureManifest &m : m_manifests) {
        QVERIFY(m.axes.has_value());
        axes.insert(int(*m.axes));
        for (const ManifestPose &p : m.poses)
            forms.insert(int(p.form));
        (m.camera->distortion.empty() ? plain : distorted) += 1;
    }
    QCOMPARE(axes.size(), 2);
    QCOMPARE(forms.size(), 2);
    QVERIFY(distorted > 0 && plain > 0);
    // Both forms really are in the files.
    const QByteArray all = bytes(m_paths[0]) + bytes(m_paths[1]) + bytes(m_paths[2]);
    QVERIFY(all.contains("\"matrix\""));
    QVERIFY(all.contains("\"rotation\""));
    QVERIFY(all.contains("\"opengl\"") && all.contains("\"opencv\""));
}

void TestDemoCaptureGenerator::spatialFramesCarryWorldMarkupOnce()
{
    QHash<QString, QString> frameOfAsset;
    QHash<QString, int> carriers;
    for (const CaptureManifest &m : m_manifests) {
        QVERIFY(!m.spatialFrame.isEmpty());
        if (frameOfAsset.contains(m.assetId))
            QCOMPARE(m.spatialFrame, frameOfAsset[m.assetId]);
        frameOfAsset[m.assetId] = m.spatialFrame;
        const bool world = std::any_of(m.markups.begin(), m.markups.end(),
                                       [](const Markup &k) { return k.space == MarkupSpace::World; });
        carriers[m.spatialFrame] += world ? 1 : 0;
    }
    QCOMPARE(frameOfAsset.size(), 2);
    QVERIFY(frameOfAsset.value(m_assets[0]) != frameOfAsset.value(m_assets[1]));
    for (auto it = carriers.cbegin(); it != carriers.cend(); ++it)
        QCOMPARE(it.value(), 1);
}

void TestDemoCaptureGenerator::worldMarkupPointsAreFeaturePoints()
{
    const DemoScene &scene = DemoScene::pumpSkid();
    const auto featureAt = [&scene](const cv::Vec3d &p) -> const FeaturePoint * {
        for (const FeaturePoint &f : scene.features()) {
            if (cv::norm(f.position - p) < 1e-9)
                return &f;
        }
        return nullptr;
    };
    int arrows = 0, lines = 0, inks = 0;
    QSet<QString> pointedAt;
    for (const CaptureManifest &m : m_manifests) {
        for (const Markup &k : m.markups) {
            if (k.space != MarkupSpace::World)
                continue;
            if (k.kind == MarkupKind::Arrow) {
                ++arrows;
                QCOMPARE(int(k.worldPoints.size()), 2);
                const FeaturePoint *head = featureAt(k.worldPoints[1]);
                QVERIFY(head);
                pointedAt.insert(head->name);
                const double length = cv::norm(k.worldPoints[0] - k.worldPoints[1]);
                QVERIFY(length > 0.05 && length < 0.5);
                QVERIFY(!featureAt(k.worldPoints[0]));
            } else if (k.kind == MarkupKind::Line) {
                ++lines;
                QVERIFY(featureAt(k.worldPoints.front()) && featureAt(k.worldPoints.back()));
            } else if (k.kind == MarkupKind::Ink) {
                ++inks;
                // It circles the drain plug: every point 4-8 cm from it.
                const cv::Vec3d plug = scene.feature(QStringLiteral("pump casing drain plug"))->position;
                for (const cv::Vec3d &p : k.worldPoints) {
                    const double d = cv::norm(p - plug);
                    QVERIFY(d > 0.04 && d < 0.08);
                }
            }
        }
    }
    QCOMPARE(arrows, 8); // four per spatial frame
    QCOMPARE(lines, 2);
    QCOMPARE(inks, 2);
    QVERIFY(pointedAt.contains(QStringLiteral("inlet flange top bolt")));
    QVERIFY(pointedAt.contains(QStringLiteral("control panel button")));
}

void TestDemoCaptureGenerator::imageMarkupAndRedaction()
{
    const FeaturePoint *label = DemoScene::pumpSkid().feature(QStringLiteral("control panel label"));
    QVERIFY(label);
    int blurs = 0;
    for (const CaptureManifest &m : m_manifests) {
        int image = 0;
        for (const Markup &k : m.markups) {
            if (k.space != MarkupSpace::Image)
                continue;
            ++image;
            for (const cv::Point2d &p : k.imagePoints)
                QVERIFY(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1);
            if (m.mediaType == MediaType::Video) {
                QVERIFY(k.from && k.to);
                QVERIFY(*k.from >= 0 && *k.from < *k.to && *k.to <= 1.0);
            }
            if (k.kind != MarkupKind::Blur)
                continue;
            ++blurs;
            // The redaction covers where the label is in this photo.
            const CameraIntrinsics camera = m.camera->scaledTo(320, 180);
            const Projector projector(camera, *m.poseTrack().poseAt(0), *m.axes);
            const auto at = projector.projectPoint(label->position);
            QVERIFY(at);
            const QRectF rect = QRectF(QPointF(k.imagePoints[0].x * 320, k.imagePoints[0].y * 180),
                                       QPointF(k.imagePoints[1].x * 320, k.imagePoints[1].y * 180))
                                    .normalized();
            QVERIFY(rect.contains(at->x, at->y));
            QVERIFY(rect.width() < 200);
        }
        QVERIFY(image >= 2);
    }
    QCOMPARE(blurs, 1);
}

void TestDemoCaptureGenerator::manifestPosesAreTheTrueCameras()
{
    const std::vector<DemoCaptureSpec> specs = DemoCapturePlan::make(m_assets, options());
    QCOMPARE(specs.size(), m_manifests.size());
    const DemoScene &scene = DemoScene::pumpSkid();
    for (size_t i = 0; i < specs.size(); ++i) {
        const CaptureManifest &m = m_manifests[i];
        const DemoCaptureSpec &spec = specs[i];
        QCOMPARE(m.id, spec.manifest.id);
        const CameraIntrinsics camera = m.camera->scaledTo(320, 180);
        for (int frame = 0; frame < spec.frameCount; frame += 3) {
            const double t = spec.fps > 0 ? frame / spec.fps : 0;
            const Projector projector(camera, *m.poseTrack().poseAt(t), *m.axes);
            const CameraPose truth = spec.cameraOfFrame(frame);
            for (const FeaturePoint &f : scene.features()) {
                const cv::Vec3d c = truth.worldToCamera(f.position);
                if (c[2] < 0.2)
                    continue;
                std::vector<cv::Point2d> expected;
                cv::projectPoints(std::vector<cv::Point3d>{{c[0], c[1], c[2]}}, cv::Vec3d(0, 0, 0),
                                  cv::Vec3d(0, 0, 0), spec.renderCamera.cameraMatrix(),
                                  spec.renderCamera.distortionCoeffs(), expected);
                if (expected[0].x < 0 || expected[0].x > 320 || expected[0].y < 0 || expected[0].y > 180)
                    continue;
                const auto got = projector.projectPoint(f.position);
                QVERIFY(got);
                QVERIFY2(cv::norm(*got - expected[0]) < 1e-6,
                         qPrintable(QStringLiteral("%1 frame %2: %3")
                                        .arg(spec.baseName)
                                        .arg(frame)
                                        .arg(cv::norm(*got - expected[0]))));
            }
        }
    }
}

void TestDemoCaptureGenerator::deterministic()
{
    QString error;
    const QStringList again =
        DemoCaptureGenerator::generate(m_dir.filePath(QStringLiteral("b")), m_assets, options(), &error);
    QVERIFY2(!again.isEmpty(), qPrintable(error));
    QCOMPARE(again.size(), m_paths.size());
    const std::vector<DemoCaptureSpec> specs = DemoCapturePlan::make(m_assets, options());
    for (int i = 0; i < again.size(); ++i) {
        QCOMPARE(QFileInfo(again[i]).fileName(), QFileInfo(m_paths[i]).fileName());
        QCOMPARE(bytes(again[i]), bytes(m_paths[i]));
        const CaptureManifest &m = m_manifests[size_t(i)];
        const QString before = QFileInfo(m_paths[i]).dir().filePath(m.mediaFile);
        const QString after = QFileInfo(again[i]).dir().filePath(m.mediaFile);
        if (m.mediaType == MediaType::Photo) {
            QCOMPARE(bytes(after), bytes(before)); // JPEG encoding is deterministic
            continue;
        }
        // x264's threaded rate control depends on timing, so the bytes may
        // differ; the pictures may not: both runs show the deterministic
        // render of every frame, up to compression noise.
        FrameSource a, b;
        QVERIFY(a.open(before) && b.open(after));
        QCOMPARE(a.frameCount(), b.frameCount());
        SceneRenderer renderer;
        const DemoCaptureSpec &spec = specs[size_t(i)];
        for (int frame = 0; frame < a.frameCount(); frame += 3) {
            const cv::Mat truth = renderer.render(spec.renderCamera, spec.cameraOfFrame(frame));
            for (FrameSource *decoder : {&a, &b}) {
                const double psnr = cv::PSNR(truth, ImageConversion::toBgrMat(decoder->frame(frame)));
                QVERIFY2(
                    psnr > 30,
                    qPrintable(QStringLiteral("%1 frame %2: PSNR %3").arg(m.mediaFile).arg(frame).arg(psnr)));
            }
        }
    }
}

void TestDemoCaptureGenerator::errors_data()
{
    QTest::addColumn<QStringList>("assets");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("fps");
    QTest::addColumn<int>("videos");
    QTest::addColumn<bool>("folderIsAFile");
    QTest::addColumn<QString>("says");
    const QStringList one{QStringLiteral("0f4b3c9a-1111-4aaa-8bbb-000000000009")};
    QTest::newRow("no asset") << QStringList() << QSize(320, 180) << 10.0 << 1 << false << "asset";
    QTest::newRow("odd size") << one << QSize(321, 180) << 10.0 << 1 << false << "321x180";
    QTest::newRow("tiny size") << one << QSize(16, 16) << 10.0 << 1 << false << "16x16";
    QTest::newRow("zero fps") << one << QSize(320, 180) << 0.0 << 1 << false << "frame rate";
    QTest::newRow("nothing") << one << QSize(320, 180) << 10.0 << 0 << false << "nothing";
    QTest::newRow("folder is a file") << one << QSize(320, 180) << 10.0 << 1 << true << "folder";
}

void TestDemoCaptureGenerator::errors()
{
    QFETCH(QStringList, assets);
    QFETCH(QSize, size);
    QFETCH(double, fps);
    QFETCH(int, videos);
    QFETCH(bool, folderIsAFile);
    QFETCH(QString, says);
    DemoCaptureGenerator::Options o = options();
    o.size = size;
    o.fps = fps;
    o.videoCount = videos;
    o.photoCount = 0;
    QString folder = m_dir.filePath(QStringLiteral("errors"));
    if (folderIsAFile) {
        folder = m_dir.filePath(QStringLiteral("a-file"));
        QFile file(folder);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QString error;
    QVERIFY(DemoCaptureGenerator::generate(folder, assets, o, &error).isEmpty());
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY(!QDir(folder).exists() || QDir(folder).entryList(QDir::Files).isEmpty());
}

QTEST_MAIN(TestDemoCaptureGenerator)
#include "tst_democapturegenerator.moc"
