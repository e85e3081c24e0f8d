// The annotation editor, driven with the mouse and keys offscreen: an arrow
// and a pen stroke drawn, undo twice, redo once; the markup in memory, in the
// store and on the screen agree.
#include "uitestutil.h"
#include "annotate/annotationcanvas.h"
#include "annotate/annotationeditorwidget.h"
#include "annotation/annotationdocument.h"
#include "annotation/markupeditor.h"
#include "capture/manifestreader.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/outboxrepository.h"
#include "store/workspace.h"

#include <QAction>
#include <QLineEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using sl::test::pixelAt;
using namespace sl;

class tst_AnnotationEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    CaptureManifest m_manifest;
    const QString m_captureId = QStringLiteral("cap-annotate");

    // Where a normalised image point is on the canvas.
    static QPoint at(AnnotationCanvas *canvas, double u, double v)
    {
        return canvas->frameToWidget().map(QPointF(u * canvas->frame().width(), v * canvas->frame().height())).toPoint();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_workspace = Workspace::open(m_dir.filePath(QStringLiteral("ws")), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        const QJsonObject json{{QStringLiteral("format"), QStringLiteral("sightline-capture")},
                               {QStringLiteral("version"), 1},
                               {QStringLiteral("id"), m_captureId},
                               {QStringLiteral("media"), QJsonObject{{QStringLiteral("file"), QStringLiteral("p.png")},
                                                                     {QStringLiteral("type"), QStringLiteral("photo")}}}};
        const ManifestResult parsed = ManifestReader::parse(QJsonDocument(json).toJson(), QStringLiteral("t.capture.json"));
        QVERIFY(std::holds_alternative<CaptureManifest>(parsed));
        m_manifest = std::get<CaptureManifest>(parsed);
        CaptureRecord record;
        record.manifest = m_manifest;
        record.id = m_captureId;
        record.mediaPath = QStringLiteral("media/cap-annotate/p.png");
        m_workspace->captures().upsert(record);
    }

    void drawUndoRedo()
    {
        // The writer a window posts to its store worker, called directly here.
        QString writeError;
        AnnotationDocument document(m_captureId, {}, QStringLiteral("Ana"), [&](const MarkupEdit &edit) {
            try {
                MarkupEditor(m_workspace->database()).apply(edit);
            } catch (const StoreError &e) {
                writeError = e.message();
            }
        });
        QImage photo(320, 180, QImage::Format_RGB32);
        photo.fill(QColor(90, 90, 90));
        AnnotationEditorWidget editor;
        editor.resize(800, 520);
        editor.open(&document, m_manifest, photo);
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        AnnotationCanvas *canvas = editor.canvas();
        canvas->setFocus();

        // A: the arrow tool, by its shortcut.
        QTest::keyClick(canvas, Qt::Key_A);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Arrow);
        QVERIFY(editor.toolAction(AnnotationTool::Arrow)->isChecked());
        editor.setColor(QColor(0x00, 0xC8, 0x00));
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(canvas, 0.2, 0.5));
        QTest::mouseMove(canvas, at(canvas, 0.5, 0.5));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(canvas, 0.8, 0.5));
        QCOMPARE(document.markups().size(), size_t(1));

        // P: a pen stroke.
        QTest::keyClick(canvas, Qt::Key_P);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Pen);
        editor.setColor(QColor(0x00, 0x00, 0xFF));
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(canvas, 0.3, 0.2));
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(canvas, at(canvas, 0.3 + 0.04 * i, 0.2 + 0.01 * (i % 3)));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(canvas, 0.75, 0.25));
        QCOMPARE(document.markups().size(), size_t(2));
        QCOMPARE(document.markups()[1].kind, MarkupKind::Ink);
        QVERIFY(document.markups()[1].imagePoints.size() >= 10);

        // Undo twice (the stroke, the arrow), redo once (the arrow).
        QVERIFY(editor.undoAction()->isEnabled());
        editor.undoAction()->trigger();
        editor.undoAction()->trigger();
        QVERIFY(document.markups().empty());
        editor.redoAction()->trigger();
        QVERIFY2(writeError.isEmpty(), qPrintable(writeError));

        const std::vector<Markup> shown = document.markups();
        QCOMPARE(shown.size(), size_t(1));
        const Markup &arrow = shown.front();
        QCOMPARE(arrow.kind, MarkupKind::Arrow);
        QCOMPARE(arrow.space, MarkupSpace::Image);
        QCOMPARE(arrow.color, QColor(0x00, 0xC8, 0x00));
        QCOMPARE(arrow.imagePoints.size(), size_t(2));
        // Normalised image coordinates, within a widget pixel of where the mouse was.
        const double tolerance = 1.5 / (canvas->frameToWidget().m11() * 320);
        QVERIFY(std::abs(arrow.imagePoints[0].x - 0.2) < tolerance && std::abs(arrow.imagePoints[0].y - 0.5) < tolerance);
        QVERIFY(std::abs(arrow.imagePoints[1].x - 0.8) < tolerance && std::abs(arrow.imagePoints[1].y - 0.5) < tolerance);

        // The store holds the same; the stroke is deleted there, not gone.
        const std::vector<Markup> stored = MarkupRepository(m_workspace->database()).visibleIn(m_captureId);
        QCOMPARE(stored.size(), size_t(1));
        QCOMPARE(stored.front().id, arrow.id);
        QCOMPARE(stored.front().imagePoints, arrow.imagePoints);
        QCOMPARE(m_workspace->database().queryText(QStringLiteral("SELECT count(*) FROM markups WHERE deleted = 1")),
                 QStringLiteral("1"));
        QCOMPARE(m_workspace->outbox().count(), 1);

        // On the screen: the arrow's green at its middle, the grey photo where the stroke was.
        const QImage shot = canvas->grab().toImage();
        const QColor middle = pixelAt(shot, at(canvas, 0.5, 0.5));
        QVERIFY2(middle.green() > 150 && middle.red() < 80, qPrintable(middle.name()));
        QCOMPARE(pixelAt(shot, at(canvas, 0.5, 0.21)), QColor(90, 90, 90));

        // Select and drag: the arrow moves by the drag, written once.
        QTest::keyClick(canvas, Qt::Key_V);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Select);
        const int stepsBefore = document.undoStack()->index();
        const QString auditBefore = m_workspace->database().queryText(QStringLiteral("SELECT count(*) FROM audit_log"));
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.5));
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(canvas, at(canvas, 0.5, 0.5 + 0.02 * i));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.6));
        QCOMPARE(canvas->selectedId(), arrow.id);
        QCOMPARE(document.undoStack()->index(), stepsBefore + 1);
        QCOMPARE(m_workspace->database().queryText(QStringLiteral("SELECT count(*) FROM audit_log")),
                 QString::number(auditBefore.toInt() + 1));
        const Markup *dragged = document.find(arrow.id);
        QVERIFY(std::abs(dragged->imagePoints[0].y - 0.6) < tolerance && std::abs(dragged->imagePoints[1].y - 0.6) < tolerance);
        QVERIFY(std::abs(dragged->imagePoints[0].x - 0.2) < tolerance);

        // Delete: the arrow goes (one more undo step).
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.6));
        QCOMPARE(canvas->selectedId(), arrow.id);
        QTest::keyClick(canvas, Qt::Key_Delete);
        QVERIFY(document.markups().empty());
    }

    // T, a click, words and Enter: a text label where the click was.
    void textLabelEditedInPlace()
    {
        AnnotationDocument document(m_captureId, {}, QStringLiteral("Ana"), {});
        QImage photo(320, 180, QImage::Format_RGB32);
        photo.fill(QColor(90, 90, 90));
        AnnotationEditorWidget editor;
        editor.resize(800, 520);
        editor.open(&document, m_manifest, photo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        AnnotationCanvas *canvas = editor.canvas();
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_T);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Text);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.25, 0.75));
        auto *field = canvas->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, QStringLiteral("Seal leaks"));
        QTest::keyClick(field, Qt::Key_Return);
        const std::vector<Markup> shown = document.markups();
        QCOMPARE(shown.size(), size_t(1));
        QCOMPARE(shown.front().kind, MarkupKind::Text);
        QCOMPARE(shown.front().text, QStringLiteral("Seal leaks"));
        QVERIFY(std::abs(shown.front().imagePoints.front().x - 0.25) < 0.01);
        QVERIFY(std::abs(shown.front().imagePoints.front().y - 0.75) < 0.01);
    }

    // On a photo with a pose, world markup is found where the camera sees it,
    // restyled (its geometry stays world geometry) and not moved by a drag.
    void worldMarkupIsRestyledNotMoved()
    {
        CaptureManifest manifest = m_manifest;
        CameraIntrinsics k;
        k.width = 320;
        k.height = 180;
        k.fx = k.fy = 260;
        k.cx = 159.5;
        k.cy = 89.5;
        manifest.camera = k;
        manifest.axes = Axes::OpenCV;
        manifest.poses = {ManifestPose{}}; // at the origin, looking along +z
        Markup world;
        world.id = QStringLiteral("world-line");
        world.kind = MarkupKind::Line;
        world.space = MarkupSpace::World;
        world.worldPoints = {cv::Vec3d(-0.3, 0.0, 2.0), cv::Vec3d(0.3, 0.0, 2.0)}; // pixels 120..198 on row 89.5
        world.color = QColor(0xFF, 0x3B, 0x30);
        std::vector<MarkupEdit> written;
        AnnotationDocument document(m_captureId, {world}, QStringLiteral("Ana"),
                                    [&](const MarkupEdit &edit) { written.push_back(edit); });
        QImage photo(320, 180, QImage::Format_RGB32);
        photo.fill(QColor(90, 90, 90));
        AnnotationEditorWidget editor;
        editor.resize(800, 520);
        editor.open(&document, manifest, photo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        AnnotationCanvas *canvas = editor.canvas();
        const QPoint middle = canvas->frameToWidget().map(QPointF(160, 90)).toPoint();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, middle);
        QCOMPARE(canvas->selectedId(), world.id);
        QTest::mousePress(canvas, Qt::LeftButton, {}, middle);
        QTest::mouseMove(canvas, middle + QPoint(40, 40));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, middle + QPoint(40, 40));
        QVERIFY(written.empty()); // nothing moved
        editor.setColor(QColor(0x0A, 0x84, 0xFF));
        QCOMPARE(written.size(), size_t(1));
        QCOMPARE(written.back().markup.color, QColor(0x0A, 0x84, 0xFF));
        QCOMPARE(written.back().markup.worldPoints, world.worldPoints);
        QCOMPARE(document.find(world.id)->space, MarkupSpace::World);
    }
};

QTEST_MAIN(tst_AnnotationEditor)
#include "tst_annotationeditor.moc"
