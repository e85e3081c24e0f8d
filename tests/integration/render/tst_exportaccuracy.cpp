#include "overlayprobe.h"

#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "render/frameexporter.h"
#include "render/markuppainter.h"
#include "synthetic/democapturegenerator.h"
#include "synthetic/democaptureplan.h"
#include "synthetic/demoscene.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/calib3d.hpp>

#include <cmath>

using namespace sl;
using sl::test::reachAlong;
using sl::test::unit;

// End to end, on pixels: demo captures are generated, frames are exported
// with FrameExporter, and every world-space arrow and line must end within
// one pixel of where the ground truth (the synthetic scene's feature points
// seen by the true camera of that frame) says.
class TestExportAccuracy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void worldMarkupEndsOnTheGroundTruth();
    void proxyAndPhotosAreCovered();

private:
    struct Case
    {
        size_t capture;
        double seconds;
    };
    QString isolatedManifest(size_t capture, const Markup *only);
    QImage exportFrame(const QString &manifest, double seconds);

    QTemporaryDir m_dir;
    QStringList m_assets{QStringLiteral("7d1e0c55-2222-4ccc-8ddd-000000000001"),
                         QStringLiteral("7d1e0c55-2222-4ccc-8ddd-000000000002")};
    DemoCaptureGenerator::Options m_options;
    std::vector<CaptureManifest> m_manifests;
    std::vector<DemoCaptureSpec> m_specs;
    QStringList m_paths;
    int m_checkedProxy = 0;
    int m_checkedPhoto = 0;
    int m_checkedDistorted = 0;
    int m_checkedOpenGl = 0;
};

namespace {

// The pixel (OpenCV convention: integers are pixel centres) of a world point
// seen by the true camera, straight from OpenCV.
std::optional<cv::Point2d> truePixel(const DemoCaptureSpec &spec, int frame, const cv::Vec3d &world)
{
    const cv::Vec3d c = spec.cameraOfFrame(frame).worldToCamera(world);
    if (c[2] < 0.3)
        return std::nullopt;
    std::vector<cv::Point2d> pixels;
    cv::projectPoints(std::vector<cv::Point3d>{{c[0], c[1], c[2]}}, cv::Vec3d(0, 0, 0), cv::Vec3d(0, 0, 0),
                      spec.renderCamera.cameraMatrix(), spec.renderCamera.distortionCoeffs(), pixels);
    return pixels[0];
}

bool inside(const cv::Point2d &p, const CameraIntrinsics &k, double margin)
{
    return p.x > margin && p.y > margin && p.x < k.width - margin && p.y < k.height - margin;
}

const FeaturePoint *featureAt(const cv::Vec3d &p)
{
    for (const FeaturePoint &f : DemoScene::pumpSkid().features()) {
        if (cv::norm(f.position - p) < 1e-9)
            return &f;
    }
    return nullptr;
}

} // namespace

void TestExportAccuracy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_options.videoCount = 6; // every kind of path, lens, axes and the proxy
    m_options.photoCount = 6;
    m_options.videoSeconds = 2;
    m_options.fps = 30;
    m_options.size = QSize(960, 540);
    QElapsedTimer timer;
    timer.start();
    QString error;
    m_paths =
        DemoCaptureGenerator::generate(m_dir.filePath(QStringLiteral("demo")), m_assets, m_options, &error);
    QVERIFY2(!m_paths.isEmpty(), qPrintable(error));
    qInfo("generated %lld captures in %lld ms", qlonglong(m_paths.size()), qlonglong(timer.elapsed()));
    for (const QString &path : m_paths) {
        const ManifestResult read = ManifestReader::readFile(path);
        if (const auto *e = std::get_if<ManifestError>(&read))
            QFAIL(qPrintable(e->message()));
        m_manifests.push_back(std::get<CaptureManifest>(read));
    }
    m_specs = DemoCapturePlan::make(m_assets, m_options);
    QCOMPARE(m_specs.size(), m_manifests.size());
}

QString TestExportAccuracy::isolatedManifest(size_t capture, const Markup *only)
{
    // Its own folder with a copy of the media, so that no other manifest of
    // the spatial frame adds its markup; a frame id of its own.
    const CaptureManifest &source = m_manifests[capture];
    const QString folder = m_dir.filePath(QStringLiteral("isolated/%1").arg(capture));
    QDir().mkpath(folder);
    const QString media = QDir(folder).filePath(source.mediaFile);
    if (!QFile::exists(media))
        QFile::copy(QFileInfo(m_paths[int(capture)]).dir().filePath(source.mediaFile), media);
    CaptureManifest m = source;
    m.raw = {};
    m.markups.clear();
    if (only) {
        m.markups.push_back(*only);
        m.markups.back().raw = {};
    }
    const QString key = only ? only->id : QStringLiteral("bare");
    m.spatialFrame = QUuid::createUuidV5(QUuid(), key + source.id).toString(QUuid::WithoutBraces);
    const QString path = QDir(folder).filePath(key + QLatin1String(".capture.json"));
    QString error;
    if (!ManifestWriter::writeFile(m, path, &error))
        qWarning() << error;
    return path;
}

QImage TestExportAccuracy::exportFrame(const QString &manifest, double seconds)
{
    const QString out = m_dir.filePath(QStringLiteral("out.png"));
    QString error;
    if (!FrameExporter::exportFrame(manifest, seconds, out, &error)) {
        qWarning() << error;
        return {};
    }
    return QImage(out).convertToFormat(QImage::Format_RGB32);
}

void TestExportAccuracy::worldMarkupEndsOnTheGroundTruth()
{
    // The spatial frames' world markup, as written.
    std::vector<std::pair<QString, Markup>> world; // frame id, markup
    for (const CaptureManifest &m : m_manifests) {
        for (const Markup &k : m.markups) {
            if (k.space == MarkupSpace::World && (k.kind == MarkupKind::Arrow || k.kind == MarkupKind::Line))
                world.emplace_back(m.spatialFrame, k);
        }
    }
    QVERIFY(world.size() >= 8);
    // The plan's markup: the ground truth for the arrows' tails.
    QHash<QString, Markup> planned;
    for (const DemoCaptureSpec &spec : m_specs) {
        for (const Markup &k : spec.manifest.markups)
            planned.insert(k.id, k);
    }

    int checks = 0;
    double worst = 0;
    for (size_t i = 0; i < m_manifests.size(); ++i) {
        const CaptureManifest &m = m_manifests[i];
        const DemoCaptureSpec &spec = m_specs[i];
        QCOMPARE(m.id, spec.manifest.id);
        std::vector<double> times{0.0};
        if (m.mediaType == MediaType::Video) {
            const int last = spec.frameCount - 1;
            times = {0.0, (std::floor(0.37 * last) + 0.5) / spec.fps,
                     (std::floor(0.71 * last) + 0.9) / spec.fps, last / spec.fps};
        }
        const QString bare = isolatedManifest(i, nullptr);
        const double scale = double(spec.renderCamera.width) / m.camera->width;
        for (double t : times) {
            const int frame = spec.fps > 0 ? int(std::floor(t * spec.fps + 1e-6)) : 0;
            QImage before;
            for (const auto &[frameId, markup] : world) {
                if (frameId != m.spatialFrame)
                    continue;
                // Ground truth: the scene's feature points (and the plan's
                // tail), through the true camera of this frame.
                const cv::Vec3d headWorld = markup.worldPoints.back();
                const cv::Vec3d tailWorld = markup.kind == MarkupKind::Arrow
                                                ? planned.value(markup.id).worldPoints.front()
                                                : featureAt(markup.worldPoints.front())->position;
                const FeaturePoint *headFeature = featureAt(headWorld);
                QVERIFY2(headFeature, qPrintable(markup.id));
                const auto head = truePixel(spec, frame, headFeature->position);
                const auto tail = truePixel(spec, frame, tailWorld);
                if (!head || !tail || !inside(*head, spec.renderCamera, 15) ||
                    !inside(*tail, spec.renderCamera, 15) || cv::norm(*head - *tail) < 25)
                    continue; // not (wholly) in this frame
                const auto nearHead = truePixel(spec, frame, headWorld + 0.02 * (tailWorld - headWorld));
                const auto nearTail = truePixel(spec, frame, tailWorld + 0.02 * (headWorld - tailWorld));
                QVERIFY(nearHead && nearTail);

                if (before.isNull())
                    before = exportFrame(bare, t);
                QVERIFY(!before.isNull());
                const QImage after = exportFrame(isolatedManifest(i, &markup), t);
                QVERIFY(!after.isNull());
                QCOMPARE(after.size(), QSize(spec.renderCamera.width, spec.renderCamera.height));

                const double width = markup.width * scale;
                const double headReach = reachAlong(before, after, *head, unit(*head - *nearHead),
                                                    MarkupPainter::headLength(width) + 4);
                const double tailReach = reachAlong(before, after, *tail, unit(*tail - *nearTail), width + 4);
                const QString where = QStringLiteral("%1 t=%2 %3 (%4)")
                                          .arg(m.mediaFile)
                                          .arg(t)
                                          .arg(markupKindName(markup.kind), headFeature->name);
                QVERIFY2(std::abs(headReach) <= 1.0,
                         qPrintable(where + QStringLiteral(": head off by %1").arg(headReach)));
                QVERIFY2(std::abs(tailReach) <= 1.0,
                         qPrintable(where + QStringLiteral(": tail off by %1").arg(tailReach)));
                worst = std::max({worst, std::abs(headReach), std::abs(tailReach)});
                ++checks;
                m_checkedProxy += m.camera->width != spec.renderCamera.width ? 1 : 0;
                m_checkedPhoto += m.mediaType == MediaType::Photo ? 1 : 0;
                m_checkedDistorted += m.camera->distortion.empty() ? 0 : 1;
                m_checkedOpenGl += m.axes == Axes::OpenGL ? 1 : 0;
            }
        }
    }
    qInfo("%d markup ends checked on pixels; worst distance from the ground truth %.2f px", 2 * checks,
          worst);
    QVERIFY2(checks >= 30, qPrintable(QString::number(checks)));
}

void TestExportAccuracy::proxyAndPhotosAreCovered()
{
    // The checks above must have met every case that can go wrong.
    QVERIFY(m_checkedProxy > 0);
    QVERIFY(m_checkedPhoto > 0);
    QVERIFY(m_checkedDistorted > 0);
    QVERIFY(m_checkedOpenGl > 0);
}

QTEST_MAIN(TestExportAccuracy)
#include "tst_exportaccuracy.moc"
