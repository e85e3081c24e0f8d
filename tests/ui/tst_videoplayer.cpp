// VideoPlayerWidget on a real H.264 demo clip: the first frame shows paused,
// frame steps move by one frame, playback paints frames with their markup at
// the frame's own time, and a broken file shows an error instead of failing silently.
#include "media/framesource.h"
#include "badmedia.h"
#include "testclip.h"
#include "nullsoundserver.h"
#include "uitestutil.h"
#include "uitext.h"
#include "videocanvas.h"
#include "videoplayerwidget.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTest>

#include <cmath>

namespace {

// Mean absolute difference of two frames over a sparse grid, 0..255.
double frameDistance(const QImage &a, const QImage &b)
{
    if (a.size() != b.size() || a.isNull())
        return 255;
    double sum = 0;
    int n = 0;
    for (int y = 0; y < a.height(); y += 7)
        for (int x = 0; x < a.width(); x += 7) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green()) + std::abs(p.blue() - q.blue());
            n += 3;
        }
    return sum / n;
}

// The frame index whose decoded pixels (OpenCV, as export-frame uses) are
// nearest to `shown`, among `around` and its neighbours.
int nearestFrame(sl::FrameSource &decoder, const QImage &shown, int around)
{
    int best = -1;
    double bestDistance = 1e9;
    for (int index = std::max(0, around - 2); index <= around + 2 && index < decoder.frameCount(); ++index) {
        const double d = frameDistance(shown, decoder.frame(index));
        if (d < bestDistance) {
            bestDistance = d;
            best = index;
        }
    }
    return best;
}

} // namespace

class TestVideoPlayer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsFirstFramePaused();
    void stepsOneFrame();
    void playsWithMarkupAtFrameTime();
    void keyboardStepsAndPlays();
    void playAfterASeekStartsThere();
    void playAfterTheEndStartsAgain();
    void aFileCutShortSaysSoAndEndsWhereItEnds();
    void stepsShowExactFramesByNumber();
    void reviewKeysSpeedsAndLoop();
    void rotatedVideoShowsTurned();
    void brokenFileShowsError();
    void missingFileShowsError();
    void stillImageAsVideoShowsError();

private:
    std::vector<sl::Markup> worldMarkups() const { return sl::test::worldMarkupsOf(m_video); }
    // Shows `player` at 800x520 and opens the demo video in it: true once
    // its first frame is painted.
    bool showAndOpen(sl::VideoPlayerWidget &player);

    QTemporaryDir m_tmp;
    sl::CaptureManifest m_video;
    QString m_videoPath;
};

void TestVideoPlayer::initTestCase()
{
    // The timeline's thumbnails go to a test cache folder, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
    QString error;
    const auto video = sl::test::makeDemoCapture(m_tmp.path(), QStringLiteral("2b0c6f43-0000-4000-8000-00000000000b"),
                                                 sl::MediaType::Video, &error);
    QVERIFY2(video, qPrintable(error));
    m_video = video->manifest;
    m_videoPath = video->mediaPath;
}

bool TestVideoPlayer::showAndOpen(sl::VideoPlayerWidget &player)
{
    player.resize(800, 520);
    player.show();
    if (!QTest::qWaitForWindowExposed(&player))
        return false;
    player.open(m_video, m_videoPath, worldMarkups());
    return QTest::qWaitFor([&player]() { return player.framesPainted() >= 1; }, 15000);
}

void TestVideoPlayer::showsFirstFramePaused()
{
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player));
    QVERIFY(!player.isPlaying());
    QVERIFY2(player.errorText().isEmpty(), qPrintable(player.errorText()));
    QVERIFY(player.currentFrameTime() < 0.2);
    QTRY_VERIFY_WITH_TIMEOUT(player.durationSeconds() > 1.0, 15000);
    const QLabel *time = player.findChild<QLabel *>(QStringLiteral("timeLabel"));
    QVERIFY(time);
    QTRY_VERIFY(time->text().endsWith(sl::UiText::mediaTime(player.durationSeconds())));
}

void TestVideoPlayer::stepsOneFrame()
{
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player));
    QTRY_VERIFY_WITH_TIMEOUT(player.durationSeconds() > 1.0, 15000);

    const double frame = 1.0 / player.fps();
    QVERIFY(player.fps() > 1 && player.fps() < 240);
    const double start = player.currentFrameTime();
    player.stepForward();
    QTRY_VERIFY_WITH_TIMEOUT(player.currentFrameTime() > start + frame / 2, 15000);
    QVERIFY2(std::abs(player.currentFrameTime() - (start + frame)) < frame / 2,
             qPrintable(QStringLiteral("stepped from %1 to %2").arg(start).arg(player.currentFrameTime())));

    player.stepFrames(5);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.currentFrameTime() - (start + 6 * frame)) < frame / 2, 15000);
    player.stepBackward();
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.currentFrameTime() - (start + 5 * frame)) < frame / 2, 15000);
    QVERIFY(!player.isPlaying());

    // The time the markup is drawn at is the time of the pixels on screen:
    // the shown frame is the one OpenCV decodes at that index.
    sl::FrameSource decoder;
    QString error;
    QVERIFY2(decoder.open(m_videoPath, &error), qPrintable(error));
    const int index = int(std::lround(player.currentFrameTime() * player.fps()));
    QCOMPARE(nearestFrame(decoder, player.canvas()->frame(), index), index);
}

void TestVideoPlayer::playsWithMarkupAtFrameTime()
{
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player));
    const int before = player.framesPainted();
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(player.framesPainted() >= before + 5, 15000);
    QVERIFY2(player.errorText().isEmpty(), qPrintable(player.errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(player.lastOverlayResult().worldMarkupsDrawn > 0, 15000);
    // The canvas draws at the frame's own time, which is a whole frame of the clip.
    const double t = player.canvas()->frameSeconds();
    const double frames = t * player.fps();
    QVERIFY2(std::abs(frames - std::round(frames)) < 0.05, qPrintable(QString::number(t)));
    // It plays to the end.
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 20000);
    QVERIFY(player.currentFrameTime() > 1.0);
}

void TestVideoPlayer::keyboardStepsAndPlays()
{
    sl::VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    player.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&player));
    player.open(m_video, m_videoPath, worldMarkups());
    QTRY_VERIFY_WITH_TIMEOUT(player.framesPainted() >= 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(player.durationSeconds() > 1.0, 15000);
    player.canvas()->setFocus();
    const double frame = 1.0 / player.fps();

    QTest::keyClick(player.canvas(), Qt::Key_Right);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.currentFrameTime() - frame) < frame / 2, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_Period);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.currentFrameTime() - 2 * frame) < frame / 2, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_Comma);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.currentFrameTime() - frame) < frame / 2, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), 5000);
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
}

void TestVideoPlayer::playAfterASeekStartsThere()
{
    // Seek and play at once after opening, while GStreamer is still loading
    // the media (it drops a seek made then, and would play from 0): every
    // frame painted while playing is at or after the seek's time.
    sl::VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    std::vector<double> shown;
    connect(&player, &sl::VideoPlayerWidget::frameShown, &player, [&](double seconds) { shown.push_back(seconds); });
    player.open(m_video, m_videoPath, worldMarkups());
    const double target = 1.0;
    player.seekSeconds(target);
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(shown.size() >= 5, 15000);
    player.pause();
    const double frame = 1.0 / player.fps();
    for (const double seconds : shown)
        QVERIFY2(seconds > target - frame, qPrintable(QStringLiteral("a frame at %1 s was shown after seeking to %2 s")
                                                           .arg(seconds)
                                                           .arg(target)));
}

void TestVideoPlayer::playAfterTheEndStartsAgain()
{
    // A 1 s clip played to its end; then Space plays it again from the
    // start, and so do Home then Space: frames are painted from the start
    // to the end each time.
    sl::test::TestClip::Spec spec;
    spec.frames = 30;
    spec.keyframeInterval = 10;
    const QString clip = m_tmp.filePath(QStringLiteral("short.mp4"));
    QString error;
    QVERIFY2(sl::test::TestClip::write(clip, spec, &error), qPrintable(error));
    sl::VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    player.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&player));
    std::vector<double> shown;
    connect(&player, &sl::VideoPlayerWidget::frameShown, &player, [&](double seconds) { shown.push_back(seconds); });
    player.open(m_video, clip, {});
    QTRY_VERIFY_WITH_TIMEOUT(player.frameIndex() && player.currentFrameIndex() == 0, 15000);
    player.canvas()->setFocus();
    const auto playsThrough = [&](const char *how) {
        shown.clear();
        QTRY_VERIFY2_WITH_TIMEOUT(!shown.empty() && shown.back() > 0.9, qPrintable(QStringLiteral("%1: frames shown %2").arg(QLatin1String(how)).arg(shown.size())), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
        QCOMPARE(player.currentFrameIndex(), 29);
        QVERIFY2(std::count_if(shown.begin(), shown.end(), [](double s) { return s < 0.5; }) >= 5,
                 qPrintable(QStringLiteral("%1: it did not play from the start").arg(QLatin1String(how))));
    };
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    playsThrough("the first play");
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    playsThrough("Space at the end");
    QTest::keyClick(player.canvas(), Qt::Key_Home);
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), 0, 5000);
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    playsThrough("Home, then Space");
    // At the end, five frames back, then Space: from there to the end.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(player.canvas(), Qt::Key_Left);
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), 24, 5000);
    shown.clear();
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.empty() && shown.back() > 0.9, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
    for (const double seconds : shown)
        QVERIFY2(seconds > 0.75, qPrintable(QStringLiteral("a frame at %1 s was shown playing from 0.8 s").arg(seconds)));
}

void TestVideoPlayer::aFileCutShortSaysSoAndEndsWhereItEnds()
{
    // A 3 s clip cut to half its bytes: the player says so, its length is
    // what can be read, and playing stops on the last readable frame.
    QString error;
    const QString whole = m_tmp.filePath(QStringLiteral("whole-fs.mp4"));
    const QString cut = m_tmp.filePath(QStringLiteral("cut-fs.mp4"));
    QVERIFY2(sl::test::BadMedia::writeFastStartClip(whole, 90, 30, &error), qPrintable(error));
    QVERIFY2(sl::test::BadMedia::truncateCopy(whole, cut, 0.5, &error), qPrintable(error));
    sl::VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    player.open(m_video, cut, {});
    QTRY_VERIFY_WITH_TIMEOUT(player.frameIndex() && player.currentFrameIndex() == 0, 15000);
    const auto index = player.frameIndex();
    QVERIFY(index->isCutShort());
    const double end = index->readableEnd();
    QTRY_VERIFY_WITH_TIMEOUT(player.canvas()->noticeText().contains(QStringLiteral("ends early")), 5000);
    QVERIFY2(player.canvas()->noticeText().contains(sl::UiText::mediaTime(end)), qPrintable(player.canvas()->noticeText()));
    QCOMPARE(player.durationSeconds(), end);
    const QLabel *timeLabel = player.findChild<QLabel *>(QStringLiteral("timeLabel"));
    QVERIFY2(timeLabel->text().endsWith(sl::UiText::mediaTime(end)), qPrintable(timeLabel->text()));

    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), 5000);
    QElapsedTimer playing;
    playing.start();
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 10000);
    // Stopped at the readable end, not at the 3 s the container promises.
    qInfo("played %.2f s of the %.2f s that can be read", playing.elapsed() / 1000.0, end);
    QVERIFY2(playing.elapsed() < 2800, qPrintable(QString::number(playing.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), index->count() - 1, 5000);
    QVERIFY(!player.canvas()->showsError());

    // The next file has no such notice.
    player.open(m_video, m_videoPath, {});
    QTRY_VERIFY_WITH_TIMEOUT(player.frameIndex() && player.currentFrameIndex() == 0, 15000);
    QVERIFY2(!player.canvas()->noticeText().contains(QStringLiteral("ends early")), qPrintable(player.canvas()->noticeText()));
}

void TestVideoPlayer::stepsShowExactFramesByNumber()
{
    // A variable-rate clip whose frames show their number: every key lands
    // on the exact frame, from the frame source, whatever the rate.
    sl::test::TestClip::Spec spec;
    spec.frames = 120;
    spec.variableRate = true;
    spec.keyframeInterval = 30;
    const QString clip = m_tmp.filePath(QStringLiteral("numbered.mp4"));
    QString error;
    QVERIFY2(sl::test::TestClip::write(clip, spec, &error), qPrintable(error));
    const std::vector<double> times = sl::test::TestClip::probeTimes(clip, &error);
    QVERIFY2(!times.empty(), qPrintable(error));

    sl::VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    player.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&player));
    player.open(m_video, clip, {});
    QTRY_VERIFY_WITH_TIMEOUT(player.frameIndex() && player.currentFrameIndex() == 0, 15000);
    player.canvas()->setFocus();
    const QLabel *frameLabel = player.findChild<QLabel *>(QStringLiteral("frameLabel"));
    QVERIFY(frameLabel);
    const auto shows = [&player](int index) {
        return player.currentFrameIndex() == index &&
               sl::test::TestClip::numberOf(player.canvas()->frame()) == index;
    };
    QTRY_VERIFY_WITH_TIMEOUT(shows(0), 15000);

    for (int i = 1; i <= 3; ++i) {
        QTest::keyClick(player.canvas(), Qt::Key_Right);
        QTRY_VERIFY_WITH_TIMEOUT(shows(i), 15000);
    }
    QCOMPARE(frameLabel->text(), QStringLiteral("Frame 4 of 120"));
    QCOMPARE(player.currentFrameTime(), player.frameIndex()->timeOf(3));
    QVERIFY(std::abs(player.currentFrameTime() - times[3]) < 2e-6);
    QTest::keyClick(player.canvas(), Qt::Key_Left);
    QTRY_VERIFY_WITH_TIMEOUT(shows(2), 15000);
    // One second on: the frame whose interval holds t(2) + 1 s, by ffprobe's times.
    QTest::keyClick(player.canvas(), Qt::Key_Right, Qt::ShiftModifier);
    const int secondOn = sl::test::TestClip::frameShownAt(times, times[2] + 1.0);
    QVERIFY(secondOn > 20);
    QTRY_VERIFY_WITH_TIMEOUT(shows(secondOn), 15000);
    QTest::keyClick(player.canvas(), Qt::Key_Left, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(shows(sl::test::TestClip::frameShownAt(times, times[size_t(secondOn)] - 1.0)), 15000);
    QTest::keyClick(player.canvas(), Qt::Key_End);
    QTRY_VERIFY_WITH_TIMEOUT(shows(119), 15000);
    QCOMPARE(frameLabel->text(), QStringLiteral("Frame 120 of 120"));
    // Back steps across a keyframe, one by one.
    for (int i = 118; i >= 85; --i) {
        player.stepBackward();
        QTRY_VERIFY_WITH_TIMEOUT(shows(i), 15000);
    }
    QTest::keyClick(player.canvas(), Qt::Key_Home);
    QTRY_VERIFY_WITH_TIMEOUT(shows(0), 15000);
    // Scrubbing while paused shows the exact frame of the time.
    player.seekSeconds(times[50] + 0.001);
    QTRY_VERIFY_WITH_TIMEOUT(shows(50), 15000);
    QVERIFY(!player.isPlaying());
}

void TestVideoPlayer::reviewKeysSpeedsAndLoop()
{
    sl::VideoPlayerWidget player;
    player.resize(800, 520);
    player.show();
    player.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&player));
    player.open(m_video, m_videoPath, worldMarkups());
    QTRY_VERIFY_WITH_TIMEOUT(player.frameIndex() && player.currentFrameIndex() == 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(player.durationSeconds() > 1.0, 15000);
    player.canvas()->setFocus();

    // Every action is in the menu, with its key shown.
    const auto *menuButton = player.findChild<QToolButton *>(QStringLiteral("playerMenuButton"));
    QVERIFY(menuButton && menuButton->menu());
    QStringList shown;
    for (const QAction *action : menuButton->menu()->actions())
        if (!action->isSeparator() && !action->menu()) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            shown << action->shortcut().toString();
        }
    for (const QString &key : {QStringLiteral("Space"), QStringLiteral("J"), QStringLiteral("K"), QStringLiteral("L"),
                               QStringLiteral("Left"), QStringLiteral("Right"), QStringLiteral("Shift+Left"),
                               QStringLiteral("Shift+Right"), QStringLiteral("Home"), QStringLiteral("End"),
                               QStringLiteral("I"), QStringLiteral("O")})
        QVERIFY2(shown.contains(key), qPrintable(key));

    // L plays, L again doubles the speed (set on the loaded media); K stops.
    QTest::keyClick(player.canvas(), Qt::Key_L);
    QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), 5000);
    QTest::keyClick(player.canvas(), Qt::Key_L);
    QCOMPARE(player.speed(), 2.0);
    // The rate reaches the media once it has loaded (GStreamer ignores one set before).
    QTRY_COMPARE_WITH_TIMEOUT(player.player()->playbackRate(), 2.0, 5000);
    QTest::keyClick(player.canvas(), Qt::Key_K);
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 5000);
    // K ends the shuttle: the next L plays at 1x, and the label says no speed.
    QCOMPARE(player.speed(), 1.0);
    const QLabel *frameLabel = player.findChild<QLabel *>(QStringLiteral("frameLabel"));
    QVERIFY2(!frameLabel->text().contains(QStringLiteral("×")), qPrintable(frameLabel->text()));
    const QToolButton *playButton = player.findChild<QToolButton *>(QStringLiteral("playButton"));
    QCOMPARE(playButton->toolTip(), QStringLiteral("Play (Space)"));

    // J plays backwards through exact frames from the end; K stops it.
    QTest::keyClick(player.canvas(), Qt::Key_End);
    const int last = player.frameIndex()->count() - 1;
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), last, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_J);
    QVERIFY(player.isPlayingBackwards());
    QCOMPARE(playButton->toolTip(), QStringLiteral("Pause (Space)")); // playing, backwards
    QTRY_VERIFY_WITH_TIMEOUT(player.currentFrameIndex() < last - 5, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_K);
    QVERIFY(!player.isPlayingBackwards());
    QVERIFY(!player.isPlaying());
    QCOMPARE(playButton->toolTip(), QStringLiteral("Play (Space)"));
    // Space pauses playing backwards, as the button shows.
    QTest::keyClick(player.canvas(), Qt::Key_J);
    QVERIFY(player.isPlayingBackwards());
    QTest::keyClick(player.canvas(), Qt::Key_Space);
    QVERIFY(!player.isPlayingBackwards());
    QVERIFY(!player.isPlaying());

    // I and O mark a loop at the frames on screen.
    player.goToFirstFrame();
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), 0, 15000);
    player.stepFrames(10);
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), 10, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_I);
    player.stepFrames(15);
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), 25, 15000);
    QTest::keyClick(player.canvas(), Qt::Key_O);
    QVERIFY2(frameLabel->text().contains(QLatin1String("loop")), qPrintable(frameLabel->text()));
    player.setSpeed(1.0);
    player.play();
    // Playing past the out point goes back to the in point, again and again.
    const double out = player.frameIndex()->timeOf(25);
    QTest::qWait(2500);
    QVERIFY(player.isPlaying());
    QVERIFY2(player.currentFrameTime() <= out + 0.2,
             qPrintable(QStringLiteral("at %1 s, loop ends at %2 s").arg(player.currentFrameTime()).arg(out)));
    player.pause();
}

void TestVideoPlayer::brokenFileShowsError()
{
    const QString broken = m_tmp.filePath(QStringLiteral("broken.mp4"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();

    sl::VideoPlayerWidget player;
    player.resize(640, 400);
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    player.open(m_video, broken, worldMarkups());
    QTRY_VERIFY_WITH_TIMEOUT(!player.errorText().isEmpty(), 15000);
    QVERIFY(player.canvas()->showsError());
    QCOMPARE(player.framesPainted(), 0);
    player.play(); // refused quietly, no crash
    QVERIFY(!player.isPlaying());
}

void TestVideoPlayer::missingFileShowsError()
{
    sl::VideoPlayerWidget player;
    player.open(m_video, m_tmp.filePath(QStringLiteral("nowhere.mp4")), {});
    // Found out on the frame source's thread, not by a stat on the GUI's.
    QTRY_VERIFY_WITH_TIMEOUT(player.errorText().contains(QLatin1String("nowhere.mp4: media file not found")), 15000);
}

void TestVideoPlayer::rotatedVideoShowsTurned()
{
    sl::test::TestClip::Spec spec;
    spec.frames = 30;
    spec.rotation = 90;
    const QString clip = m_tmp.filePath(QStringLiteral("turned.mp4"));
    QString error;
    QVERIFY2(sl::test::TestClip::write(clip, spec, &error), qPrintable(error));
    sl::VideoPlayerWidget player;
    player.resize(640, 640);
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    player.open(m_video, clip, worldMarkups());
    QTRY_VERIFY_WITH_TIMEOUT(player.currentFrameIndex() == 0, 15000);
    player.stepFrames(7);
    QTRY_VERIFY_WITH_TIMEOUT(player.currentFrameIndex() == 7, 15000);
    const QImage shown = player.canvas()->frame();
    QCOMPARE(shown.size(), QSize(spec.size.height, spec.size.width));
    QCOMPARE(sl::test::TestClip::numberOfTurned(shown, 90), 7);
    QCOMPARE(player.canvas()->sensorRotation(), 90);
    QCOMPARE(player.canvas()->codedSize(), QSize(spec.size.width, spec.size.height));
}

void TestVideoPlayer::stillImageAsVideoShowsError()
{
    // A PNG whose manifest (and name) say video: a clear message, not "Loading video…" forever.
    const QString lying = m_tmp.filePath(QStringLiteral("lying.mp4"));
    QImage still(64, 48, QImage::Format_RGB888);
    still.fill(Qt::darkGreen);
    QVERIFY(still.save(lying, "PNG"));
    sl::VideoPlayerWidget player;
    player.open(m_video, lying, {});
    QTRY_VERIFY_WITH_TIMEOUT(player.errorText().contains(QLatin1String("lying.mp4: the file is a still image")), 15000);
    QVERIFY(player.canvas()->showsError());
}

SL_TEST_MAIN_WITH_SOUND(TestVideoPlayer)
#include "tst_videoplayer.moc"
