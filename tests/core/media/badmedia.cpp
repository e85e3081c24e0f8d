#include "badmedia.h"

#include "testclip.h"

#include <QFile>
#include <QProcess>
#include <QtEndian>

#include <opencv2/imgcodecs.hpp>

#include <zlib.h>

#include <vector>

namespace sl::test {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

void appendChunk(QByteArray &png, const char *type, const QByteArray &data)
{
    QByteArray length(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), length.data());
    const QByteArray body = QByteArray(type, 4) + data;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(
        quint32(crc32(0, reinterpret_cast<const Bytef *>(body.constData()), uInt(body.size()))), crc.data());
    png += length + body + crc;
}

// Signature and IHDR of a 1-bit grey PNG.
QByteArray pngHead(int width, int height)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header(13, '\0');
    qToBigEndian<quint32>(quint32(width), header.data());
    qToBigEndian<quint32>(quint32(height), header.data() + 4);
    header[8] = 1; // bit depth
    header[9] = 0; // grey
    appendChunk(png, "IHDR", header);
    return png;
}

// Deflates `rows` black rows of a 1-bit image `width` wide, chunk by chunk.
QByteArray deflateRows(int width, int rows)
{
    const std::vector<Bytef> row(size_t(1 + (width + 7) / 8), 0); // filter byte 0, then pixels
    z_stream z = {};
    deflateInit(&z, 9);
    QByteArray out;
    std::vector<Bytef> buffer(1 << 16);
    for (int y = 0; y < rows; ++y) {
        z.next_in = const_cast<Bytef *>(row.data());
        z.avail_in = uInt(row.size());
        const int flush = y + 1 == rows ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = buffer.data();
            z.avail_out = uInt(buffer.size());
            deflate(&z, flush);
            out.append(reinterpret_cast<const char *>(buffer.data()), qsizetype(buffer.size() - z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

} // namespace

bool BadMedia::writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool BadMedia::writePng(const QString &path, int width, int height, QString *error)
{
    QByteArray png = pngHead(width, height);
    appendChunk(png, "IDAT", deflateRows(width, height));
    appendChunk(png, "IEND", {});
    return writeBytes(path, png) || fail(error, QStringLiteral("cannot write ") + path);
}

bool BadMedia::writeLyingPng(const QString &path, int width, int height, QString *error)
{
    QByteArray png = pngHead(width, height);
    appendChunk(png, "IDAT", deflateRows(width, 4));
    appendChunk(png, "IEND", {});
    return writeBytes(path, png) || fail(error, QStringLiteral("cannot write ") + path);
}

QByteArray BadMedia::jpeg()
{
    std::vector<uchar> encoded;
    cv::imencode(".jpg", TestClip::frame(5, cv::Size(64, 48)), encoded);
    return QByteArray(reinterpret_cast<const char *>(encoded.data()), qsizetype(encoded.size()));
}

bool BadMedia::writeLyingJpeg(const QString &path, int width, int height, int bytes, QString *error)
{
    QByteArray data = jpeg();
    const qsizetype sof = data.indexOf(QByteArray("\xff\xc0", 2));
    if (sof < 0)
        return fail(error, QStringLiteral("the encoded JPEG has no baseline frame header"));
    // FF C0, length (2), precision (1), height (2), width (2).
    qToBigEndian<quint16>(quint16(height), data.data() + sof + 5);
    qToBigEndian<quint16>(quint16(width), data.data() + sof + 7);
    data.chop(2); // no end marker: the noise continues the scan
    for (quint32 x = 12345; data.size() < bytes;) {
        x = x * 1103515245u + 12345u;
        const char byte = char((x >> 16) & 0xff);
        data.append(byte == char(0xff) ? char(0x00) : byte); // no stray markers
    }
    return writeBytes(path, data) || fail(error, QStringLiteral("cannot write ") + path);
}

bool BadMedia::ffmpeg(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
                      arguments);
    if (!process.waitForStarted(10000))
        return fail(error, QStringLiteral("cannot start ffmpeg: ") + process.errorString());
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return fail(error, QStringLiteral("ffmpeg %1 failed: %2")
                               .arg(arguments.join(QLatin1Char(' ')),
                                    QString::fromUtf8(process.readAllStandardError())));
    return true;
}

bool BadMedia::writeFastStartClip(const QString &path, int frames, double fps, QString *error)
{
    const QString plain = path + QStringLiteral(".plain.mp4");
    if (!TestClip::write(plain, frames, fps, cv::Size(160, 96), TestClip::Encoder::Ffmpeg, error))
        return false;
    const bool ok = ffmpeg({QStringLiteral("-i"), plain, QStringLiteral("-c"), QStringLiteral("copy"),
                            QStringLiteral("-movflags"), QStringLiteral("+faststart"), path},
                           error);
    QFile::remove(plain);
    return ok;
}

bool BadMedia::truncateCopy(const QString &from, const QString &to, double fraction, QString *error)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read ") + from);
    const QByteArray bytes = source.readAll();
    return writeBytes(to, bytes.left(qsizetype(bytes.size() * fraction))) ||
           fail(error, QStringLiteral("cannot write ") + to);
}

bool BadMedia::patchMp4Size(const QString &path, int width, int height, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return fail(error, QStringLiteral("cannot open ") + path);
    QByteArray bytes = file.readAll();
    // The sample entry inside the sample description (the brand list of the
    // file type box names "avc1" too).
    const qsizetype entry = bytes.indexOf("avc1", bytes.indexOf("stsd"));
    if (entry < 0 || bytes.indexOf("stsd") < 0)
        return fail(error, QStringLiteral("no avc1 sample entry in ") + path);
    // After the type: 6 reserved, data reference index (2), 16 bytes of
    // version/reserved/pre-defined, then width and height (2 each).
    qToBigEndian<quint16>(quint16(width), bytes.data() + entry + 4 + 24);
    qToBigEndian<quint16>(quint16(height), bytes.data() + entry + 4 + 26);
    file.seek(0);
    return file.write(bytes) == bytes.size() || fail(error, QStringLiteral("cannot write ") + path);
}

} // namespace sl::test
