// Bookmarks of a capture: each edit rewrites the stored manifest, queues one
// outbox entry (coalesced per capture) and one audit row in one transaction;
// refused edits leave nothing; the manifest keeps bookmarks and unknown
// fields through a round trip.
#include "testsupport.h"
#include "annotation/bookmarkeditor.h"
#include "capture/manifestreader.h"
#include "capture/manifestwriter.h"
#include "common/inputlimits.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/currentmanifest.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

Bookmark bookmark(const QString &id, const QString &name, double from, double to)
{
    Bookmark b;
    b.id = id;
    b.name = name;
    b.from = from;
    b.to = to;
    return b;
}

// The bookmarks of the manifest that a push would send now.
std::vector<Bookmark> pushedBookmarks(Database &db, const QString &captureId)
{
    const QString json = CurrentManifest::jsonOf(db, captureId).value_or(QString());
    const ManifestResult parsed = ManifestReader::parse(json.toUtf8(), QStringLiteral("pushed.capture.json"));
    if (const auto *error = std::get_if<ManifestError>(&parsed))
        qFatal("pushed manifest does not read: %s", qPrintable(error->message()));
    return std::get<CaptureManifest>(parsed).bookmarks;
}

} // namespace

Q_DECLARE_METATYPE(Bookmark)

class tst_BookmarkEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    Database &db() { return m_workspace->database(); }
    int outboxCount() { return OutboxRepository(db()).count(); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace));
        QJsonObject json = test::sampleManifestJson({.id = QStringLiteral("cap-1"), .assetId = QStringLiteral("asset-1"),
                                                     .spatialFrame = QStringLiteral("frame-1"),
                                                     .arrowId = QStringLiteral("world-arrow")});
        json.insert(QStringLiteral("vendorExtension"), 42);
        const ManifestResult parsed = ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("t.capture.json"));
        QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
        CaptureRecord record;
        record.manifest = std::get<CaptureManifest>(parsed);
        record.id = record.manifest.id;
        record.assetId = record.manifest.assetId;
        record.spatialFrame = record.manifest.spatialFrame;
        record.mediaPath = QStringLiteral("media/cap-1/video.mp4");
        m_workspace->captures().upsert(record);
    }
    void cleanup() { test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void addRenameRemove()
    {
        BookmarkEditor editor(db());
        const std::vector<Markup> markupsBefore = MarkupRepository(db()).visibleIn(QStringLiteral("cap-1"));
        std::vector<Bookmark> now =
            editor.put(QStringLiteral("cap-1"), bookmark(QStringLiteral("b1"), QStringLiteral("loose flange"), 12.0, 19.5),
                       QStringLiteral("Ana"));
        QCOMPARE(now.size(), size_t(1));
        QCOMPARE(now.front().author, QStringLiteral("Ana"));
        QVERIFY(!now.front().createdAt.isEmpty());
        editor.put(QStringLiteral("cap-1"), bookmark(QStringLiteral("b2"), QStringLiteral("gauge"), 30.25, 30.25),
                   QStringLiteral("Ana"));
        Bookmark renamed = now.front();
        renamed.name = QStringLiteral("loose flange, left");
        renamed.to = 21.0;
        editor.put(QStringLiteral("cap-1"), renamed, QStringLiteral("Ben"));

        // What a push sends: both, the renamed one with its new range, its
        // first author kept.
        std::vector<Bookmark> pushed = pushedBookmarks(db(), QStringLiteral("cap-1"));
        QCOMPARE(pushed.size(), size_t(2));
        QCOMPARE(pushed[0].name, QStringLiteral("loose flange, left"));
        QCOMPARE(pushed[0].from, 12.0);
        QCOMPARE(pushed[0].to, 21.0);
        QCOMPARE(pushed[0].author, QStringLiteral("Ana"));
        QCOMPARE(pushed[1].from, 30.25);
        // The rest of the manifest is untouched: markup rows, unknown fields.
        QCOMPARE(MarkupRepository(db()).visibleIn(QStringLiteral("cap-1")).size(), markupsBefore.size());
        const QJsonObject stored =
            QJsonDocument::fromJson(CurrentManifest::jsonOf(db(), QStringLiteral("cap-1"))->toUtf8()).object();
        QCOMPARE(stored.value(QStringLiteral("vendorExtension")).toInt(), 42);

        // Three edits of one capture: one queued entry carrying the newest manifest.
        QCOMPARE(outboxCount(), 1);
        const std::optional<OutboxEntry> entry = m_workspace->outbox().newestFor(QStringLiteral("capture"), QStringLiteral("cap-1"));
        QVERIFY(entry);
        QCOMPARE(entry->payload.value(QStringLiteral("sl_manifest")).toString(), *CurrentManifest::jsonOf(db(), QStringLiteral("cap-1")));
        // One audit row per edit, saying what it was and is.
        const std::vector<AuditEntry> history = AuditRepository(db()).history(QStringLiteral("capture"), QStringLiteral("cap-1"));
        QCOMPARE(history.size(), size_t(3));
        QVERIFY(std::all_of(history.begin(), history.end(), [](const AuditEntry &e) { return e.field == QLatin1String("bookmark"); }));
        const auto renameRow = std::find_if(history.begin(), history.end(), [](const AuditEntry &e) {
            return e.oldValue.contains(QLatin1String("loose flange")) && e.newValue.contains(QLatin1String("left"));
        });
        QVERIFY(renameRow != history.end());
        QCOMPARE(renameRow->author, QStringLiteral("Ben"));

        now = editor.remove(QStringLiteral("cap-1"), QStringLiteral("b1"), QStringLiteral("Ben"));
        QCOMPARE(now.size(), size_t(1));
        QCOMPARE(pushedBookmarks(db(), QStringLiteral("cap-1")).front().id, QStringLiteral("b2"));
        // Removing what is not there changes nothing.
        const int auditRows = int(AuditRepository(db()).history(QStringLiteral("capture"), QStringLiteral("cap-1")).size());
        editor.remove(QStringLiteral("cap-1"), QStringLiteral("nowhere"), QStringLiteral("Ben"));
        QCOMPARE(int(AuditRepository(db()).history(QStringLiteral("capture"), QStringLiteral("cap-1")).size()), auditRows);
    }

    void refusedEditsLeaveNothing_data()
    {
        QTest::addColumn<Bookmark>("bad");
        QTest::newRow("empty name") << bookmark(QStringLiteral("b"), QString(), 1, 2);
        QTest::newRow("end before start") << bookmark(QStringLiteral("b"), QStringLiteral("x"), 5, 4);
        QTest::newRow("before the media") << bookmark(QStringLiteral("b"), QStringLiteral("x"), -1, 4);
        QTest::newRow("name too long")
            << bookmark(QStringLiteral("b"), QString(limits::kBookmarkNameLength + 1, QLatin1Char('n')), 1, 2);
        QTest::newRow("not a number") << bookmark(QStringLiteral("b"), QStringLiteral("x"), 1, qQNaN());
    }

    void refusedEditsLeaveNothing()
    {
        QFETCH(Bookmark, bad);
        const QString before = *CurrentManifest::jsonOf(db(), QStringLiteral("cap-1"));
        QVERIFY_THROWS_EXCEPTION(StoreError, BookmarkEditor(db()).put(QStringLiteral("cap-1"), bad, QStringLiteral("Ana")));
        QCOMPARE(*CurrentManifest::jsonOf(db(), QStringLiteral("cap-1")), before);
        QCOMPARE(outboxCount(), 0);
        QVERIFY(AuditRepository(db()).history(QStringLiteral("capture"), QStringLiteral("cap-1")).empty());
    }

    void unknownCaptureIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, BookmarkEditor(db()).put(QStringLiteral("nowhere"),
                                                                      bookmark(QStringLiteral("b"), QStringLiteral("x"), 1, 2),
                                                                      QStringLiteral("Ana")));
        QCOMPARE(outboxCount(), 0);
    }

    void tooManyBookmarksAreRefused()
    {
        BookmarkEditor editor(db());
        CaptureRecord record = *m_workspace->captures().byId(QStringLiteral("cap-1"));
        for (int i = 0; i < limits::kBookmarksPerCapture; ++i)
            record.manifest.bookmarks.push_back(bookmark(QStringLiteral("b%1").arg(i), QStringLiteral("x"), i, i + 1));
        m_workspace->captures().replaceManifest(QStringLiteral("cap-1"), record.manifest);
        QVERIFY_THROWS_EXCEPTION(StoreError, editor.put(QStringLiteral("cap-1"),
                                                        bookmark(QStringLiteral("one-more"), QStringLiteral("x"), 1, 2),
                                                        QStringLiteral("Ana")));
        QCOMPARE(m_workspace->captures().byId(QStringLiteral("cap-1"))->manifest.bookmarks.size(),
                 size_t(limits::kBookmarksPerCapture));
    }
};

QTEST_GUILESS_MAIN(tst_BookmarkEditor)
#include "tst_bookmarkeditor.moc"
