// Open tabs read again after a change: only the captures whose markup,
// bookmarks or file changed come back, and those that are gone.
#include "testsupport.h"
#include "annotation/bookmarkeditor.h"
#include "capture/manifestreader.h"
#include "store/capturerefresh.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

const QString kAt = QStringLiteral("2026-11-30T12:00:00Z");

CaptureRecord record(const QString &id)
{
    QJsonObject json = test::sampleManifestJson({.id = id, .assetId = QStringLiteral("asset-1"),
                                                 .capturedAt = kAt, .spatialFrame = QStringLiteral("frame-F")});
    const QJsonObject ink{{QStringLiteral("id"), QString(id + QStringLiteral("-ink"))},
                          {QStringLiteral("kind"), QStringLiteral("ink")},
                          {QStringLiteral("space"), QStringLiteral("image")},
                          {QStringLiteral("points"), QJsonArray{QJsonArray{0.1, 0.2}, QJsonArray{0.3, 0.4}}}};
    QJsonArray markups;
    markups.append(ink);
    json.insert(QStringLiteral("markups"), markups);
    const ManifestResult parsed = ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("t.capture.json"));
    if (const auto *error = std::get_if<ManifestError>(&parsed))
        qFatal("fixture manifest refused: %s", qPrintable(error->message()));
    CaptureRecord r;
    r.manifest = std::get<CaptureManifest>(parsed);
    r.id = id;
    r.assetId = r.manifest.assetId;
    r.capturedAt = r.manifest.capturedAt;
    r.spatialFrame = r.manifest.spatialFrame;
    r.mediaPath = QStringLiteral("media/%1/photo.jpg").arg(id);
    return r;
}

Markup line(const QString &id, MarkupSpace space)
{
    Markup m;
    m.id = id;
    m.kind = MarkupKind::Line;
    m.space = space;
    if (space == MarkupSpace::World)
        m.worldPoints = {cv::Vec3d(0, 0, -1), cv::Vec3d(0.5, 0.5, -1)};
    else
        m.imagePoints = {{0.2, 0.2}, {0.7, 0.6}};
    return m;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_CaptureRefresh : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;

    // What a tab opened now shows of `id`.
    ShownCapture shown(const QString &id)
    {
        const std::optional<CaptureOpening> opening = CaptureOpening::readForView(*m_workspace, id);
        if (!opening)
            qFatal("no capture %s", qPrintable(id));
        return {id, opening->record.manifest.markups, opening->worldMarkups, opening->record.manifest.bookmarks,
                opening->mediaToFetch, opening->viewBasis};
    }
    std::vector<CaptureRefresh> refresh(const std::vector<ShownCapture> &tabs)
    {
        return refreshShownCaptures(*m_workspace, tabs);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace));
        CaptureRepository(m_workspace->database()).upsert(record(QStringLiteral("cap-a")));
        CaptureRepository(m_workspace->database()).upsert(record(QStringLiteral("cap-b")));
    }
    void cleanup() { test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void unchangedCapturesAreLeftOut()
    {
        QVERIFY(refresh({shown(QStringLiteral("cap-a")), shown(QStringLiteral("cap-b"))}).empty());
    }

    void imageMarkupChangesItsCaptureOnly()
    {
        const std::vector<ShownCapture> tabs{shown(QStringLiteral("cap-a")), shown(QStringLiteral("cap-b"))};
        MarkupRepository(m_workspace->database())
            .write(QStringLiteral("cap-a"), line(QStringLiteral("new"), MarkupSpace::Image), false, kAt);
        const std::vector<CaptureRefresh> changed = refresh(tabs);
        QCOMPARE(changed.size(), size_t(1));
        QCOMPARE(changed[0].captureId, QStringLiteral("cap-a"));
        QVERIFY(changed[0].markupsChanged);
        QVERIFY(!changed[0].bookmarksChanged);
        QVERIFY(!changed[0].viewChanged); // the view stays, with the new markup
        QVERIFY(changed[0].opening);
        const std::vector<Markup> &now = changed[0].opening->record.manifest.markups;
        QVERIFY(std::any_of(now.begin(), now.end(), [](const Markup &m) { return m.id == QLatin1String("new"); }));
    }

    void worldMarkupReachesEveryCaptureOfTheFrame()
    {
        const std::vector<ShownCapture> tabs{shown(QStringLiteral("cap-a")), shown(QStringLiteral("cap-b"))};
        MarkupRepository(m_workspace->database())
            .write(QStringLiteral("cap-b"), line(QStringLiteral("w"), MarkupSpace::World), false, kAt);
        const std::vector<CaptureRefresh> changed = refresh(tabs);
        QCOMPARE(changed.size(), size_t(2));
        for (const CaptureRefresh &c : changed) {
            QVERIFY(c.markupsChanged);
            QCOMPARE(c.opening->worldMarkups.size(), size_t(1));
        }
    }

    void bookmarksAreTold()
    {
        const std::vector<ShownCapture> tabs{shown(QStringLiteral("cap-a"))};
        Bookmark bookmark;
        bookmark.id = QStringLiteral("b1");
        bookmark.name = QStringLiteral("loose flange");
        BookmarkEditor(m_workspace->database()).put(QStringLiteral("cap-a"), bookmark, QStringLiteral("Ana"));
        const std::vector<CaptureRefresh> changed = refresh(tabs);
        QCOMPARE(changed.size(), size_t(1));
        QVERIFY(changed[0].bookmarksChanged);
        QVERIFY(!changed[0].markupsChanged);
        QVERIFY(!changed[0].viewChanged);
        QCOMPARE(changed[0].opening->record.manifest.bookmarks.size(), size_t(1));
    }

    void aRemovedCaptureComesBackEmpty()
    {
        const std::vector<ShownCapture> tabs{shown(QStringLiteral("cap-a")), shown(QStringLiteral("cap-b"))};
        QVERIFY(CaptureRepository(m_workspace->database()).remove(QStringLiteral("cap-b")));
        const std::vector<CaptureRefresh> changed = refresh(tabs);
        QCOMPARE(changed.size(), size_t(1));
        QCOMPARE(changed[0].captureId, QStringLiteral("cap-b"));
        QVERIFY(!changed[0].opening);
    }

    void aFileThatCameIsTold()
    {
        ShownCapture waiting = shown(QStringLiteral("cap-a"));
        waiting.mediaToFetch = true; // as a tab opened before its file came
        const std::vector<CaptureRefresh> changed = refresh({waiting});
        QCOMPARE(changed.size(), size_t(1));
        QVERIFY(!changed[0].opening->mediaToFetch);
        QVERIFY(!changed[0].markupsChanged && !changed[0].bookmarksChanged);
    }

    // A newer version of the capture (pulled, or imported again) with another
    // camera or other poses: what the view was built from is gone.
    void replacedCameraOrPosesOpenTheViewAgain()
    {
        const std::vector<ShownCapture> tabs{shown(QStringLiteral("cap-a")), shown(QStringLiteral("cap-b"))};
        CaptureManifest manifest = CaptureOpening::read(*m_workspace, QStringLiteral("cap-a"))->record.manifest;
        QVERIFY(!manifest.camera);
        CameraIntrinsics camera;
        camera.width = 1920;
        camera.height = 1080;
        camera.fx = camera.fy = 1500;
        camera.cx = 960;
        camera.cy = 540;
        manifest.camera = camera;
        CaptureRepository(m_workspace->database()).replaceManifest(QStringLiteral("cap-a"), manifest);
        std::vector<CaptureRefresh> changed = refresh(tabs);
        QCOMPARE(changed.size(), size_t(1));
        QCOMPARE(changed[0].captureId, QStringLiteral("cap-a"));
        QVERIFY(changed[0].viewChanged);
        QVERIFY(!changed[0].markupsChanged && !changed[0].bookmarksChanged);
        QCOMPARE(changed[0].opening->record.manifest.camera->fx, 1500.0);

        // The same camera with another focal length.
        const std::vector<ShownCapture> again{shown(QStringLiteral("cap-a"))};
        QVERIFY(refresh(again).empty());
        manifest.camera->fx = 1501;
        CaptureRepository(m_workspace->database()).replaceManifest(QStringLiteral("cap-a"), manifest);
        changed = refresh(again);
        QCOMPARE(changed.size(), size_t(1));
        QVERIFY(changed[0].viewChanged);

        // Poses: one added, then one moved by a millimetre.
        manifest.axes = Axes::OpenGL;
        ManifestPose pose;
        pose.t = 0;
        pose.pose.position = cv::Vec3d(0.1, 0.2, 0.3);
        manifest.poses.push_back(pose);
        for (int step = 0; step < 2; ++step) {
            const std::vector<ShownCapture> before{shown(QStringLiteral("cap-a"))};
            if (step == 1)
                manifest.poses.front().pose.position[0] += 0.001;
            CaptureRepository(m_workspace->database()).replaceManifest(QStringLiteral("cap-a"), manifest);
            changed = refresh(before);
            QCOMPARE(changed.size(), size_t(1));
            QVERIFY(changed[0].viewChanged);
            QCOMPARE(changed[0].opening->record.manifest.poses.size(), size_t(1));
        }

        // A tab opened without a basis is not compared (it is not opened again).
        ShownCapture unknown = shown(QStringLiteral("cap-b"));
        unknown.viewBasis.clear();
        manifest = CaptureOpening::read(*m_workspace, QStringLiteral("cap-b"))->record.manifest;
        manifest.camera = camera;
        CaptureRepository(m_workspace->database()).replaceManifest(QStringLiteral("cap-b"), manifest);
        QVERIFY(refresh({unknown}).empty());
    }

    // The media file written anew (another size or time): opened again. A
    // cached file that went (evicted) is not: the view keeps what it has.
    void aReplacedFileOpensTheViewAgainAnEvictedOneDoesNot()
    {
        const QString path = m_workspace->absoluteMediaPath(QStringLiteral("media/cap-a/photo.jpg"));
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        QVERIFY(writeBytes(path, QByteArray(100, 'a')));
        const std::vector<ShownCapture> tabs{shown(QStringLiteral("cap-a"))};
        QVERIFY(refresh(tabs).empty());
        QVERIFY(writeBytes(path, QByteArray(200, 'b')));
        const std::vector<CaptureRefresh> changed = refresh(tabs);
        QCOMPARE(changed.size(), size_t(1));
        QVERIFY(changed[0].viewChanged);

        CaptureRecord cached = record(QStringLiteral("cap-c"));
        cached.mediaPath = QStringLiteral("cache/cap-c.jpg");
        CaptureRepository(m_workspace->database()).upsert(cached);
        const QString cachedPath = m_workspace->absoluteMediaPath(cached.mediaPath);
        QVERIFY(QDir().mkpath(QFileInfo(cachedPath).path()));
        QVERIFY(writeBytes(cachedPath, QByteArray(100, 'c')));
        const std::vector<ShownCapture> open{shown(QStringLiteral("cap-c"))};
        QVERIFY(!open[0].mediaToFetch);
        QVERIFY(QFile::remove(cachedPath));
        QVERIFY(refresh(open).empty());
    }
};

QTEST_MAIN(tst_CaptureRefresh)
#include "tst_capturerefresh.moc"
