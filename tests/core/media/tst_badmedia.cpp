#include "badmedia.h"
#include "media/framesource.h"
#include "media/mediaprobe.h"
#include "testclip.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>

using sl::FrameSource;
using sl::MediaInfo;
using sl::MediaProbe;
using sl::MediaType;
using sl::test::BadMedia;
using sl::test::TestClip;

namespace {

// Log messages seen while a test runs (the handler is process-wide).
QStringList g_messages;

void remember(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(QString::fromLatin1(context.category ? context.category : "default") +
                      QLatin1String(": ") + message);
}

} // namespace

// Lying and hostile media: each is refused with one line naming the file and
// the cause, never decoded as something it is not.
class TestBadMedia : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void ffmpegOutputGoesToTheMediaCategory();

  private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestBadMedia::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(TestClip::write(path(QStringLiteral("clip.mp4")), 30, 15, cv::Size(160, 96),
                             TestClip::Encoder::Ffmpeg, &error),
             qPrintable(error));
    QVERIFY(
        cv::imwrite(path(QStringLiteral("still.png")).toStdString(), TestClip::frame(1, cv::Size(64, 48))));
    QVERIFY2(BadMedia::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                               QStringLiteral("sine=duration=1"), QStringLiteral("-c:a"),
                               QStringLiteral("aac"), path(QStringLiteral("sound.m4a"))},
                              &error),
             qPrintable(error));
    // An MP4 with no stream at all, and one whose index promises frames that
    // are not there (cut right after the index).
    QVERIFY2(BadMedia::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                               QStringLiteral("color=s=64x64:d=1"), QStringLiteral("-frames:v"),
                               QStringLiteral("0"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                               path(QStringLiteral("nothing.mp4"))},
                              &error),
             qPrintable(error));
    QVERIFY2(BadMedia::writeFastStartClip(path(QStringLiteral("faststart.mp4")), 30, 15, &error),
             qPrintable(error));
    QFile faststart(path(QStringLiteral("faststart.mp4")));
    QVERIFY(faststart.open(QIODevice::ReadOnly));
    const QByteArray bytes = faststart.readAll();
    const qsizetype mdat = bytes.indexOf("mdat");
    QVERIFY(mdat > 0);
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("index-only.mp4")), bytes.left(mdat + 4)));
    // Frames wider than the limit (MJPEG allows it; x264 does not).
    QVERIFY2(BadMedia::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                               QStringLiteral("color=s=17000x16:d=0.2"), QStringLiteral("-c:v"),
                               QStringLiteral("mjpeg"), path(QStringLiteral("wide.avi"))},
                              &error),
             qPrintable(error));
    // A small MP4 whose header declares 30000 x 30000.
    QVERIFY(QFile::copy(path(QStringLiteral("faststart.mp4")), path(QStringLiteral("lying.mp4"))));
    QVERIFY2(BadMedia::patchMp4Size(path(QStringLiteral("lying.mp4")), 30000, 30000, &error),
             qPrintable(error));
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("empty.mp4")), QByteArray("")));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.mp4")));
    QCOMPARE(::mkfifo(QFile::encodeName(path(QStringLiteral("fifo.mp4"))).constData(), 0644), 0);
}

void TestBadMedia::refused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<MediaType>("declared");
    QTest::addColumn<QString>("reason");
    const auto video = MediaType::Video;
    const auto photo = MediaType::Photo;
    QTest::newRow("PNG declared as video")
        << "still.png" << video << "the file is a still image, not a video";
    QTest::newRow("MP4 declared as photo") << "clip.mp4" << photo << "the file is a video, not a photo";
    QTest::newRow("sound declared as video")
        << "sound.m4a" << video << "the file holds only sound, no video stream";
    QTest::newRow("container without streams") << "nothing.mp4" << video << "the file holds no video stream";
    QTest::newRow("index without frames") << "index-only.mp4" << video << "no decodable frame (zero frames)";
    QTest::newRow("frames over the limit")
        << "wide.avi" << video
        << "the video's frames are 17000 x 16 pixels; the limit is 16384 per side and 120 megapixels";
    QTest::newRow("header declaring 30000 x 30000")
        << "lying.mp4" << video
        << "the video's frames are 30000 x 30000 pixels; the limit is 16384 per side and 120 megapixels";
    QTest::newRow("empty video") << "empty.mp4" << video << "media file is empty";
    QTest::newRow("folder as video") << "folder.mp4" << video << "is a folder, not a media file";
    QTest::newRow("FIFO as video") << "fifo.mp4" << video << "not a regular file";
    QTest::newRow("FIFO as photo") << "fifo.mp4" << photo << "not a regular file";
}

void TestBadMedia::refused()
{
    QFETCH(QString, name);
    QFETCH(MediaType, declared);
    QFETCH(QString, reason);
    const QString expectedStart = name + QLatin1String(": ");

    FrameSource decoder;
    QString error;
    QVERIFY(!decoder.open(path(name), declared, &error));
    QVERIFY2(error.startsWith(expectedStart) && error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(decoder.frameAt(0).isNull());

    const MediaInfo info = declared == MediaType::Video ? MediaProbe::probeVideo(path(name))
                                                        : MediaProbe::probePhoto(path(name));
    QVERIFY(!info.ok);
    QVERIFY2(info.error.startsWith(expectedStart) && info.error.contains(reason), qPrintable(info.error));
}

void TestBadMedia::ffmpegOutputGoesToTheMediaCategory()
{
    // Random bytes named .mp4 make FFmpeg complain ("moov atom not found").
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("noise.mp4")), QByteArray(8192, '\x3c')));
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(remember);
    FrameSource decoder;
    const bool opened = decoder.open(path(QStringLiteral("noise.mp4")), MediaType::Video);
    qInstallMessageHandler(previous);
    QVERIFY(!opened);
    const QStringList fromFfmpeg = g_messages.filter(QStringLiteral("sightline.media: ffmpeg:"));
    QVERIFY2(!fromFfmpeg.isEmpty(), qPrintable(g_messages.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestBadMedia)
#include "tst_badmedia.moc"
