#include "captureset.h"

#include "capture/capturemanifest.h"
#include "capture/manifestwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSet>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace sl::test {

namespace {

const QString kAssetId = QStringLiteral("5f0d7c8e-0000-4000-8000-00000000a55e");
constexpr int kWidth = 64, kHeight = 48; // pixels
constexpr int kBlock = 8;                // pixels per bit block

// The pixels of one capture version: a background by version, the index's
// 16 bits as black/white 8x8 blocks on the top two rows of blocks and the
// version as one more block, so that no two (index, version) pairs share a
// picture (JPEG keeps 8x8 blocks of full contrast apart).
cv::Mat pictureFor(int index, int version)
{
    const cv::Scalar background = version == 1 ? cv::Scalar(160, 90, 40) : cv::Scalar(40, 120, 220); // BGR
    cv::Mat image(kHeight, kWidth, CV_8UC3, background);
    const int perRow = kWidth / kBlock;
    for (int bit = 0; bit < 16; ++bit) {
        const cv::Scalar colour = (index >> bit) & 1 ? cv::Scalar(255, 255, 255) : cv::Scalar(0, 0, 0);
        const cv::Rect block((bit % perRow) * kBlock, (bit / perRow) * kBlock, kBlock, kBlock);
        cv::rectangle(image, block, colour, cv::FILLED);
    }
    const cv::Rect versionBlock((version - 1) * kBlock, 3 * kBlock, kBlock, kBlock);
    cv::rectangle(image, versionBlock, cv::Scalar(255, 0, 255), cv::FILLED);
    return image;
}

bool writeBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        return true;
    *error = QStringLiteral("%1: %2").arg(path, file.errorString());
    return false;
}

CaptureManifest manifestFor(const QString &id, const QString &mediaFile, int version)
{
    CaptureManifest m;
    m.id = id;
    m.assetId = kAssetId;
    m.mediaFile = mediaFile;
    m.mediaType = MediaType::Photo;
    m.capturedAt = QStringLiteral("2026-11-20T10:31:00Z");
    m.capturedBy = CaptureSet::versionTag(version);
    Markup label;
    label.id = id + QStringLiteral("-label");
    label.kind = MarkupKind::Text;
    label.space = MarkupSpace::Image;
    label.imagePoints = {cv::Point2d(0.1, 0.9)}; // normalised, bottom left
    label.text = CaptureSet::versionTag(version);
    m.markups.push_back(label);
    return m;
}

} // namespace

QString CaptureSet::idFor(int index)
{
    return QStringLiteral("c0ffee00-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
}

QString CaptureSet::versionTag(int version)
{
    return QStringLiteral("version-%1").arg(version);
}

QString CaptureSet::folder(int version) const
{
    return QDir(m_root).filePath(QStringLiteral("v%1").arg(version));
}

QByteArray CaptureSet::writeCapture(const QString &folder, const QString &stem, const QString &id, int index,
                                    int version, QString *error)
{
    std::vector<uchar> encoded;
    if (!cv::imencode(".jpg", pictureFor(index, version), encoded)) {
        *error = QStringLiteral("cannot encode the JPEG of capture %1").arg(index);
        return {};
    }
    const QByteArray bytes(reinterpret_cast<const char *>(encoded.data()), qsizetype(encoded.size()));
    const QString mediaFile = stem + QStringLiteral(".jpg");
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return {};
    }
    if (!writeBytes(QDir(folder).filePath(mediaFile), bytes, error))
        return {};
    if (!ManifestWriter::writeFile(manifestFor(id, mediaFile, version),
                                   QDir(folder).filePath(stem + QStringLiteral(".capture.json")), error))
        return {};
    return bytes;
}

bool CaptureSet::generate(const QString &root, int count, QString *error)
{
    m_root = root;
    m_sources = {};
    QSet<QByteArray> hashes;
    for (int index = 0; index < count; ++index) {
        const QString id = idFor(index);
        const QString stem = QStringLiteral("capture-%1").arg(index, 4, 10, QLatin1Char('0'));
        for (int version = 1; version <= kVersions; ++version) {
            const QByteArray bytes = writeCapture(folder(version), stem, id, index, version, error);
            if (bytes.isEmpty())
                return false;
            const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
            if (hashes.contains(hash)) {
                *error = QStringLiteral("capture %1 version %2: the same media bytes as another capture")
                             .arg(index)
                             .arg(version);
                return false;
            }
            hashes.insert(hash);
            m_sources.media[id].insert(version, bytes);
        }
        m_sources.ids.append(id);
    }
    return true;
}

} // namespace sl::test
