// The annotation document: every action, undo and redo changes the markup in
// memory and writes the row, one outbox entry (the manifest the sync sends)
// and an audit row in one transaction.
#include "testsupport.h"
#include "annotation/annotationdocument.h"
#include "annotation/markupeditor.h"
#include "capture/manifestreader.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sl;

namespace {

Markup imageMarkup(const QString &id, MarkupKind kind, std::vector<cv::Point2d> points, QColor color)
{
    Markup m;
    m.id = id;
    m.kind = kind;
    m.space = MarkupSpace::Image;
    m.imagePoints = std::move(points);
    m.color = color;
    m.width = 4;
    return m;
}

QStringList idsOf(const std::vector<Markup> &markups)
{
    QStringList ids;
    for (const Markup &m : markups)
        ids.append(m.id);
    return ids;
}

} // namespace

class tst_AnnotationDocument : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QString m_lastError;

    // The writer the GUI posts to the store worker, called directly here.
    AnnotationDocument::Writer writer()
    {
        return [this](const MarkupEdit &edit) {
            try {
                MarkupEditor(m_workspace->database()).apply(edit);
            } catch (const StoreError &e) {
                m_lastError = e.message();
            }
        };
    }

    std::unique_ptr<AnnotationDocument> openDocument(const QString &captureId)
    {
        return std::make_unique<AnnotationDocument>(
            captureId, MarkupRepository(m_workspace->database()).visibleIn(captureId), QStringLiteral("Ana"), writer());
    }

    std::vector<Markup> stored(const QString &captureId)
    {
        return MarkupRepository(m_workspace->database()).visibleIn(captureId);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(test::openTemporaryWorkspace(m_dir, m_workspace));
        m_lastError.clear();
        QJsonObject json = test::sampleManifestJson({.id = QStringLiteral("cap-1"), .assetId = QStringLiteral("asset-1"),
                                                     .spatialFrame = QStringLiteral("frame-1"),
                                                     .arrowId = QStringLiteral("world-arrow")});
        const ManifestResult parsed = ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("t.capture.json"));
        QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
        CaptureRecord record;
        record.manifest = std::get<CaptureManifest>(parsed);
        record.id = record.manifest.id;
        record.assetId = record.manifest.assetId;
        record.spatialFrame = record.manifest.spatialFrame;
        record.mediaPath = QStringLiteral("media/cap-1/photo.jpg");
        m_workspace->captures().upsert(record);
    }

    void cleanup() { test::closeTemporaryWorkspace(m_dir, m_workspace); }

    void undoAndRedoWriteThrough()
    {
        auto document = openDocument(QStringLiteral("cap-1"));
        QSignalSpy changed(document.get(), &AnnotationDocument::markupsChanged);
        QCOMPARE(idsOf(document->markups()), QStringList{QStringLiteral("world-arrow")});

        const Markup arrow = imageMarkup(QStringLiteral("arrow"), MarkupKind::Arrow, {{0.1, 0.2}, {0.5, 0.6}}, QColor(0xFF, 0x3B, 0x30));
        const Markup ink = imageMarkup(QStringLiteral("ink"), MarkupKind::Ink, {{0.3, 0.3}, {0.35, 0.4}, {0.4, 0.42}}, QColor(0xFF, 0xD6, 0x0A));
        QVERIFY(document->add(arrow));
        QVERIFY(document->add(ink));
        QVERIFY(!document->add(ink)); // the same id twice is refused
        Markup recoloured = arrow;
        recoloured.color = QColor(0x00, 0x7A, 0xFF);
        recoloured.imagePoints = {{0.15, 0.25}, {0.55, 0.65}};
        QVERIFY(document->change(recoloured));
        QCOMPARE(stored(QStringLiteral("cap-1")).size(), size_t(3));

        document->undoStack()->undo(); // the change
        document->undoStack()->undo(); // the ink
        document->undoStack()->redo(); // the ink again
        QCOMPARE(changed.count(), 6);
        QVERIFY2(m_lastError.isEmpty(), qPrintable(m_lastError));

        // In memory and in the store alike: the arrow as first drawn, the ink back.
        for (const std::vector<Markup> &markups : {document->markups(), stored(QStringLiteral("cap-1"))}) {
            QCOMPARE(idsOf(markups), (QStringList{QStringLiteral("world-arrow"), QStringLiteral("arrow"), QStringLiteral("ink")}));
            QCOMPARE(markups[1].color, arrow.color);
            QCOMPARE(markups[1].imagePoints, arrow.imagePoints);
            QCOMPARE(markups[2].imagePoints, ink.imagePoints);
        }
        const std::optional<StoredMarkup> row = MarkupRepository(m_workspace->database()).findIn(QStringLiteral("cap-1"), QStringLiteral("ink"));
        QCOMPARE(row->revision, 3); // added, deleted by undo, back by redo

        // Exactly one outbox entry: the capture's PATCH with the manifest as it now is.
        const std::vector<OutboxEntry> pending = m_workspace->outbox().pending(10);
        QCOMPARE(pending.size(), size_t(1));
        QCOMPARE(pending[0].entity, QStringLiteral("capture"));
        QCOMPARE(pending[0].entityId, QStringLiteral("cap-1"));
        QCOMPARE(pending[0].operation, QStringLiteral("update"));
        QCOMPARE(pending[0].payload.keys(), QStringList{QStringLiteral("sl_manifest")});
        const ManifestResult sent = ManifestReader::parse(pending[0].payload.value(QStringLiteral("sl_manifest")).toString().toUtf8(),
                                                          QStringLiteral("sl_manifest"));
        QVERIFY(std::holds_alternative<CaptureManifest>(sent));
        const std::vector<Markup> sentMarkups = std::get<CaptureManifest>(sent).markups;
        QCOMPARE(idsOf(sentMarkups), (QStringList{QStringLiteral("world-arrow"), QStringLiteral("arrow"), QStringLiteral("ink")}));
        QCOMPARE(sentMarkups[1].color, arrow.color);
        // The base is the manifest before the first edit: the world arrow only.
        const ManifestResult base = ManifestReader::parse(pending[0].base.value(QStringLiteral("sl_manifest")).toString().toUtf8(),
                                                          QStringLiteral("base"));
        QCOMPARE(idsOf(std::get<CaptureManifest>(base).markups), QStringList{QStringLiteral("world-arrow")});

        // One audit row per write, each pointing at that entry.
        const std::vector<AuditEntry> history = AuditRepository(m_workspace->database()).history(QStringLiteral("capture"), QStringLiteral("cap-1"));
        QCOMPARE(history.size(), size_t(6));
        for (const AuditEntry &entry : history) {
            QCOMPARE(entry.field, QStringLiteral("markup"));
            QCOMPARE(entry.author, QStringLiteral("Ana"));
            QCOMPARE(entry.outboxSeq, pending[0].seq);
        }
        QVERIFY(history[1].newValue.isEmpty()); // newest first: the undo deleted the ink
        QVERIFY2(history[0].newValue.startsWith(QStringLiteral("ink ink:")), qPrintable(history[0].newValue));
    }

    // A world markup keeps world geometry and is filed under the frame; deleting it is soft.
    void worldMarkupRestyledAndDeleted()
    {
        auto document = openDocument(QStringLiteral("cap-1"));
        Markup world = *document->find(QStringLiteral("world-arrow"));
        world.color = QColor(0x34, 0xC7, 0x59);
        world.width = 8;
        QVERIFY(document->change(world));
        QVERIFY(document->remove(QStringLiteral("world-arrow")));
        QVERIFY(!document->remove(QStringLiteral("world-arrow")));
        QVERIFY(document->markups().empty());
        const std::optional<StoredMarkup> row = MarkupRepository(m_workspace->database()).findIn(QStringLiteral("cap-1"), QStringLiteral("world-arrow"));
        QVERIFY(row->deleted);
        QCOMPARE(row->frameId, QStringLiteral("frame-1"));
        QCOMPARE(row->markup.worldPoints.size(), size_t(2));
        QCOMPARE(row->markup.color, world.color);
        document->undoStack()->undo();
        QCOMPARE(stored(QStringLiteral("cap-1")).size(), size_t(1));
        QCOMPARE(stored(QStringLiteral("cap-1")).front().width, 8.0);
        QCOMPARE(m_workspace->outbox().count(), 1);
    }

    // A drag is one undo step however many moves it wrote.
    void dragMergesIntoOneStep()
    {
        auto document = openDocument(QStringLiteral("cap-1"));
        Markup rect = imageMarkup(QStringLiteral("r"), MarkupKind::Rect, {{0.1, 0.1}, {0.2, 0.2}}, Qt::red);
        QVERIFY(document->add(rect));
        for (int i = 1; i <= 5; ++i) {
            Markup moved = rect;
            moved.imagePoints = {{0.1 + i * 0.01, 0.1}, {0.2 + i * 0.01, 0.2}};
            QVERIFY(document->change(moved, QStringLiteral("drag")));
        }
        QCOMPARE(document->undoStack()->count(), 2);
        document->undoStack()->undo();
        QCOMPARE(document->find(QStringLiteral("r"))->imagePoints, rect.imagePoints);
        QCOMPARE(MarkupRepository(m_workspace->database()).findIn(QStringLiteral("cap-1"), QStringLiteral("r"))->markup.imagePoints,
                 rect.imagePoints);
    }

    // A markup a manifest may not hold is refused with the reason, and nothing is stored.
    void markupOverALimitIsRefused_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<double>("width");
        QTest::addColumn<QString>("says");
        QTest::newRow("too wide") << 2 << 1000.0 << QStringLiteral("width");
        QTest::newRow("too many points") << 10001 << 4.0 << QStringLiteral("10001 points");
        QTest::newRow("one point for a line") << 1 << 4.0 << QStringLiteral("points");
    }
    void markupOverALimitIsRefused()
    {
        QFETCH(int, points);
        QFETCH(double, width);
        QFETCH(QString, says);
        auto document = openDocument(QStringLiteral("cap-1"));
        std::vector<cv::Point2d> line;
        for (int i = 0; i < points; ++i)
            line.push_back({double(i % 100) / 100, 0.5});
        Markup markup = imageMarkup(QStringLiteral("big"), MarkupKind::Line, line, Qt::red);
        markup.kind = points > 2 ? MarkupKind::Ink : MarkupKind::Line;
        markup.width = width;
        QVERIFY(document->add(markup));
        QVERIFY2(m_lastError.contains(says), qPrintable(m_lastError));
        QVERIFY(!MarkupRepository(m_workspace->database()).findIn(QStringLiteral("cap-1"), QStringLiteral("big")));
        QCOMPARE(m_workspace->outbox().count(), 0);
    }

    // A write that fails leaves nothing of it: no row, no outbox entry, no audit row.
    void failedWriteLeavesNothing()
    {
        auto document = openDocument(QStringLiteral("cap-1"));
        m_workspace->database().exec(QStringLiteral(
            "CREATE TEMP TRIGGER outbox_broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox is full'); END"));
        QVERIFY(document->add(imageMarkup(QStringLiteral("x"), MarkupKind::Line, {{0, 0}, {1, 1}}, Qt::blue)));
        QVERIFY(m_lastError.contains(QStringLiteral("outbox is full")));
        QVERIFY(!MarkupRepository(m_workspace->database()).findIn(QStringLiteral("cap-1"), QStringLiteral("x")));
        QCOMPARE(m_workspace->outbox().count(), 0);
        QVERIFY(AuditRepository(m_workspace->database()).history(QStringLiteral("capture"), QStringLiteral("cap-1")).empty());
    }
};

QTEST_GUILESS_MAIN(tst_AnnotationDocument)
#include "tst_annotationdocument.moc"
