#include "badmedia.h"
#include "media/frameindex.h"
#include "media/framesource.h"
#include "testclip.h"

#include <QTemporaryDir>
#include <QtTest>

using sl::FrameSource;
using sl::test::BadMedia;
using sl::test::TestClip;

// A video cut short (its index promises more than the file holds): frames
// before the cut decode exactly; past it, a clear error and never an earlier
// frame in its place.
class TestTruncatedVideo : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void opensWithTheContainersLength();
    void framesBeforeTheCutAreExact();
    void pastTheCutFailsAndSaysWhere_data();
    void pastTheCutFailsAndSaysWhere();
    void beforeTheCutStillWorksAfterAFailure();
    void lengthIsTheFramesEndWhenTheContainerSaysLess();

  private:
    QTemporaryDir m_dir;
    QString m_cut;
    int m_lastWhole = -1; // the last frame the cut file holds
    static constexpr int kFrames = 90;
    static constexpr double kFps = 30; // 3.00 s
};

void TestTruncatedVideo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString whole = m_dir.filePath(QStringLiteral("whole.mp4"));
    m_cut = m_dir.filePath(QStringLiteral("clip.mp4"));
    QString error;
    QVERIFY2(BadMedia::writeFastStartClip(whole, kFrames, kFps, &error), qPrintable(error));
    QVERIFY2(BadMedia::truncateCopy(whole, m_cut, 0.5, &error), qPrintable(error));

    // Where the cut file really ends, found by reading it through.
    FrameSource decoder;
    QVERIFY2(decoder.open(m_cut, &error), qPrintable(error));
    for (int i = 0; i < kFrames; ++i) {
        const QImage frame = decoder.frame(i);
        if (frame.isNull())
            break;
        QCOMPARE(TestClip::numberOf(frame), i);
        m_lastWhole = i;
    }
    QVERIFY2(m_lastWhole > 5 && m_lastWhole < kFrames - 10,
             qPrintable(QStringLiteral("the cut file holds %1 frames").arg(m_lastWhole + 1)));
}

void TestTruncatedVideo::opensWithTheContainersLength()
{
    FrameSource decoder;
    QString error;
    QVERIFY2(decoder.open(m_cut, &error), qPrintable(error));
    // The frames that are there, and the length the container promised;
    // the video lasts what can be read, and a time past it says why.
    QCOMPARE(decoder.frameCount(), m_lastWhole + 1);
    QCOMPARE(decoder.index().containerEnd(), kFrames / kFps);
    QVERIFY(decoder.index().isCutShort());
    QCOMPARE(decoder.index().readableEnd(), (m_lastWhole + 1) / kFps);
    QCOMPARE(decoder.duration(), decoder.index().readableEnd());
    QCOMPARE(decoder.frameIndexAt((m_lastWhole + 1) / kFps), -1);
    QVERIFY(decoder.timeProblem(m_lastWhole / kFps).isEmpty());
    QCOMPARE(decoder.timeProblem(2.0),
             QStringLiteral("time 2.000 s is past what can be read: the video ends early, at %1 s (its container "
                            "says 3.000 s)")
                 .arg((m_lastWhole + 1) / kFps, 0, 'f', 3));
}

void TestTruncatedVideo::framesBeforeTheCutAreExact()
{
    FrameSource decoder;
    QVERIFY(decoder.open(m_cut));
    // Backwards and by seeking, not only in order.
    for (int i : {m_lastWhole, 0, m_lastWhole / 2, m_lastWhole - 1, 3})
        QCOMPARE(TestClip::numberOf(decoder.frame(i)), i);
}

void TestTruncatedVideo::pastTheCutFailsAndSaysWhere_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("first"); // asked first (by seeking), or after reading up to the cut
    QTest::newRow("the end, by seeking") << 2.99 << true;
    QTest::newRow("the end, after reading") << 2.99 << false;
    QTest::newRow("just past the cut, by seeking") << -1.0 << true; // -1: the first missing frame
    QTest::newRow("just past the cut, after reading") << -1.0 << false;
}

void TestTruncatedVideo::pastTheCutFailsAndSaysWhere()
{
    QFETCH(double, seconds);
    QFETCH(bool, first);
    const double t = seconds >= 0 ? seconds : (m_lastWhole + 1) / kFps;
    FrameSource decoder;
    QVERIFY(decoder.open(m_cut));
    if (!first)
        QCOMPARE(TestClip::numberOf(decoder.frame(m_lastWhole)), m_lastWhole);
    const QImage frame = decoder.frameAt(t);
    QVERIFY2(frame.isNull(),
             qPrintable(QStringLiteral("frame %1 returned for %2 s").arg(TestClip::numberOf(frame)).arg(t)));
    const QString expected =
        QStringLiteral("clip.mp4: the video ends early, at %1 s; the container says 3.00 s")
            .arg((m_lastWhole + 1) / kFps, 0, 'f', 2);
    QCOMPARE(decoder.lastError(), expected);
    // Asking again gives the same answer, without decoding it all again.
    QVERIFY(decoder.frameAt(t).isNull());
    QCOMPARE(decoder.lastError(), expected);
}

void TestTruncatedVideo::beforeTheCutStillWorksAfterAFailure()
{
    FrameSource decoder;
    QVERIFY(decoder.open(m_cut));
    QVERIFY(decoder.frameAt(2.5).isNull());
    QCOMPARE(TestClip::numberOf(decoder.frame(m_lastWhole)), m_lastWhole);
    QCOMPARE(TestClip::numberOf(decoder.frame(2)), 2);
    QVERIFY(decoder.lastError().isEmpty());
}

// A whole file whose container says less than its frames hold (variable-rate
// files give the stream's length up to the last frame's start): it lasts to
// its last frame's end, and a time in that frame's interval is no problem.
// A container that says a little more (rounding) is taken at its word.
void TestTruncatedVideo::lengthIsTheFramesEndWhenTheContainerSaysLess()
{
    // 10 frames 0.1 s apart (1 ms ticks), each 0.1 s long.
    const auto index = [](double containerSeconds) {
        std::vector<sl::PacketRecord> packets;
        for (int i = 0; i < 10; ++i)
            packets.push_back({i * 100, i * 100, 100, i == 0});
        return sl::FrameIndex(std::move(packets), 0.001, containerSeconds);
    };
    QCOMPARE(index(0.9).readableEnd(), 1.0);
    QVERIFY(!index(0.9).isCutShort());
    QCOMPARE(index(0.9).length(), 1.0);
    QCOMPARE(index(0.9).indexAt(0.95), 9);
    QCOMPARE(index(1.04).length(), 1.04);
    QCOMPARE(index(0).length(), 1.0); // said nothing
    QVERIFY(index(3.0).isCutShort());
    QCOMPARE(index(3.0).length(), 1.0);
}

QTEST_GUILESS_MAIN(TestTruncatedVideo)
#include "tst_truncatedvideo.moc"
