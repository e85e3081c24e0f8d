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
        const std::optional<CaptureOpening> opening = CaptureOpening::read(*m_workspace, id);
        if (!opening)
            qFatal("no capture %s", qPrintable(id));
        return {id, opening->record.manifest.markups, opening->worldMarkups, opening->record.manifest.bookmarks,
                opening->mediaToFetch};
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
};

QTEST_MAIN(tst_CaptureRefresh)
#include "tst_capturerefresh.moc"
