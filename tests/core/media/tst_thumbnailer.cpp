#include "media/thumbnailer.h"
#include "testclip.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using sl::MediaType;
using sl::Thumbnailer;
using sl::test::TestClip;

// Gallery thumbnails: photos scaled to fit, videos at 10% of their length.
class TestThumbnailer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void photoFits_data();
    void photoFits();
    void photoKeepsColours();
    void videoFrameAtTenPercent();
    void errors();

private:
    QTemporaryDir m_dir;
    QString m_photo;
};

void TestThumbnailer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Left half red, right half blue (BGR in OpenCV).
    cv::Mat image(400, 800, CV_8UC3, cv::Scalar(255, 0, 0));
    image(cv::Rect(0, 0, 400, 400)).setTo(cv::Scalar(0, 0, 255));
    m_photo = m_dir.filePath(QStringLiteral("photo.png"));
    QVERIFY(cv::imwrite(m_photo.toStdString(), image));
}

void TestThumbnailer::photoFits_data()
{
    QTest::addColumn<QSize>("maxSize");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("width bound") << QSize(200, 200) << QSize(200, 100);
    QTest::newRow("height bound") << QSize(400, 50) << QSize(100, 50);
    QTest::newRow("exact") << QSize(800, 400) << QSize(800, 400);
    QTest::newRow("never upscaled") << QSize(2000, 2000) << QSize(800, 400);
    QTest::newRow("tiny") << QSize(3, 3) << QSize(3, 2);
}

void TestThumbnailer::photoFits()
{
    QFETCH(QSize, maxSize);
    QFETCH(QSize, expected);
    QString error;
    const QImage thumb = Thumbnailer::make(m_photo, MediaType::Photo, maxSize, &error);
    QVERIFY2(!thumb.isNull(), qPrintable(error));
    QCOMPARE(thumb.size(), expected);
}

void TestThumbnailer::photoKeepsColours()
{
    const QImage thumb = Thumbnailer::make(m_photo, MediaType::Photo, QSize(160, 160));
    QCOMPARE(thumb.size(), QSize(160, 80));
    QCOMPARE(thumb.pixelColor(20, 40), QColor(255, 0, 0));
    QCOMPARE(thumb.pixelColor(140, 40), QColor(0, 0, 255));
    // A whole 5:1 reduction puts the seam on a cell border: area averaging
    // keeps both sides of it pure (a filter that blurs across it, or a seam
    // moved by a wrong size, would not).
    QCOMPARE(thumb.pixelColor(79, 40), QColor(255, 0, 0));
    QCOMPARE(thumb.pixelColor(80, 40), QColor(0, 0, 255));
}

void TestThumbnailer::videoFrameAtTenPercent()
{
    // 60 frames at 12 fps: 5 s; 10% is 0.5 s, which is frame 6.
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QString error;
    QVERIFY2(TestClip::write(clip, 60, 12, cv::Size(320, 240), TestClip::Encoder::OpenCv, &error),
             qPrintable(error));
    const QImage thumb = Thumbnailer::make(clip, MediaType::Video, QSize(160, 160), &error);
    QVERIFY2(!thumb.isNull(), qPrintable(error));
    QCOMPARE(thumb.size(), QSize(160, 120));
    QCOMPARE(TestClip::numberOf(thumb), 6);
}

void TestThumbnailer::errors()
{
    QString error;
    QVERIFY(
        Thumbnailer::make(m_dir.filePath(QStringLiteral("none.jpg")), MediaType::Photo, QSize(64, 64), &error)
            .isNull());
    QVERIFY2(error.contains(QStringLiteral("none.jpg")) && error.contains(QStringLiteral("not found")),
             qPrintable(error));

    error.clear();
    QVERIFY(Thumbnailer::make(m_photo, MediaType::Photo, QSize(0, 64), &error).isNull());
    QVERIFY(!error.isEmpty());

    const QString junk = m_dir.filePath(QStringLiteral("junk.mp4"));
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, 'j'));
    file.close();
    error.clear();
    QVERIFY(Thumbnailer::make(junk, MediaType::Video, QSize(64, 64), &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("junk.mp4")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestThumbnailer)
#include "tst_thumbnailer.moc"
