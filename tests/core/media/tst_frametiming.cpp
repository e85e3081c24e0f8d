#include "media/framesource.h"
#include "testclip.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <random>

using sl::FrameSource;
using sl::test::TestClip;

Q_DECLARE_METATYPE(TestClip::Spec)

// The frame for a time t is the one whose presentation interval holds t, as
// ffprobe reads the timestamps: at constant and variable frame rate, with
// long and short keyframe intervals, B-frames, and rotation metadata;
// reading forward, backward and after seeks. Frames carry their number in
// their pixels (TestClip).
class TestFrameTiming : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void indexMatchesFfprobe_data() { clipRows(true); }
    void indexMatchesFfprobe();
    void framesForward_data() { clipRows(true); }
    void framesForward();
    void framesBackward_data() { clipRows(true); }
    void framesBackward();
    void framesAfterSeeks_data() { clipRows(true); }
    void framesAfterSeeks();
    void stepForwardCostsOneDecode_data() { clipRows(); }
    void stepForwardCostsOneDecode();
    void stepBackDecodesEachGroupOnce_data() { clipRows(); }
    void stepBackDecodesEachGroupOnce();
    void stepBackWithinASmallCache();
    void seekDecodesFromTheTargetsKeyframe_data() { clipRows(); }
    void seekDecodesFromTheTargetsKeyframe();
    void rotationLikeFfmpeg_data();
    void rotationLikeFfmpeg();

  private:
    // Every clip; the MPEG-TS one only where frames, not costs, are checked.
    void clipRows(bool withMpegTs = false);
    // Times to ask for: on frame times, between them, and just before the next.
    std::vector<double> sampleTimes(const std::vector<double> &times, unsigned seed) const;
    // A clip named "...-mpegts" is an MPEG-TS file (no index to seek by:
    // its frames are exact, not its costs), the others MP4.
    QString path(const QString &name) const
    {
        return m_dir.filePath(name + QLatin1String(name.endsWith(QLatin1String("-mpegts")) ? ".ts" : ".mp4"));
    }

    QTemporaryDir m_dir;
    std::map<QString, TestClip::Spec> m_specs;
    std::map<QString, std::vector<double>> m_times; // ffprobe's, by clip name
};

void TestFrameTiming::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty(),
             "ffmpeg/ffprobe are not on PATH: install them with scripts/sightline.sh deps");
    const auto spec = [](int frames, int gop, int bFrames, bool variable, int rotation) {
        TestClip::Spec s;
        s.frames = frames;
        s.keyframeInterval = gop;
        s.bFrames = bFrames;
        s.variableRate = variable;
        s.rotation = rotation;
        return s;
    };
    m_specs = {
        {QStringLiteral("cfr-gop60-bframes"), spec(150, 60, 3, false, 0)},
        {QStringLiteral("cfr-gop5"), spec(90, 5, 2, false, 0)},
        {QStringLiteral("cfr-gop250-nobframes"), spec(200, 250, 0, false, 0)},
        {QStringLiteral("vfr-gop60-bframes"), spec(120, 60, 3, true, 0)},
        {QStringLiteral("vfr-gop5"), spec(100, 5, 2, true, 0)},
        {QStringLiteral("rotated90-vfr"), spec(80, 30, 3, true, 90)},
        {QStringLiteral("rotated180"), spec(40, 30, 3, false, 180)},
        {QStringLiteral("rotated270"), spec(40, 30, 3, false, 270)},
        {QStringLiteral("cfr-gop30-bframes-mpegts"), spec(90, 30, 3, false, 0)},
    };
    for (const auto &[name, clip] : m_specs) {
        QString error;
        QVERIFY2(TestClip::write(path(name), clip, &error), qPrintable(error));
        m_times[name] = TestClip::probeTimes(path(name), &error);
        QVERIFY2(!m_times[name].empty(), qPrintable(error));
        QCOMPARE(int(m_times[name].size()), clip.frames);
    }
    // The variable-rate clips really are: spacings differ by more than half a frame.
    const std::vector<double> &vfr = m_times[QStringLiteral("vfr-gop60-bframes")];
    double shortest = 1, longest = 0;
    for (size_t i = 1; i < vfr.size(); ++i) {
        shortest = std::min(shortest, vfr[i] - vfr[i - 1]);
        longest = std::max(longest, vfr[i] - vfr[i - 1]);
    }
    QVERIFY2(longest > 2.5 * shortest, qPrintable(QStringLiteral("%1 .. %2 s").arg(shortest).arg(longest)));
}

void TestFrameTiming::clipRows(bool withMpegTs)
{
    QTest::addColumn<QString>("clip");
    for (const auto &entry : m_specs)
        if (withMpegTs || !entry.first.endsWith(QLatin1String("-mpegts")))
            QTest::newRow(qPrintable(entry.first)) << entry.first;
}

std::vector<double> TestFrameTiming::sampleTimes(const std::vector<double> &times, unsigned seed) const
{
    std::vector<double> samples;
    std::mt19937 random(seed);
    for (size_t i = 0; i + 1 < times.size(); i += 1 + random() % 4) {
        const double span = times[i + 1] - times[i];
        samples.push_back(times[i]);
        samples.push_back(times[i] + span * std::uniform_real_distribution<double>(0.01, 0.99)(random));
        samples.push_back(times[i + 1] - 1e-4); // just before the next frame
    }
    samples.push_back(times.back());
    return samples;
}

void TestFrameTiming::indexMatchesFfprobe()
{
    QFETCH(QString, clip);
    const std::vector<double> &times = m_times[clip];
    FrameSource source;
    QString error;
    QVERIFY2(source.open(path(clip), &error), qPrintable(error));
    QCOMPARE(source.frameCount(), int(times.size()));
    for (int i = 0; i < source.frameCount(); ++i)
        QVERIFY2(std::abs(source.timeOfFrame(i) - times[size_t(i)]) < 2e-6,
                 qPrintable(QStringLiteral("frame %1: %2 s, ffprobe %3 s")
                                .arg(i)
                                .arg(source.timeOfFrame(i), 0, 'f', 6)
                                .arg(times[size_t(i)], 0, 'f', 6)));
    QCOMPARE(source.rotation(), m_specs[clip].rotation);
}

void TestFrameTiming::framesForward()
{
    QFETCH(QString, clip);
    const std::vector<double> &times = m_times[clip];
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    for (double t : sampleTimes(times, 1)) {
        const int expected = TestClip::frameShownAt(times, t);
        QCOMPARE(source.frameIndexAt(t), expected);
        const QImage frame = source.frameAt(t);
        QVERIFY2(!frame.isNull(), qPrintable(source.lastError()));
        QCOMPARE(TestClip::numberOfTurned(frame, m_specs[clip].rotation), expected % 256);
    }
}

void TestFrameTiming::framesBackward()
{
    QFETCH(QString, clip);
    const std::vector<double> &times = m_times[clip];
    std::vector<double> samples = sampleTimes(times, 2);
    std::reverse(samples.begin(), samples.end());
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    for (double t : samples) {
        const int expected = TestClip::frameShownAt(times, t);
        QCOMPARE(source.frameIndexAt(t), expected);
        QCOMPARE(TestClip::numberOfTurned(source.frameAt(t), m_specs[clip].rotation), expected % 256);
    }
}

void TestFrameTiming::framesAfterSeeks()
{
    QFETCH(QString, clip);
    const std::vector<double> &times = m_times[clip];
    std::vector<double> samples = sampleTimes(times, 3);
    std::shuffle(samples.begin(), samples.end(), std::mt19937(20261129));
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    for (double t : samples) {
        const int expected = TestClip::frameShownAt(times, t);
        const QImage frame = source.frameAt(t);
        QVERIFY2(!frame.isNull(), qPrintable(source.lastError()));
        QCOMPARE(TestClip::numberOfTurned(frame, m_specs[clip].rotation), expected % 256);
    }
}

void TestFrameTiming::stepForwardCostsOneDecode()
{
    QFETCH(QString, clip);
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    QCOMPARE(TestClip::numberOfTurned(source.frame(0), m_specs[clip].rotation), 0);
    for (int i = 1; i < source.frameCount(); ++i) {
        const FrameSource::Stats before = source.stats();
        QCOMPARE(TestClip::numberOfTurned(source.frame(i), m_specs[clip].rotation), i % 256);
        const FrameSource::Stats after = source.stats();
        QVERIFY2(after.seeks == before.seeks, qPrintable(QStringLiteral("a seek to step to frame %1").arg(i)));
        QCOMPARE(after.decoded - before.decoded, qint64(1));
        QCOMPARE(after.converted - before.converted, qint64(1));
    }
}

void TestFrameTiming::stepBackDecodesEachGroupOnce()
{
    QFETCH(QString, clip);
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    const int last = source.frameCount() - 1;
    int groups = 0;
    for (int i = 0; i <= last; ++i)
        groups += source.index().keyframeOf(i) == i ? 1 : 0;
    QCOMPARE(TestClip::numberOfTurned(source.frame(last), m_specs[clip].rotation), last % 256);
    const FrameSource::Stats start = source.stats();
    for (int i = last - 1; i >= 0; --i)
        QCOMPARE(TestClip::numberOfTurned(source.frame(i), m_specs[clip].rotation), i % 256);
    const FrameSource::Stats end = source.stats();
    // One seek per keyframe group at most, and each frame decoded about once.
    QVERIFY2(end.seeks - start.seeks <= groups,
             qPrintable(QStringLiteral("%1 seeks for %2 groups").arg(end.seeks - start.seeks).arg(groups)));
    QVERIFY2(end.decoded - start.decoded <= 2 * (last + 1),
             qPrintable(QStringLiteral("%1 decodes for %2 frames").arg(end.decoded - start.decoded).arg(last + 1)));
    QVERIFY(end.cacheHits - start.cacheHits >= last - groups);
}

void TestFrameTiming::stepBackWithinASmallCache()
{
    // A cache of 8 frames on a 250-frame group: still exact, still bounded.
    const QString clip = QStringLiteral("cfr-gop250-nobframes");
    FrameSource source;
    const qint64 frameBytes = qint64(m_specs[clip].size.width) * 3 * m_specs[clip].size.height;
    source.setCacheLimit(8 * frameBytes);
    QVERIFY(source.open(path(clip)));
    const int last = source.frameCount() - 1;
    QCOMPARE(TestClip::numberOf(source.frame(last)), last % 256);
    for (int i = last - 1; i >= last - 40; --i) {
        QCOMPARE(TestClip::numberOf(source.frame(i)), i % 256);
        QVERIFY(source.stats().cachedBytes <= 8 * frameBytes);
    }
    // Six frames of each eight from the cache (two are kept for the frames shown).
    QVERIFY2(source.stats().cacheHits >= 40 * 5 / 8, qPrintable(QString::number(source.stats().cacheHits)));
}

void TestFrameTiming::seekDecodesFromTheTargetsKeyframe()
{
    // A seek lands on the target's own keyframe, not a group (or the file) earlier.
    QFETCH(QString, clip);
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    std::mt19937 random(7);
    for (int n = 0; n < 12; ++n) {
        const int target = int(random() % unsigned(source.frameCount()));
        source.frame(target > 10 ? 0 : source.frameCount() - 1); // stand far away first
        const FrameSource::Stats before = source.stats();
        QCOMPARE(TestClip::numberOfTurned(source.frame(target), m_specs[clip].rotation), target % 256);
        const FrameSource::Stats after = source.stats();
        const qint64 decoded = after.decoded - before.decoded;
        // The group up to the target, and the B-frames an open group may lead with.
        QVERIFY2(decoded <= target - source.index().keyframeOf(target) + 1 + m_specs[clip].bFrames,
                 qPrintable(QStringLiteral("%1 frames decoded for frame %2 (keyframe %3)")
                                .arg(decoded)
                                .arg(target)
                                .arg(source.index().keyframeOf(target))));
    }
}

void TestFrameTiming::rotationLikeFfmpeg_data()
{
    QTest::addColumn<QString>("clip");
    QTest::addColumn<int>("frame");
    for (const QString &name :
         {QStringLiteral("rotated90-vfr"), QStringLiteral("rotated180"), QStringLiteral("rotated270")})
        for (int frame : {0, 17})
            QTest::addRow("%s frame %d", qPrintable(name), frame) << name << frame;
}

void TestFrameTiming::rotationLikeFfmpeg()
{
    QFETCH(QString, clip);
    QFETCH(int, frame);
    const TestClip::Spec &spec = m_specs[clip];
    FrameSource source;
    QVERIFY(source.open(path(clip)));
    const QImage ours = source.frame(frame);
    const bool sideways = spec.rotation % 180 != 0;
    QCOMPARE(ours.size(), sideways ? QSize(spec.size.height, spec.size.width) : QSize(spec.size.width, spec.size.height));
    QCOMPARE(source.codedSize(), QSize(spec.size.width, spec.size.height));
    QString error;
    const QImage theirs = TestClip::ffmpegFrame(path(clip), frame, &error);
    QVERIFY2(!theirs.isNull(), qPrintable(error));
    QCOMPARE(theirs.size(), ours.size());
    // The same picture, the same way up: a small mean difference (colour
    // conversion rounding), where a wrong turn differs by tens of levels.
    qint64 difference = 0;
    for (int y = 0; y < ours.height(); ++y) {
        const uchar *a = ours.constScanLine(y);
        const uchar *b = theirs.constScanLine(y);
        for (int x = 0; x < ours.width() * 3; ++x)
            difference += std::abs(int(a[x]) - int(b[x]));
    }
    const double mean = double(difference) / (ours.width() * 3.0 * ours.height());
    QVERIFY2(mean < 3.0, qPrintable(QStringLiteral("mean difference %1 levels").arg(mean)));
    // The red block drawn top left of the sensor image is where the turn puts it.
    const QPoint corner = spec.rotation == 90    ? QPoint(ours.width() - 5, 5)
                          : spec.rotation == 180 ? QPoint(ours.width() - 5, ours.height() - 5)
                                                 : QPoint(5, ours.height() - 5);
    const QColor red = ours.pixelColor(corner);
    QVERIFY2(red.red() > 200 && red.green() < 70 && red.blue() < 70, qPrintable(red.name()));
}

QTEST_GUILESS_MAIN(TestFrameTiming)
#include "tst_frametiming.moc"
