#include "media/thumbnailcache.h"

#include "common/outputfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QStandardPaths>

#include <algorithm>

namespace sl {

namespace {

// Every cached file: this magic, the payload's length (uint32, big endian),
// its MD5 (16 bytes), then the payload.
const QByteArray kMagic = QByteArrayLiteral("SLTHUMB1");
constexpr int kHeaderBytes = 8 + 4 + 16;
// A plan of at most kThumbnailsPerStrip lines of "frame seconds".
constexpr qint64 kMaxPlanBytes = 64 * 1024;
// A thumbnail of at most kThumbnailHeight pixels as JPEG stays far below this.
constexpr qint64 kMaxThumbnailBytes = 4 * 1024 * 1024;
// A frame index (PacketScan) of 25 bytes a packet: 2.6 million packets, a
// day of video at 30 frames a second.
constexpr qint64 kMaxIndexBytes = 64 * 1024 * 1024;
// JPEG quality of a thumbnail: small files, no visible blocks at 90 px.
constexpr int kJpegQuality = 85;

QByteArray checksumOf(const QByteArray &payload)
{
    return QCryptographicHash::hash(payload, QCryptographicHash::Md5);
}

} // namespace

ThumbnailCache::ThumbnailCache(QString folder, qint64 maxBytes) : m_folder(std::move(folder)), m_maxBytes(maxBytes)
{
}

QString ThumbnailCache::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails");
}

QString ThumbnailCache::mediaKey(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return {};
    const QByteArray identity = QFile::encodeName(info.absoluteFilePath()) + '\n' +
                                QByteArray::number(info.size()) + '\n' +
                                QByteArray::number(info.lastModified().toMSecsSinceEpoch());
    return QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex());
}

QString ThumbnailCache::thumbnailPath(const QString &mediaKey, int frame, int height) const
{
    return QStringLiteral("%1/%2/h%3-f%4.thumb").arg(m_folder, mediaKey).arg(height).arg(frame);
}

QString ThumbnailCache::planPath(const QString &mediaKey, int count) const
{
    return QStringLiteral("%1/%2/plan-%3.txt").arg(m_folder, mediaKey).arg(count);
}

std::optional<QByteArray> ThumbnailCache::readChecked(const QString &path, qint64 maxPayload)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt; // not cached yet
    const QByteArray bytes = file.read(kHeaderBytes + maxPayload + 1);
    file.close();
    bool sound = bytes.size() >= kHeaderBytes && bytes.startsWith(kMagic);
    QByteArray payload;
    if (sound) {
        QDataStream header(bytes.mid(kMagic.size(), 4));
        quint32 length = 0;
        header >> length;
        payload = bytes.mid(kHeaderBytes);
        sound = qint64(length) == payload.size() && checksumOf(payload) == bytes.mid(kMagic.size() + 4, 16);
    }
    if (!sound) {
        ++m_damaged;
        QFile::remove(path); // written again by whoever decodes it
        return std::nullopt;
    }
    return payload;
}

bool ThumbnailCache::writeChecked(const QString &path, const QByteArray &payload, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QCoreApplication::translate("sl::ThumbnailCache", "cannot create the folder %1")
                         .arg(QFileInfo(path).absolutePath());
        return false;
    }
    QByteArray bytes = kMagic;
    QDataStream length(&bytes, QIODevice::Append);
    length << quint32(payload.size());
    bytes += checksumOf(payload);
    bytes += payload;
    return OutputFile::write(path, bytes, error);
}

QImage ThumbnailCache::read(const QString &mediaKey, int frame, int height)
{
    const QString path = thumbnailPath(mediaKey, frame, height);
    const std::optional<QByteArray> payload = readChecked(path, kMaxThumbnailBytes);
    if (!payload)
        return {};
    QImage image = QImage::fromData(*payload, "JPG");
    if (image.isNull() || image.height() != height) {
        ++m_damaged;
        QFile::remove(path);
        return {};
    }
    return image.convertToFormat(QImage::Format_RGB888);
}

bool ThumbnailCache::write(const QString &mediaKey, int frame, int height, const QImage &image, QString *error)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "JPG");
    writer.setQuality(kJpegQuality);
    if (!writer.write(image)) {
        if (error)
            *error = writer.errorString();
        return false;
    }
    return writeChecked(thumbnailPath(mediaKey, frame, height), jpeg, error);
}

std::optional<std::vector<ThumbnailSlot>> ThumbnailCache::readPlan(const QString &mediaKey, int count)
{
    const std::optional<QByteArray> payload = readChecked(planPath(mediaKey, count), kMaxPlanBytes);
    if (!payload || payload->size() > kMaxPlanBytes)
        return std::nullopt;
    std::vector<ThumbnailSlot> plan;
    for (const QByteArray &line : payload->split('\n')) {
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(' ');
        bool frameOk = false, secondsOk = false;
        const ThumbnailSlot slot{fields.value(0).toInt(&frameOk), fields.value(1).toDouble(&secondsOk)};
        if (fields.size() != 2 || !frameOk || !secondsOk || slot.frame < 0)
            return std::nullopt;
        plan.push_back(slot);
    }
    if (int(plan.size()) != count)
        return std::nullopt;
    return plan;
}

bool ThumbnailCache::writePlan(const QString &mediaKey, int count, const std::vector<ThumbnailSlot> &plan)
{
    QByteArray text;
    for (const ThumbnailSlot &slot : plan)
        text += QByteArray::number(slot.frame) + ' ' + QByteArray::number(slot.seconds, 'g', 17) + '\n';
    return writeChecked(planPath(mediaKey, count), text, nullptr);
}

QString ThumbnailCache::indexPath(const QString &mediaKey) const
{
    return QStringLiteral("%1/%2/index.packets").arg(m_folder, mediaKey);
}

std::optional<QByteArray> ThumbnailCache::readIndex(const QString &mediaKey)
{
    return readChecked(indexPath(mediaKey), kMaxIndexBytes);
}

bool ThumbnailCache::writeIndex(const QString &mediaKey, const QByteArray &index)
{
    return index.size() <= kMaxIndexBytes && writeChecked(indexPath(mediaKey), index, nullptr);
}

qint64 ThumbnailCache::prune()
{
    struct Entry
    {
        QString path;
        qint64 bytes;
        QDateTime written;
    };
    std::vector<Entry> entries;
    qint64 total = 0;
    QDirIterator it(m_folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        entries.push_back({info.filePath(), info.size(), info.lastModified()});
        total += info.size();
    }
    if (total <= m_maxBytes)
        return total;
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.written < b.written; });
    for (const Entry &entry : entries) {
        if (total <= m_maxBytes)
            break;
        if (QFile::remove(entry.path))
            total -= entry.bytes;
    }
    return total;
}

} // namespace sl
