#include "testsupport.h"
#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "store/assetrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/mediastore.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

QJsonArray point3(double x, double y, double z)
{
    return QJsonArray{x, y, z};
}

// A version-1 manifest as a headset writes it: the sample manifest (one
// world arrow) plus a camera, a pose, an image ink stroke and a vendor's field.
QJsonObject manifestJson(const QString &id, const QString &assetId, const QString &frame,
                         const QString &capturedAt, const QString &worldMarkupId, bool video = false)
{
    QJsonObject json = test::sampleManifestJson(
        {.id = id,
         .assetId = assetId,
         .mediaFile = video ? QStringLiteral("clip.mp4") : QStringLiteral("photo.jpg"),
         .mediaType = video ? QStringLiteral("video") : QStringLiteral("photo"),
         .capturedAt = capturedAt,
         .spatialFrame = frame,
         .arrowId = worldMarkupId});
    json.insert(QStringLiteral("capturedBy"), QStringLiteral("ana.ruiz@contoso.example"));
    json.insert(QStringLiteral("camera"), QJsonObject{{QStringLiteral("width"), 1920},
                                                      {QStringLiteral("height"), 1080},
                                                      {QStringLiteral("fx"), 1402.1},
                                                      {QStringLiteral("fy"), 1401.7},
                                                      {QStringLiteral("cx"), 957.3},
                                                      {QStringLiteral("cy"), 541.0}});
    json.insert(QStringLiteral("axes"), QStringLiteral("opengl"));
    json.insert(QStringLiteral("poses"), QJsonArray{QJsonObject{{QStringLiteral("t"), 0.0},
                                                                {QStringLiteral("position"), point3(0.1, 1.5, 2.0)},
                                                                {QStringLiteral("rotation"), QJsonArray{0, 0, 0, 1}}}});
    QJsonArray markups = json.value(QStringLiteral("markups")).toArray();
    markups.append(QJsonObject{{QStringLiteral("id"), QString(id + QStringLiteral("-ink"))},
                               {QStringLiteral("kind"), QStringLiteral("ink")},
                               {QStringLiteral("space"), QStringLiteral("image")},
                               {QStringLiteral("points"), QJsonArray{QJsonArray{0.41, 0.52}, QJsonArray{0.43, 0.55}}},
                               {QStringLiteral("color"), QStringLiteral("#FFD60A")},
                               {QStringLiteral("width"), 3}});
    json.insert(QStringLiteral("markups"), markups);
    json.insert(QStringLiteral("vendorExtension"), QJsonObject{{QStringLiteral("kept"), true}});
    return json;
}

CaptureRecord makeRecord(const QJsonObject &json)
{
    const ManifestResult parsed =
        ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("test.capture.json"));
    if (const auto *error = std::get_if<ManifestError>(&parsed))
        qFatal("fixture manifest refused: %s", qPrintable(error->message()));
    CaptureRecord record;
    record.manifest = std::get<CaptureManifest>(parsed);
    record.id = record.manifest.id;
    record.assetId = record.manifest.assetId;
    record.mediaType = record.manifest.mediaType;
    record.capturedAt = record.manifest.capturedAt;
    record.spatialFrame = record.manifest.spatialFrame;
    record.mediaPath = QStringLiteral("media/") + record.id + QLatin1Char('/') + record.manifest.mediaFile;
    return record;
}

QStringList markupIds(const std::vector<Markup> &markups)
{
    QStringList ids;
    for (const Markup &markup : markups)
        ids.append(markup.id);
    ids.sort();
    return ids;
}

} // namespace

class tst_CaptureRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    CaptureRepository &captures() { return m_workspace->captures(); }
    // The world markup a capture shows (the one rule: MarkupRepository::visibleIn).
    std::vector<Markup> worldMarkupsSeenBy(const QString &captureId)
    {
        std::vector<Markup> world;
        for (Markup &markup : MarkupRepository(m_workspace->database()).visibleIn(captureId))
            if (markup.space == MarkupSpace::World)
                world.push_back(std::move(markup));
        return world;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(sl::test::openTemporaryWorkspace(m_dir, m_workspace));
        m_workspace->assets().upsertAssets({test::makeAsset(QStringLiteral("asset-pump"), QStringLiteral("Pump P-101"))});
    }

    void cleanup()
    {
        sl::test::closeTemporaryWorkspace(m_dir, m_workspace);
    }

    void roundTrip()
    {
        CaptureRecord record = makeRecord(
            manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-1"), true));
        record.reviewStatus = ReviewStatus::NeedsFollowUp;
        record.reviewNote = QStringLiteral("Check the seal again");
        captures().upsert(record);
        QCOMPARE(captures().count(), 1);

        const std::optional<CaptureRecord> back = captures().byId(QStringLiteral("cap-1"));
        QVERIFY(back);
        QCOMPARE(back->id, record.id);
        QCOMPARE(back->assetId, QStringLiteral("asset-pump"));
        QCOMPARE(back->mediaPath, QStringLiteral("media/cap-1/clip.mp4"));
        QCOMPARE(back->mediaType, MediaType::Video);
        QCOMPARE(back->capturedAt, QStringLiteral("2026-11-20T10:31:00Z"));
        QCOMPARE(back->spatialFrame, QStringLiteral("frame-A"));
        QCOMPARE(back->reviewStatus, ReviewStatus::NeedsFollowUp);
        QCOMPARE(back->reviewNote, QStringLiteral("Check the seal again"));
        // The manifest comes back whole, unknown fields included.
        QCOMPARE(back->manifest.id, QStringLiteral("cap-1"));
        QCOMPARE(back->manifest.capturedBy, QStringLiteral("ana.ruiz@contoso.example"));
        QVERIFY(back->manifest.camera);
        QCOMPARE(back->manifest.camera->fx, 1402.1);
        QCOMPARE(back->manifest.poses.size(), size_t(1));
        QCOMPARE(back->manifest.markups.size(), size_t(2));
        QCOMPARE(ManifestWriter::toJson(back->manifest), ManifestWriter::toJson(record.manifest));
        QVERIFY(ManifestWriter::toJson(back->manifest).contains(QStringLiteral("vendorExtension")));

        QVERIFY(!captures().byId(QStringLiteral("no-such-capture")));
    }

    void upsertReplaces()
    {
        CaptureRecord record = makeRecord(
            manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-1")));
        captures().upsert(record);
        CaptureRecord changed = makeRecord(
            manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-21T09:00:00Z"), QStringLiteral("arrow-2")));
        captures().upsert(changed);
        QCOMPARE(captures().count(), 1);
        QCOMPARE(captures().byId(QStringLiteral("cap-1"))->capturedAt,
                 QStringLiteral("2026-11-21T09:00:00Z"));
        // The old world markup went with the old version.
        QCOMPARE(markupIds(worldMarkupsSeenBy(QStringLiteral("cap-1"))), QStringList{QStringLiteral("arrow-2")});
    }

    void forAssetNewestFirst()
    {
        captures().upsert(
            makeRecord(manifestJson(QStringLiteral("old"), QStringLiteral("asset-pump"), {},
                                    QStringLiteral("2026-01-01T08:00:00Z"), QStringLiteral("m-old"))));
        captures().upsert(
            makeRecord(manifestJson(QStringLiteral("new"), QStringLiteral("asset-pump"), {},
                                    QStringLiteral("2026-06-01T08:00:00Z"), QStringLiteral("m-new"))));
        captures().upsert(
            makeRecord(manifestJson(QStringLiteral("other"), QStringLiteral("asset-other"), {},
                                    QStringLiteral("2026-03-01T08:00:00Z"), QStringLiteral("m-other"))));
        const std::vector<CaptureRecord> records = captures().forAsset(QStringLiteral("asset-pump"));
        QCOMPARE(records.size(), size_t(2));
        QCOMPARE(records[0].id, QStringLiteral("new"));
        QCOMPARE(records[1].id, QStringLiteral("old"));
        QCOMPARE(m_workspace->assets().byId(QStringLiteral("asset-pump"))->captureCount, 2);
    }

    void firstAssetWithCapturesFollowsListOrder()
    {
        AssetRepository &assets = m_workspace->assets();
        QVERIFY(assets.firstWithCaptures().isEmpty());
        // "Boiler" sorts before "Pump P-101" but has no capture; "Zeta" has one but sorts last.
        assets.upsertAssets({test::makeAsset(QStringLiteral("asset-boiler"), QStringLiteral("Boiler B-1")),
                             test::makeAsset(QStringLiteral("asset-zeta"), QStringLiteral("Zeta compressor"))});
        captures().upsert(makeRecord(manifestJson(QStringLiteral("z"), QStringLiteral("asset-zeta"), {},
                                                  QStringLiteral("2026-01-01T08:00:00Z"), QStringLiteral("m-z"))));
        QCOMPARE(assets.firstWithCaptures(), QStringLiteral("asset-zeta"));
        captures().upsert(makeRecord(manifestJson(QStringLiteral("p"), QStringLiteral("asset-pump"), {},
                                                  QStringLiteral("2026-01-01T08:00:00Z"), QStringLiteral("m-p"))));
        QCOMPARE(assets.firstWithCaptures(), QStringLiteral("asset-pump"));
    }

    void worldMarkupsComeFromEveryCaptureOfTheFrame()
    {
        captures().upsert(makeRecord(
            manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-1"))));
        captures().upsert(makeRecord(
            manifestJson(QStringLiteral("cap-2"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:35:00Z"), QStringLiteral("arrow-2"), true)));
        captures().upsert(makeRecord(
            manifestJson(QStringLiteral("cap-3"), QStringLiteral("asset-pump"), QStringLiteral("frame-B"),
                         QStringLiteral("2026-11-20T11:00:00Z"), QStringLiteral("arrow-3"))));

        const std::vector<Markup> frameA = worldMarkupsSeenBy(QStringLiteral("cap-2"));
        QCOMPARE(markupIds(frameA), (QStringList{QStringLiteral("arrow-1"), QStringLiteral("arrow-2")}));
        for (const Markup &markup : frameA) {
            QCOMPARE(markup.space, MarkupSpace::World);
            QCOMPARE(markup.kind, MarkupKind::Arrow);
            QCOMPARE(markup.worldPoints.size(), size_t(2));
            QCOMPARE(markup.worldPoints[0][2], -0.8);
        }
        QCOMPARE(markupIds(worldMarkupsSeenBy(QStringLiteral("cap-3"))), QStringList{QStringLiteral("arrow-3")});
        QVERIFY(worldMarkupsSeenBy(QStringLiteral("no-such-capture")).empty());

        // The same markup carried by two captures of a frame counts once.
        captures().upsert(makeRecord(
            manifestJson(QStringLiteral("cap-4"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:40:00Z"), QStringLiteral("arrow-1"))));
        QCOMPARE(worldMarkupsSeenBy(QStringLiteral("cap-1")).size(), size_t(2));
    }

    // A capture removed (one the asset store deleted): its row, its markup
    // and its cache row go in one transaction; a shared world markup of its
    // frame is filed again from the frame's other capture; its files are
    // journaled and go only when the journal is collected; audit rows stay.
    void removeTakesWhatHangsOffACapture()
    {
        Database &db = m_workspace->database();
        captures().upsert(makeRecord(
            manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-shared"))));
        CaptureRecord removed = makeRecord(
            manifestJson(QStringLiteral("cap-2"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:35:00Z"), QStringLiteral("arrow-shared")));
        removed.mediaPath = QStringLiteral("cache/cap-2.jpg");
        captures().upsert(removed);
        const auto sourceOfShared = [&db] {
            return db.queryText(QStringLiteral("SELECT source_capture FROM markups WHERE id = 'arrow-shared'"));
        };
        QCOMPARE(sourceOfShared(), QStringLiteral("cap-2")); // the newer capture's version
        // Its fetched file, and a part file of a newer version being fetched.
        QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("cache")));
        const QString file = m_workspace->absoluteMediaPath(QStringLiteral("cache/cap-2.jpg"));
        const QStringList files{file, file + QStringLiteral(".part"), file + QStringLiteral(".part.tag")};
        for (const QString &path : files) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("bytes");
        }
        db.exec(QStringLiteral("INSERT INTO media_cache(capture_id, asset_id, file, bytes, last_used) "
                               "VALUES ('cap-2', 'asset-pump', 'cache/cap-2.jpg', 5, 1)"));
        db.exec(QStringLiteral("INSERT INTO audit_log(entity, entity_id, field, new_value) "
                               "VALUES ('capture', 'cap-2', 'review_status', 'approved')"));

        QVERIFY(captures().remove(QStringLiteral("cap-2")));
        QVERIFY(!captures().byId(QStringLiteral("cap-2")));
        QCOMPARE(captures().count(), 1);
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM markups WHERE capture_id = 'cap-2' "
                                             "OR source_capture = 'cap-2'")),
                 QStringLiteral("0"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM media_cache")), QStringLiteral("0"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = 'cap-2'")),
                 QStringLiteral("1"));
        // The shared arrow stays on the frame, now cap-1's version.
        QCOMPARE(markupIds(worldMarkupsSeenBy(QStringLiteral("cap-1"))), QStringList{QStringLiteral("arrow-shared")});
        QCOMPARE(sourceOfShared(), QStringLiteral("cap-1"));
        QCOMPARE(MarkupRepository(db).visibleIn(QStringLiteral("cap-1")).size(), size_t(2)); // and its ink

        // The files wait for the journal's collection, then go.
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(m_workspace->media().collectUnreferenced(), 3);
        for (const QString &path : files)
            QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM media_journal")), QStringLiteral("0"));

        QVERIFY(!captures().remove(QStringLiteral("cap-2"))); // no longer there
    }

    // Removed in a transaction that does not commit: everything is as it was.
    void removeRolledBackChangesNothing()
    {
        Database &db = m_workspace->database();
        captures().upsert(makeRecord(
            manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), QStringLiteral("frame-A"),
                         QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-1"))));
        {
            Transaction transaction(db);
            QVERIFY(captures().remove(QStringLiteral("cap-1")));
        }
        QVERIFY(captures().byId(QStringLiteral("cap-1")));
        QCOMPARE(MarkupRepository(db).visibleIn(QStringLiteral("cap-1")).size(), size_t(2));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM media_journal")), QStringLiteral("0"));
    }

    void mediaPathMustBeRelative_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("relative") << QStringLiteral("media/cap/photo.jpg") << true;
        QTest::newRow("dots in a name") << QStringLiteral("media/cap/photo..v2.jpg") << true;
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << false;
        QTest::newRow("windows drive") << QStringLiteral("C:/media/photo.jpg") << false;
        QTest::newRow("backslash root") << QStringLiteral("\\server\\share\\photo.jpg") << false;
        QTest::newRow("parent") << QStringLiteral("../outside.jpg") << false;
        QTest::newRow("parent inside") << QStringLiteral("media/../../outside.jpg") << false;
        QTest::newRow("parent backslash") << QStringLiteral("media\\..\\..\\outside.jpg") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void mediaPathMustBeRelative()
    {
        QFETCH(QString, path);
        QFETCH(bool, accepted);
        // The table's CHECK itself ...
        Statement insert = m_workspace->database().prepare(
            QStringLiteral("INSERT INTO captures(id, asset_ref, media_path, media_type, manifest_json) "
                           "VALUES ('raw', '', ?, 'photo', '{}')"));
        insert.bind(1, path);
        bool stored = true;
        try {
            insert.run();
        } catch (const StoreError &e) {
            stored = false;
            QVERIFY2(e.message().contains(QStringLiteral("CHECK")), qPrintable(e.message()));
        }
        QCOMPARE(stored, accepted);

        // ... and the repository in front of it.
        CaptureRecord record =
            makeRecord(manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-pump"), {},
                                    QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-1")));
        record.mediaPath = path;
        bool upserted = true;
        try {
            captures().upsert(record);
        } catch (const StoreError &) {
            upserted = false;
        }
        QCOMPARE(upserted, accepted);
        QCOMPARE(bool(captures().byId(QStringLiteral("cap-1"))), accepted);
    }

    void captureBeforeItsAssetIsLinkedLater()
    {
        captures().upsert(
            makeRecord(manifestJson(QStringLiteral("cap-1"), QStringLiteral("asset-later"), {},
                                    QStringLiteral("2026-11-20T10:31:00Z"), QStringLiteral("arrow-1"))));
        QCOMPARE(captures().byId(QStringLiteral("cap-1"))->assetId, QStringLiteral("asset-later"));
        auto link = [this] {
            return m_workspace->database().queryText(
                QStringLiteral("SELECT asset_id FROM captures WHERE id = 'cap-1'"));
        };
        QVERIFY(link().isEmpty());
        m_workspace->assets().upsertAssets(
            {test::makeAsset(QStringLiteral("asset-later"), QStringLiteral("Compressor AC-12"))});
        QCOMPARE(link(), QStringLiteral("asset-later"));
        QCOMPARE(captures().forAsset(QStringLiteral("asset-later")).size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(tst_CaptureRepository)
#include "tst_capturerepository.moc"
