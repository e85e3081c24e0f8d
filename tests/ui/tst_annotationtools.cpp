// The annotation editor's tools, driven with the mouse and keys offscreen on
// an imported photo whose edits are written to the store as the window's
// writer does: the flattened export shows what was drawn; resize, eraser,
// pixelate, highlighter, zoom and pan, labels edited in place, restyle.
#include "testsupport.h"
#include "annotate/annotationcanvas.h"
#include "annotate/annotationeditorwidget.h"
#include "annotation/annotationdocument.h"
#include "annotation/markupeditor.h"
#include "capture/manifestwriter.h"
#include "importer/captureimporter.h"
#include "render/frameexporter.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"
#include "store/workspace.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using namespace sl;

namespace {

const QColor kGrey(90, 90, 90);
// The photo's textured patch (pixels of the 320 × 180 photo): a checkerboard.
const QRect kPatch(200, 10, 100, 80);

QImage makePhoto()
{
    QImage photo(320, 180, QImage::Format_RGB32);
    photo.fill(kGrey);
    for (int y = kPatch.top(); y <= kPatch.bottom(); ++y)
        for (int x = kPatch.left(); x <= kPatch.right(); ++x)
            photo.setPixelColor(x, y, ((x / 4 + y / 4) % 2) ? Qt::white : Qt::black);
    return photo;
}

// A document, and an editor on it, of one capture in a workspace.
struct OpenEditor
{
    std::unique_ptr<AnnotationDocument> document;
    std::unique_ptr<AnnotationEditorWidget> editor;
    QString writeError;
    AnnotationCanvas *canvas() const { return editor->canvas(); }
};

} // namespace

class tst_AnnotationTools : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    CaptureManifest m_manifest;
    QImage m_photo;
    const QString m_captureId = QStringLiteral("c0000000-0000-4000-8000-0000000000a1");

    // Where a normalised image point is on the canvas now.
    static QPoint at(AnnotationCanvas *canvas, double u, double v)
    {
        return canvas->frameToWidget().map(QPointF(u * canvas->frame().width(), v * canvas->frame().height())).toPoint();
    }
    // Half a widget pixel, in normalised image coordinates (plus rounding).
    static double tolerance(AnnotationCanvas *canvas)
    {
        return 1.5 / (canvas->frameToWidget().m11() * canvas->frame().width());
    }
    static void drag(AnnotationCanvas *canvas, QPoint from, QPoint to, int steps = 5)
    {
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        for (int i = 1; i <= steps; ++i)
            QTest::mouseMove(canvas, from + (to - from) * i / steps);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    }

    // The markup the store shows for the capture, removed between tests.
    void clearMarkup() { m_workspace->database().exec(QStringLiteral("DELETE FROM markups")); }

    std::unique_ptr<OpenEditor> open(std::vector<Markup> markups = {}, const CaptureManifest *manifest = nullptr)
    {
        auto opened = std::make_unique<OpenEditor>();
        OpenEditor *s = opened.get();
        opened->document = std::make_unique<AnnotationDocument>(
            m_captureId, std::move(markups), QStringLiteral("Ana"), [this, s](const MarkupEdit &edit) {
                try {
                    MarkupEditor(m_workspace->database()).apply(edit);
                } catch (const StoreError &e) {
                    s->writeError = e.message();
                }
            });
        opened->editor = std::make_unique<AnnotationEditorWidget>();
        opened->editor->resize(800, 520);
        opened->editor->open(opened->document.get(), manifest ? *manifest : m_manifest, m_photo);
        opened->editor->show();
        opened->editor->activateWindow();
        if (!QTest::qWaitForWindowExposed(opened->editor.get()))
            return nullptr;
        opened->canvas()->setFocus();
        return opened;
    }

    QImage exportNow(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QString error;
        if (!FrameExporter::exportCapture(*m_workspace, m_captureId, {}, path, &error, nullptr, QStringLiteral("Ana"))) {
            qWarning() << error;
            return {};
        }
        return QImage(path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_photo = makePhoto();
        const QString folder = m_dir.filePath(QStringLiteral("in"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(m_photo.save(folder + QStringLiteral("/photo.png")));
        CaptureManifest m;
        m.id = m_captureId;
        m.assetId = QStringLiteral("a8f0f1de-0000-4000-8000-000000000001");
        m.mediaFile = QStringLiteral("photo.png");
        m.mediaType = MediaType::Photo;
        m.capturedAt = QStringLiteral("2026-03-02T08:30:00Z");
        QString error;
        QVERIFY2(ManifestWriter::writeFile(m, folder + QStringLiteral("/photo.capture.json"), &error), qPrintable(error));
        m_workspace = Workspace::open(m_dir.filePath(QStringLiteral("ws")), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        const ImportReport report = CaptureImporter(*m_workspace).importFolder(folder);
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        const std::optional<CaptureRecord> record = m_workspace->captures().byId(m_captureId);
        QVERIFY(record);
        m_manifest = record->manifest;
    }

    void init() { clearMarkup(); }

    // Every tool has its key in its tooltip; the keys the editor had are kept.
    void everyToolHasItsKeyInItsTooltip()
    {
        AnnotationEditorWidget editor;
        const std::map<AnnotationTool, QString> keys{
            {AnnotationTool::Select, QStringLiteral("V")},   {AnnotationTool::Pen, QStringLiteral("P")},
            {AnnotationTool::Highlighter, QStringLiteral("H")}, {AnnotationTool::Arrow, QStringLiteral("A")},
            {AnnotationTool::Line, QStringLiteral("L")},     {AnnotationTool::Rect, QStringLiteral("R")},
            {AnnotationTool::Ellipse, QStringLiteral("E")},  {AnnotationTool::Text, QStringLiteral("T")},
            {AnnotationTool::Blur, QStringLiteral("B")},     {AnnotationTool::Pixelate, QStringLiteral("X")},
            {AnnotationTool::Eraser, QStringLiteral("Shift+E")}};
        QCOMPARE(annotationTools().size(), qsizetype(keys.size()));
        for (const auto &[tool, key] : keys) {
            QAction *action = editor.toolAction(tool);
            QVERIFY(action);
            QCOMPARE(action->shortcut().toString(QKeySequence::PortableText), key);
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(action->toolTip()));
        }
    }

    // The issue's test: an arrow, a pen stroke and a text label; undo twice,
    // redo once; the markup data and the flattened export's pixels.
    void arrowPenLabelUndoTwiceRedoOnceExport()
    {
        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        QTest::keyClick(canvas, Qt::Key_A);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Arrow);
        s->editor->setColor(QColor(0x00, 0xC8, 0x00));
        drag(canvas, at(canvas, 0.05, 0.3), at(canvas, 0.5, 0.3));

        QTest::keyClick(canvas, Qt::Key_P);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Pen);
        s->editor->setColor(QColor(0x00, 0x00, 0xFF));
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(canvas, 0.1, 0.5));
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(canvas, at(canvas, 0.1 + 0.04 * i, 0.5));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.5));

        QTest::keyClick(canvas, Qt::Key_T);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Text);
        s->editor->setColor(QColor(0xFF, 0xD6, 0x0A));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.6, 0.65));
        auto *field = canvas->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, QStringLiteral("Loose cable"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(s->document->markups().size(), size_t(3));
        QCOMPARE(s->document->markups()[2].text, QStringLiteral("Loose cable"));

        s->editor->undoAction()->trigger(); // the label
        s->editor->undoAction()->trigger(); // the stroke
        s->editor->redoAction()->trigger(); // the stroke again
        QVERIFY2(s->writeError.isEmpty(), qPrintable(s->writeError));

        const std::vector<Markup> shown = s->document->markups();
        QCOMPARE(shown.size(), size_t(2));
        QCOMPARE(shown[0].kind, MarkupKind::Arrow);
        QCOMPARE(shown[0].color, QColor(0x00, 0xC8, 0x00));
        const double tol = tolerance(canvas);
        QVERIFY(std::abs(shown[0].imagePoints.front().x - 0.05) < tol && std::abs(shown[0].imagePoints.back().x - 0.5) < tol);
        QCOMPARE(shown[1].kind, MarkupKind::Ink);
        QCOMPARE(shown[1].style, MarkupStyle::Plain);
        QCOMPARE(shown[1].color, QColor(0x00, 0x00, 0xFF));
        QVERIFY(shown[1].imagePoints.size() >= 10);
        const std::vector<Markup> stored = MarkupRepository(m_workspace->database()).visibleIn(m_captureId);
        QCOMPARE(stored.size(), size_t(2));
        QCOMPARE(stored[1].imagePoints, shown[1].imagePoints);

        // The export: green arrow, blue stroke, and no label (all grey where it was).
        const QImage flat = exportNow(QStringLiteral("issue.png"));
        QCOMPARE(flat.size(), QSize(320, 180));
        const QColor arrowMiddle = flat.pixelColor(88, 54);
        QVERIFY2(arrowMiddle.green() > 150 && arrowMiddle.red() < 80, qPrintable(arrowMiddle.name()));
        const QColor strokeMiddle = flat.pixelColor(96, 90);
        QVERIFY2(strokeMiddle.blue() > 200 && strokeMiddle.red() < 60, qPrintable(strokeMiddle.name()));
        for (int y = 117; y < 150; ++y)
            for (int x = 192; x < 300; ++x)
                QCOMPARE(flat.pixelColor(x, y), kGrey);
    }

    // What a reviewer does by keyboard and by closing: Ctrl+Z and Ctrl+Y on
    // the canvas (the actions once worked only with the tool bar focused),
    // a shape signed by its author, a shape moved against the picture's
    // corner keeping its size, and a label being typed kept when the
    // editor closes.
    void keysAuthorMoveToCornerAndClosingKeepWork()
    {
        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        QTest::keyClick(canvas, Qt::Key_R);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Rect);
        drag(canvas, at(canvas, 0.3, 0.3), at(canvas, 0.5, 0.5));
        QCOMPARE(s->document->markups().size(), size_t(1));
        const Markup drawn = s->document->markups().front();
        QCOMPARE(drawn.author, QStringLiteral("Ana"));
        QVERIFY(!drawn.createdAt.isEmpty());

        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(s->document->markups().size(), size_t(0));
        QTest::keyClick(canvas, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(s->document->markups().size(), size_t(1));

        // Moved far past the top-left corner: it stops there, its size kept.
        QTest::keyClick(canvas, Qt::Key_V);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Select);
        drag(canvas, at(canvas, 0.4, 0.4), at(canvas, 0.02, 0.02), 8);
        const Markup moved = s->document->markups().front();
        QCOMPARE(moved.id, drawn.id);
        const double tol = tolerance(canvas);
        const auto size = [](const Markup &m) {
            return cv::Point2d(std::abs(m.imagePoints[1].x - m.imagePoints[0].x),
                               std::abs(m.imagePoints[1].y - m.imagePoints[0].y));
        };
        QVERIFY2(std::abs(size(moved).x - size(drawn).x) < 1e-9 && std::abs(size(moved).y - size(drawn).y) < 1e-9,
                 "the shape keeps its size at the edge");
        QVERIFY(std::min(moved.imagePoints[0].x, moved.imagePoints[1].x) < tol);
        QVERIFY(std::min(moved.imagePoints[0].y, moved.imagePoints[1].y) < tol);

        QTest::keyClick(canvas, Qt::Key_T);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Text);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.6, 0.65));
        auto *field = canvas->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, QStringLiteral("Check the seal"));
        s->editor->close(); // no Return: the window goes
        QCOMPARE(s->document->markups().size(), size_t(2));
        QCOMPARE(s->document->markups().back().text, QStringLiteral("Check the seal"));
        QCOMPARE(MarkupRepository(m_workspace->database()).visibleIn(m_captureId).size(), size_t(2));
    }

    // Dragging a corner handle resizes (one undo step); undo puts it back.
    void resizeByHandleAndUndo()
    {
        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        QTest::keyClick(canvas, Qt::Key_R);
        drag(canvas, at(canvas, 0.2, 0.2), at(canvas, 0.4, 0.4));
        QCOMPARE(s->document->markups().size(), size_t(1));
        const Markup rect = s->document->markups().front();
        QTest::keyClick(canvas, Qt::Key_V);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Select);
        canvas->setFocus();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.2, 0.3)); // on its left edge
        QCOMPARE(canvas->selectedId(), rect.id);
        const int steps = s->document->undoStack()->index();
        QTest::mouseMove(canvas, at(canvas, 0.4, 0.4)); // hovering the handle says it resizes
        QCOMPARE(canvas->cursor().shape(), Qt::SizeAllCursor);
        drag(canvas, at(canvas, 0.4, 0.4), at(canvas, 0.6, 0.7)); // the bottom-right handle
        QCOMPARE(s->document->undoStack()->index(), steps + 1);
        const Markup *resized = s->document->find(rect.id);
        const double tol = tolerance(canvas);
        QCOMPARE(resized->imagePoints.size(), size_t(2));
        QVERIFY(std::abs(resized->imagePoints[0].x - 0.2) < tol && std::abs(resized->imagePoints[0].y - 0.2) < tol);
        QVERIFY(std::abs(resized->imagePoints[1].x - 0.6) < tol && std::abs(resized->imagePoints[1].y - 0.7) < tol);
        s->editor->undoAction()->trigger();
        QCOMPARE(s->document->find(rect.id)->imagePoints, rect.imagePoints);

        // Ink scales about the opposite corner: its far end follows the handle.
        QTest::keyClick(canvas, Qt::Key_P);
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.5));
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(canvas, at(canvas, 0.5 + 0.025 * i, 0.5 + 0.0125 * i));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(canvas, 0.7, 0.6));
        const Markup ink = s->document->markups().back();
        QCOMPARE(ink.kind, MarkupKind::Ink);
        QTest::keyClick(canvas, Qt::Key_V);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Select);
        canvas->setFocus();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.6, 0.55));
        QCOMPARE(canvas->selectedId(), ink.id);
        const cv::Point2d last = ink.imagePoints.back();
        drag(canvas, at(canvas, last.x, last.y), at(canvas, 0.9, 0.7));
        const Markup *scaled = s->document->find(ink.id);
        QVERIFY(std::abs(scaled->imagePoints.front().x - ink.imagePoints.front().x) < 1e-9);
        QVERIFY2(std::abs(scaled->imagePoints.back().x - 0.9) < tol, qPrintable(QString::number(scaled->imagePoints.back().x)));
        QVERIFY(std::abs(scaled->imagePoints.back().y - 0.7) < tol);
        QCOMPARE(scaled->imagePoints.size(), ink.imagePoints.size());
        s->editor->undoAction()->trigger();
        QCOMPARE(s->document->find(ink.id)->imagePoints, ink.imagePoints);
    }

    // The eraser deletes the shapes it touches (not one whose bounds it is
    // merely inside), one undo step per drag.
    void eraserDeletesTouchedShapesOnly()
    {
        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        QTest::keyClick(canvas, Qt::Key_L);
        drag(canvas, at(canvas, 0.2, 0.3), at(canvas, 0.8, 0.3));
        drag(canvas, at(canvas, 0.2, 0.7), at(canvas, 0.8, 0.7));
        QTest::keyClick(canvas, Qt::Key_R);
        drag(canvas, at(canvas, 0.1, 0.1), at(canvas, 0.9, 0.9));
        const std::vector<Markup> drawn = s->document->markups();
        QCOMPARE(drawn.size(), size_t(3));

        QTest::keyClick(canvas, Qt::Key_E, Qt::ShiftModifier);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Eraser);
        canvas->setFocus();
        const int steps = s->document->undoStack()->index();
        drag(canvas, at(canvas, 0.5, 0.26), at(canvas, 0.5, 0.34)); // across the upper line, inside the rectangle
        std::vector<Markup> left = s->document->markups();
        QCOMPARE(left.size(), size_t(2));
        QCOMPARE(left[0].id, drawn[1].id);
        QCOMPARE(left[1].id, drawn[2].id);
        QCOMPARE(s->document->undoStack()->index(), steps + 1);

        // One drag across the lower line and the rectangle's edge: both, one step.
        drag(canvas, at(canvas, 0.75, 0.7), at(canvas, 0.95, 0.7), 10);
        QVERIFY(s->document->markups().empty());
        QCOMPARE(s->document->undoStack()->index(), steps + 2);
        s->editor->undoAction()->trigger();
        QCOMPARE(s->document->markups().size(), size_t(2));
        QCOMPARE(MarkupRepository(m_workspace->database()).visibleIn(m_captureId).size(), size_t(2));
        QVERIFY2(s->writeError.isEmpty(), qPrintable(s->writeError));

        // A click on nothing erases nothing and adds no step.
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.5));
        QCOMPARE(s->document->markups().size(), size_t(2));
        QCOMPARE(s->document->undoStack()->index(), steps + 1);
    }

    // A pixelate rectangle hides the patch in the export (its variance drops),
    // is stored with its style, and the audit log keeps the original's hash.
    void pixelateHidesInExportAndAuditsOriginal()
    {
        const QImage plain = exportNow(QStringLiteral("plain.png"));
        const QRect inside = kPatch.adjusted(10, 10, -10, -10);
        const double before = test::greyVariance(plain, inside);
        QVERIFY2(before > 5000, qPrintable(QString::number(before)));

        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        QTest::keyClick(canvas, Qt::Key_X);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Pixelate);
        drag(canvas, at(canvas, 195 / 320.0, 5 / 180.0), at(canvas, 305 / 320.0, 95 / 180.0));
        QCOMPARE(s->document->markups().size(), size_t(1));
        const Markup pixelate = s->document->markups().front();
        QCOMPARE(pixelate.kind, MarkupKind::Blur);
        QCOMPARE(pixelate.style, MarkupStyle::Pixelate);
        QCOMPARE(m_workspace->database().queryText(QStringLiteral("SELECT json_extract(json, '$.style') FROM markups")),
                 QStringLiteral("pixelate"));
        QCOMPARE(MarkupRepository(m_workspace->database()).visibleIn(m_captureId).front().style, MarkupStyle::Pixelate);

        const QImage redacted = exportNow(QStringLiteral("pixelated.png"));
        const double after = test::greyVariance(redacted, inside);
        QVERIFY2(after < before / 4, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        // Square blocks, not a smooth blur: neighbours inside a block are equal.
        int equalNeighbours = 0, pairs = 0;
        for (int y = inside.top(); y <= inside.bottom(); ++y)
            for (int x = inside.left(); x < inside.right(); ++x, ++pairs)
                equalNeighbours += redacted.pixel(x, y) == redacted.pixel(x + 1, y);
        QVERIFY2(equalNeighbours > pairs * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(equalNeighbours).arg(pairs)));

        QFile file(m_dir.filePath(QStringLiteral("pixelated.png")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString exportedHash = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        const AuditEntry row = AuditRepository(m_workspace->database()).history(QStringLiteral("capture"), m_captureId).front();
        QCOMPARE(row.field, QStringLiteral("export"));
        QCOMPARE(row.oldValue, m_workspace->captures().byId(m_captureId)->mediaSha256);
        QVERIFY(!row.oldValue.isEmpty());
        QCOMPARE(row.newValue, exportedHash + QStringLiteral(" pixelated.png"));
    }

    // The highlighter: wide translucent ink, stored with its style; the
    // photo shows through it in the export.
    void highlighterIsTranslucentWideInk()
    {
        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        QTest::keyClick(canvas, Qt::Key_H);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Highlighter);
        s->editor->setColor(QColor(0xFF, 0xFF, 0x00));
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(canvas, 0.1, 0.8));
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(canvas, at(canvas, 0.1 + 0.05 * i, 0.8));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(canvas, 0.5, 0.8));
        const Markup marker = s->document->markups().front();
        QCOMPARE(marker.kind, MarkupKind::Ink);
        QCOMPARE(marker.style, MarkupStyle::Highlighter);
        QCOMPARE(marker.width, canvas->strokeWidth() * AnnotationCanvas::kHighlighterWidthFactor);
        QCOMPARE(MarkupRepository(m_workspace->database()).visibleIn(m_captureId).front().style, MarkupStyle::Highlighter);

        const QColor mark = exportNow(QStringLiteral("highlight.png")).pixelColor(96, 144);
        // Yellow over grey 90: more yellow than the photo, less than the ink.
        QVERIFY2(mark.red() > 110 && mark.red() < 230 && mark.blue() < 90, qPrintable(mark.name()));
    }

    // The wheel zooms at the cursor, + at the centre, the middle button
    // pans, 0 fits; what is drawn then lands at the image point under the mouse.
    void zoomPanThenDrawLandsRight()
    {
        auto s = open();
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        const QTransform fitted = canvas->frameToWidget();
        const double fittedScale = fitted.m11();

        // Wheel two notches at a point: the pixel under it stays there.
        const QPointF cursor = at(canvas, 0.3, 0.4);
        const QPointF pixelBefore = fitted.inverted().map(cursor);
        QWheelEvent wheel(cursor, canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QCOMPARE(canvas->viewZoom(), AnnotationCanvas::kZoomStep * AnnotationCanvas::kZoomStep);
        const QPointF pixelAfter = canvas->frameToWidget().inverted().map(cursor);
        QVERIFY(QLineF(pixelBefore, pixelAfter).length() < 1e-6);

        // Middle-drag pans by the drag.
        const QTransform zoomed = canvas->frameToWidget();
        QTest::mousePress(canvas, Qt::MiddleButton, {}, QPoint(400, 250));
        QMouseEvent move(QEvent::MouseMove, QPointF(370, 230), canvas->mapToGlobal(QPointF(370, 230)), Qt::NoButton,
                         Qt::MiddleButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
        QTest::mouseRelease(canvas, Qt::MiddleButton, {}, QPoint(370, 230));
        QCOMPARE(canvas->frameToWidget().dx(), zoomed.dx() - 30);
        QCOMPARE(canvas->frameToWidget().dy(), zoomed.dy() - 20);

        // A line drawn now: its ends are the image points under the mouse,
        // computed from the zoom and pan applied, not from the canvas's transform.
        const double scale = fittedScale * canvas->viewZoom();
        const QPointF origin = cursor - pixelBefore * scale + QPointF(-30, -20); // where pixel (0, 0) is now
        const auto expected = [&](QPoint w) {
            const QPointF pixel = (QPointF(w) - origin) / scale;
            return cv::Point2d(pixel.x() / 320, pixel.y() / 180);
        };
        QTest::keyClick(canvas, Qt::Key_L);
        const QPoint from(300, 200), to(500, 320);
        drag(canvas, from, to);
        QCOMPARE(s->document->markups().size(), size_t(1));
        const Markup line = s->document->markups().front();
        const double tol = 1.0 / (scale * 320);
        QVERIFY(cv::norm(line.imagePoints.front() - expected(from)) < tol);
        QVERIFY(cv::norm(line.imagePoints.back() - expected(to)) < tol);

        // + zooms at the centre; 0 fits again.
        QTest::keyClick(canvas, Qt::Key_Plus);
        QCOMPARE(canvas->viewZoom(), std::pow(AnnotationCanvas::kZoomStep, 3));
        QTest::keyClick(canvas, Qt::Key_0);
        QCOMPARE(canvas->viewZoom(), 1.0);
        QCOMPARE(canvas->frameToWidget(), fitted);

        // Space held: the left button pans instead of drawing.
        QTest::keyPress(canvas, Qt::Key_Space);
        drag(canvas, QPoint(400, 250), QPoint(420, 270));
        QTest::keyRelease(canvas, Qt::Key_Space);
        QCOMPARE(s->document->markups().size(), size_t(1));
        QCOMPARE(canvas->frameToWidget().dx(), fitted.dx() + 20);
        QCOMPARE(canvas->frameToWidget().dy(), fitted.dy() + 20);
        drag(canvas, QPoint(400, 250), QPoint(420, 270)); // released: the line tool draws again
        QCOMPARE(s->document->markups().size(), size_t(2));
    }

    // A double click on a label opens its words in place: Enter changes the
    // text (one undo step, same anchor), Esc changes nothing.
    void labelEditedInPlace()
    {
        Markup label;
        label.id = QStringLiteral("label-1");
        label.kind = MarkupKind::Text;
        label.space = MarkupSpace::Image;
        label.imagePoints = {{0.3, 0.3}};
        label.text = QStringLiteral("Valve");
        label.width = 3;
        auto s = open({label});
        QVERIFY(s);
        AnnotationCanvas *canvas = s->canvas();
        const QPoint onWords = at(canvas, 0.3, 0.3) + QPoint(8, 8);
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, onWords);
        auto *field = canvas->findChild<QLineEdit *>();
        QVERIFY(field);
        QTRY_VERIFY(field->isVisible());
        QCOMPARE(field->text(), QStringLiteral("Valve"));
        QTest::keyClicks(field, QStringLiteral("Valve 3 leaks")); // the words are selected: typed over
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(s->document->find(label.id)->text, QStringLiteral("Valve 3 leaks"));
        QCOMPARE(s->document->find(label.id)->imagePoints, label.imagePoints);
        QCOMPARE(s->document->undoStack()->index(), 1);
        QCOMPARE(MarkupRepository(m_workspace->database()).visibleIn(m_captureId).front().text, QStringLiteral("Valve 3 leaks"));

        QTRY_VERIFY(!canvas->findChild<QLineEdit *>());
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, onWords);
        field = canvas->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, QStringLiteral("Wrong"));
        QTest::keyClick(field, Qt::Key_Escape);
        QCOMPARE(s->document->find(label.id)->text, QStringLiteral("Valve 3 leaks"));
        QCOMPARE(s->document->undoStack()->index(), 1);

        // A new label cancelled with Esc adds nothing.
        QTRY_VERIFY(!canvas->findChild<QLineEdit *>());
        QTest::keyClick(canvas, Qt::Key_T);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(canvas, 0.7, 0.7));
        field = canvas->findChild<QLineEdit *>();
        QVERIFY(field);
        QTest::keyClicks(field, QStringLiteral("Draft"));
        QTest::keyClick(field, Qt::Key_Escape);
        QCOMPARE(s->document->markups().size(), size_t(1));
        s->editor->undoAction()->trigger();
        QCOMPARE(s->document->find(label.id)->text, QStringLiteral("Valve"));
    }

    // A world markup on a photo with a pose: selected where the camera sees
    // it, its width stepped (one undo step), colour changed, erased; its
    // points stay world points throughout.
    // The editor has no legend (only the viewers do): a notice on its
    // canvas (here: world markup on a photo with no camera to place it) once read the
    // legend's position and crashed, on every opening of the photo.
    void noticeInTheEditorIsShownWithoutALegend()
    {
        CaptureManifest manifest = m_manifest;
        manifest.poses.clear();
        Markup world;
        world.id = QStringLiteral("world-ink");
        world.kind = MarkupKind::Ink;
        world.space = MarkupSpace::World;
        world.worldPoints = {cv::Vec3d(0, 0, 2), cv::Vec3d(0.1, 0, 2)};
        AnnotationDocument document(m_captureId, {world}, QStringLiteral("Ana"), [](const MarkupEdit &) {});
        AnnotationEditorWidget editor;
        editor.resize(800, 520);
        editor.open(&document, manifest, m_photo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(!editor.canvas()->legendPanel());
        const QImage shown = editor.canvas()->grab().toImage(); // paints the notice
        QVERIFY(!shown.isNull());
        QVERIFY2(editor.canvas()->noticeText().contains(QLatin1String("3D markup is not shown")),
                 qPrintable(editor.canvas()->noticeText()));
    }

    void worldMarkupRestyledKeepsWorldGeometry()
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
        world.id = QStringLiteral("world-arrow");
        world.kind = MarkupKind::Arrow;
        world.space = MarkupSpace::World;
        world.worldPoints = {cv::Vec3d(-0.3, 0.0, 2.0), cv::Vec3d(0.3, 0.0, 2.0)}; // pixels 120..198 on row 89.5
        world.width = 4;
        std::vector<MarkupEdit> written;
        AnnotationDocument document(m_captureId, {world}, QStringLiteral("Ana"),
                                    [&](const MarkupEdit &edit) { written.push_back(edit); });
        AnnotationEditorWidget editor;
        editor.resize(800, 520);
        editor.open(&document, manifest, m_photo);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        AnnotationCanvas *canvas = editor.canvas();
        // Zoomed in, it is still found where the camera shows it.
        canvas->zoomAt(2, QPointF(canvas->rect().center()));
        const QPoint middle = canvas->frameToWidget().map(QPointF(160, 90)).toPoint();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, middle);
        QCOMPARE(canvas->selectedId(), world.id);
        auto *width = editor.findChild<QDoubleSpinBox *>();
        QVERIFY(width);
        QCOMPARE(width->value(), 4.0); // the controls show the selection's style
        width->setValue(6);
        width->setValue(8);
        QCOMPARE(document.undoStack()->count(), 1); // one step for the stepping
        editor.setColor(QColor(0x0A, 0x84, 0xFF));
        QCOMPARE(document.undoStack()->count(), 2);
        const Markup *restyled = document.find(world.id);
        QCOMPARE(restyled->width, 8.0);
        QCOMPARE(restyled->color, QColor(0x0A, 0x84, 0xFF));
        QCOMPARE(restyled->space, MarkupSpace::World);
        QCOMPARE(restyled->worldPoints, world.worldPoints);
        QVERIFY(restyled->imagePoints.empty());
        QCOMPARE(written.back().markup.worldPoints, world.worldPoints);
        editor.undoAction()->trigger();
        editor.undoAction()->trigger();
        QCOMPARE(document.find(world.id)->width, 4.0);

        // No resize handles for world geometry: a drag from its end moves nothing.
        const size_t writes = written.size();
        const QPoint end = canvas->frameToWidget().map(QPointF(198.5, 90)).toPoint();
        drag(canvas, end, end + QPoint(30, 30));
        QCOMPARE(written.size(), writes);

        // The eraser deletes it (softly: the edit carries its world points).
        QTest::keyClick(canvas, Qt::Key_E, Qt::ShiftModifier);
        QTRY_COMPARE(canvas->tool(), AnnotationTool::Eraser);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, middle);
        QVERIFY(document.markups().empty());
        QVERIFY(written.back().deleted);
        QCOMPARE(written.back().markup.worldPoints, world.worldPoints);
    }
};

QTEST_MAIN(tst_AnnotationTools)
#include "tst_annotationtools.moc"
