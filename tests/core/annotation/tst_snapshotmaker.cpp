#include "../media/testclip.h"
#include "testsupport.h"

#include "annotation/snapshotmaker.h"
#include "annotation/snapshotmanifest.h"
#include "annotation/snapshotturn.h"
#include "capture/manifestwriter.h"
#include "importer/captureimporter.h"
#include "media/displayrotation.h"
#include "media/framesource.h"
#include "render/frameexporter.h"
#include "render/overlayrenderer.h"
#include "store/assetdetails.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"
#include "sync/capturecolumns.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace sl;
using sl::test::TestClip;

namespace {

const QString kAsset = QStringLiteral("a5a5a5a5-0000-4000-8000-000000000001");
const QString kFrame = QStringLiteral("f5f5f5f5-0000-4000-8000-000000000001");
const QString kPhotoId = QStringLiteral("c5c5c5c5-0000-4000-8000-0000000000ff");
constexpr int kFrames = 60;
constexpr double kFps = 15;
const double kPoseTimes[] = {0.0, 1.3, 2.6, 3.9};

QString videoId(int rotation)
{
    return QStringLiteral("c5c5c5c5-0000-4000-8000-%1").arg(rotation, 12, 10, QLatin1Char('0'));
}

Markup worldArrow()
{
    Markup m;
    m.id = QStringLiteral("d5d5d5d5-0000-4000-8000-000000000001");
    m.kind = MarkupKind::Arrow;
    m.space = MarkupSpace::World;
    m.worldPoints = {{-0.3, -0.2, -2.0}, {0.2, 0.15, -2.1}}; // metres; the camera looks along -z (OpenGL axes)
    m.color = QColor(0xFF, 0x3B, 0x30);
    m.width = 4;
    return m;
}

Markup imageMarkup(const QString &id, MarkupKind kind, cv::Point2d a, cv::Point2d b)
{
    Markup m;
    m.id = id;
    m.kind = kind;
    m.space = MarkupSpace::Image;
    m.imagePoints = {a, b};
    m.color = QColor(0x30, 0xFF, 0x30);
    m.width = 3;
    return m;
}

// A capture whose camera moves and turns between its pose samples.
CaptureManifest sourceManifest(const QString &id, MediaType type, const QString &media)
{
    CaptureManifest m;
    m.id = id;
    m.assetId = kAsset;
    m.mediaFile = media;
    m.mediaType = type;
    m.capturedAt = QStringLiteral("2026-05-04T09:00:00Z");
    m.spatialFrame = kFrame;
    CameraIntrinsics k;
    k.width = 320;
    k.height = 240;
    k.fx = 250;
    k.fy = 255;
    k.cx = 161.5;
    k.cy = 118.25;
    k.distortion = {0.05, -0.02, 0.001, -0.002};
    m.camera = k;
    m.axes = Axes::OpenGL;
    for (double t : kPoseTimes) {
        ManifestPose p;
        p.t = t;
        p.pose.position = {0.08 * t - 0.15, 0.02 * t, 0.05 * t};
        const double angle = 0.12 * t - 0.2; // radians about y
        p.pose.rotation = Quaternion{0, std::sin(angle / 2), 0, std::cos(angle / 2)};
        p.form = PoseForm::PositionRotation;
        m.poses.push_back(p);
        if (type == MediaType::Photo)
            break;
    }
    Markup box = imageMarkup(QStringLiteral("e5e5e5e5-%1-4000-8000-00000000000b").arg(id.right(4)), MarkupKind::Rect,
                             {0.6, 0.1}, {0.9, 0.4});
    box.from = 1.0; // seconds: shows from 1 s to 2 s only
    box.to = 2.0;
    Markup blur = imageMarkup(QStringLiteral("e5e5e5e5-%1-4000-8000-00000000000c").arg(id.right(4)),
                              MarkupKind::Blur, {0.55, 0.42}, {0.95, 0.62}); // over the frame number's bars
    m.markups = {worldArrow(), box, blur};
    return m;
}

// The overlay's drawn pixels (any channel above 40 on black): bounding box
// and centroid, media pixels.
struct Drawn
{
    QRect box;
    QPointF centroid;
    int count = 0;
};

Drawn drawnPixels(const QImage &image)
{
    Drawn d;
    double sx = 0, sy = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::max({c.red(), c.green(), c.blue()}) <= 40)
                continue;
            d.box = d.box.united(QRect(x, y, 1, 1));
            sx += x;
            sy += y;
            ++d.count;
        }
    if (d.count)
        d.centroid = QPointF(sx / d.count, sy / d.count);
    return d;
}

QImage black(QSize size)
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(Qt::black);
    return image;
}

} // namespace

// Snapshots: a video's frame at a time, or a photo, stored as a new capture
// with the frame's camera, pose and markup, and one outbox entry.
class TestSnapshotMaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void videoSnapshotHasTheFramesPoseAndPixels_data();
    void videoSnapshotHasTheFramesPoseAndPixels();
    void bakedSnapshotDrawsTheMarkupOnce();
    void cleanSnapshotKeepsRedactionsAsMarkup();
    void photoSnapshot();
    void oneOutboxEntryWithTheCreateBody();
    void refusals_data();
    void refusals();

private:
    SnapshotResult snap(const QString &id, std::optional<double> t, SnapshotMode mode);

    QTemporaryDir m_media;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::map<int, std::vector<double>> m_times; // rotation -> ffprobe's frame times
};

void TestSnapshotMaker::initTestCase()
{
    QVERIFY(m_media.isValid());
    QString error;
    for (int rotation : {0, 90}) {
        TestClip::Spec spec;
        spec.frames = kFrames;
        spec.fps = kFps;
        spec.size = {320, 240};
        spec.keyframeInterval = 20;
        spec.variableRate = rotation != 0;
        spec.rotation = rotation;
        const QString clip = m_media.filePath(QStringLiteral("clip%1.mp4").arg(rotation));
        QVERIFY2(TestClip::write(clip, spec, &error), qPrintable(error));
        m_times[rotation] = TestClip::probeTimes(clip, &error);
        QVERIFY2(!m_times[rotation].empty(), qPrintable(error));
        QVERIFY(ManifestWriter::writeFile(sourceManifest(videoId(rotation), MediaType::Video,
                                                         QFileInfo(clip).fileName()),
                                          m_media.filePath(QStringLiteral("clip%1.capture.json").arg(rotation))));
    }
    QImage photo(200, 150, QImage::Format_RGB888);
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x)
            photo.setPixelColor(x, y, QColor((x * 7) % 256, (y * 5) % 256, ((x ^ y) * 3) % 256));
    QVERIFY(photo.save(m_media.filePath(QStringLiteral("photo.png"))));
    QVERIFY(ManifestWriter::writeFile(sourceManifest(kPhotoId, MediaType::Photo, QStringLiteral("photo.png")),
                                      m_media.filePath(QStringLiteral("photo.capture.json"))));
}

void TestSnapshotMaker::init()
{
    QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
    m_workspace->assets().upsertAssets({sl::test::makeAsset(kAsset, QStringLiteral("Pump 7"))});
    const ImportReport report = CaptureImporter(*m_workspace).importFolder(m_media.path());
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
    QCOMPARE(report.importedIds.size(), 3);
}

void TestSnapshotMaker::cleanup()
{
    sl::test::closeTemporaryWorkspace(m_dir, m_workspace);
}

SnapshotResult TestSnapshotMaker::snap(const QString &id, std::optional<double> t, SnapshotMode mode)
{
    return SnapshotMaker::make(*m_workspace, {id, t, mode, QStringLiteral("Ana")});
}

void TestSnapshotMaker::videoSnapshotHasTheFramesPoseAndPixels_data()
{
    QTest::addColumn<int>("rotation");
    QTest::newRow("constant rate") << 0;
    QTest::newRow("variable rate, turned 90 degrees") << 90;
}

void TestSnapshotMaker::videoSnapshotHasTheFramesPoseAndPixels()
{
    QFETCH(int, rotation);
    const QString sourceId = videoId(rotation);
    const std::optional<CaptureOpening> source = CaptureOpening::read(*m_workspace, sourceId);
    QVERIFY(source);
    const CaptureManifest &video = source->record.manifest;
    const PoseTrack track = video.poseTrack();
    FrameSource frames;
    QVERIFY(frames.open(source->mediaPath));
    QCOMPARE(frames.rotation(), rotation);

    QRandomGenerator random(20261130 + rotation);
    for (int i = 0; i < 10; ++i) {
        // A time strictly between two pose samples.
        const int gap = i % 3;
        const double t = kPoseTimes[gap] + (0.05 + 0.9 * random.generateDouble()) * (kPoseTimes[gap + 1] - kPoseTimes[gap]);
        const SnapshotResult result = snap(sourceId, t, SnapshotMode::Clean);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const int expectedFrame = TestClip::frameShownAt(m_times[rotation], t);
        QCOMPARE(result.frameIndex, expectedFrame);
        QVERIFY(std::abs(result.frameTime - m_times[rotation][expectedFrame]) < 1e-3);

        const std::optional<CaptureOpening> shot = CaptureOpening::read(*m_workspace, result.captureId);
        QVERIFY(shot);
        const CaptureManifest &still = shot->record.manifest;
        QCOMPARE(still.mediaType, MediaType::Photo);
        QCOMPARE(still.assetId, kAsset);
        QCOMPARE(still.spatialFrame, kFrame);
        const QJsonObject origin = still.raw.value(SnapshotManifest::kField).toObject();
        QCOMPARE(origin.value(QStringLiteral("sourceCapture")).toString(), sourceId);
        QCOMPARE(origin.value(QStringLiteral("frame")).toInt(), expectedFrame);
        QCOMPARE(origin.value(QStringLiteral("overlay")).toString(), QStringLiteral("clean"));

        // The pose of the frame's own time, by the overlay's interpolation
        // (turned with the picture).
        QCOMPARE(still.poses.size(), size_t(1));
        const Pose expected = SnapshotTurn::pose(*track.poseAt(result.frameTime), Axes::OpenGL, rotation);
        const cv::Matx44d a = still.poses.front().pose.toMatrix(), b = expected.toMatrix();
        for (int k = 0; k < 16; ++k)
            QVERIFY2(std::abs(a.val[k] - b.val[k]) < 1e-9, qPrintable(QStringLiteral("t %1 entry %2").arg(t).arg(k)));
        if (rotation == 0) {
            const cv::Matx44d direct = track.poseAt(result.frameTime)->toMatrix();
            for (int k = 0; k < 16; ++k)
                QVERIFY(std::abs(a.val[k] - direct.val[k]) < 1e-9);
        }

        // The exact frame, as shown.
        FrameSource stored;
        QVERIFY(stored.open(shot->mediaPath));
        const QImage pixels = stored.frame(0);
        QCOMPARE(pixels.size(), DisplayRotation::displaySize(rotation, frames.codedSize()));
        QCOMPARE(TestClip::numberOfTurned(pixels, rotation), expectedFrame % 256);
        QCOMPARE(pixels.convertToFormat(QImage::Format_RGB888), frames.frame(expectedFrame).convertToFormat(QImage::Format_RGB888));

        // World markup (through the shared frame) and the copied image
        // markup land where the player's overlay drew them: the same
        // renderer both ways, the player's in sensor pixels turned with
        // the frame.
        const QImage player = DisplayRotation::toDisplay(
            OverlayRenderer::burnIn(black(frames.codedSize()), video, source->worldMarkups, result.frameTime), rotation);
        OverlayResult drawn;
        const QImage onStill = OverlayRenderer::burnIn(black(pixels.size()), still, shot->worldMarkups, 0, &drawn);
        QCOMPARE(drawn.worldMarkupsDrawn, 1);
        const Drawn want = drawnPixels(player), got = drawnPixels(onStill);
        QVERIFY(want.count > 50);
        const QString where = QStringLiteral("t %1: player box (%2,%3 %4x%5) centroid (%6,%7); snapshot box (%8,%9 %10x%11) centroid (%12,%13)")
                                  .arg(t).arg(want.box.x()).arg(want.box.y()).arg(want.box.width()).arg(want.box.height())
                                  .arg(want.centroid.x()).arg(want.centroid.y())
                                  .arg(got.box.x()).arg(got.box.y()).arg(got.box.width()).arg(got.box.height())
                                  .arg(got.centroid.x()).arg(got.centroid.y());
        QVERIFY2(std::abs(want.centroid.x() - got.centroid.x()) <= 1 && std::abs(want.centroid.y() - got.centroid.y()) <= 1,
                 qPrintable(where));
        for (int edge : {want.box.left() - got.box.left(), want.box.right() - got.box.right(),
                         want.box.top() - got.box.top(), want.box.bottom() - got.box.bottom()})
            QVERIFY2(std::abs(edge) <= 1, qPrintable(where));
    }
}

void TestSnapshotMaker::bakedSnapshotDrawsTheMarkupOnce()
{
    const double t = 1.5; // the box (1 s to 2 s) shows
    const SnapshotResult result = snap(videoId(0), t, SnapshotMode::Baked);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::optional<CaptureOpening> source = CaptureOpening::read(*m_workspace, videoId(0));
    const std::optional<CaptureOpening> shot = CaptureOpening::read(*m_workspace, result.captureId);
    QVERIFY(source && shot);

    // The pixels carry the overlay exactly as the player draws it.
    FrameSource frames;
    QVERIFY(frames.open(source->mediaPath));
    const QImage raw = frames.frame(result.frameIndex);
    OverlayResult playerDrew;
    const QImage player = OverlayRenderer::burnIn(raw, source->record.manifest, source->worldMarkups,
                                                  result.frameTime, &playerDrew);
    QCOMPARE(playerDrew.worldMarkupsDrawn, 1);
    QCOMPARE(playerDrew.imageMarkupsDrawn, 2);
    FrameSource stored;
    QVERIFY(stored.open(shot->mediaPath));
    const QImage baked = stored.frame(0).convertToFormat(QImage::Format_RGB888);
    QCOMPARE(baked, player.convertToFormat(QImage::Format_RGB888));
    QVERIFY(baked != raw.convertToFormat(QImage::Format_RGB888));
    // The redaction is burned in: the blurred region is smoother than the frame's.
    const QRect hidden(210, 108, 78, 31); // inside the blur rectangle, clear of the arrow and the box
    QVERIFY(test::greyVariance(baked, hidden) < 0.5 * test::greyVariance(raw, hidden));

    // ... and nothing is drawn over them again: no markup, no spatial frame.
    const CaptureManifest &still = shot->record.manifest;
    QVERIFY(still.spatialFrame.isEmpty());
    QVERIFY(still.markups.empty());
    QVERIFY(shot->worldMarkups.empty());
    QCOMPARE(still.raw.value(SnapshotManifest::kField).toObject().value(QStringLiteral("overlay")).toString(),
             QStringLiteral("baked"));
    QVERIFY(still.camera && !still.poses.empty()); // the camera stays, for markup drawn later
    const QString exported = m_dir->filePath(QStringLiteral("baked-export.png"));
    QString error;
    OverlayResult drawn;
    QVERIFY2(FrameExporter::exportCapture(*m_workspace, result.captureId, {}, exported, &error, &drawn), qPrintable(error));
    QCOMPARE(drawn.worldMarkupsDrawn + drawn.imageMarkupsDrawn, 0);
    QCOMPARE(QImage(exported).convertToFormat(QImage::Format_RGB888), baked);
}

void TestSnapshotMaker::cleanSnapshotKeepsRedactionsAsMarkup()
{
    const SnapshotResult early = snap(videoId(0), 0.5, SnapshotMode::Clean); // before the box shows
    const SnapshotResult during = snap(videoId(0), 1.5, SnapshotMode::Clean);
    QVERIFY2(early.ok() && during.ok(), qPrintable(early.error + during.error));
    const std::optional<CaptureOpening> source = CaptureOpening::read(*m_workspace, videoId(0));
    QStringList sourceIds;
    for (const Markup &m : source->record.manifest.markups)
        sourceIds.append(m.id);
    const auto kinds = [this, &sourceIds](const QString &id) {
        const std::optional<CaptureOpening> shot = CaptureOpening::read(*m_workspace, id);
        QStringList names;
        for (const Markup &m : shot->record.manifest.markups) {
            names.append(markupKindName(m.kind));
            if (m.from || m.to)
                names.append(QStringLiteral("timed"));
            if (sourceIds.contains(m.id))
                names.append(QStringLiteral("same id"));
        }
        names.sort();
        return names;
    };
    QCOMPARE(kinds(early.captureId), QStringList{QStringLiteral("blur")});
    QCOMPARE(kinds(during.captureId), (QStringList{QStringLiteral("blur"), QStringLiteral("rect")}));
    // The stored pixels are the frame's, unredacted (exports burn the markup).
    FrameSource frames, stored;
    QVERIFY(frames.open(source->mediaPath));
    const std::optional<CaptureOpening> shot = CaptureOpening::read(*m_workspace, during.captureId);
    QVERIFY(stored.open(shot->mediaPath));
    QCOMPARE(stored.frame(0).convertToFormat(QImage::Format_RGB888),
             frames.frame(during.frameIndex).convertToFormat(QImage::Format_RGB888));
}

void TestSnapshotMaker::photoSnapshot()
{
    const SnapshotResult result = snap(kPhotoId, 12.0, SnapshotMode::Clean); // a photo ignores the time
    QVERIFY2(result.ok(), qPrintable(result.error));
    const std::optional<CaptureOpening> source = CaptureOpening::read(*m_workspace, kPhotoId);
    const std::optional<CaptureOpening> shot = CaptureOpening::read(*m_workspace, result.captureId);
    QVERIFY(shot);
    QCOMPARE(shot->record.manifest.poses.size(), size_t(1));
    const cv::Matx44d a = shot->record.manifest.poses.front().pose.toMatrix();
    const cv::Matx44d b = source->record.manifest.poses.front().pose.toMatrix();
    for (int k = 0; k < 16; ++k)
        QVERIFY(std::abs(a.val[k] - b.val[k]) < 1e-12);
    QCOMPARE(QImage(shot->mediaPath).convertToFormat(QImage::Format_RGB888),
             QImage(source->mediaPath).convertToFormat(QImage::Format_RGB888));
    // What the photo view shows (at time 0): the blur; the box's range starts at 1 s.
    QCOMPARE(shot->record.manifest.markups.size(), size_t(1));
    QCOMPARE(shot->record.manifest.markups.front().kind, MarkupKind::Blur);
}

void TestSnapshotMaker::oneOutboxEntryWithTheCreateBody()
{
    Database &db = m_workspace->database();
    QCOMPARE(OutboxRepository(db).count(), 0);
    const int before = m_workspace->captures().count();
    const SnapshotResult result = snap(videoId(90), 2.0, SnapshotMode::Clean);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_workspace->captures().count(), before + 1);

    const std::vector<OutboxEntry> entries = OutboxRepository(db).pending(100);
    QCOMPARE(entries.size(), size_t(1));
    const OutboxEntry &entry = entries.front();
    QCOMPARE(entry.entity, QStringLiteral("capture"));
    QCOMPARE(entry.operation, QStringLiteral("create"));
    QCOMPARE(entry.entityId, result.captureId);
    QVERIFY(entry.base.isEmpty());

    // The stored media: media/<id>/<sha256>.png, holding those bytes.
    const std::optional<CaptureRecord> record = m_workspace->captures().byId(result.captureId);
    QVERIFY(record);
    QCOMPARE(record->mediaPath, QStringLiteral("media/%1/%2.png").arg(result.captureId, record->mediaSha256));
    QFile media(m_workspace->absoluteMediaPath(record->mediaPath));
    QVERIFY(media.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(media.readAll(), QCryptographicHash::Sha256).toHex()),
             record->mediaSha256);

    // The request the push sends: the whole attachment.
    const std::optional<QJsonObject> body = CaptureColumns::createBody(db, entry.entityId, entry.payload);
    QVERIFY(body);
    QCOMPARE(body->value(QStringLiteral("msdyn_name")).toString(), record->mediaSha256 + QStringLiteral(".png"));
    QCOMPARE(body->value(QStringLiteral("msdyn_attachmenttype")).toInt(), 700610000); // image
    QCOMPARE(body->value(QStringLiteral("msdyn_category")).toInt(), 700610000);       // capture
    QCOMPARE(body->value(QStringLiteral("msdyn_CustomerAsset@odata.bind")).toString(),
             QStringLiteral("/msdyn_customerassets(%1)").arg(kAsset));
    QCOMPARE(body->value(QStringLiteral("sl_reviewstatus")).toInt(), 100000000); // new
    QCOMPARE(body->value(QStringLiteral("sl_manifest")).toString(), *CurrentManifest::jsonOf(db, result.captureId));
    QVERIFY(body->value(QStringLiteral("sl_manifest")).toString().contains(videoId(90)));
}

void TestSnapshotMaker::refusals_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("breakMedia");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown capture") << QStringLiteral("no-such-capture") << 1.0 << false << QStringLiteral("no such capture");
    QTest::newRow("negative time") << videoId(0) << -0.5 << false << QStringLiteral("must be 0 or more");
    QTest::newRow("past the end") << videoId(0) << 60.0 << false << QStringLiteral("beyond the end of the video");
    QTest::newRow("broken media") << videoId(0) << 1.0 << true << QStringLiteral("media.file");
}

void TestSnapshotMaker::refusals()
{
    QFETCH(QString, capture);
    QFETCH(double, seconds);
    QFETCH(bool, breakMedia);
    QFETCH(QString, says);
    if (breakMedia) {
        const std::optional<CaptureRecord> record = m_workspace->captures().byId(capture);
        QFile media(m_workspace->absoluteMediaPath(record->mediaPath));
        QVERIFY(media.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(media.open(QIODevice::WriteOnly | QIODevice::Truncate));
        media.write(QByteArray(300, 'x'));
    }
    const int before = m_workspace->captures().count();
    const SnapshotResult result = snap(capture, seconds, SnapshotMode::Baked);
    QVERIFY(!result.ok());
    QVERIFY(result.captureId.isEmpty());
    QVERIFY2(result.error.startsWith(capture + QStringLiteral(": ")), qPrintable(result.error));
    QVERIFY2(result.error.contains(says), qPrintable(result.error));
    QVERIFY(!result.error.contains(QLatin1Char('\n')));
    QCOMPARE(m_workspace->captures().count(), before);
    QCOMPARE(OutboxRepository(m_workspace->database()).count(), 0);
}

QTEST_MAIN(TestSnapshotMaker)
#include "tst_snapshotmaker.moc"
