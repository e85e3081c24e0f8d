#include "store/currentmanifest.h"

#include "capture/manifestwriter.h"
#include "store/capturerepository.h"
#include "store/database.h"
#include "store/markuprepository.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace sl {

namespace {

StoreError unreadable(const CaptureRecord &record)
{
    return StoreError(QCoreApplication::translate("sl::CurrentManifest",
                                                  "The stored manifest of capture %1 no longer reads (%2): its "
                                                  "markup cannot be changed.")
                          .arg(record.id, record.manifestError));
}

} // namespace

std::optional<CaptureManifest> CurrentManifest::of(Database &db, const QString &captureId)
{
    std::optional<CaptureRecord> record = CaptureRepository(db).byId(captureId);
    if (!record)
        return std::nullopt;
    if (!record->manifestError.isEmpty())
        throw unreadable(*record);
    record->manifest.markups = MarkupRepository(db).carriedBy(captureId);
    return std::move(record->manifest);
}

std::optional<QString> CurrentManifest::jsonOf(Database &db, const QString &captureId)
{
    std::optional<CaptureRecord> record = CaptureRepository(db).byId(captureId);
    if (!record)
        return std::nullopt;
    if (!record->manifestError.isEmpty())
        return record->storedManifestJson;
    record->manifest.markups = MarkupRepository(db).carriedBy(captureId);
    return QString::fromUtf8(QJsonDocument(ManifestWriter::toJson(record->manifest)).toJson(QJsonDocument::Compact));
}

} // namespace sl
