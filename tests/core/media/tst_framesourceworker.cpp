#include "media/framesourceworker.h"
#include "testclip.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using sl::FrameIndex;
using sl::FrameSourceWorker;
using sl::MediaType;
using sl::test::TestClip;

// The GUI's front of the frame source: answers on the caller's thread, the
// latest request wins, a newer open() drops older answers.
class TestFrameSourceWorker : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void opensAndDeliversOnTheCallersThread();
    void latestRequestWins();
    void requestByTime();
    void aSlotMayAskForTheNextFrame();
    void openFailureSaysWhy();
    void reopenDropsOlderAnswers();
    void theNextFramesAreDecodedAhead();

  private:
    QString clip() const { return m_dir.filePath(QStringLiteral("clip.mp4")); }
    QTemporaryDir m_dir;
};

void TestFrameSourceWorker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestClip::Spec spec;
    spec.frames = 120;
    spec.variableRate = true;
    QString error;
    QVERIFY2(TestClip::write(clip(), spec, &error), qPrintable(error));
}

void TestFrameSourceWorker::opensAndDeliversOnTheCallersThread()
{
    FrameSourceWorker worker;
    QThread *caller = QThread::currentThread();
    int frameCount = 0;
    bool onCaller = false;
    connect(&worker, &FrameSourceWorker::opened, this,
            [&](std::shared_ptr<const FrameIndex> index, int, QSize) { frameCount = index->count(); });
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    connect(&worker, &FrameSourceWorker::frameReady, this,
            [&] { onCaller = QThread::currentThread() == caller; });
    worker.open(clip(), MediaType::Video);
    worker.requestFrame(42);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QCOMPARE(frameCount, 120);
    QVERIFY(onCaller);
    QCOMPARE(ready.at(0).at(0).toInt(), 42);
    QCOMPARE(TestClip::numberOf(ready.at(0).at(2).value<QImage>()), 42);
}

void TestFrameSourceWorker::latestRequestWins()
{
    FrameSourceWorker worker;
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    worker.open(clip(), MediaType::Video);
    for (int i = 0; i < 100; ++i)
        worker.requestFrame(i);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() && ready.last().at(0).toInt() == 99, 15000);
    // Requests made faster than frames decode collapse: never all 100 answered.
    QVERIFY2(ready.count() < 100, qPrintable(QString::number(ready.count())));
    QCOMPARE(TestClip::numberOf(ready.last().at(2).value<QImage>()), 99);
}

void TestFrameSourceWorker::requestByTime()
{
    FrameSourceWorker worker;
    std::shared_ptr<const FrameIndex> index;
    connect(&worker, &FrameSourceWorker::opened, this,
            [&](std::shared_ptr<const FrameIndex> opened, int, QSize) { index = opened; });
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    worker.open(clip(), MediaType::Video);
    QTRY_VERIFY_WITH_TIMEOUT(index != nullptr, 15000);
    const double t = (index->timeOf(70) + index->timeOf(71)) / 2;
    worker.requestTime(t);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QCOMPARE(ready.at(0).at(0).toInt(), 70);
    QCOMPARE(ready.at(0).at(1).toDouble(), index->timeOf(70));
    QCOMPARE(TestClip::numberOf(ready.at(0).at(2).value<QImage>()), 70);
}

void TestFrameSourceWorker::aSlotMayAskForTheNextFrame()
{
    // The player asks for a frame from the slot that hears the media opened.
    FrameSourceWorker worker;
    connect(&worker, &FrameSourceWorker::opened, &worker, [&worker] { worker.requestFrame(3); });
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    worker.open(clip(), MediaType::Video);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QCOMPARE(ready.at(0).at(0).toInt(), 3);
}

void TestFrameSourceWorker::openFailureSaysWhy()
{
    FrameSourceWorker worker;
    QSignalSpy failed(&worker, &FrameSourceWorker::openFailed);
    worker.open(m_dir.filePath(QStringLiteral("nothing.mp4")), MediaType::Video);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("nothing.mp4: media file not found"));
}

void TestFrameSourceWorker::reopenDropsOlderAnswers()
{
    FrameSourceWorker worker;
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    QSignalSpy failed(&worker, &FrameSourceWorker::openFailed);
    worker.open(clip(), MediaType::Video);
    worker.requestFrame(10);
    worker.open(m_dir.filePath(QStringLiteral("nothing.mp4")), MediaType::Video);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QTest::qWait(200);
    QCOMPARE(ready.count(), 0);
}

// While nothing is asked, the two frames after the one served are decoded
// ahead; the steps forward then get exactly their frames, and a request
// made meanwhile is still answered with its own.
void TestFrameSourceWorker::theNextFramesAreDecodedAhead()
{
    FrameSourceWorker worker;
    QSignalSpy ready(&worker, &FrameSourceWorker::frameReady);
    worker.open(clip(), MediaType::Video);
    worker.requestFrame(40);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(worker.framesDecodedAhead(), qint64(2), 15000);
    for (int i = 41; i <= 44; ++i) {
        worker.requestFrame(i);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), i - 39, 15000);
        QCOMPARE(ready.last().at(0).toInt(), i);
        QCOMPARE(TestClip::numberOf(ready.last().at(2).value<QImage>()), i);
    }
    // The last frames: nothing past the end is decoded.
    const qint64 before = worker.framesDecodedAhead();
    worker.requestFrame(119);
    QTRY_COMPARE_WITH_TIMEOUT(ready.last().at(0).toInt(), 119, 15000);
    QTest::qWait(200);
    QVERIFY(worker.framesDecodedAhead() <= before + 2); // what the steps before left to do, no more
    worker.requestFrame(10); // backwards, after decoding ahead
    QTRY_COMPARE_WITH_TIMEOUT(ready.last().at(0).toInt(), 10, 15000);
    QCOMPARE(TestClip::numberOf(ready.last().at(2).value<QImage>()), 10);
}

QTEST_GUILESS_MAIN(TestFrameSourceWorker)
#include "tst_framesourceworker.moc"
