// Markup as rows of its own: the migration from a version-4 workspace, the
// one rule for what a capture shows, edits kept over re-imports, and a round
// trip through a closed and reopened workspace.
#include "testsupport.h"
#include "annotation/markupeditor.h"
#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/migrations.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

QJsonObject worldArrow(const QString &id, const QString &color)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), QStringLiteral("arrow")},
            {QStringLiteral("space"), QStringLiteral("world")},
            {QStringLiteral("points"), QJsonArray{QJsonArray{0.2, 1.1, -0.8}, QJsonArray{0.25, 1.0, -0.8}}},
            {QStringLiteral("color"), color},
            {QStringLiteral("width"), 4}};
}

QJsonObject imageMarkup(const QString &id, const QString &kind, const QString &color, double u)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("space"), QStringLiteral("image")},
            {QStringLiteral("points"), QJsonArray{QJsonArray{u, 0.25}, QJsonArray{u + 0.1, 0.5}}},
            {QStringLiteral("color"), color},
            {QStringLiteral("width"), 3}};
}

QJsonObject manifest(const QString &id, const QString &frame, const QString &capturedAt, const QJsonArray &markups)
{
    QJsonObject json = test::sampleManifestJson({.id = id, .assetId = QStringLiteral("asset-1"),
                                                 .capturedAt = capturedAt, .spatialFrame = frame});
    json.insert(QStringLiteral("markups"), markups);
    return json;
}

CaptureRecord recordOf(const QJsonObject &json)
{
    const ManifestResult parsed = ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("t.capture.json"));
    if (const auto *error = std::get_if<ManifestError>(&parsed))
        qFatal("fixture manifest refused: %s", qPrintable(error->message()));
    CaptureRecord record;
    record.manifest = std::get<CaptureManifest>(parsed);
    record.id = record.manifest.id;
    record.assetId = record.manifest.assetId;
    record.capturedAt = record.manifest.capturedAt;
    record.spatialFrame = record.manifest.spatialFrame;
    record.mediaPath = QStringLiteral("media/%1/photo.jpg").arg(record.id);
    return record;
}

QStringList idsOf(const std::vector<Markup> &markups)
{
    QStringList ids;
    for (const Markup &m : markups)
        ids.append(m.id);
    return ids;
}

const Markup *find(const std::vector<Markup> &markups, const QString &id)
{
    for (const Markup &m : markups)
        if (m.id == id)
            return &m;
    return nullptr;
}

} // namespace

class tst_MarkupRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    MarkupRepository markups() { return MarkupRepository(m_workspace->database()); }

private Q_SLOTS:
    void init() { QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace)); }
    void cleanup() { test::closeTemporaryWorkspace(m_dir, m_workspace); }

    // A workspace as version 4 left it: manifests in captures, world markup
    // copied per capture into world_markups. Every markup arrives, a shared
    // world markup once in its most recently captured version, unknown
    // fields kept, and world_markups is gone.
    void versionFourIsMigrated()
    {
        test::closeTemporaryWorkspace(m_dir, m_workspace);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            std::unique_ptr<Database> db = Database::open(dir.filePath(QStringLiteral("sightline.db")));
            Migrations::runTo(*db, 4);
            QCOMPARE(db->userVersion(), 4);
            db->exec(QStringLiteral("INSERT INTO spatial_frames(id) VALUES ('frame-F')"));
            QJsonObject inked = imageMarkup(QStringLiteral("a-ink"), QStringLiteral("ink"), QStringLiteral("#FFD60A"), 0.4);
            inked.insert(QStringLiteral("layer"), QStringLiteral("inspection")); // a field this version does not know
            const struct
            {
                QString id, frame, at;
                QJsonArray markups;
                bool broken;
            } captures[] = {
                {QStringLiteral("cap-a"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T10:00:00Z"),
                 QJsonArray{worldArrow(QStringLiteral("shared"), QStringLiteral("#FF0000")), inked,
                            imageMarkup(QStringLiteral("a-rect"), QStringLiteral("rect"), QStringLiteral("#0000FF"), 0.1)},
                 false},
                {QStringLiteral("cap-b"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T11:00:00Z"),
                 QJsonArray{worldArrow(QStringLiteral("shared"), QStringLiteral("#00FF00")),
                            worldArrow(QStringLiteral("b-own"), QStringLiteral("#123456"))},
                 false},
                {QStringLiteral("cap-c"), QString(), QStringLiteral("2026-11-20T12:00:00Z"),
                 QJsonArray{worldArrow(QStringLiteral("c-world"), QStringLiteral("#ABCDEF")),
                            imageMarkup(QStringLiteral("c-ink"), QStringLiteral("ink"), QStringLiteral("#FFFFFF"), 0.6)},
                 false},
                // A stored manifest that no longer parses: its world markup row still arrives.
                {QStringLiteral("cap-d"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T09:00:00Z"),
                 QJsonArray{worldArrow(QStringLiteral("d-orphan"), QStringLiteral("#654321"))}, true},
            };
            for (const auto &c : captures) {
                const QJsonObject json = manifest(c.id, c.frame, c.at, c.markups);
                Statement insert = db->prepare(QStringLiteral(
                    "INSERT INTO captures(id, asset_ref, media_path, media_type, captured_at, spatial_frame, "
                    "manifest_json) VALUES (?, 'asset-1', ?, 'photo', ?, ?, ?)"));
                insert.bind(1, c.id).bind(2, QStringLiteral("media/%1/photo.jpg").arg(c.id)).bind(3, c.at);
                insert.bindOptional(4, c.frame);
                insert.bind(5, c.broken ? QStringLiteral("{broken") : QString::fromUtf8(QJsonDocument(json).toJson()));
                insert.run();
                for (const QJsonValue &m : c.markups) {
                    if (m.toObject().value(QStringLiteral("space")).toString() != QLatin1String("world"))
                        continue;
                    Statement world = db->prepare(QStringLiteral(
                        "INSERT INTO world_markups(frame_id, capture_id, markup_id, json) VALUES (?, ?, ?, ?)"));
                    world.bindOptional(1, c.frame).bind(2, c.id).bind(3, m.toObject().value(QStringLiteral("id")).toString());
                    world.bind(4, QString::fromUtf8(QJsonDocument(m.toObject()).toJson(QJsonDocument::Compact)));
                    world.run();
                }
            }
        }
        QString error;
        std::unique_ptr<Workspace> workspace = Workspace::open(dir.path(), &error);
        QVERIFY2(workspace, qPrintable(error));
        Database &db = workspace->database();
        QCOMPARE(db.userVersion(), Migrations::latestVersion());
        QVERIFY(db.queryText(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'world_markups'")).isEmpty());
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM markups")), QStringLiteral("7"));
        QCOMPARE(db.queryText(QStringLiteral("SELECT count(*) FROM markups WHERE revision = 1 AND deleted = 0 "
                                             "AND edited_here = 0")),
                 QStringLiteral("7"));

        MarkupRepository repository(db);
        const std::vector<Markup> seenByA = repository.visibleIn(QStringLiteral("cap-a"));
        // World first (the frame's, manifests' before rows only world_markups
        // still had), then the capture's image markup, each in the order drawn.
        QCOMPARE(idsOf(seenByA), (QStringList{QStringLiteral("shared"), QStringLiteral("b-own"), QStringLiteral("d-orphan"),
                                              QStringLiteral("a-ink"), QStringLiteral("a-rect")}));
        QCOMPARE(find(seenByA, QStringLiteral("shared"))->color, QColor(0x00, 0xFF, 0x00)); // cap-b is newer
        QCOMPARE(find(seenByA, QStringLiteral("a-ink"))->raw.value(QStringLiteral("layer")).toString(),
                 QStringLiteral("inspection"));
        QCOMPARE(find(seenByA, QStringLiteral("a-rect"))->imagePoints[1], cv::Point2d(0.2, 0.5));
        QCOMPARE(find(seenByA, QStringLiteral("b-own"))->worldPoints[0], cv::Vec3d(0.2, 1.1, -0.8));
        QCOMPARE(idsOf(repository.visibleIn(QStringLiteral("cap-b"))),
                 (QStringList{QStringLiteral("shared"), QStringLiteral("b-own"), QStringLiteral("d-orphan")}));
        // A capture without a frame shows its own world markup, and nobody else does.
        QCOMPARE(idsOf(repository.visibleIn(QStringLiteral("cap-c"))),
                 (QStringList{QStringLiteral("c-world"), QStringLiteral("c-ink")}));
        // The manifest a push sends carries what the capture brought.
        QCOMPARE(idsOf(repository.carriedBy(QStringLiteral("cap-b"))),
                 (QStringList{QStringLiteral("shared"), QStringLiteral("b-own")}));
        QCOMPARE(idsOf(repository.carriedBy(QStringLiteral("cap-a"))),
                 (QStringList{QStringLiteral("a-ink"), QStringLiteral("a-rect")}));
        workspace.reset();
        test::openTemporaryWorkspace(m_dir, m_workspace);
    }

    // The same rule when captures are imported one by one, in any order.
    void importFilesTheSameWay()
    {
        CaptureRepository captures(m_workspace->database());
        captures.upsert(recordOf(manifest(QStringLiteral("cap-b"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T11:00:00Z"),
                                          {worldArrow(QStringLiteral("shared"), QStringLiteral("#00FF00"))})));
        captures.upsert(recordOf(manifest(QStringLiteral("cap-a"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T10:00:00Z"),
                                          {worldArrow(QStringLiteral("shared"), QStringLiteral("#FF0000"))})));
        const std::vector<Markup> seen = markups().visibleIn(QStringLiteral("cap-a"));
        QCOMPARE(idsOf(seen), QStringList{QStringLiteral("shared")});
        QCOMPARE(seen.front().color, QColor(0x00, 0xFF, 0x00));
        // The newer capture goes with another version: the older one's shows again.
        captures.upsert(recordOf(manifest(QStringLiteral("cap-b"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T11:00:00Z"), {})));
        QCOMPARE(markups().visibleIn(QStringLiteral("cap-b")).front().color, QColor(0xFF, 0x00, 0x00));
        // Back with it, but now captured before cap-a: cap-a's version stays.
        captures.upsert(recordOf(manifest(QStringLiteral("cap-b"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T09:00:00Z"),
                                          {worldArrow(QStringLiteral("shared"), QStringLiteral("#00FF00"))})));
        QCOMPARE(markups().visibleIn(QStringLiteral("cap-b")).front().color, QColor(0xFF, 0x00, 0x00));
        // Captured after it: its version shows, in the same place.
        captures.upsert(recordOf(manifest(QStringLiteral("cap-b"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T12:00:00Z"),
                                          {worldArrow(QStringLiteral("shared"), QStringLiteral("#00FF00"))})));
        QCOMPARE(markups().visibleIn(QStringLiteral("cap-a")).front().color, QColor(0x00, 0xFF, 0x00));
        QCOMPARE(markups().visibleIn(QStringLiteral("cap-a")).size(), size_t(1));
        // Moved to another frame: frame-F keeps cap-a's version, the new frame shows cap-b's.
        captures.upsert(recordOf(manifest(QStringLiteral("cap-b"), QStringLiteral("frame-G"), QStringLiteral("2026-11-20T12:00:00Z"),
                                          {worldArrow(QStringLiteral("shared"), QStringLiteral("#00FF00"))})));
        QCOMPARE(markups().visibleIn(QStringLiteral("cap-a")).front().color, QColor(0xFF, 0x00, 0x00));
        QCOMPARE(markups().visibleIn(QStringLiteral("cap-b")).front().color, QColor(0x00, 0xFF, 0x00));
    }

    // An edit made here is kept when the capture is imported again; deleted markup stays hidden.
    void editsSurviveReimport()
    {
        CaptureRepository captures(m_workspace->database());
        const CaptureRecord record = recordOf(manifest(QStringLiteral("cap-a"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T10:00:00Z"),
                                                       {worldArrow(QStringLiteral("w"), QStringLiteral("#FF0000")),
                                                        imageMarkup(QStringLiteral("i"), QStringLiteral("rect"), QStringLiteral("#0000FF"), 0.1)}));
        captures.upsert(record);
        std::vector<Markup> seen = markups().visibleIn(QStringLiteral("cap-a"));
        Markup moved = *find(seen, QStringLiteral("i"));
        moved.imagePoints = {{0.5, 0.5}, {0.75, 0.9}};
        const StoredMarkup stored = markups().write(QStringLiteral("cap-a"), moved, false, QStringLiteral("2026-11-29T10:00:00Z"));
        QCOMPARE(stored.revision, 2);
        markups().write(QStringLiteral("cap-a"), *find(seen, QStringLiteral("w")), true, QStringLiteral("2026-11-29T10:00:01Z"));

        captures.upsert(record);
        seen = markups().visibleIn(QStringLiteral("cap-a"));
        QCOMPARE(idsOf(seen), QStringList{QStringLiteral("i")});
        QCOMPARE(seen.front().imagePoints[0], cv::Point2d(0.5, 0.5));
        QVERIFY(markups().findIn(QStringLiteral("cap-a"), QStringLiteral("w"))->deleted);
        QVERIFY_THROWS_EXCEPTION(StoreError, markups().write(QStringLiteral("nope"), moved, false, {}));
    }

    // Annotate, close, reopen: the same markup (ids, geometry, colours), and
    // the manifest written from the table keeps unknown fields.
    void workspaceRoundTrip()
    {
        QJsonObject json = manifest(QStringLiteral("cap-a"), QStringLiteral("frame-F"), QStringLiteral("2026-11-20T10:00:00Z"),
                                    {imageMarkup(QStringLiteral("i"), QStringLiteral("ink"), QStringLiteral("#0000FF"), 0.1)});
        json.insert(QStringLiteral("vendorExtension"), QJsonObject{{QStringLiteral("kept"), true}});
        CaptureRepository(m_workspace->database()).upsert(recordOf(json));
        Markup added;
        added.id = QStringLiteral("new-arrow");
        added.kind = MarkupKind::Arrow;
        added.space = MarkupSpace::Image;
        added.imagePoints = {{0.125, 0.25}, {0.875, 0.75}};
        added.color = QColor(0x12, 0xAB, 0xEF);
        added.width = 5;
        added.author = QStringLiteral("Ana");
        added.raw.insert(QStringLiteral("vendorTag"), 7);
        Markup world;
        world.id = QStringLiteral("new-world");
        world.kind = MarkupKind::Line;
        world.space = MarkupSpace::World;
        world.worldPoints = {cv::Vec3d(1.0 / 3, 2.0 / 7, -0.1), cv::Vec3d(0.5, 0.5, -1)};
        world.color = QColor(0x00, 0x80, 0x40);
        markups().write(QStringLiteral("cap-a"), added, false, QStringLiteral("2026-11-29T10:00:00Z"));
        markups().write(QStringLiteral("cap-a"), world, false, QStringLiteral("2026-11-29T10:00:00Z"));
        const QString dir = m_dir->path();
        m_workspace.reset();

        QString error;
        m_workspace = Workspace::open(dir, &error);
        QVERIFY2(m_workspace, qPrintable(error));
        const std::vector<Markup> seen = markups().visibleIn(QStringLiteral("cap-a"));
        QCOMPARE(idsOf(seen), (QStringList{QStringLiteral("new-world"), QStringLiteral("i"), QStringLiteral("new-arrow")}));
        const Markup &arrow = *find(seen, QStringLiteral("new-arrow"));
        QCOMPARE(arrow.kind, MarkupKind::Arrow);
        QCOMPARE(arrow.imagePoints, added.imagePoints);
        QCOMPARE(arrow.color, added.color);
        QCOMPARE(arrow.width, 5.0);
        QCOMPARE(arrow.raw.value(QStringLiteral("vendorTag")).toInt(), 7);
        QCOMPARE(find(seen, QStringLiteral("new-world"))->worldPoints, world.worldPoints);
        QCOMPARE(find(seen, QStringLiteral("new-world"))->color, world.color);
        // The world markup belongs to the frame: it is filed under it.
        QCOMPARE(markups().findIn(QStringLiteral("cap-a"), QStringLiteral("new-world"))->frameId, QStringLiteral("frame-F"));

        const std::optional<CaptureManifest> current = CurrentManifest::of(m_workspace->database(), QStringLiteral("cap-a"));
        QVERIFY(current);
        QCOMPARE(idsOf(current->markups), (QStringList{QStringLiteral("i"), QStringLiteral("new-arrow"), QStringLiteral("new-world")}));
        const QJsonObject written = ManifestWriter::toJson(*current);
        QVERIFY(written.contains(QStringLiteral("vendorExtension")));
        // What is written reads back as a valid manifest.
        QVERIFY(std::holds_alternative<CaptureManifest>(
            ManifestReader::parse(ManifestWriter::toBytes(written), QStringLiteral("w.capture.json"))));
    }

    // A stored manifest that a newer reader refuses is kept as it was stored:
    // the record says why, a push carries the stored text, and an edit of
    // its markup is refused without writing anything (rewriting the manifest
    // from what could be read would drop its camera and poses).
    void unreadableStoredManifestIsKeptAndRefusesEdits()
    {
        Database &db = m_workspace->database();
        CaptureRepository(db).upsert(recordOf(manifest(QStringLiteral("cap-a"), QString(), QStringLiteral("2026-11-20T10:00:00Z"),
                                                       {imageMarkup(QStringLiteral("i"), QStringLiteral("ink"), QStringLiteral("#0000FF"), 0.1)})));
        const QString stored = QStringLiteral("{\"id\":\"cap-a\",\"camera\":{\"fx\":\"not a number\"}}");
        Statement corrupt = db.prepare("UPDATE captures SET manifest_json = ? WHERE id = ?");
        corrupt.bind(1, stored).bind(2, QStringLiteral("cap-a")).run();
        const auto outboxCount = [&db]() {
            Statement count = db.prepare("SELECT count(*) FROM outbox");
            return count.step() ? count.columnInt64(0) : -1;
        };
        const qint64 queued = outboxCount();

        const std::optional<CaptureRecord> record = CaptureRepository(db).byId(QStringLiteral("cap-a"));
        QVERIFY(record);
        QVERIFY(!record->manifestError.isEmpty());
        QCOMPARE(record->manifest.id, QStringLiteral("cap-a"));
        QCOMPARE(CurrentManifest::jsonOf(db, QStringLiteral("cap-a")).value_or(QString()), stored);
        QVERIFY_THROWS_EXCEPTION(StoreError, CurrentManifest::of(db, QStringLiteral("cap-a")));

        MarkupEdit edit;
        edit.captureId = QStringLiteral("cap-a");
        edit.markup.id = QStringLiteral("new-arrow");
        edit.markup.kind = MarkupKind::Arrow;
        edit.markup.space = MarkupSpace::Image;
        edit.markup.imagePoints = {{0.1, 0.1}, {0.5, 0.5}};
        edit.author = QStringLiteral("Ana");
        try {
            MarkupEditor(db).apply(edit);
            QFAIL("an edit of a capture whose manifest no longer reads was accepted");
        } catch (const StoreError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QLatin1String("no longer reads")), error.what());
        }
        QVERIFY(!markups().findIn(QStringLiteral("cap-a"), QStringLiteral("new-arrow")));
        QCOMPARE(outboxCount(), queued);
        // The stored text is untouched.
        QCOMPARE(CurrentManifest::jsonOf(db, QStringLiteral("cap-a")).value_or(QString()), stored);
    }
};

QTEST_GUILESS_MAIN(tst_MarkupRepository)
#include "tst_markuprepository.moc"
