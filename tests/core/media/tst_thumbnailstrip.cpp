#include "media/framesource.h"
#include "media/thumbnailcache.h"
#include "media/thumbnailplan.h"
#include "media/thumbnailstripmaker.h"
#include "testclip.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using sl::FrameIndex;
using sl::PacketRecord;
using sl::ThumbnailCache;
using sl::ThumbnailSlot;
using sl::ThumbnailStripMaker;
using sl::test::TestClip;

namespace {

// An index of `frames` frames at 10 fps (ticks of 1 ms), a keyframe every `gop`.
FrameIndex indexOf(int frames, int gop)
{
    std::vector<PacketRecord> packets;
    for (int i = 0; i < frames; ++i)
        packets.push_back({i * 100, i * 100, 100, i % gop == 0});
    return FrameIndex(std::move(packets), 0.001, frames * 0.1);
}

} // namespace

// The timeline's thumbnails: which frames a strip shows, the disk cache
// (second run decodes nothing, a damaged file is ignored and written again),
// and thumbnails that show the planned frame.
class TestThumbnailStrip : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void plan_data();
    void plan();
    void stripShowsPlannedFrames();
    void secondRunReadsFromDisk();
    void damagedCacheFileIsIgnoredAndRewritten();
    void cacheIsBounded();
    void refusesStripsPastTheLimits();

  private:
    QString clip() const { return m_dir.filePath(QStringLiteral("clip.mp4")); }
    QTemporaryDir m_dir;
};

void TestThumbnailStrip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestClip::Spec spec;
    spec.frames = 150; // 5 s at 30 fps
    spec.keyframeInterval = 30;
    QString error;
    QVERIFY2(TestClip::write(clip(), spec, &error), qPrintable(error));
}

void TestThumbnailStrip::plan_data()
{
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("gop");
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("expected");
    // 10 s, keyframes every 2 s, 5 slots of 2 s (middles 1, 3, 5, 7, 9 s):
    // each keyframe lies within a second of its slot's middle.
    QTest::newRow("keyframes near") << 100 << 20 << 5 << QList<int>{0, 20, 40, 60, 80};
    // 10 s, one keyframe only, 5 slots: the exact frames at the middles
    // (but the first: the keyframe at 0 s is within a second of 1 s).
    QTest::newRow("keyframes far") << 100 << 1000 << 5 << QList<int>{0, 30, 50, 70, 90};
    // Keyframes every 1.5 s, slots of 2 s: the keyframe when within 1 s.
    QTest::newRow("keyframes between") << 100 << 15 << 5 << QList<int>{0, 30, 45, 60, 90};
    // More slots than frames: frames repeat, never go back.
    QTest::newRow("more slots than frames") << 3 << 1 << 6 << QList<int>{0, 0, 1, 1, 2, 2};
    QTest::newRow("one slot") << 100 << 20 << 1 << QList<int>{40};
    QTest::newRow("no slots") << 100 << 20 << 0 << QList<int>{};
    QTest::newRow("no frames") << 0 << 20 << 5 << QList<int>{};
}

void TestThumbnailStrip::plan()
{
    QFETCH(int, frames);
    QFETCH(int, gop);
    QFETCH(int, count);
    QFETCH(QList<int>, expected);
    const FrameIndex index = indexOf(frames, gop);
    const std::vector<ThumbnailSlot> slots = sl::planThumbnails(index, count);
    QList<int> got;
    for (const ThumbnailSlot &slot : slots) {
        got << slot.frame;
        QCOMPARE(slot.seconds, index.timeOf(slot.frame));
    }
    QCOMPARE(got, expected);
}

void TestThumbnailStrip::stripShowsPlannedFrames()
{
    ThumbnailStripMaker maker(nullptr);
    std::vector<ThumbnailStripMaker::Thumbnail> thumbs;
    QString error;
    QVERIFY2(maker.make(clip(), 10, 120, [&](const auto &t) { thumbs.push_back(t); }, nullptr, nullptr, &error),
             qPrintable(error));
    QCOMPARE(int(thumbs.size()), 10);
    sl::FrameSource source;
    QVERIFY(source.open(clip()));
    const std::vector<ThumbnailSlot> plan = sl::planThumbnails(source.index(), 10);
    int previous = -1;
    for (const auto &t : thumbs) {
        QCOMPARE(t.image.height(), 120);
        QCOMPARE(t.shows, plan[size_t(t.slot)]);
        QVERIFY(t.shows.frame >= previous); // decoded forward only
        previous = t.shows.frame;
        // Frame numbers are bars across the picture: still readable at 120 px.
        QCOMPARE(TestClip::numberOf(t.image), t.shows.frame % 256);
    }
    QCOMPARE(maker.stats().sourceOpens, 1);
    QCOMPARE(maker.stats().decodedThumbnails, 10);
}

void TestThumbnailStrip::secondRunReadsFromDisk()
{
    QTemporaryDir cacheDir;
    ThumbnailCache cache(cacheDir.path());
    ThumbnailStripMaker first(&cache);
    std::vector<ThumbnailStripMaker::Thumbnail> decoded;
    QVERIFY(first.make(clip(), 8, 90, [&](const auto &t) { decoded.push_back(t); }));
    QCOMPARE(first.stats().fromDisk, 0);
    QCOMPARE(first.stats().decodedThumbnails, 8);
    QVERIFY(first.stats().framesDecoded >= 8);

    // A new cache object on the same folder, as after a restart.
    ThumbnailCache again(cacheDir.path());
    ThumbnailStripMaker second(&again);
    std::vector<ThumbnailStripMaker::Thumbnail> fromDisk;
    QVERIFY(second.make(clip(), 8, 90, [&](const auto &t) { fromDisk.push_back(t); }));
    QCOMPARE(second.stats().fromDisk, 8);
    QCOMPARE(second.stats().decodedThumbnails, 0);
    QCOMPARE(second.stats().framesDecoded, 0);
    QCOMPARE(second.stats().sourceOpens, 0); // not even indexed: the plan is cached too
    QCOMPARE(int(fromDisk.size()), 8);
    for (const auto &t : fromDisk) {
        QVERIFY(t.fromDisk);
        QCOMPARE(TestClip::numberOf(t.image), t.shows.frame % 256);
    }
    // Another height is another thumbnail.
    ThumbnailStripMaker taller(&again);
    QVERIFY(taller.make(clip(), 8, 100, [](const auto &) {}));
    QCOMPARE(taller.stats().decodedThumbnails, 8);
}

void TestThumbnailStrip::damagedCacheFileIsIgnoredAndRewritten()
{
    QTemporaryDir cacheDir;
    ThumbnailCache cache(cacheDir.path());
    ThumbnailStripMaker maker(&cache);
    std::vector<ThumbnailStripMaker::Thumbnail> thumbs;
    QVERIFY(maker.make(clip(), 4, 90, [&](const auto &t) { thumbs.push_back(t); }));
    QCOMPARE(int(thumbs.size()), 4);
    const QString key = ThumbnailCache::mediaKey(clip());
    QVERIFY(!key.isEmpty());

    // One file cut in half, one flipped byte in its picture, one replaced by garbage.
    const auto pathOf = [&](int slot) { return cache.thumbnailPath(key, thumbs[size_t(slot)].shows.frame, 90); };
    QFile half(pathOf(0));
    QVERIFY(half.open(QIODevice::ReadWrite));
    QVERIFY(half.resize(half.size() / 2));
    half.close();
    QFile flipped(pathOf(1));
    QVERIFY(flipped.open(QIODevice::ReadWrite));
    QByteArray bytes = flipped.readAll();
    bytes[bytes.size() - 10] = char(bytes[bytes.size() - 10] ^ 0x55);
    flipped.seek(0);
    flipped.write(bytes);
    flipped.close();
    QFile garbage(pathOf(2));
    QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
    garbage.write("not a thumbnail");
    garbage.close();

    ThumbnailCache reread(cacheDir.path());
    ThumbnailStripMaker again(&reread);
    std::vector<ThumbnailStripMaker::Thumbnail> second;
    QVERIFY(again.make(clip(), 4, 90, [&](const auto &t) { second.push_back(t); }));
    QCOMPARE(int(second.size()), 4);
    QCOMPARE(again.stats().damagedFiles, 3);
    QCOMPARE(again.stats().fromDisk, 1);
    QCOMPARE(again.stats().decodedThumbnails, 3);
    for (const auto &t : second)
        QCOMPARE(TestClip::numberOf(t.image), t.shows.frame % 256);

    // Written again: a third run reads all four from disk.
    ThumbnailCache third(cacheDir.path());
    ThumbnailStripMaker last(&third);
    QVERIFY(last.make(clip(), 4, 90, [](const auto &) {}));
    QCOMPARE(last.stats().fromDisk, 4);
    QCOMPARE(last.stats().damagedFiles, 0);
}

void TestThumbnailStrip::cacheIsBounded()
{
    QTemporaryDir cacheDir;
    // Room for a few thumbnails only.
    ThumbnailCache small(cacheDir.path(), 12 * 1024);
    ThumbnailStripMaker maker(&small);
    QVERIFY(maker.make(clip(), 20, 120, [](const auto &) {}));
    qint64 total = 0;
    QDirIterator it(cacheDir.path(), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
        ++files;
    }
    QVERIFY2(total <= 12 * 1024, qPrintable(QStringLiteral("%1 bytes in %2 files").arg(total).arg(files)));
    QVERIFY(files > 0);
}

void TestThumbnailStrip::refusesStripsPastTheLimits()
{
    ThumbnailStripMaker maker(nullptr);
    QString error;
    QVERIFY(!maker.make(clip(), sl::limits::kThumbnailsPerStrip + 1, 90, [](const auto &) {}, nullptr, nullptr,
                        &error));
    QVERIFY(error.contains(clip()));
    QVERIFY(!maker.make(clip(), 10, 0, [](const auto &) {}, nullptr, nullptr, &error));
    QVERIFY(!maker.make(m_dir.filePath(QStringLiteral("missing.mp4")), 10, 90, [](const auto &) {}, nullptr,
                        nullptr, &error));
    QVERIFY(error.contains(QStringLiteral("missing.mp4")));
}

QTEST_GUILESS_MAIN(TestThumbnailStrip)
#include "tst_thumbnailstrip.moc"
