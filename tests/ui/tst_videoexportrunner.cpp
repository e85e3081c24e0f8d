// "Export video…" from the GUI: the file chosen, the capture read on the
// store worker, the export on its own thread with progress and cancel, the
// audit row after; and the player's two export actions.
#include "demo/demoworkspacebuilder.h"
#include "media/framesource.h"
#include "player/videoexportrunner.h"
#include "render/videoexporter.h"
#include "store/assetrepository.h"
#include "store/auditrepository.h"
#include "store/capturerepository.h"
#include "store/storeworker.h"
#include "store/workspace.h"
#include "videoplayerwidget.h"

#include <QAction>
#include <QDeadlineTimer>
#include <QFile>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using sl::VideoExporter;

class TestVideoExportRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportsTheWholeVideoAndRecordsIt();
    void exportsTheInOutRange();
    void cancelLeavesNothing();
    void anUnwritableTargetSaysWhy();
    void backingOutWritesNothing();
    void thePlayersActionsAskForTheRange();
    void cleanupTestCase();

private:
    // Runs one export to `fileName` in the temporary folder; returns the
    // finished() arguments.
    QList<QVariant> runExport(const QString &path, std::optional<double> from = {}, std::optional<double> to = {},
                              bool cancelAtFirstProgress = false);
    int exportRows();

    QTemporaryDir m_tmp;
    QString m_workspaceDir;
    QString m_videoId;
    QString m_videoPath;
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<sl::StoreWorker> m_store;
    sl::VideoExportRunner *m_runner = nullptr;
};

void TestVideoExportRunner::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_workspaceDir = m_tmp.filePath(QStringLiteral("workspace"));
    sl::DemoWorkspaceBuilder::Options options;
    options.assetCount = 20;
    options.videoCount = 1;
    options.photoCount = 1;
    options.videoSeconds = 2;
    QString error;
    QVERIFY2(sl::DemoWorkspaceBuilder::build(m_workspaceDir, options, &error), qPrintable(error));
    {
        auto workspace = sl::Workspace::open(m_workspaceDir, &error);
        QVERIFY2(workspace, qPrintable(error));
        const int count = workspace->assets().count();
        for (const sl::Asset &asset : workspace->assets().page(QString(), {}, count)) {
            for (const sl::CaptureRecord &record : workspace->captures().forAsset(asset.id)) {
                if (record.mediaType == sl::MediaType::Video) {
                    m_videoId = record.id;
                    m_videoPath = workspace->absoluteMediaPath(record.mediaPath);
                }
            }
        }
        QVERIFY2(!m_videoId.isEmpty(), "the demo workspace has no video");
    }
    m_window = std::make_unique<QMainWindow>();
    m_store = std::make_unique<sl::StoreWorker>();
    QSignalSpy opened(m_store.get(), &sl::StoreWorker::opened);
    m_store->open(m_workspaceDir);
    QVERIFY(opened.wait(30000));
    m_runner = new sl::VideoExportRunner(*m_store, m_window.get());
}

QList<QVariant> TestVideoExportRunner::runExport(const QString &path, std::optional<double> from,
                                                 std::optional<double> to, bool cancelAtFirstProgress)
{
    m_runner->setTargetChooser([path](const QString &) { return path; });
    QSignalSpy finished(m_runner, &sl::VideoExportRunner::finished);
    m_runner->exportCapture(m_videoId, QStringLiteral("demo video"), from, to);
    if (cancelAtFirstProgress) {
        // The dialog appears once the capture is read; cancel it at once.
        QDeadlineTimer deadline(30000);
        while (!m_runner->progressDialog() && finished.isEmpty() && !deadline.hasExpired())
            QTest::qWait(5);
        // As the user does: the dialog's Cancel button (the thread has just
        // started: far from the last of its frames).
        if (QProgressDialog *dialog = m_runner->progressDialog()) {
            auto *cancel = dialog->findChild<QPushButton *>();
            if (cancel)
                QTest::mouseClick(cancel, Qt::LeftButton);
        }
    }
    if (finished.isEmpty() && !finished.wait(120000))
        return {};
    return finished.first();
}

int TestVideoExportRunner::exportRows()
{
    QString error;
    auto workspace = sl::Workspace::open(m_workspaceDir, &error);
    if (!workspace)
        return -1;
    int rows = 0;
    for (const sl::AuditEntry &entry : sl::AuditRepository(workspace->database()).history(QStringLiteral("capture"), m_videoId))
        rows += entry.field == QLatin1String("export");
    return rows;
}

void TestVideoExportRunner::exportsTheWholeVideoAndRecordsIt()
{
    const int rowsBefore = exportRows();
    const QString path = m_tmp.filePath(QStringLiteral("whole.mp4"));
    const QList<QVariant> result = runExport(path);
    QVERIFY2(!result.isEmpty(), "the export did not finish");
    QCOMPARE(result.at(0).toString(), m_videoId);
    QCOMPARE(result.at(1).toString(), path);
    QCOMPARE(result.at(2).value<VideoExporter::Outcome>(), VideoExporter::Outcome::Done);
    QVERIFY2(result.at(3).toString().isEmpty(), qPrintable(result.at(3).toString()));
    QVERIFY(!m_runner->isRunning());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("whole.mp4")));

    // Every frame of the original is in the export, each at its own time.
    sl::FrameSource original, exported;
    QVERIFY(original.open(m_videoPath));
    QString error;
    QVERIFY2(exported.open(path, &error), qPrintable(error));
    QVERIFY(exported.isVideo());
    QCOMPARE(exported.frameCount(), original.frameCount());
    QVERIFY(qAbs(exported.timeOfFrame(exported.frameCount() - 1) - original.timeOfFrame(original.frameCount() - 1)) < 0.002);
    // The audit row is written after the file, on the store worker.
    QCOMPARE(exportRows(), rowsBefore + 1);
}

void TestVideoExportRunner::exportsTheInOutRange()
{
    const QString path = m_tmp.filePath(QStringLiteral("range.mp4"));
    const QList<QVariant> result = runExport(path, 0.5, 1.0);
    QVERIFY2(!result.isEmpty(), "the export did not finish");
    QCOMPARE(result.at(2).value<VideoExporter::Outcome>(), VideoExporter::Outcome::Done);

    sl::FrameSource original, exported;
    QVERIFY(original.open(m_videoPath));
    QVERIFY(exported.open(path));
    // The frames shown in [0.5, 1.0): from the one shown at 0.5 to the last starting before 1.0.
    const int first = original.frameIndexAt(0.5);
    int last = original.frameIndexAt(1.0);
    if (original.timeOfFrame(last) >= 1.0)
        --last;
    QCOMPARE(exported.frameCount(), last - first + 1);
}

void TestVideoExportRunner::cancelLeavesNothing()
{
    const int rowsBefore = exportRows();
    const QString path = m_tmp.filePath(QStringLiteral("cancelled.mp4"));
    const QList<QVariant> result = runExport(path, {}, {}, true);
    QVERIFY2(!result.isEmpty(), "the export did not finish");
    QCOMPARE(result.at(2).value<VideoExporter::Outcome>(), VideoExporter::Outcome::Cancelled);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(exportRows(), rowsBefore);
    QVERIFY(!m_runner->isRunning());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("cancelled")));
}

void TestVideoExportRunner::anUnwritableTargetSaysWhy()
{
    const QString path = m_tmp.filePath(QStringLiteral("no/such/folder/out.mp4"));
    const QList<QVariant> result = runExport(path);
    QVERIFY2(!result.isEmpty(), "the export did not finish");
    QCOMPARE(result.at(2).value<VideoExporter::Outcome>(), VideoExporter::Outcome::Failed);
    QVERIFY(!result.at(3).toString().isEmpty());
    QVERIFY(!QFile::exists(path));
    // The user is told, without a modal loop blocking the window.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) != nullptr);
    QVERIFY(box->informativeText().contains(result.at(3).toString()));
    box->close();
}

void TestVideoExportRunner::backingOutWritesNothing()
{
    QSignalSpy finished(m_runner, &sl::VideoExportRunner::finished);
    m_runner->setTargetChooser([](const QString &suggested) {
        // The suggestion names the capture and is an MP4 file.
        return suggested.endsWith(QLatin1String("demo_video.mp4")) ? QString() : QStringLiteral("unexpected");
    });
    m_runner->exportCapture(m_videoId, QStringLiteral("demo video"), {}, {});
    QVERIFY(!m_runner->isRunning());
    QTest::qWait(100);
    QCOMPARE(finished.count(), 0);
}

void TestVideoExportRunner::thePlayersActionsAskForTheRange()
{
    sl::VideoPlayerWidget player;
    QSignalSpy asked(&player, &sl::VideoPlayerWidget::videoExportRequested);
    auto *whole = player.findChild<QAction *>(QStringLiteral("exportVideoAction"));
    auto *range = player.findChild<QAction *>(QStringLiteral("exportRangeAction"));
    QVERIFY(whole && range);
    QCOMPARE(whole->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(!range->isEnabled()); // no in or out point yet
    whole->trigger();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toDouble(), -1.0);
    QCOMPARE(asked.at(0).at(1).toDouble(), -1.0);
    player.markIn();
    QVERIFY(range->isEnabled());
    range->trigger();
    QCOMPARE(asked.count(), 2);
    QCOMPARE(asked.at(1).at(0).toDouble(), player.loopIn());
    QCOMPARE(asked.at(1).at(1).toDouble(), -1.0); // to the end
    player.clearLoop();
    QVERIFY(!range->isEnabled());
}

void TestVideoExportRunner::cleanupTestCase()
{
    delete m_runner;
    m_store.reset();
}

QTEST_MAIN(TestVideoExportRunner)
#include "tst_videoexportrunner.moc"
