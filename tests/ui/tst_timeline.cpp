// The player's timeline on a generated clip whose frames carry their number:
// thumbnails arrive and show the planned frames, a second open reads them
// from the disk cache without decoding, the density strip follows the
// markup's time ranges, hovering previews, and a drag scrubs to the exact
// frame of the release time with far fewer decodes than mouse moves.
#include "uitestutil.h"
#include "media/framesource.h"
#include "media/framesourceworker.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailplan.h"
#include "player/timelinepreview.h"
#include "player/timelinewidget.h"
#include "testclip.h"
#include "uitext.h"
#include "videocanvas.h"
#include "videoplayerwidget.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using sl::test::pixelAt;
using sl::test::TestClip;

class TestTimeline : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void thumbnailsArriveWithTheirFrames();
    void secondOpenReadsTheDiskCache();
    void damagedCacheFileIsRewritten();
    void densityFollowsMarkupAndBookmarks();
    void hoverShowsPreview();
    void dragScrubLandsOnReleaseFrame();

  private:
    // Shows `player` at 900x560 and opens the clip: true once its first frame
    // is painted and the timeline knows the video.
    bool showAndOpen(sl::VideoPlayerWidget &player, const QString &cacheFolder);
    QPoint atTime(const sl::TimelineWidget &timeline, double seconds) const;

    QTemporaryDir m_dir;
    QString m_clip;
    sl::CaptureManifest m_manifest;
    int m_frames = 300;
};

void TestTimeline::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    TestClip::Spec spec;
    spec.frames = m_frames; // 10 s at 30 fps
    spec.size = {640, 360};
    spec.keyframeInterval = 60;
    QString error;
    QVERIFY2(TestClip::write(m_clip, spec, &error), qPrintable(error));

    m_manifest.mediaType = sl::MediaType::Video;
    m_manifest.mediaFile = QStringLiteral("clip.mp4");
    sl::Markup line;
    line.id = QStringLiteral("m1");
    line.kind = sl::MarkupKind::Line;
    line.space = sl::MarkupSpace::Image;
    line.imagePoints = {{0.1, 0.1}, {0.4, 0.4}};
    line.from = 2.0;
    line.to = 4.0;
    m_manifest.markups = {line};
    sl::Bookmark bookmark;
    bookmark.id = QStringLiteral("b1");
    bookmark.name = QStringLiteral("loose flange");
    bookmark.from = 6.0;
    bookmark.to = 7.5;
    m_manifest.bookmarks = {bookmark};
}

bool TestTimeline::showAndOpen(sl::VideoPlayerWidget &player, const QString &cacheFolder)
{
    player.timeline()->setThumbnailCacheFolder(cacheFolder);
    player.resize(900, 560);
    player.show();
    if (!QTest::qWaitForWindowExposed(&player))
        return false;
    player.open(m_manifest, m_clip, {});
    return QTest::qWaitFor(
        [&player]() { return player.framesPainted() >= 1 && player.timeline()->duration() > 0; }, 15000);
}

QPoint TestTimeline::atTime(const sl::TimelineWidget &timeline, double seconds) const
{
    return {timeline.xOf(seconds), timeline.height() - 10};
}

void TestTimeline::thumbnailsArriveWithTheirFrames()
{
    QTemporaryDir cache;
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player, cache.path()));
    sl::TimelineWidget *timeline = player.timeline();
    QTRY_VERIFY_WITH_TIMEOUT(timeline->stripFinished(), 20000);
    const int count = timeline->thumbnailCount();
    QVERIFY2(count >= 5, qPrintable(QString::number(count))); // N from the width
    QCOMPARE(timeline->thumbnailsShown(), count);
    QCOMPARE(timeline->stripStats().decodedThumbnails + timeline->stripStats().fromDisk, count);
    QCOMPARE(timeline->stripStats().fromDisk, 0);

    sl::FrameSource source;
    QVERIFY(source.open(m_clip));
    const std::vector<sl::ThumbnailSlot> plan = sl::planThumbnails(source.index(), count);
    for (int slot = 0; slot < count; ++slot) {
        QCOMPARE(timeline->thumbnailFrame(slot), plan[size_t(slot)].frame);
        QCOMPARE(TestClip::numberOf(timeline->thumbnail(slot)), plan[size_t(slot)].frame % 256);
    }
    // Across the whole video, in order.
    QVERIFY(timeline->thumbnailFrame(0) < m_frames / count + 1);
    QVERIFY(timeline->thumbnailFrame(count - 1) > m_frames - 2 * m_frames / count);
}

void TestTimeline::secondOpenReadsTheDiskCache()
{
    QTemporaryDir cache;
    int count = 0;
    {
        sl::VideoPlayerWidget first;
        QVERIFY(showAndOpen(first, cache.path()));
        QTRY_VERIFY_WITH_TIMEOUT(first.timeline()->stripFinished(), 20000);
        count = first.timeline()->thumbnailCount();
        QCOMPARE(first.timeline()->stripStats().decodedThumbnails, count);
    }
    sl::VideoPlayerWidget second;
    QVERIFY(showAndOpen(second, cache.path()));
    QTRY_VERIFY_WITH_TIMEOUT(second.timeline()->stripFinished(), 20000);
    QCOMPARE(second.timeline()->thumbnailCount(), count);
    QCOMPARE(second.timeline()->thumbnailsShown(), count);
    const sl::ThumbnailStripMaker::Stats stats = second.timeline()->stripStats();
    QCOMPARE(stats.fromDisk, count);
    QCOMPARE(stats.decodedThumbnails, 0);
    QCOMPARE(stats.framesDecoded, 0);
    QCOMPARE(stats.sourceOpens, 0);
    for (int slot = 0; slot < count; ++slot)
        QCOMPARE(TestClip::numberOf(second.timeline()->thumbnail(slot)), second.timeline()->thumbnailFrame(slot) % 256);
}

void TestTimeline::damagedCacheFileIsRewritten()
{
    QTemporaryDir cache;
    int frame = -1;
    {
        sl::VideoPlayerWidget first;
        QVERIFY(showAndOpen(first, cache.path()));
        QTRY_VERIFY_WITH_TIMEOUT(first.timeline()->stripFinished(), 20000);
        frame = first.timeline()->thumbnailFrame(2);
    }
    const sl::ThumbnailCache files(cache.path());
    const QString path = files.thumbnailPath(sl::ThumbnailCache::mediaKey(m_clip), frame, 54);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(100, 'x'));
    file.close();

    sl::VideoPlayerWidget second;
    QVERIFY(showAndOpen(second, cache.path()));
    QTRY_VERIFY_WITH_TIMEOUT(second.timeline()->stripFinished(), 20000);
    QCOMPARE(second.timeline()->stripStats().damagedFiles, 1);
    QCOMPARE(second.timeline()->stripStats().decodedThumbnails, 1);
    QCOMPARE(TestClip::numberOf(second.timeline()->thumbnail(2)), frame % 256);
    QVERIFY(QFileInfo(path).size() > 100); // written again
}

void TestTimeline::densityFollowsMarkupAndBookmarks()
{
    QTemporaryDir cache;
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player, cache.path()));
    sl::TimelineWidget *timeline = player.timeline();
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->density().empty(), 15000);
    const std::vector<int> &density = timeline->density();
    const double span = timeline->duration() / double(density.size());
    for (size_t b = 0; b < density.size(); ++b) {
        const double middle = (double(b) + 0.5) * span;
        QCOMPARE(density[b], middle >= 2.0 && middle <= 4.0 ? 1 : 0);
    }
    // Painted: the markup's band is orange, the bookmark's tick blue.
    const QImage shot = timeline->grab().toImage();
    const QColor markup = pixelAt(shot, timeline->xOf(3.0), 10);
    QVERIFY2(markup.red() > 150 && markup.blue() < 100, qPrintable(markup.name()));
    const QColor tick = pixelAt(shot, timeline->xOf(6.0), 8);
    QVERIFY2(tick.blue() > 150 && tick.red() < 150, qPrintable(tick.name()));
    const QColor empty = pixelAt(shot, timeline->xOf(9.0), 10);
    QVERIFY2(empty.red() < 100, qPrintable(empty.name()));
}

void TestTimeline::hoverShowsPreview()
{
    QTemporaryDir cache;
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player, cache.path()));
    sl::TimelineWidget *timeline = player.timeline();
    QTRY_VERIFY_WITH_TIMEOUT(timeline->stripFinished(), 20000);
    QVERIFY(!timeline->preview()->isVisible());
    QTest::mouseMove(timeline, atTime(*timeline, 5.0));
    QTRY_VERIFY(timeline->preview()->isVisible());
    QVERIFY(timeline->preview()->hasThumbnail());
    QVERIFY2(timeline->preview()->timeText().startsWith(sl::UiText::mediaTime(timeline->timeAt(timeline->xOf(5.0)))),
             qPrintable(timeline->preview()->timeText()));
    // Hovering does not move the video.
    QCOMPARE(player.currentFrameIndex(), 0);
}

void TestTimeline::dragScrubLandsOnReleaseFrame()
{
    QTemporaryDir cache;
    sl::VideoPlayerWidget player;
    QVERIFY(showAndOpen(player, cache.path()));
    sl::TimelineWidget *timeline = player.timeline();
    QTRY_VERIFY_WITH_TIMEOUT(player.frameIndex() != nullptr, 15000);
    const qint64 servedBefore = player.frameSourceWorker()->requestsServed();

    constexpr int kMoves = 200;
    QTest::mousePress(timeline, Qt::LeftButton, {}, atTime(*timeline, 0.5));
    QVERIFY(timeline->isScrubbing());
    // Back and forth over the whole video, as a hand does.
    for (int i = 0; i < kMoves; ++i) {
        const double t = 0.5 + 9.0 * std::abs(std::sin(i * 0.05));
        QTest::mouseMove(timeline, atTime(*timeline, t));
    }
    const QPoint release = atTime(*timeline, 7.3);
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, release);
    const int expected = player.frameIndex()->indexAt(timeline->timeAt(release.x()));
    QTRY_COMPARE_WITH_TIMEOUT(player.currentFrameIndex(), expected, 15000);
    QTest::qWait(200); // any answer still in flight lands
    QCOMPARE(player.currentFrameIndex(), expected);
    QCOMPARE(TestClip::numberOf(player.canvas()->frame()), expected % 256);
    QVERIFY(!player.isPlaying());

    const qint64 decodes = player.frameSourceWorker()->requestsServed() - servedBefore;
    QVERIFY2(decodes >= 1 && decodes <= kMoves / 4,
             qPrintable(QStringLiteral("%1 decodes for %2 moves").arg(decodes).arg(kMoves)));
    qInfo("%lld frames decoded for %d mouse moves", decodes, kMoves);
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
