#include "sync/capturecolumns.h"

#include "editing/capturechanges.h"
#include "store/currentmanifest.h"
#include "store/database.h"

#include <QUuid>

namespace sl {

namespace {

// sl_reviewstatus is a choice of Sightline's publisher (prefix sl, option
// value prefix 10000): its values start at 100000000, in this order.
constexpr std::pair<const char *, int> kReviewChoices[] = {
    {"new", 100000000},
    {"approved", 100000001},
    {"rejected", 100000002},
    {"needs-follow-up", 100000003},
};

// msdyn_attachmenttype and msdyn_category (ASSET-STORE.md).
constexpr int kAttachmentImage = 700610000;
constexpr int kAttachmentVideo = 700610001;
constexpr int kCategoryCapture = 700610000;

QJsonValue textOrNull(const QJsonObject &row, const QString &column)
{
    const QJsonValue value = row.value(column);
    return value.isString() ? value : QJsonValue(QJsonValue::Null);
}

} // namespace

bool CaptureColumns::isVideo(const QJsonObject &row)
{
    return row.value(QStringLiteral("msdyn_attachmenttype")).toInt() == kAttachmentVideo;
}

QString CaptureColumns::storeFileName(const QJsonObject &row)
{
    const QString fileName = row.value(QStringLiteral("msdyn_file_name")).toString();
    return fileName.isEmpty() ? row.value(QStringLiteral("msdyn_name")).toString() : fileName;
}

std::optional<int> CaptureColumns::reviewStatusChoice(const QString &key)
{
    for (const auto &[name, choice] : kReviewChoices)
        if (key == QLatin1String(name))
            return choice;
    return std::nullopt;
}

QString CaptureColumns::reviewStatusKey(int choice)
{
    for (const auto &[name, value] : kReviewChoices)
        if (choice == value)
            return QLatin1String(name);
    return {};
}

QJsonObject CaptureColumns::fieldValues(const QJsonObject &row)
{
    const QJsonValue status = row.value(CaptureChanges::kReviewStatusColumn);
    const QString statusKey = status.isDouble() ? reviewStatusKey(status.toInt()) : QString();
    return {{CaptureChanges::kManifestColumn, textOrNull(row, CaptureChanges::kManifestColumn)},
            {CaptureChanges::kReviewStatusColumn, statusKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(statusKey)},
            {CaptureChanges::kReviewNoteColumn, textOrNull(row, CaptureChanges::kReviewNoteColumn)}};
}

QJsonObject CaptureColumns::writeBody(const QJsonObject &payload)
{
    QJsonObject body;
    for (const QString &column : {CaptureChanges::kManifestColumn, CaptureChanges::kReviewNoteColumn})
        if (payload.contains(column))
            body.insert(column, payload.value(column));
    if (payload.contains(CaptureChanges::kReviewStatusColumn)) {
        const std::optional<int> choice = reviewStatusChoice(payload.value(CaptureChanges::kReviewStatusColumn).toString());
        body.insert(CaptureChanges::kReviewStatusColumn, choice ? QJsonValue(*choice) : QJsonValue(QJsonValue::Null));
    }
    return body;
}

std::optional<QJsonObject> CaptureColumns::createBody(Database &db, const QString &captureId, const QJsonObject &payload)
{
    Statement query = db.cached("SELECT coalesce(asset_id, ''), media_type, media_file, review_status, review_note "
                                "FROM captures WHERE id = ?");
    query.bind(1, captureId);
    if (!query.step())
        return std::nullopt;
    QJsonObject current{{CaptureChanges::kReviewStatusColumn, query.columnText(3)},
                        {CaptureChanges::kReviewNoteColumn, query.columnText(4)}};
    if (const std::optional<QString> manifest = CurrentManifest::jsonOf(db, captureId))
        current.insert(CaptureChanges::kManifestColumn, *manifest);
    for (auto it = payload.begin(); it != payload.end(); ++it)
        current.insert(it.key(), it.value());

    QJsonObject body = writeBody(current);
    const QString mediaFile = query.columnText(2);
    body.insert(QStringLiteral("msdyn_name"), mediaFile.isEmpty() ? captureId : mediaFile);
    body.insert(QStringLiteral("msdyn_attachmenttype"),
                query.columnText(1) == QLatin1String("video") ? kAttachmentVideo : kAttachmentImage);
    body.insert(QStringLiteral("msdyn_category"), kCategoryCapture);
    const QUuid asset = QUuid::fromString(query.columnText(0));
    if (!asset.isNull()) // a capture of an asset the workspace does not know goes unlinked
        body.insert(QStringLiteral("msdyn_CustomerAsset@odata.bind"),
                    QStringLiteral("/msdyn_customerassets(%1)").arg(asset.toString(QUuid::WithoutBraces)));
    return body;
}

} // namespace sl
