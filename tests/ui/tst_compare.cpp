// Compare: choosing the pair from the main window (same asset only, by
// date, oldest against newest), the shared view of two photos, the wipe's
// pixels and divider, and two videos stepping together to their exact frames.
#include "uitestutil.h"
#include "nullsoundserver.h"
#include "capturegallerywidget.h"
#include "compare/compareactions.h"
#include "compare/comparecanvas.h"
#include "compare/comparechooserdialog.h"
#include "compare/compareside.h"
#include "compare/comparesound.h"
#include "compare/soundfollow.h"
#include "compare/comparewindow.h"
#include "compare/wipeview.h"
#include "demo/demoworkspacebuilder.h"
#include "mainwindow.h"
#include "store/assetrepository.h"
#include "store/workspace.h"
#include "testclip.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMediaDevices>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using sl::test::pixelAt;
using namespace sl;

namespace {

constexpr int kWaitMs = 20000;

CompareWindow::Capture photoCapture(const QString &path, const QString &id, const QString &capturedAt)
{
    CompareWindow::Capture c;
    c.record.id = id;
    c.record.assetId = QStringLiteral("asset");
    c.record.mediaType = MediaType::Photo;
    c.record.capturedAt = capturedAt;
    c.record.manifest.id = id;
    c.record.manifest.assetId = c.record.assetId;
    c.record.manifest.mediaType = MediaType::Photo;
    c.record.manifest.mediaFile = QFileInfo(path).fileName();
    c.record.manifest.capturedAt = capturedAt;
    c.mediaPath = path;
    return c;
}

CompareWindow::Capture videoCapture(const QString &path, const QString &id, const QString &capturedAt,
                                    const QString &frame)
{
    CompareWindow::Capture c = photoCapture(path, id, capturedAt);
    c.record.mediaType = MediaType::Video;
    c.record.manifest.mediaType = MediaType::Video;
    c.record.spatialFrame = frame;
    c.record.manifest.spatialFrame = frame;
    return c;
}

QString solidPhoto(const QTemporaryDir &dir, const QString &name, QSize size, const QColor &color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    const QString path = dir.filePath(name);
    return image.save(path) ? path : QString();
}

bool near(const QColor &a, const QColor &b, int tolerance = 40)
{
    return std::abs(a.red() - b.red()) < tolerance && std::abs(a.green() - b.green()) < tolerance &&
           std::abs(a.blue() - b.blue()) < tolerance;
}

void sendMouse(QWidget *to, QEvent::Type type, QPointF at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, to->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(to, &event);
}

void drag(QWidget *widget, QPointF from, QPointF to)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

void wheel(QWidget *widget, QPointF at, int eighths)
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, eighths), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

bool sameRect(const QRectF &a, const QRectF &b, double tolerance)
{
    return std::abs(a.left() - b.left()) < tolerance && std::abs(a.top() - b.top()) < tolerance &&
           std::abs(a.width() - b.width()) < tolerance && std::abs(a.height() - b.height()) < tolerance;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void compareWithOffersTheAssetsOtherCapturesOldestFirst();
    void zoomAndPanFollowOnTheOtherSide();
    void wipeShowsAToTheLeftAndBToTheRight();
    void draggingTheDividerMovesTheSplit();
    void videosStepTogetherToTheirExactFrames_data();
    void videosStepTogetherToTheirExactFrames();
    void aPhotoStaysWhileTheVideoSteps();
    void soundOfTheChosenSideFollowsTheClock();

private:
    CompareWindow *openPhotos();

    QTemporaryDir m_tmp;
    std::unique_ptr<CompareWindow> m_photos;
};

void TestCompare::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<sl::CompareWindow *>();
    QVERIFY(m_tmp.isValid());
}

void TestCompare::compareWithOffersTheAssetsOtherCapturesOldestFirst()
{
    const QString directory = m_tmp.filePath(QStringLiteral("workspace"));
    DemoWorkspaceBuilder::Options options;
    options.videoCount = 2;
    options.photoCount = 3;
    options.videoSeconds = 1;
    QString error;
    QVERIFY2(DemoWorkspaceBuilder::build(directory, options, &error), qPrintable(error));
    // The asset with the most captures, and how many captures there are in all.
    QString assetId;
    int total = 0;
    {
        auto workspace = Workspace::open(directory, &error);
        QVERIFY2(workspace, qPrintable(error));
        int best = 0;
        for (const Asset &asset : workspace->assets().page(QString(), {}, workspace->assets().count())) {
            total += asset.captureCount;
            if (asset.captureCount > best) {
                best = asset.captureCount;
                assetId = asset.id;
            }
        }
        QVERIFY2(best >= 2, "no demo asset has two captures");
        QVERIFY2(total > best, "every demo capture is on one asset: nothing to leave out");
    }

    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::workspaceOpened);
    window.openWorkspace(directory);
    QVERIFY(opened.wait(kWaitMs));
    window.resize(1200, 800);
    window.show();
    QSignalSpy shown(&window, &MainWindow::assetShown);
    window.showAsset(assetId);
    QVERIFY(shown.wait(kWaitMs));
    CaptureGalleryWidget *gallery = window.captureGallery();
    QTRY_VERIFY_WITH_TIMEOUT(gallery->count() >= 2, kWaitMs);

    // Select the newest; Compare with… offers the others, oldest first, the oldest chosen.
    std::vector<CaptureRecord> records;
    for (const GalleryEntry &e : gallery->entries())
        records.push_back(e.record);
    std::sort(records.begin(), records.end(),
              [](const CaptureRecord &a, const CaptureRecord &b) { return a.capturedAt < b.capturedAt; });
    QVERIFY(gallery->selectCapture(records.back().id));
    window.compareActions()->compareWithAction()->trigger();
    auto *dialog = window.findChild<CompareChooserDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->list()->count(), int(records.size()) - 1);
    for (int row = 0; row < dialog->list()->count(); ++row)
        QCOMPARE(dialog->list()->item(row)->data(Qt::UserRole).toString(), records[size_t(row)].id);
    QCOMPARE(dialog->chosenId(), records.front().id);

    QSignalSpy compared(window.compareActions(), &CompareActions::compareOpened);
    dialog->accept(); // the second click
    QVERIFY(compared.wait(kWaitMs));
    CompareWindow *compare = window.compareActions()->lastWindow();
    QVERIFY(compare);
    // The earlier left; both of the asset; the titles say which is older.
    QCOMPARE(compare->side(0)->record().id, records.front().id);
    QCOMPARE(compare->side(1)->record().id, records.back().id);
    QCOMPARE(compare->side(0)->record().assetId, assetId);
    QVERIFY(compare->title(0)->text().contains(QStringLiteral("older")));
    QVERIFY(compare->title(1)->text().contains(QStringLiteral("newer")));
    QTRY_VERIFY_WITH_TIMEOUT(compare->side(0)->shownIndex() >= 0 && compare->side(1)->shownIndex() >= 0, kWaitMs);
    // A photo against a video: the video steps, the photo stays.
    if (compare->side(0)->isVideo() != compare->side(1)->isVideo()) {
        const int video = compare->side(0)->isVideo() ? 0 : 1;
        compare->stepFrames(1);
        QTRY_COMPARE_WITH_TIMEOUT(compare->side(video)->shownIndex(), 1, kWaitMs);
        QCOMPARE(compare->side(1 - video)->shownIndex(), 0);
        QVERIFY(compare->canvas(1 - video)->hasFrame());
    }
    compare->close();
}

CompareWindow *TestCompare::openPhotos()
{
    if (m_photos)
        return m_photos.get();
    // Same aspect, different sizes: red before, blue after.
    const QString red = solidPhoto(m_tmp, QStringLiteral("before.png"), QSize(400, 300), QColor(220, 30, 30));
    const QString blue = solidPhoto(m_tmp, QStringLiteral("after.png"), QSize(800, 600), QColor(30, 60, 220));
    if (red.isEmpty() || blue.isEmpty())
        return nullptr;
    CompareWindow::Capture a = photoCapture(red, QStringLiteral("a"), QStringLiteral("2026-03-01T08:00:00Z"));
    // A's own markup: a green horizontal line across its whole width, at mid-height.
    Markup line;
    line.id = QStringLiteral("line");
    line.kind = MarkupKind::Line;
    line.imagePoints = {{0.0, 0.5}, {1.0, 0.5}};
    line.color = QColor(0, 255, 0);
    line.width = 12;
    a.record.manifest.markups.push_back(line);
    m_photos = std::make_unique<CompareWindow>();
    m_photos->resize(1000, 600);
    m_photos->open(a, photoCapture(blue, QStringLiteral("b"), QStringLiteral("2026-03-09T08:00:00Z")));
    m_photos->show();
    if (!QTest::qWaitForWindowExposed(m_photos.get()))
        return nullptr;
    const bool shown =
        QTest::qWaitFor([this] { return m_photos->canvas(0)->hasFrame() && m_photos->canvas(1)->hasFrame(); }, kWaitMs);
    return shown ? m_photos.get() : nullptr;
}

void TestCompare::zoomAndPanFollowOnTheOtherSide()
{
    CompareWindow *window = openPhotos();
    QVERIFY(window);
    window->setWipe(false);
    window->fitView();
    CompareCanvas *a = window->canvas(0);
    CompareCanvas *b = window->canvas(1);
    QVERIFY(sameRect(a->visibleImageRect(), b->visibleImageRect(), 0.01));

    // The wheel on A at a point off centre: both zoom about it.
    const QPointF cursor(a->width() * 0.7, a->height() * 0.4);
    const QPointF heldBefore = a->frameToWidget().inverted().map(cursor);
    wheel(a, cursor, 240); // two notches
    QVERIFY(window->sharedView().zoom > 1.5);
    QVERIFY(QLineF(a->frameToWidget().inverted().map(cursor), heldBefore).length() < 1.0); // A's pixel stays
    QVERIFY2(sameRect(a->visibleImageRect(), b->visibleImageRect(), 0.01), "B does not show A's part");
    QVERIFY(a->visibleImageRect().width() < 0.7);

    // Dragging B pans both.
    const QRectF before = a->visibleImageRect();
    drag(b, QPointF(b->width() / 2.0, b->height() / 2.0), QPointF(b->width() / 2.0 - 60, b->height() / 2.0 + 30));
    QVERIFY(a->visibleImageRect().left() > before.left() + 0.01);  // the picture moved left: more of its right seen
    QVERIFY(a->visibleImageRect().top() < before.top() - 0.005);
    QVERIFY(sameRect(a->visibleImageRect(), b->visibleImageRect(), 0.01));

    // 0 fits both again.
    QTest::keyClick(window, Qt::Key_0);
    QCOMPARE(window->sharedView(), SharedView());
    QVERIFY(sameRect(a->visibleImageRect(), b->visibleImageRect(), 0.01));
}

void TestCompare::wipeShowsAToTheLeftAndBToTheRight()
{
    CompareWindow *window = openPhotos();
    QVERIFY(window);
    window->fitView();
    window->setWipe(false);
    QTest::keyClick(window, Qt::Key_W);
    QVERIFY(window->isWipe());
    WipeView *wipe = window->wipeView();
    QTRY_VERIFY(wipe->isVisible());
    wipe->setFraction(0.5);
    const QImage shot = wipe->grab().toImage();
    const int x = qRound(wipe->dividerX());
    const int y = wipe->height() / 4; // clear of A's line at mid-height
    QVERIFY2(near(pixelAt(shot, x - 30, y), QColor(220, 30, 30)), "A's red is not left of the divider");
    QVERIFY2(near(pixelAt(shot, x + 30, y), QColor(30, 60, 220)), "B's blue is not right of the divider");
    // Both fitted into the same box: the pictures' edges line up across the divider.
    const QRectF box = CompareViewGeometry::imageRect(QSizeF(400, 300), QRectF(wipe->rect()), SharedView());
    QVERIFY(near(pixelAt(shot, x - 30, qRound(box.top()) + 3), QColor(220, 30, 30)));
    QVERIFY(near(pixelAt(shot, x + 30, qRound(box.top()) + 3), QColor(30, 60, 220)));
    // A's markup only in A's part.
    const int mid = qRound(box.center().y());
    QVERIFY2(near(pixelAt(shot, x - 30, mid), QColor(0, 255, 0)), "A's markup is missing left of the divider");
    QVERIFY2(near(pixelAt(shot, x + 30, mid), QColor(30, 60, 220)), "A's markup crosses into B's part");
    QTest::keyClick(window, Qt::Key_W);
    QVERIFY(!window->isWipe());
}

void TestCompare::draggingTheDividerMovesTheSplit()
{
    CompareWindow *window = openPhotos();
    QVERIFY(window);
    window->fitView();
    window->setWipe(true);
    WipeView *wipe = window->wipeView();
    wipe->setFraction(0.5);
    const double y = wipe->height() / 4.0;
    QSignalSpy moved(wipe, &WipeView::fractionChanged);
    drag(wipe, QPointF(wipe->dividerX() + 3, y), QPointF(wipe->width() * 0.25, y));
    QVERIFY(!moved.isEmpty());
    QVERIFY(std::abs(wipe->fraction() - 0.25) < 0.01);
    QCOMPARE(window->sharedView(), SharedView()); // a divider drag does not pan
    const QImage shot = wipe->grab().toImage();
    const int x = qRound(wipe->dividerX());
    QVERIFY(near(pixelAt(shot, x - 20, int(y)), QColor(220, 30, 30)));
    QVERIFY(near(pixelAt(shot, x + 20, int(y)), QColor(30, 60, 220)));
    QVERIFY(near(pixelAt(shot, wipe->width() / 2 - 20, int(y)), QColor(30, 60, 220))); // was A's before
    // A drag away from the divider pans instead.
    drag(wipe, QPointF(wipe->width() * 0.7, y), QPointF(wipe->width() * 0.7 + 40, y));
    QVERIFY(std::abs(wipe->fraction() - 0.25) < 0.01);
    QVERIFY(window->sharedView().centre.x() < 0.5);
}

void TestCompare::videosStepTogetherToTheirExactFrames_data()
{
    QTest::addColumn<QString>("frameB");
    QTest::addColumn<double>("expectedLeadB");
    QTest::newRow("different spatial frames: at their starts") << "other" << 0.0;
    QTest::newRow("shared spatial frame: by capture time") << "shared" << 0.2;
}

void TestCompare::videosStepTogetherToTheirExactFrames()
{
    QFETCH(QString, frameB);
    QFETCH(double, expectedLeadB);
    // Two 10 fps clips whose frames carry their numbers; B captured 0.2 s after A.
    test::TestClip::Spec spec;
    spec.frames = 20;
    spec.fps = 10;
    spec.keyframeInterval = 8;
    const QString pathA = m_tmp.filePath(QStringLiteral("a.mp4"));
    const QString pathB = m_tmp.filePath(QStringLiteral("b.mp4"));
    QString error;
    if (!QFileInfo::exists(pathA)) {
        QVERIFY2(test::TestClip::write(pathA, spec, &error), qPrintable(error));
        spec.frames = 15;
        QVERIFY2(test::TestClip::write(pathB, spec, &error), qPrintable(error));
    }
    CompareWindow window;
    window.resize(900, 500);
    window.open(videoCapture(pathA, QStringLiteral("va"), QStringLiteral("2026-03-02T08:30:00.000Z"),
                             QStringLiteral("shared")),
                videoCapture(pathB, QStringLiteral("vb"), QStringLiteral("2026-03-02T08:30:00.200Z"), frameB));
    window.show();
    QCOMPARE(window.alignment().leadB, expectedLeadB);
    QCOMPARE(window.offsetLabel()->text().contains(QStringLiteral("capture time")), expectedLeadB > 0);
    QCOMPARE(window.offsetLabel()->text().contains(QStringLiteral("0.200 s after A")), expectedLeadB > 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.side(0)->shownIndex() == 0 && window.side(1)->shownIndex() == 0, kWaitMs);

    for (int step = 1; step <= 6; ++step) {
        QTest::keyClick(&window, Qt::Key_Right);
        const double t = window.sharedTime();
        QVERIFY2(std::abs(t - step * 0.1) < 1e-6, qPrintable(QString::number(t)));
        // Each side shows the frame whose interval holds its own media time, read from its pixels.
        const int expectedA = qMin(19, int(std::floor(t * 10 + 1e-6)));
        const int expectedB = qBound(0, int(std::floor((t - expectedLeadB) * 10 + 1e-6)), 14);
        QTRY_COMPARE_WITH_TIMEOUT(window.side(0)->shownIndex(), expectedA, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.side(1)->shownIndex(), expectedB, kWaitMs);
        QCOMPARE(test::TestClip::numberOf(window.canvas(0)->frame()), expectedA);
        QCOMPARE(test::TestClip::numberOf(window.canvas(1)->frame()), expectedB);
    }
    // And back.
    QTest::keyClick(&window, Qt::Key_Left);
    QTRY_COMPARE_WITH_TIMEOUT(window.side(0)->shownIndex(), 5, kWaitMs);
    QCOMPARE(test::TestClip::numberOf(window.canvas(0)->frame()), 5);
    // Play runs both clocks to the end, then stops.
    QSignalSpy playing(&window, &CompareWindow::playingChanged);
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(window.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isPlaying(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.side(0)->shownIndex(), 19, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.side(1)->shownIndex(), 14, kWaitMs);
}

void TestCompare::aPhotoStaysWhileTheVideoSteps()
{
    const QString video = m_tmp.filePath(QStringLiteral("a.mp4")); // made by the test before
    const QString photo = solidPhoto(m_tmp, QStringLiteral("still.png"), QSize(320, 240), QColor(220, 30, 30));
    QVERIFY(QFileInfo::exists(video) && !photo.isEmpty());
    CompareWindow window;
    window.resize(900, 500);
    window.open(photoCapture(photo, QStringLiteral("p"), QStringLiteral("2026-03-01T08:00:00Z")),
                videoCapture(video, QStringLiteral("v"), QStringLiteral("2026-03-02T08:00:00Z"), QStringLiteral("f")));
    window.show();
    QVERIFY(!window.alignment().byCaptureTime);
    QVERIFY(window.offsetLabel()->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window.side(0)->shownIndex() == 0 && window.side(1)->shownIndex() == 0, kWaitMs);
    window.stepFrames(3);
    QTRY_COMPARE_WITH_TIMEOUT(window.side(1)->shownIndex(), 3, kWaitMs);
    QCOMPARE(test::TestClip::numberOf(window.canvas(1)->frame()), 3);
    QCOMPARE(window.side(0)->shownIndex(), 0);
    QVERIFY(near(window.canvas(0)->frame().pixelColor(10, 10), QColor(220, 30, 30)));
}


// The Sound menu chooses whose sound plays (A's at first); it plays only
// while the clock runs and where the side's media time lies, near that
// time. Without an audio device the choice is off and the menu says so
// (the test's main starts a null sound device: pulseaudio, where installed).
void TestCompare::soundOfTheChosenSideFollowsTheClock()
{
    // An 8 s clip with a tone, and one without sound; B captured 1 s after A.
    const QString withSound = m_tmp.filePath(QStringLiteral("tone.mp4"));
    const QString silent = m_tmp.filePath(QStringLiteral("silent.mp4"));
    const auto make = [](const QStringList &args) {
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"), QStringList{"-v", "error", "-y"} + args);
        return ffmpeg.waitForFinished(60000) && ffmpeg.exitStatus() == QProcess::NormalExit && ffmpeg.exitCode() == 0;
    };
    QVERIFY(make({"-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=8", "-f", "lavfi", "-i",
                  "sine=frequency=440:duration=8", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                  "-shortest", withSound}));
    QVERIFY(make({"-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=8", "-c:v", "libx264", "-pix_fmt",
                  "yuv420p", silent}));

    CompareWindow window;
    window.resize(700, 400);
    window.open(videoCapture(withSound, QStringLiteral("ta"), QStringLiteral("2026-03-02T08:30:00.000Z"),
                             QStringLiteral("shared")),
                videoCapture(silent, QStringLiteral("tb"), QStringLiteral("2026-03-02T08:30:01.000Z"),
                             QStringLiteral("shared")));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window)); // the keys are the window's shortcuts
    CompareSound *sound = window.sound();
    QCOMPARE(sound->source(), CompareSound::SideA);

    // The menu: the three choices with their keys, then mute and volume.
    QMenu *menu = nullptr;
    for (QAction *a : window.findChild<QMenuBar *>()->actions())
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Sound"))
            menu = a->menu();
    QVERIFY(menu);
    QStringList items;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            items << a->text() + QLatin1Char('|') + a->shortcut().toString();
    QCOMPARE(items.mid(items.size() - 6),
             (QStringList{"No sound|Ctrl+0", "Sound of A|Ctrl+1", "Sound of B|Ctrl+2", "Mute|Ctrl+M",
                          "Louder|Ctrl+Up", "Quieter|Ctrl+Down"}));
    QCOMPARE(items.size() == 7, !sound->hasDevice()); // "No sound device" heads the menu
    QCOMPARE(sound->sourceAction(CompareSound::SideB)->isEnabled(), sound->hasDevice());

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(sound->source(), sound->hasDevice() ? CompareSound::SideB : CompareSound::SideA);
    if (!sound->hasDevice()) {
        // Nothing can play: playing the clock leaves the sound off.
        window.play();
        QTest::qWait(300);
        QVERIFY(!sound->isPlaying());
        window.pause();
        QSKIP("No audio device: the sound's timing was not checked (the choice and the menu were).");
    }
    // B has no sound: nothing plays while the clock runs.
    window.play();
    QTest::qWait(500);
    QVERIFY(!sound->isPlaying());
    window.pause();

    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(sound->source(), CompareSound::SideA);
    // The sound comes to the clock and stays with it (A has no lead): within
    // kMaxDriftSeconds for a whole second at a time, sampled every 50 ms.
    // A loaded machine delays a pipeline's start and moves by different
    // amounts, so it may take a correction or two to get there; a CI machine
    // running other tests beside this one has also left a whole play with
    // the sound off the clock, so the play is tried up to three times.
    double settledAt = -1;
    for (int attempt = 1; attempt <= 3 && settledAt < 0; ++attempt) {
        window.pause();
        QTest::keyClick(&window, Qt::Key_Home);
        window.play();
        QTRY_VERIFY_WITH_TIMEOUT(sound->isPlaying(), kWaitMs);
        double steadySince = -1, worst = 0, lastDrift = 0;
        while (window.isPlaying() && window.sharedTime() < 7.0 && settledAt < 0) {
            QTest::qWait(50);
            const double drift = sound->positionMs() / 1000.0 - window.sharedTime();
            lastDrift = drift;
            if (std::abs(drift) >= SoundFollow::kMaxDriftSeconds) {
                steadySince = -1;
                worst = 0;
                continue;
            }
            if (steadySince < 0)
                steadySince = window.sharedTime();
            worst = std::max(worst, std::abs(drift));
            if (window.sharedTime() - steadySince >= 1.0)
                settledAt = steadySince;
        }
        qInfo("play %d: sound within %.3f s of the clock for a second from %.2f s on (clock %.2f s, %s, last "
              "drift %.3f s)",
              attempt, worst, settledAt, window.sharedTime(), window.isPlaying() ? "playing" : "stopped", lastDrift);
    }
    QVERIFY2(settledAt >= 0, "the sound did not stay within 0.12 s of the clock for a second in three plays");
    window.pause();
    QVERIFY(!sound->isPlaying());
    // A step does not play sound; "No sound" keeps it off while playing.
    window.stepFrames(1);
    QVERIFY(!sound->isPlaying());
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(sound->source(), CompareSound::None);
    window.play();
    QTest::qWait(300);
    QVERIFY(!sound->isPlaying());
    window.pause();
}

SL_TEST_MAIN_WITH_SOUND(TestCompare)
#include "tst_compare.moc"
