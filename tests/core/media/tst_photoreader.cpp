#include "badmedia.h"
#include "media/photoreader.h"
#include "testclip.h"

#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <sys/resource.h>

using sl::PhotoReader;
using sl::test::BadMedia;
using sl::test::TestClip;

namespace {

// Peak resident memory of this process so far, MB.
double peakMb()
{
    rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // kB on Linux
}

} // namespace

// Photos are decoded by Qt with the size checked from the header first: an
// image over the limits is refused before a pixel is decoded.
class TestPhotoReader : public QObject
{
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase();
    void readsUprightRgb888_data();
    void readsUprightRgb888();
    void appliesExifOrientation();
    void refusesOversizedFromHeader_data();
    void refusesOversizedFromHeader();
    void acceptsTheLimitItself();
    void undecodable_data();
    void undecodable();
    void wholeJpegWithATrailerReads();

  private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestPhotoReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestPhotoReader::readsUprightRgb888_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("png") << "photo.png";
    QTest::newRow("jpeg") << "photo.jpg";
    QTest::newRow("bmp") << "photo.bmp";
    QTest::newRow("tiff") << "photo.tif";
    QTest::newRow("webp") << "photo.webp";
    QTest::newRow("png named .jpg") << "png-inside.jpg";
}

void TestPhotoReader::readsUprightRgb888()
{
    QFETCH(QString, name);
    const cv::Mat source = TestClip::frame(77, cv::Size(200, 120));
    if (name.startsWith(QLatin1String("png-inside"))) {
        std::vector<uchar> png;
        QVERIFY(cv::imencode(".png", source, png));
        QVERIFY(BadMedia::writeBytes(
            path(name), QByteArray(reinterpret_cast<const char *>(png.data()), qsizetype(png.size()))));
    } else {
        QVERIFY(cv::imwrite(path(name).toStdString(), source));
    }
    QString error;
    const QImage image = PhotoReader::read(path(name), &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.format(), QImage::Format_RGB888);
    QCOMPARE(image.size(), QSize(200, 120));
    QCOMPARE(TestClip::numberOf(image), 77);
    const QColor red = image.pixelColor(3, 3); // the red block, in RGB order
    QVERIFY2(red.red() > 200 && red.green() < 60 && red.blue() < 60, qPrintable(red.name()));
}

void TestPhotoReader::appliesExifOrientation()
{
    // Stored landscape, tagged "rotate 90 degrees clockwise to show".
    QImage stored(80, 40, QImage::Format_RGB888);
    stored.fill(Qt::blue);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 10; ++x)
            stored.setPixelColor(x, y, Qt::red); // top left when stored
    QImageWriter writer(path(QStringLiteral("rotated.jpg")), "jpeg");
    writer.setQuality(95);
    writer.setTransformation(QImageIOHandler::TransformationRotate90);
    QVERIFY2(writer.write(stored), qPrintable(writer.errorString()));

    QString error;
    const QImage image = PhotoReader::read(path(QStringLiteral("rotated.jpg")), &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), QSize(40, 80));
    // Rotated clockwise, the stored top left comes to the top right.
    QVERIFY(image.pixelColor(35, 4).red() > 200);
    QVERIFY(image.pixelColor(4, 4).blue() > 200);
}

void TestPhotoReader::refusesOversizedFromHeader_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("kind"); // lying-jpeg, lying-png, real-png
    QTest::newRow("15 KB JPEG declaring 30000 x 30000") << "bomb.jpg" << 30000 << 30000 << "lying-jpeg";
    QTest::newRow("PNG header declaring 30000 x 30000") << "bomb.png" << 30000 << 30000 << "lying-png";
    QTest::newRow("real 30000 x 30000 PNG") << "real-bomb.png" << 30000 << 30000 << "real-png";
    QTest::newRow("one side over") << "wide.png" << 16385 << 8 << "real-png";
    QTest::newRow("area over (121 MP)") << "area.png" << 11000 << 11000 << "lying-png";
    QTest::newRow("PNG named .jpg") << "png-inside.jpeg" << 30000 << 30000 << "lying-png";
}

void TestPhotoReader::refusesOversizedFromHeader()
{
    QFETCH(QString, name);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, kind);
    QString error;
    const bool made = kind == QLatin1String("lying-jpeg")
                          ? BadMedia::writeLyingJpeg(path(name), width, height, 15000, &error)
                      : kind == QLatin1String("lying-png")
                          ? BadMedia::writeLyingPng(path(name), width, height, &error)
                          : BadMedia::writePng(path(name), width, height, &error);
    QVERIFY2(made, qPrintable(error));
    QVERIFY(QFileInfo(path(name)).size() < 1024 * 1024);

    const double before = peakMb();
    const QImage image = PhotoReader::read(path(name), &error);
    QVERIFY(image.isNull());
    QCOMPARE(error,
             QStringLiteral("%1: the image is %2 x %3 pixels; the limit is 16384 per side and 120 megapixels")
                 .arg(name)
                 .arg(width)
                 .arg(height));
    // Refused before decoding: nothing near the image's size was allocated.
    QVERIFY2(peakMb() - before < 64, qPrintable(QStringLiteral("peak grew by %1 MB").arg(peakMb() - before)));
}

void TestPhotoReader::acceptsTheLimitItself()
{
    // 16384 per side is allowed: the limit is inclusive.
    QString error;
    QVERIFY2(BadMedia::writePng(path(QStringLiteral("limit.png")), 16384, 4, &error), qPrintable(error));
    const QImage image = PhotoReader::read(path(QStringLiteral("limit.png")), &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.size(), QSize(16384, 4));
}

void TestPhotoReader::undecodable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // null: do not create
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << "gone.jpg" << QByteArray() << "not found";
    QTest::newRow("empty") << "empty.jpg" << QByteArray("") << "empty";
    QTest::newRow("text") << "notes.jpg" << QByteArray("just some words\n") << "cannot be decoded as a photo";
    QTest::newRow("jpeg header only")
        << "head.jpg" << BadMedia::jpeg().left(120) << "cannot be decoded as a photo";
    const QByteArray jpeg = BadMedia::jpeg();
    QTest::newRow("jpeg cut in its image data")
        << "cut.jpg" << jpeg.left(jpeg.size() * 3 / 4) << "the JPEG ends before its image does";
    QTest::newRow("jpeg without its end marker")
        << "noend.jpg" << jpeg.chopped(2) << "the JPEG ends before its image does";
    QByteArray mp4("\x00\x00\x00\x18"
                   "ftypisom\x00\x00\x02\x00"
                   "isomiso2",
                   24);
    mp4.append(QByteArray(2000, '\x01'));
    QTest::newRow("an MP4") << "video.jpg" << mp4 << "the file is a video, not a photo";
}

void TestPhotoReader::undecodable()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    if (!bytes.isNull())
        QVERIFY(BadMedia::writeBytes(path(name), bytes));
    QString error;
    QVERIFY(PhotoReader::read(path(name), &error).isNull());
    QVERIFY2(error.startsWith(name + QLatin1String(": ")) && error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

// Bytes after a JPEG's end (a camera's trailer) and a thumbnail's own end
// marker inside its EXIF data do not make it look cut.
void TestPhotoReader::wholeJpegWithATrailerReads()
{
    const QByteArray jpeg = BadMedia::jpeg();
    QVERIFY(jpeg.endsWith(QByteArray("\xff\xd9", 2)));
    const QByteArray trailer = jpeg + QByteArray("SEFHtrailer") + QByteArray("\xff\xd8", 2) + QByteArray(" of a camera");
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("trailer.jpg")), trailer));
    QString error;
    QVERIFY2(!PhotoReader::read(path(QStringLiteral("trailer.jpg")), &error).isNull(), qPrintable(error));
    // An APP1 segment holding a whole small JPEG (a thumbnail) before the
    // image's own scan, and the image cut: still cut.
    const QByteArray thumbnail = jpeg;
    QByteArray app1("\xff\xe1", 2);
    const int length = int(thumbnail.size()) + 2 + 6;
    app1.append(char(length >> 8)).append(char(length & 0xff)).append("Exif\0\0", 6).append(thumbnail);
    const QByteArray withThumbnail = jpeg.left(2) + app1 + jpeg.mid(2);
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("thumb.jpg")), withThumbnail));
    QVERIFY2(!PhotoReader::read(path(QStringLiteral("thumb.jpg")), &error).isNull(), qPrintable(error));
    QVERIFY(BadMedia::writeBytes(path(QStringLiteral("thumbcut.jpg")), withThumbnail.left(withThumbnail.size() - 200)));
    QVERIFY(PhotoReader::read(path(QStringLiteral("thumbcut.jpg")), &error).isNull());
    QVERIFY2(error.contains(QStringLiteral("the JPEG ends before its image does")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPhotoReader)
#include "tst_photoreader.moc"
