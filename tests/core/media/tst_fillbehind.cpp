#include "media/framesource.h"
#include "media/framesourceworker.h"
#include "testclip.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using sl::FrameSource;
using sl::FrameSourceWorker;
using sl::MediaType;
using sl::test::TestClip;

// Readying a step back ahead of time (FrameSource::fillBehind, and the
// worker that runs it while nothing is asked), and skipping, while decoding
// up to a later frame, the frames no other frame refers to.
class TestFillBehind : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void stepsBackAreReadied_data();
    void stepsBackAreReadied();
    void aStopEndsTheFill();
    void theFillStaysWithinTheCache();
    void framesNothingRefersToAreSkipped();
    void aSeekKeepsThePicturesJustBeforeIt_data();
    void aSeekKeepsThePicturesJustBeforeIt();
    void theWorkerFillsWhenNothingIsAsked();
    void theWorkerDoesNotFillWhenOff();

  private:
    QString clip(const char *name) const { return m_dir.filePath(QString::fromLatin1(name) + ".mp4"); }
    QTemporaryDir m_dir;
};

void TestFillBehind::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    TestClip::Spec spec;
    spec.frames = 150;
    spec.keyframeInterval = 150; // one keyframe group: a step back decodes from frame 0
    spec.variableRate = true;
    QVERIFY2(TestClip::write(clip("bframes"), spec, &error), qPrintable(error));
    spec.keyframeInterval = 30;
    QVERIFY2(TestClip::write(clip("gop30"), spec, &error), qPrintable(error));
    spec.keyframeInterval = 150;
    spec.bFrames = 0; // every frame a reference, turned as a phone held upright
    spec.rotation = 90;
    QVERIFY2(TestClip::write(clip("rotated"), spec, &error), qPrintable(error));
}

void TestFillBehind::stepsBackAreReadied_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rotation");
    QTest::addColumn<int>("from");
    QTest::newRow("B-frames, late in the group") << "bframes" << 0 << 140;
    QTest::newRow("B-frames, near the keyframe") << "bframes" << 0 << 20;
    QTest::newRow("rotated, no B-frames") << "rotated" << 90 << 120;
    QTest::newRow("across keyframe groups") << "gop30" << 0 << 65;
}

// After fillBehind(n), stepping back from n is served from the cache with
// exactly its frames, and the decoder that serves the playhead stood still:
// the step forward from n costs one frame.
void TestFillBehind::stepsBackAreReadied()
{
    QFETCH(QString, name);
    QFETCH(int, rotation);
    QFETCH(int, from);
    FrameSource source;
    QString error;
    QVERIFY2(source.open(clip(name.toLatin1().constData()), &error), qPrintable(error));
    QCOMPARE(TestClip::numberOfTurned(source.frame(from), rotation), from);
    std::atomic<bool> stop{false};
    QVERIFY(source.fillBehind(from, stop));
    const FrameSource::Stats filled = source.stats();
    const int steps = std::min(from, 32); // about a second of frames
    QVERIFY(filled.filled >= steps);
    for (int i = from - 1; i >= from - steps; --i)
        QCOMPARE(TestClip::numberOfTurned(source.frame(i), rotation), i);
    const FrameSource::Stats stepped = source.stats();
    QCOMPARE(stepped.decoded, filled.decoded);
    QCOMPARE(stepped.cacheHits - filled.cacheHits, qint64(steps));
    // Filling again changes nothing: what it would decode is held.
    QVERIFY(source.fillBehind(from, stop));
    QCOMPARE(source.stats().decoded, stepped.decoded);
    // Forward from the playhead: its decoder is where it stopped.
    QCOMPARE(TestClip::numberOfTurned(source.frame(from + 1), rotation), from + 1);
    QCOMPARE(source.stats().decoded - stepped.decoded, qint64(1));
    QCOMPARE(source.stats().seeks, stepped.seeks);
}

void TestFillBehind::aStopEndsTheFill()
{
    FrameSource source;
    QString error;
    QVERIFY2(source.open(clip("bframes"), &error), qPrintable(error));
    QCOMPARE(TestClip::numberOf(source.frame(140)), 140);
    source.dropCachedFrames(); // (and the pictures the seek kept: the fill alone is tried)
    const FrameSource::Stats before = source.stats();
    std::atomic<bool> stop{true};
    QVERIFY(!source.fillBehind(140, stop));
    QVERIFY(source.stats().decoded - before.decoded <= 1); // the frame being decoded, no more
    QVERIFY(source.stats().filled <= 1);
    // The step back that came goes on from where the fill stopped (no
    // seek), keeping the frames before it; nothing is left half done.
    const FrameSource::Stats stopped = source.stats();
    QCOMPARE(TestClip::numberOf(source.frame(139)), 139);
    QCOMPARE(source.stats().seeks, stopped.seeks);
    QCOMPARE(TestClip::numberOf(source.frame(138)), 138);
    QCOMPARE(source.stats().cacheHits, stopped.cacheHits + 1);
    stop = false;
    QVERIFY(source.fillBehind(139, stop));
    QCOMPARE(TestClip::numberOf(source.frame(138)), 138);
    QCOMPARE(TestClip::numberOf(source.frame(100)), 100);
}

// A cache of ten frames keeps room for the frame shown and the few decoded
// ahead: six frames are readied, the seventh step back decodes.
void TestFillBehind::theFillStaysWithinTheCache()
{
    FrameSource source;
    source.setCacheLimit(10 * 320 * 240 * 3);
    QString error;
    QVERIFY2(source.open(clip("bframes"), &error), qPrintable(error));
    QCOMPARE(TestClip::numberOf(source.frame(100)), 100);
    source.dropCachedFrames(); // (and the pictures the seek kept: the fill alone is tried)
    std::atomic<bool> stop{false};
    QVERIFY(source.fillBehind(100, stop));
    QVERIFY(source.stats().cachedBytes <= 10 * 320 * 240 * 3);
    const FrameSource::Stats filled = source.stats();
    for (int i = 99; i >= 94; --i)
        QCOMPARE(TestClip::numberOf(source.frame(i)), i);
    QCOMPARE(source.stats().decoded, filled.decoded);
    QCOMPARE(TestClip::numberOf(source.frame(93)), 93);
    QVERIFY(source.stats().decoded > filled.decoded);
}

// Reaching frame 140 of a group that starts at 0: with B-frames, those no
// other frame refers to are not decoded; without, every frame is.
void TestFillBehind::framesNothingRefersToAreSkipped()
{
    FrameSource withB;
    QString error;
    QVERIFY2(withB.open(clip("bframes"), &error), qPrintable(error));
    QCOMPARE(TestClip::numberOf(withB.frame(140)), 140);
    QVERIFY2(withB.stats().decoded < 120, qPrintable(QString::number(withB.stats().decoded)));
    FrameSource withoutB;
    QVERIFY2(withoutB.open(clip("rotated"), &error), qPrintable(error));
    QCOMPARE(TestClip::numberOfTurned(withoutB.frame(140), 90), 140);
    QCOMPARE(withoutB.stats().decoded, qint64(141));
}

void TestFillBehind::aSeekKeepsThePicturesJustBeforeIt_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rotation");
    QTest::newRow("B-frames") << "bframes" << 0;
    QTest::newRow("rotated, no B-frames") << "rotated" << 90;
}

// Right after a seek, the eight frames before it are converted from the
// pictures the seek decoded on its way, not decoded again; the ninth is.
void TestFillBehind::aSeekKeepsThePicturesJustBeforeIt()
{
    QFETCH(QString, name);
    QFETCH(int, rotation);
    FrameSource source;
    QString error;
    QVERIFY2(source.open(clip(name.toLatin1().constData()), &error), qPrintable(error));
    QCOMPARE(TestClip::numberOfTurned(source.frame(120), rotation), 120);
    const FrameSource::Stats sought = source.stats();
    for (int i = 119; i >= 112; --i)
        QCOMPARE(TestClip::numberOfTurned(source.frame(i), rotation), i);
    QCOMPARE(source.stats().decoded, sought.decoded);
    QCOMPARE(source.stats().seeks, sought.seeks);
    QCOMPARE(TestClip::numberOfTurned(source.frame(111), rotation), 111);
    QVERIFY(source.stats().decoded > sought.decoded);
    // Another seek replaces them: nothing of the first is kept.
    QCOMPARE(TestClip::numberOfTurned(source.frame(60), rotation), 60);
    QCOMPARE(TestClip::numberOfTurned(source.frame(59), rotation), 59);
    // A jump ahead in the same group decodes on without a seek, and keeps
    // the pictures before its target too.
    const qint64 seeksBefore = source.stats().seeks;
    QCOMPARE(TestClip::numberOfTurned(source.frame(90), rotation), 90);
    const FrameSource::Stats jumped = source.stats();
    QCOMPARE(jumped.seeks, seeksBefore);
    for (int i = 89; i >= 82; --i)
        QCOMPARE(TestClip::numberOfTurned(source.frame(i), rotation), i);
    QCOMPARE(source.stats().decoded, jumped.decoded);
}

void TestFillBehind::theWorkerFillsWhenNothingIsAsked()
{
    FrameSourceWorker worker;
    worker.setFillBehind(true);
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    worker.open(clip("bframes"), MediaType::Video);
    worker.requestFrame(120);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(worker.framesFilledBehind() >= 32, 15000);
    for (int i = 119; i >= 110; --i) {
        worker.requestFrame(i);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 121 - i, 15000);
        QCOMPARE(ready.last().at(0).toInt(), i);
        QCOMPARE(TestClip::numberOf(ready.last().at(2).value<QImage>()), i);
    }
}

void TestFillBehind::theWorkerDoesNotFillWhenOff()
{
    FrameSourceWorker worker;
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    worker.open(clip("bframes"), MediaType::Video);
    worker.requestFrame(120);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(worker.framesDecodedAhead(), qint64(2), 15000);
    QTest::qWait(FrameSourceWorker::kFillDelayMs * 3);
    QCOMPARE(worker.framesFilledBehind(), qint64(0));
    worker.setFillBehind(true); // turned on, it fills behind the frame shown
    QTRY_VERIFY_WITH_TIMEOUT(worker.framesFilledBehind() > 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(worker.cachedBytes() > 0, 15000);
    // Off again (playback decodes now): the frames held are let go, and a
    // frame asked for afterwards is still exact.
    worker.setFillBehind(false);
    QTRY_COMPARE_WITH_TIMEOUT(worker.cachedBytes(), qint64(0), 15000);
    worker.requestFrame(119);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 15000);
    QCOMPARE(TestClip::numberOf(ready.last().at(2).value<QImage>()), 119);
}

QTEST_GUILESS_MAIN(TestFillBehind)
#include "tst_fillbehind.moc"
