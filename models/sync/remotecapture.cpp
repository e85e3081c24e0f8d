#include "sync/remotecapture.h"

#include "capture/manifestreader.h"
#include "editing/capturechanges.h"
#include "store/mediacache.h"
#include "sync/capturecolumns.h"
#include "sync/synctable.h"

#include <QFileInfo>
#include <QUuid>

namespace sl {

std::optional<CaptureRecord> RemoteCapture::fromAttachment(const QJsonObject &row, QString *reason, QString *notice)
{
    const QUuid key = QUuid::fromString(row.value(syncTableSpec(SyncTable::Attachments).keyColumn).toString());
    if (key.isNull()) {
        *reason = tr("an attachment without a GUID key");
        return std::nullopt;
    }
    const QString id = key.toString(QUuid::WithoutBraces);
    const QUuid asset = QUuid::fromString(row.value(QStringLiteral("_msdyn_customerasset_value")).toString());
    if (asset.isNull()) {
        *reason = tr("attachment %1 belongs to no customer asset").arg(id);
        return std::nullopt;
    }
    const bool video = CaptureColumns::isVideo(row);
    CaptureRecord record;
    record.id = id;
    record.assetId = asset.toString(QUuid::WithoutBraces);
    record.mediaType = video ? MediaType::Video : MediaType::Photo;
    record.mediaPath = MediaCache::relativePathFor(id, CaptureColumns::storeFileName(row), video, reason);
    if (record.mediaPath.isEmpty())
        return std::nullopt;

    const QJsonObject fields = CaptureColumns::fieldValues(row);
    const QJsonValue manifestText = fields.value(CaptureChanges::kManifestColumn);
    bool taken = false;
    if (manifestText.isString()) {
        ManifestResult parsed = ManifestReader::parse(manifestText.toString().toUtf8(), tr("attachment %1").arg(id));
        if (const ManifestError *error = std::get_if<ManifestError>(&parsed)) {
            *notice = tr("attachment %1: its manifest was not taken: %2").arg(id, error->message());
        } else {
            CaptureManifest &manifest = std::get<CaptureManifest>(parsed);
            if (QUuid::fromString(manifest.id) != key) {
                *notice = tr("attachment %1: its manifest is of another capture (%2) and was not taken").arg(id, manifest.id);
            } else if (manifest.mediaType != record.mediaType) {
                *notice = tr("attachment %1: its manifest says %2 but the attachment is a %3; the manifest was not taken")
                              .arg(id, mediaTypeName(manifest.mediaType), mediaTypeName(record.mediaType));
            } else {
                record.manifest = std::move(manifest);
                taken = true;
            }
        }
    }
    CaptureManifest &manifest = record.manifest;
    if (!taken) {
        manifest = CaptureManifest{};
        manifest.capturedAt = row.value(QStringLiteral("createdon")).toString();
    }
    manifest.id = id;
    manifest.assetId = record.assetId;
    manifest.mediaType = record.mediaType;
    manifest.mediaFile = QFileInfo(record.mediaPath).fileName();
    record.capturedAt = manifest.capturedAt;
    record.spatialFrame = manifest.spatialFrame;
    const QString status = fields.value(CaptureChanges::kReviewStatusColumn).toString();
    if (!status.isEmpty())
        record.reviewStatus = reviewStatusFromKey(status);
    record.reviewNote = fields.value(CaptureChanges::kReviewNoteColumn).toString();
    return record;
}

} // namespace sl
