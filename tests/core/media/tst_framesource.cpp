#include "media/framesource.h"
#include "testclip.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <limits>
#include <random>

using sl::FrameSource;
using sl::test::TestClip;

Q_DECLARE_METATYPE(TestClip::Encoder)

// Frame-exact access by time: frame i shows from t = i / fps.
class TestFrameSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensVideo_data();
    void opensVideo();
    void frameIndexAt_data();
    void frameIndexAt();
    void forwardEveryFrame_data();
    void forwardEveryFrame();
    void forwardBetweenFrameTimes_data();
    void forwardBetweenFrameTimes();
    void backwards_data();
    void backwards();
    void randomOrder_data();
    void randomOrder();
    void farJumps_data();
    void farJumps();
    void returnsRgb888InRgbOrder();
    void timeBeyondEndClampsToLastFrame();
    void photo();
    void errors_data();
    void errors();
    void reopenAfterFailureForgetsOldMedia();

private:
    // The "encoder" column: one row per kind of clip.
    static void clipRows();
    QString clipPath(TestClip::Encoder encoder) const;

    QTemporaryDir m_dir;
    static constexpr int kFrames = 150;
    static constexpr double kFps = 30;
    const cv::Size m_size{320, 240};
};

QString TestFrameSource::clipPath(TestClip::Encoder encoder) const
{
    return m_dir.filePath(encoder == TestClip::Encoder::OpenCv ? QStringLiteral("opencv.mp4")
                                                               : QStringLiteral("ffmpeg.mp4"));
}

void TestFrameSource::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(TestClip::write(clipPath(TestClip::Encoder::OpenCv), kFrames, kFps, m_size,
                             TestClip::Encoder::OpenCv, &error),
             qPrintable(error));
    // The ffmpeg tool makes the harder clip (B-frames, long GOP). It is a test
    // tool only, which the project's dependency script installs.
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(),
             "ffmpeg is not on PATH: it makes the B-frame clip these tests decode; "
             "install it with scripts/sightline.sh deps");
    QVERIFY2(TestClip::write(clipPath(TestClip::Encoder::Ffmpeg), kFrames, kFps, m_size,
                             TestClip::Encoder::Ffmpeg, &error),
             qPrintable(error));
}

void TestFrameSource::clipRows()
{
    QTest::addColumn<TestClip::Encoder>("encoder");
    QTest::newRow("opencv avc1") << TestClip::Encoder::OpenCv;
    QTest::newRow("x264 b-frames, gop 60") << TestClip::Encoder::Ffmpeg;
}

void TestFrameSource::opensVideo_data()
{
    clipRows();
}

void TestFrameSource::opensVideo()
{
    QFETCH(TestClip::Encoder, encoder);
    FrameSource decoder;
    QString error;
    QVERIFY2(decoder.open(clipPath(encoder), &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QVERIFY(decoder.isVideo());
    QCOMPARE(decoder.fps(), kFps);
    QCOMPARE(decoder.frameCount(), kFrames);
    const QImage first = decoder.frameAt(0);
    QCOMPARE(first.size(), QSize(m_size.width, m_size.height));
    QCOMPARE(TestClip::numberOf(first), 0);
}

void TestFrameSource::frameIndexAt_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("index");
    QTest::newRow("start") << 0.0 << 0;
    QTest::newRow("just before frame 1") << 0.999 / kFps << 0;
    QTest::newRow("frame 1 exactly") << 1 / kFps << 1;
    QTest::newRow("frame 1 as written in JSON") << 0.03333333333333333 << 1;
    QTest::newRow("frame 3 computed") << 0.1 << 3; // 0.1 * 30 = 3.0000000000000004 or 2.9999999999999996
    QTest::newRow("one second") << 1.0 << 30;
    QTest::newRow("mid frame 44") << 44.5 / kFps << 44;
    QTest::newRow("last frame") << 149 / kFps << 149;
    QTest::newRow("end of clip") << 5.0 << 149;
    QTest::newRow("beyond end") << 100.0 << 149;
    QTest::newRow("negative") << -2.0 << 0;
}

void TestFrameSource::frameIndexAt()
{
    QFETCH(double, seconds);
    QFETCH(int, index);
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(TestClip::Encoder::OpenCv)));
    QCOMPARE(decoder.frameIndexAt(seconds), index);
    QCOMPARE(decoder.frameIndexAt(decoder.timeOfFrame(index)), index);
}

void TestFrameSource::forwardEveryFrame_data()
{
    clipRows();
}

void TestFrameSource::forwardEveryFrame()
{
    QFETCH(TestClip::Encoder, encoder);
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(encoder)));
    for (int i = 0; i < kFrames; ++i)
        QCOMPARE(TestClip::numberOf(decoder.frameAt(i / kFps)), i);
}

void TestFrameSource::forwardBetweenFrameTimes_data()
{
    clipRows();
}

void TestFrameSource::forwardBetweenFrameTimes()
{
    QFETCH(TestClip::Encoder, encoder);
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(encoder)));
    // A player clock that runs between frame times, with skips of several frames.
    for (int i = 0; i < kFrames; i += 7) {
        const double t = (i + 0.93) / kFps;
        QCOMPARE(TestClip::numberOf(decoder.frameAt(t)), i);
    }
}

void TestFrameSource::backwards_data()
{
    clipRows();
}

void TestFrameSource::backwards()
{
    QFETCH(TestClip::Encoder, encoder);
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(encoder)));
    for (int i = kFrames - 1; i >= 0; i -= 3)
        QCOMPARE(TestClip::numberOf(decoder.frameAt(i / kFps)), i);
    // One step back from where sequential reading stands.
    QCOMPARE(TestClip::numberOf(decoder.frameAt(10 / kFps)), 10);
    QCOMPARE(TestClip::numberOf(decoder.frameAt(11 / kFps)), 11);
    QCOMPARE(TestClip::numberOf(decoder.frameAt(10 / kFps)), 10);
}

void TestFrameSource::randomOrder_data()
{
    clipRows();
}

void TestFrameSource::randomOrder()
{
    QFETCH(TestClip::Encoder, encoder);
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(encoder)));
    std::mt19937 random(20260302);
    for (int n = 0; n < 80; ++n) {
        const int i = int(random() % kFrames);
        const QImage frame = decoder.frame(i);
        QVERIFY2(!frame.isNull(), qPrintable(decoder.lastError()));
        QCOMPARE(TestClip::numberOf(frame), i);
    }
}

void TestFrameSource::farJumps_data()
{
    clipRows();
}

void TestFrameSource::farJumps()
{
    QFETCH(TestClip::Encoder, encoder);
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(encoder)));
    for (int i : {0, 140, 5, 149, 61, 59, 60, 120, 119, 0, 149})
        QCOMPARE(TestClip::numberOf(decoder.frame(i)), i);
}

void TestFrameSource::returnsRgb888InRgbOrder()
{
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(TestClip::Encoder::OpenCv)));
    const QImage frame = decoder.frameAt(1.0);
    QCOMPARE(frame.format(), QImage::Format_RGB888);
    // The block top left is pure red in the source.
    const QColor red = frame.pixelColor(5, 5);
    QVERIFY2(red.red() > 200 && red.blue() < 70 && red.green() < 70, qPrintable(red.name()));
}

void TestFrameSource::timeBeyondEndClampsToLastFrame()
{
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(TestClip::Encoder::OpenCv)));
    QCOMPARE(TestClip::numberOf(decoder.frameAt(1e6)), kFrames - 1);
    QCOMPARE(TestClip::numberOf(decoder.frameAt(-5)), 0);
    QVERIFY(decoder.frameAt(std::numeric_limits<double>::quiet_NaN()).isNull());
    QVERIFY(!decoder.lastError().isEmpty());
}

void TestFrameSource::photo()
{
    const QString path = m_dir.filePath(QStringLiteral("photo.png"));
    const cv::Mat source = TestClip::frame(77, cv::Size(200, 120));
    QVERIFY(cv::imwrite(path.toStdString(), source));

    FrameSource decoder;
    QString error;
    QVERIFY2(decoder.open(path, &error), qPrintable(error));
    QVERIFY(!decoder.isVideo());
    QCOMPARE(decoder.frameCount(), 1);
    QCOMPARE(decoder.frameIndexAt(12.5), 0);
    const QImage image = decoder.frameAt(12.5);
    QCOMPARE(image.size(), QSize(200, 120));
    QCOMPARE(image.format(), QImage::Format_RGB888);
    QCOMPARE(TestClip::numberOf(image), 77);
    QCOMPARE(image.pixelColor(2, 2), QColor(255, 0, 0)); // lossless: exact
}

void TestFrameSource::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << QByteArray() << QStringLiteral("missing.mp4") << QStringLiteral("not found");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty.mp4") << QStringLiteral("empty");
    QTest::newRow("garbage video") << QByteArray(4096, '\x5a') << QStringLiteral("garbage.mp4")
                                   << QStringLiteral("cannot be decoded");
    QByteArray jpeg("\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11);
    jpeg.append(QByteArray(300, '\x11'));
    QTest::newRow("corrupt jpeg") << jpeg << QStringLiteral("corrupt.jpg")
                                  << QStringLiteral("cannot be decoded");
}

void TestFrameSource::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    if (!bytes.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    FrameSource decoder;
    QString error;
    QVERIFY(!decoder.open(path, &error));
    QVERIFY2(error.contains(name) && error.contains(reason), qPrintable(error));
    QCOMPARE(decoder.lastError(), error);
    QVERIFY(decoder.frameAt(0).isNull());
}

void TestFrameSource::reopenAfterFailureForgetsOldMedia()
{
    FrameSource decoder;
    QVERIFY(decoder.open(clipPath(TestClip::Encoder::OpenCv)));
    QVERIFY(!decoder.frameAt(2.0).isNull());
    QVERIFY(!decoder.open(m_dir.filePath(QStringLiteral("nothing-here.mp4"))));
    QVERIFY(!decoder.isVideo());
    QCOMPARE(decoder.frameCount(), 0);
    QVERIFY(decoder.frameAt(2.0).isNull());
    // A truncated MP4 (the writer puts its index at the end) cannot be opened.
    QFile whole(clipPath(TestClip::Encoder::OpenCv));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QString truncated = m_dir.filePath(QStringLiteral("truncated.mp4"));
    QFile cut(truncated);
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(whole.read(whole.size() / 3));
    cut.close();
    QString error;
    QVERIFY(!decoder.open(truncated, &error));
    QVERIFY2(error.contains(QStringLiteral("truncated.mp4")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestFrameSource)
#include "tst_framesource.moc"
