#include "media/mediaprobe.h"
#include "testclip.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

using sl::MediaInfo;
using sl::MediaProbe;
using sl::test::TestClip;

// MediaProbe decodes the first frame for real and says why a file is unusable.
class TestMediaProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void goodPhoto_data();
    void goodPhoto();
    void goodVideo();
    void unusable_data();
    void unusable();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
    QString m_video;
};

void TestMediaProbe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_video = m_dir.filePath(QStringLiteral("clip.mp4"));
    QString error;
    QVERIFY2(TestClip::write(m_video, 25, 12.5, cv::Size(160, 96), TestClip::Encoder::OpenCv, &error),
             qPrintable(error));
}

QString TestMediaProbe::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

void TestMediaProbe::goodPhoto_data()
{
    QTest::addColumn<QString>("extension");
    QTest::newRow("jpeg") << QStringLiteral(".jpg");
    QTest::newRow("png") << QStringLiteral(".png");
}

void TestMediaProbe::goodPhoto()
{
    QFETCH(QString, extension);
    const QString path = m_dir.filePath(QStringLiteral("photo") + extension);
    QVERIFY(cv::imwrite(path.toStdString(), TestClip::frame(3, cv::Size(240, 130))));
    const MediaInfo info = MediaProbe::probePhoto(path);
    QVERIFY2(info.ok, qPrintable(info.error));
    QVERIFY(info.error.isEmpty());
    QCOMPARE(info.width, 240);
    QCOMPARE(info.height, 130);
    QCOMPARE(info.duration, 0.0);
    QCOMPARE(info.frameCount, 0);
}

void TestMediaProbe::goodVideo()
{
    const MediaInfo info = MediaProbe::probeVideo(m_video);
    QVERIFY2(info.ok, qPrintable(info.error));
    QCOMPARE(info.width, 160);
    QCOMPARE(info.height, 96);
    QCOMPARE(info.fps, 12.5);
    QCOMPARE(info.frameCount, 25);
    QCOMPARE(info.duration, 2.0);
}

void TestMediaProbe::unusable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // null: do not create the file
    QTest::addColumn<bool>("video");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing photo") << "gone.jpg" << QByteArray() << false << "not found";
    QTest::newRow("missing video") << "gone.mp4" << QByteArray() << true << "not found";
    QTest::newRow("empty photo") << "empty.jpg" << QByteArray("") << false << "empty";
    QTest::newRow("empty video") << "empty.mp4" << QByteArray("") << true << "empty";
    QTest::newRow("text as photo") << "notes.jpg" << QByteArray("not a picture at all\n") << false
                                   << "cannot be decoded";
    QByteArray brokenJpeg("\xff\xd8\xff\xdb\x00\x43\x00", 7);
    brokenJpeg.append(QByteArray(500, '\x07'));
    QTest::newRow("corrupt jpeg") << "broken.jpg" << brokenJpeg << false << "cannot be decoded";
    QTest::newRow("random bytes as video")
        << "noise.mp4" << QByteArray(8192, '\x3c') << true << "cannot be decoded";
    // A valid MP4 header box with nothing after it: no stream, no frame.
    QByteArray ftyp("\x00\x00\x00\x18"
                    "ftypisom\x00\x00\x02\x00"
                    "isomiso2",
                    24);
    QTest::newRow("mp4 without frames") << "hollow.mp4" << ftyp << true << "decod";
}

void TestMediaProbe::unusable()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, video);
    QFETCH(QString, reason);
    const QString path = bytes.isNull() ? m_dir.filePath(name) : write(name, bytes);
    const MediaInfo info = video ? MediaProbe::probeVideo(path) : MediaProbe::probePhoto(path);
    QVERIFY(!info.ok);
    QVERIFY2(info.error.contains(name), qPrintable(info.error));
    QVERIFY2(info.error.contains(reason), qPrintable(info.error));
    QCOMPARE(info.width, 0);
}

QTEST_GUILESS_MAIN(TestMediaProbe)
#include "tst_mediaprobe.moc"
