#include "sync/capturemedia.h"

#include "remote/remotelimits.h"
#include "render/frameexporter.h"
#include "store/assetdetails.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace sl {

namespace {

const QString kImageColumn = QStringLiteral("msdyn_image");
const QString kFileColumn = QStringLiteral("msdyn_file");
const QString kUploader = QStringLiteral("sync"); // the audit row's author: the push, not a person

} // namespace

qint64 CaptureMedia::limitOf(const QString &column)
{
    return column == kImageColumn ? limits::kImageColumnBytes : limits::kFileColumnBytes;
}

CaptureMedia::Outcome CaptureMedia::prepare(Workspace &workspace, const QString &captureId,
                                            const QString &scratchFolder, CaptureMediaFile *file, QString *reason)
{
    std::optional<CaptureOpening> opening;
    try {
        opening = CaptureOpening::read(workspace, captureId);
    } catch (const StoreError &error) {
        *reason = error.message();
        return Outcome::Failed;
    }
    if (!opening) {
        *reason = tr("the capture is no longer in this workspace");
        return Outcome::Refused;
    }
    if (opening->mediaPath.isEmpty()) {
        *reason = tr("its stored media path is refused");
        return Outcome::Refused;
    }
    const CaptureManifest &manifest = opening->record.manifest;
    // The store's name: the device's file name, never a path.
    const QString baseName = QFileInfo(manifest.mediaFile).completeBaseName().isEmpty()
                                 ? captureId
                                 : QFileInfo(manifest.mediaFile).completeBaseName();
    file->originalSha256 = opening->record.mediaSha256;

    if (manifest.mediaType == MediaType::Video) {
        const bool redacted = std::any_of(manifest.markups.begin(), manifest.markups.end(),
                                          [](const Markup &markup) { return markup.kind == MarkupKind::Blur; });
        if (redacted) {
            *reason = tr("the video has redactions, and they cannot be burned into a video yet: the unredacted "
                         "original is not uploaded");
            return Outcome::Refused;
        }
        file->column = kFileColumn;
        file->localPath = opening->mediaPath;
        file->fileName = baseName + QLatin1Char('.') + QFileInfo(opening->mediaPath).suffix();
    } else {
        file->column = kImageColumn;
        file->fileName = baseName + QStringLiteral(".jpg");
        file->localPath = QDir(scratchFolder).filePath(captureId + QStringLiteral(".jpg"));
        QString error;
        if (!FrameExporter::exportCapture(workspace, captureId, std::nullopt, file->localPath, &error, nullptr,
                                          kUploader)) {
            *reason = error;
            return Outcome::Failed;
        }
    }
    QFile sent(file->localPath);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!sent.open(QIODevice::ReadOnly) || !hash.addData(&sent)) {
        *reason = tr("%1 cannot be read: %2").arg(file->localPath, sent.errorString());
        return Outcome::Failed;
    }
    file->sha256 = QString::fromLatin1(hash.result().toHex());
    file->bytes = sent.size();
    if (file->bytes > limitOf(file->column)) {
        *reason = tr("%1 is %2 bytes; the store's %3 column takes at most %4 bytes")
                      .arg(file->fileName)
                      .arg(file->bytes)
                      .arg(file->column)
                      .arg(limitOf(file->column));
        return Outcome::Refused;
    }
    return Outcome::Ready;
}

} // namespace sl
